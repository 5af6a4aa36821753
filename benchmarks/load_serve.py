"""Load on `synopse serve --db`: 20 clients for 60 s over the story list, story and article
pages, entity pages and the API, while `synopse ingest` adds articles to the same SQLite store.

    .venv/bin/python benchmarks/load_serve.py [--seconds 60] [--clients 20]

Prints requests served, failures (non-200 or incomplete answers), p50/p95 latency and whether
every newly ingested article is visible at the end. The short mode runs in `make test`
(tests/robustness/test_load.py, 10 s).
"""

from __future__ import annotations

import argparse
import subprocess
import sys
import tempfile
import time
from pathlib import Path

import httpx

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))  # the load driver is shared with the test

from tests.robustness.corpus import write_corpus  # noqa: E402
from tests.robustness.load import hammer, serving, site_paths  # noqa: E402

SYNOPSE = [sys.executable, "-m", "synopse.cli"]


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--seconds", type=float, default=60)
    parser.add_argument("--clients", type=int, default=20)
    args = parser.parse_args()
    with tempfile.TemporaryDirectory() as folder:
        db = str(Path(folder) / "synopse.db")
        subprocess.run(
            [*SYNOPSE, "ingest", str(ROOT / "examples"), "--db", db, "--quiet"], check=True
        )
        new_ids = write_corpus(Path(folder) / "neu.jsonl", 5)
        with serving(db) as base:
            paths = site_paths(base)
            ingest = subprocess.Popen(
                [
                    *SYNOPSE,
                    "ingest",
                    str(Path(folder) / "neu.jsonl"),
                    "--db",
                    db,
                    "--batch-size",
                    "4",
                ],
                stdout=subprocess.DEVNULL,
            )
            began = time.monotonic()
            result = hammer(
                base, paths, args.clients, lambda: time.monotonic() - began < args.seconds
            )
            elapsed = time.monotonic() - began
            ingest_code = ingest.wait()
            visible = sum(
                httpx.get(f"{base}/api/articles/{i}", timeout=30).status_code == 200
                for i in new_ids
            )
    print(f"{args.clients} clients, {elapsed:.0f} s, {len(paths)} distinct paths")
    print(f"requests served: {len(result.latencies)} ({len(result.latencies) / elapsed:.1f}/s)")
    print(f"failures: {len(result.failures)} {sorted(set(result.failures))[:5]}")
    p50, p95 = (result.percentile(share) * 1000 for share in (0.5, 0.95))
    print(f"latency p50 {p50:.0f} ms, p95 {p95:.0f} ms")
    print(
        f"concurrent ingest: exit code {ingest_code}, new articles visible {visible}/{len(new_ids)}"
    )


if __name__ == "__main__":
    main()
