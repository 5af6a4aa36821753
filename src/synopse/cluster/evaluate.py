"""Scoring a clustering against gold stories: pairwise and B-cubed precision, recall, F1.

Pairwise counts pairs of articles put together; B-cubed averages, per article, how much of its
predicted story is in its gold story (precision) and how much of its gold story it was put with
(recall), so one large wrong merge weighs less than in the pairwise count.
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Mapping
from dataclasses import dataclass
from itertools import combinations
from pathlib import Path

from synopse.errors import InputError


@dataclass(frozen=True, slots=True)
class Scores:
    precision: float
    recall: float

    @property
    def f1(self) -> float:
        total = self.precision + self.recall
        return 2 * self.precision * self.recall / total if total else 0.0


@dataclass(frozen=True, slots=True)
class GoldLabel:
    story: str
    split: str


def pairwise_scores(gold: Mapping[str, str], predicted: Mapping[str, str]) -> Scores:
    """Pairs of articles in the same story: precision and recall over all pairs of `gold`."""
    together_gold = together_predicted = together_both = 0
    for a, b in combinations(sorted(gold), 2):
        same_gold, same_predicted = gold[a] == gold[b], predicted[a] == predicted[b]
        together_gold += same_gold
        together_predicted += same_predicted
        together_both += same_gold and same_predicted
    return Scores(
        together_both / together_predicted if together_predicted else 1.0,
        together_both / together_gold if together_gold else 1.0,
    )


def bcubed_scores(gold: Mapping[str, str], predicted: Mapping[str, str]) -> Scores:
    """B-cubed precision and recall, averaged over the articles of `gold`."""
    if not gold:
        return Scores(1.0, 1.0)
    both = Counter((gold[a], predicted[a]) for a in gold)
    gold_sizes = Counter(gold.values())
    predicted_sizes = Counter(predicted[a] for a in gold)
    precision = recall = 0.0
    for a in gold:
        overlap = both[gold[a], predicted[a]]
        precision += overlap / predicted_sizes[predicted[a]]
        recall += overlap / gold_sizes[gold[a]]
    return Scores(precision / len(gold), recall / len(gold))


def read_gold_labels(path: Path) -> dict[str, GoldLabel]:
    """`article id <TAB> story [<TAB> split]` per line; lines starting with # are comments."""
    labels: dict[str, GoldLabel] = {}
    for number, line in enumerate(path.read_text(encoding="utf-8").splitlines(), 1):
        if not line.strip() or line.startswith("#"):
            continue
        parts = line.split("\t")
        if len(parts) not in (2, 3) or not all(parts):
            expected = "expected 'id<TAB>story[<TAB>split]'"
            raise InputError(f"{path}:{number}", f"{expected}, got {line!r}")
        labels[parts[0]] = GoldLabel(parts[1], parts[2] if len(parts) == 3 else "all")
    return labels
