from __future__ import annotations

import pytest

from synopse.scoring import Counts, prf


@pytest.mark.parametrize(
    ("tp", "fp", "fn", "expected"),
    [(8, 2, 0, (0.8, 1.0, 0.8889)), (0, 0, 0, (0.0, 0.0, 0.0)), (3, 0, 1, (1.0, 0.75, 0.8571))],
)
def test_prf_gives_precision_recall_and_f1(
    tp: int, fp: int, fn: int, expected: tuple[float, float, float]
) -> None:
    assert prf(tp, fp, fn) == pytest.approx(expected, abs=1e-4)


def test_counts_add_up_before_the_figures_are_taken() -> None:
    total = Counts(tp=1, fp=1)
    total.add(Counts(tp=3, fn=2, tn=5))
    assert (total.tp, total.fp, total.fn, total.tn) == (4, 1, 2, 5)
    assert total.figures() == pytest.approx((0.8, 4 / 6, 2 * 0.8 * (4 / 6) / (0.8 + 4 / 6)))
