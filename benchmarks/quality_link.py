"""Cross-document entity merging: pairwise precision/recall of same-entity decisions.

Stories come from tests/golden/ner/stories.jsonl (team-written) and tests/link/stories.jsonl:
`{"story", "articles": [{"id", "text"}], "clusters": [{"name", "type", "forms"}]}`. Every
occurrence of a cluster's forms (whole words, longest first) is a gold item; each pair of items
is a decision: same entity or not. Two settings:

- pipeline: the rules recogniser annotates the articles and `resolve_entities` merges; an item
  no predicted mention covers is its own entity (so recognition misses cost recall);
- oracle:   the gold items are given as the mentions (type from the cluster), isolating merging.

    .venv/bin/python benchmarks/quality_link.py [stories.jsonl ...]
"""

from __future__ import annotations

import json
import re
import sys
from collections.abc import Iterator, Sequence
from dataclasses import dataclass, replace
from itertools import combinations
from pathlib import Path

from synopse.annotate.annotator import Annotator
from synopse.annotate.gazetteer import gazetteer
from synopse.link import resolve_entities
from synopse.model import Article, Entity, EntityType, Mention

ROOT = Path(__file__).resolve().parents[1]
DEFAULT_PATHS = (ROOT / "tests/golden/ner/stories.jsonl", ROOT / "tests/link/stories.jsonl")


@dataclass(frozen=True, slots=True)
class GoldItem:
    article_id: str
    start: int
    end: int
    text: str
    cluster: int
    type: EntityType


@dataclass(frozen=True, slots=True)
class Scores:
    true_pairs: int = 0
    predicted_pairs: int = 0
    gold_pairs: int = 0

    def __add__(self, other: Scores) -> Scores:
        return Scores(
            self.true_pairs + other.true_pairs,
            self.predicted_pairs + other.predicted_pairs,
            self.gold_pairs + other.gold_pairs,
        )

    def line(self, label: str) -> str:
        p = self.true_pairs / self.predicted_pairs if self.predicted_pairs else 0.0
        r = self.true_pairs / self.gold_pairs if self.gold_pairs else 0.0
        f = 2 * p * r / (p + r) if p + r else 0.0
        return f"{label:<36} P {p:.3f}  R {r:.3f}  F1 {f:.3f}  (gold pairs {self.gold_pairs})"


def read_stories(paths: Sequence[Path]) -> list[dict]:  # type: ignore[type-arg]
    stories = []
    for path in paths:
        if path.is_file():
            lines = path.read_text(encoding="utf-8").splitlines()
            stories.extend(json.loads(line) for line in lines if line.strip())
    return stories


def gold_items(story: dict) -> list[GoldItem]:  # type: ignore[type-arg]
    """Occurrences of every cluster's forms, whole words, longest form first, no overlaps."""
    forms = [
        (form, index, EntityType(cluster.get("type", "PER")))
        for index, cluster in enumerate(story["clusters"])
        for form in cluster["forms"]
    ]
    forms.sort(key=lambda f: -len(f[0]))
    items: list[GoldItem] = []
    for article in story["articles"]:
        taken: list[tuple[int, int]] = []
        for form, index, kind in forms:
            for match in re.finditer(rf"(?<!\w){re.escape(form)}(?!\w)", article["text"]):
                if all(match.end() <= a or match.start() >= b for a, b in taken):
                    taken.append(match.span())
                    items.append(GoldItem(article["id"], *match.span(), form, index, kind))
    return items


def score(items: Sequence[GoldItem], entities: Sequence[Entity]) -> Scores:
    owner = {(r.article_id, r.start, r.end): e.id for e in entities for r in e.mentions}
    predicted = [_owner_of(item, owner) for item in items]
    true = pred = gold = 0
    for (a, pa), (b, pb) in combinations(zip(items, predicted, strict=True), 2):
        same_gold, same_pred = a.cluster == b.cluster, pa is not None and pa == pb
        gold += same_gold
        pred += same_pred
        true += same_gold and same_pred
    return Scores(true, pred, gold)


def _owner_of(item: GoldItem, owner: dict[tuple[str, int, int], str]) -> str | None:
    """The entity of the predicted mention that covers the item (or lies inside it)."""
    for (article_id, start, end), entity_id in owner.items():
        overlaps = start < item.end and item.start < end
        if article_id == item.article_id and overlaps:
            return entity_id
    return None


def oracle_articles(story: dict, items: Sequence[GoldItem], annotator: Annotator) -> list[Article]:  # type: ignore[type-arg]
    articles = []
    for raw in story["articles"]:
        article = annotator(Article(id=raw["id"], source=raw["id"], text=raw["text"]))
        own = sorted((i for i in items if i.article_id == raw["id"]), key=lambda i: i.start)
        mentions = tuple(_oracle_mention(raw["text"], item) for item in own)
        articles.append(replace(article, mentions=mentions))
    return articles


def _oracle_mention(text: str, item: GoldItem) -> Mention:
    before = text[: item.start].split()
    role = before[-1] if before and gazetteer().role_of(before[-1]) else None
    return Mention(item.start, item.end, item.text, item.type, item.text, role)


def run(paths: Sequence[Path]) -> Iterator[str]:
    annotator = Annotator()
    totals = {"pipeline": Scores(), "oracle": Scores()}
    for story in read_stories(paths):
        items = gold_items(story)
        raw = [Article(id=a["id"], source=a["id"], text=a["text"]) for a in story["articles"]]
        settings = {
            "pipeline": [annotator(a) for a in raw],
            "oracle": oracle_articles(story, items, annotator),
        }
        for setting, articles in settings.items():
            result = score(items, resolve_entities(articles, story["story"]))
            totals[setting] += result
            yield result.line(f"{setting:<8} {story['story']}")
    for setting, total in totals.items():
        yield total.line(f"{setting:<8} ALL")


def main(argv: Sequence[str]) -> None:
    paths = [Path(p) for p in argv] or list(DEFAULT_PATHS)
    for line in run(paths):
        print(line)


if __name__ == "__main__":
    main(sys.argv[1:])
