"""What writing a report costs, part by part: report.json with Python's encoder and with
`report_json_text` (orjson), report.md and report.html, from an existing report.json.

    .venv/bin/python -m synopse.cli analyze /tmp/c2000b --embeddings none --out /tmp/r2000
    .venv/bin/python benchmarks/report_write.py /tmp/r2000/report.json

Prints CPU seconds for each, and whether the two JSON texts are the same. report.html is
rendered from the report itself (`render_html` needs the articles), so it is not timed here:
`benchmarks/scale.py`'s report stage times all of writing together.
"""

from __future__ import annotations

import argparse
import json
import time
from pathlib import Path

from synopse.brief.render import render_markdown
from synopse.brief.report_json import report_json_text


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("report", type=Path, help="a report.json written by synopse analyze")
    args = parser.parse_args()
    data = json.loads(args.report.read_text(encoding="utf-8"))
    start = time.process_time()
    python = json.dumps(data, ensure_ascii=False, indent=2) + "\n"
    python_s = time.process_time() - start
    start = time.process_time()
    fast = report_json_text(data)
    fast_s = time.process_time() - start
    start = time.process_time()
    render_markdown(data)
    markdown_s = time.process_time() - start
    print(f"{len(data['articles'])} articles, report.json {len(fast.encode()) / 2**20:.0f} MB")
    print(f"  json.dumps(indent=2): {python_s:6.2f} CPU-s")
    print(f"  report_json_text:     {fast_s:6.2f} CPU-s (same text: {fast == python})")
    print(f"  report.md:            {markdown_s:6.2f} CPU-s")


if __name__ == "__main__":
    main()
