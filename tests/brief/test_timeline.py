from __future__ import annotations

import datetime as dt

import pytest

from synopse.brief import build_timeline
from synopse.brief.timeline import last_day
from synopse.model import Article, Sentence, TimeExpression


@pytest.mark.parametrize(
    ("value", "precision", "expected"),
    [
        ("2024-02-12", "day", dt.date(2024, 2, 12)),
        ("2024-02", "month", dt.date(2024, 2, 29)),
        ("2019", "year", dt.date(2019, 12, 31)),
        ("201", "decade", dt.date(2019, 12, 31)),
        ("kein Datum", "day", None),
    ],
)
def test_last_day_of_a_partial_date(value: str, precision: str, expected: dt.date | None) -> None:
    assert last_day(value, precision) == expected


def _article(
    article_id: str, published: str, text: str, dated: dict[str, tuple[str, str]]
) -> Article:
    times = []
    for surface, (value, precision) in dated.items():
        start = text.index(surface)
        times.append(TimeExpression(start, start + len(surface), surface, value, precision))
    sentences = []
    cursor = 0
    for part in text.split(". "):
        start = text.index(part, cursor)
        sentences.append(Sentence(start, start + len(part), part))
        cursor = start + len(part)
    return Article(
        id=article_id,
        source=article_id,
        text=text,
        published=published,
        sentences=tuple(sentences),
        times=tuple(times),
    )


def test_timeline_merges_the_same_day_across_outlets_and_marks_background() -> None:
    a = _article(
        "a",
        "2025-03-12",
        "Der Brand brach am Dienstag aus. Die Halle stammt aus dem Jahr 1998",
        {"am Dienstag": ("2025-03-11", "day"), "1998": ("1998", "year")},
    )
    b = _article(
        "b",
        "2025-03-12",
        "Das Feuer begann am 11. März in der Nacht",
        {"am 11. März": ("2025-03-11", "day")},
    )
    timeline = build_timeline([a, b])
    assert [(e.date, e.background) for e in timeline] == [("1998", True), ("2025-03-11", False)]
    assert [r.article_id for r in timeline[1].refs] == ["a", "b"]
    first = timeline[1].refs[0]
    assert a.text[first.start : first.end] == "Der Brand brach am Dienstag aus"
