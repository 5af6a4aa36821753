"""What each part of writing a report costs, with the cyclic garbage collector running as usual
and paused (as `write_reports` runs them), on the report of a real run held in memory.

    .venv/bin/python benchmarks/gen_corpus.py /tmp/c2000b --articles 2000
    .venv/bin/python benchmarks/report_parts.py /tmp/c2000b [--workers 2] [--embeddings none]

Analyses the corpus first (as `synopse analyze --workers N` does, about a minute for 2,000
articles with `none`) and prints the peak resident memory of this process and of its largest
worker, then times, in CPU seconds: building report.json's data, report.json's text, report.md
and report.html, each rendered whole and joined from the stories' sections the workers
rendered (`Report.rendered`, as `write_reports` does). With the articles of the run in memory,
every pass of the collector's oldest generation scans them all; after each part a full
`gc.collect()` is timed too, and how many objects it found unreachable (what a paused
collector leaves behind).
"""

from __future__ import annotations

import argparse
import gc
import resource
import time
from collections.abc import Callable
from pathlib import Path
from typing import Any

from synopse.brief.render import render_html, render_markdown, rendered_parts
from synopse.brief.report_json import report_json_text, report_to_dict
from synopse.config import Settings
from synopse.distributed.local import analyze_paths


def timed(action: Callable[[], Any], paused: bool) -> tuple[Any, float]:
    if paused:
        gc.disable()
    start = time.process_time()
    try:
        return action(), time.process_time() - start
    finally:
        gc.enable()


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("corpus", type=Path)
    parser.add_argument("--workers", type=int, default=2)
    parser.add_argument("--embeddings", default="none")
    args = parser.parse_args()
    settings = Settings().with_embeddings(args.embeddings)
    report = analyze_paths([str(args.corpus)], settings, args.workers)
    peaks = [
        resource.getrusage(w).ru_maxrss / 1024
        for w in (resource.RUSAGE_SELF, resource.RUSAGE_CHILDREN)
    ]
    print(f"peak RSS: this process {peaks[0]:.0f} MB, largest worker {peaks[1]:.0f} MB")
    gc.collect()
    print(f"{len(report.articles)} articles, {len(gc.get_objects()):,} tracked objects")
    for paused in (False, True):
        print(f"collector {'paused' if paused else 'running'}:")
        time_parts(report, paused)


def time_parts(report: Any, paused: bool) -> None:
    data, seconds = timed(lambda: report_to_dict(report), paused)
    print(f"  {'report_to_dict':>32}: {seconds:6.2f} CPU-s{_collect()}")
    ahead = rendered_parts(report)
    used = sum(part is not None for part in ahead)
    parts: list[tuple[str, Callable[[], Any]]] = [
        ("report.json text", lambda: report_json_text(data)),
        ("report.md", lambda: render_markdown(data)),
        ("report.html", lambda: render_html(report, data)),
        (f"report.md, {used} sections ahead", lambda: render_markdown(data, ahead)),
        (f"report.html, {used} sections ahead", lambda: render_html(report, data, ahead)),
    ]
    for name, action in parts:
        _, seconds = timed(action, paused)
        print(f"  {name:>32}: {seconds:6.2f} CPU-s{_collect()}")


def _collect() -> str:
    start = time.process_time()
    found = gc.collect()
    return f"; a full collection then: {time.process_time() - start:.2f} s, {found} unreachable"


if __name__ == "__main__":
    main()
