"""Ingest throughput into the store, SQLite and PostgreSQL, split by where the time goes.

    .venv/bin/python benchmarks/store_ingest.py [--copies 20] [--batch-size 50]

The example corpus (10 articles, 2 events) is recombined into `copies` x 10 distinct
articles: copy k moves every article 10 k days later (so each copy forms stories of its own),
renames its outlet and swaps the order of its paragraphs. The JSONL is ingested into a fresh
SQLite file and into a throw-away PostgreSQL server (Debian's binaries, as in the tests;
skipped when not installed), then ingested again (everything unchanged). Prints articles/s and
the split: annotation, story re-grouping and analysis (stages 4-7), the rest (reading,
cleaning, SQL). Annotation models are loaded before the clock starts.
"""

from __future__ import annotations

import argparse
import datetime as dt
import json
import sys
import tempfile
import time
from collections.abc import Callable, Iterator
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

from tests.store.postgres import (  # noqa: E402
    ServerUnavailable,
    create_database,
    start_server,
    stop_server,
)

from synopse.annotate.annotator import Annotator  # noqa: E402
from synopse.store import writer  # noqa: E402
from synopse.store.sql import SqlStore  # noqa: E402

EXAMPLES = ROOT / "examples"
START = dt.date(2025, 1, 6)


def corpus(copies: int, target: Path) -> Path:
    """The recombined corpus as one JSONL file."""
    path = target / "corpus.jsonl"
    with path.open("w", encoding="utf-8") as out:
        for k in range(copies):
            for example in sorted(EXAMPLES.glob("*.txt")):
                out.write(json.dumps(_variant(example, k), ensure_ascii=False) + "\n")
    return path


def _variant(example: Path, k: int) -> dict[str, str]:
    title, *paragraphs = [p for p in example.read_text(encoding="utf-8").split("\n") if p.strip()]
    body = paragraphs[k % len(paragraphs) :] + paragraphs[: k % len(paragraphs)]
    outlet = example.stem.split("_")[0]
    return {
        "id": f"{example.stem}-{k}",
        "title": title,
        "text": "\n\n".join(body),
        "outlet": f"{outlet} {k}",
        "published": (START + dt.timedelta(days=10 * k)).isoformat(),
    }


class Clock:
    """Seconds spent inside the wrapped callables, by name."""

    def __init__(self) -> None:
        self.seconds: dict[str, float] = {}

    def wrap(self, name: str, action: Callable[..., Any]) -> Callable[..., Any]:
        def timed(*args: Any, **kwargs: Any) -> Any:
            start = time.perf_counter()
            try:
                return action(*args, **kwargs)
            finally:
                self.seconds[name] = self.seconds.get(name, 0.0) + time.perf_counter() - start

        return timed


def measure(db: str, path: Path, annotator: Annotator, batch_size: int) -> None:
    clock = Clock()
    real_annotate, real_regroup = Annotator.__call__, writer.regroup
    Annotator.__call__ = clock.wrap("annotate", real_annotate)  # type: ignore[method-assign]
    writer.regroup = clock.wrap("regroup", real_regroup)
    try:
        with SqlStore.open(db, batch_size=batch_size, annotator=annotator) as store:
            start = time.perf_counter()
            summary = store.ingest([str(path)])
            total = time.perf_counter() - start
            again_start = time.perf_counter()
            again = store.ingest([str(path)])
            again_seconds = time.perf_counter() - again_start
    finally:
        Annotator.__call__ = real_annotate  # type: ignore[method-assign]
        writer.regroup = real_regroup
    _print(db, len(summary.added), total, clock.seconds)
    print(f"  re-ingest: {len(again.unchanged)} unchanged in {again_seconds:.1f} s")


def _print(db: str, added: int, total: float, seconds: dict[str, float]) -> None:
    annotate, regroup = seconds.get("annotate", 0.0), seconds.get("regroup", 0.0)
    rest = total - annotate - regroup
    kind = "PostgreSQL" if "://" in db else "SQLite"
    print(f"{kind}: {added} articles in {total:.1f} s = {added / total:.1f} articles/s")
    print(
        f"  annotate {annotate:.1f} s ({annotate / total:.0%}), stories {regroup:.1f} s "
        f"({regroup / total:.0%}), reading+cleaning+SQL {rest:.1f} s ({rest / total:.0%})"
    )


def _databases(folder: Path) -> Iterator[str]:
    yield str(folder / "bench.db")
    try:
        server, base = start_server()
    except ServerUnavailable as reason:
        print(f"PostgreSQL skipped: {reason}")
        return
    try:
        yield create_database(server, "bench")
    finally:
        stop_server(base)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--copies", type=int, default=20, help="copies of the 10 examples")
    parser.add_argument("--batch-size", type=int, default=50)
    args = parser.parse_args()
    annotator = Annotator()
    with tempfile.TemporaryDirectory() as folder:
        path = corpus(args.copies, Path(folder))
        print(f"corpus: {args.copies * 10} articles, batch size {args.batch_size}")
        for db in _databases(Path(folder)):
            measure(db, path, annotator, args.batch_size)


if __name__ == "__main__":
    main()
