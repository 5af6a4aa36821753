"""The story's timeline: dated expressions from all articles, merged by date, in order.

An entry is background when the latest day it can denote lies more than `background_days`
before the story's first publication day ("Russland startete seine Invasion im Februar 2022").
"""

from __future__ import annotations

import calendar
import datetime as dt
from collections.abc import Sequence

from synopse.model import Article, SourceRef, TimelineEntry

_PRECISION_ORDER = {"day": 0, "week": 1, "month": 2, "year": 3, "decade": 4}


def build_timeline(
    articles: Sequence[Article], background_days: int = 7
) -> tuple[TimelineEntry, ...]:
    refs: dict[tuple[str, str], list[SourceRef]] = {}
    for article in articles:
        for time in article.times:
            if time.value is None or time.precision is None:
                continue
            sentence = _sentence_around(article, time.start)
            ref = SourceRef(article.id, sentence[0], sentence[1])
            bucket = refs.setdefault((time.value, time.precision), [])
            if ref not in bucket:
                bucket.append(ref)
    first_day = _first_day(articles)
    entries = [
        TimelineEntry(
            value,
            precision,
            tuple(sources),
            _is_background(value, precision, first_day, background_days),
        )
        for (value, precision), sources in refs.items()
    ]
    return tuple(sorted(entries, key=lambda e: (e.date, _PRECISION_ORDER.get(e.precision, 9))))


def _first_day(articles: Sequence[Article]) -> dt.date | None:
    """The story's first publication day; the first of the month when only months are known."""
    days = [d for a in articles if (d := a.published_day)]
    if days:
        return min(days)
    months = sorted(a.published[:7] for a in articles if a.published and len(a.published) >= 7)
    return dt.date(int(months[0][:4]), int(months[0][5:7]), 1) if months else None


def _sentence_around(article: Article, offset: int) -> tuple[int, int]:
    for sentence in article.sentences:
        if sentence.start <= offset < sentence.end:
            return sentence.start, sentence.end
    return offset, offset


def last_day(value: str, precision: str) -> dt.date | None:
    """The latest day a partial ISO date can denote ("2022-02" -> 2022-02-28)."""
    try:
        if precision == "day":
            return dt.date.fromisoformat(value)
        if precision == "week":  # the value is the Monday of the week
            return dt.date.fromisoformat(value) + dt.timedelta(days=6)
        if precision == "month":
            year, month = int(value[:4]), int(value[5:7])
            return dt.date(year, month, calendar.monthrange(year, month)[1])
        if precision == "year":
            return dt.date(int(value[:4]), 12, 31)
        if precision == "decade":
            return dt.date(int(value[:3]) * 10 + 9, 12, 31)
    except ValueError:
        return None
    return None


def _is_background(value: str, precision: str, first_day: dt.date | None, days: int) -> bool:
    end = last_day(value, precision)
    return first_day is not None and end is not None and end < first_day - dt.timedelta(days=days)
