"""Precision, recall and F1 from counts: the arithmetic every quality benchmark shares."""

from __future__ import annotations

from dataclasses import dataclass


@dataclass
class Counts:
    """True/false positives and negatives of one evaluation, summed with `add`."""

    tp: int = 0
    fn: int = 0
    fp: int = 0
    tn: int = 0

    def add(self, other: Counts) -> None:
        self.tp, self.fn = self.tp + other.tp, self.fn + other.fn
        self.fp, self.tn = self.fp + other.fp, self.tn + other.tn

    def figures(self) -> tuple[float, float, float]:
        """(precision, recall, F1); an empty side counts as 0, never as a division error."""
        return prf(self.tp, self.fp, self.fn)


def prf(tp: int, fp: int, fn: int) -> tuple[float, float, float]:
    """Precision, recall and F1 of `tp` hits, `fp` false alarms and `fn` misses."""
    precision = tp / max(1, tp + fp)
    recall = tp / max(1, tp + fn)
    f1 = 2 * precision * recall / max(1e-9, precision + recall)
    return precision, recall, f1
