"""The story's timeline: dated expressions from all articles, merged by date, in order.

One entry per date and precision, whichever outlets state it: its refs are the sentences of all
articles that do, so an event reported by five outlets is one entry citing five sources.

An entry is background when the latest day it can denote lies more than `background_days`
before the story's first day ("Russland startete seine Invasion im Februar 2022"): the first
publication day, or, when no article has one, the story's anchor day.

The anchor day is the day the story is about: the publication day most of its articles share,
or, when none is known, the exact date its articles state most often (the latest on a tie). An
undated article cannot resolve a bare weekday ("am Freitag"); the timeline places it in the
week around the anchor day (three days before to three days after), as a reader would.
"""

from __future__ import annotations

import calendar
import datetime as dt
import re
from collections import Counter
from collections.abc import Iterator, Sequence

from synopse.model import Article, SourceRef, TimeExpression, TimelineEntry

_PRECISION_ORDER = {"day": 0, "week": 1, "month": 2, "year": 3, "decade": 4}
WEEKDAYS = {
    "montag": 0,
    "dienstag": 1,
    "mittwoch": 2,
    "donnerstag": 3,
    "freitag": 4,
    "samstag": 5,
    "sonnabend": 5,
    "sonntag": 6,
}
_WEEKDAY = re.compile(r"(?i)\b(" + "|".join(WEEKDAYS) + r")")


def build_timeline(
    articles: Sequence[Article], background_days: int = 7
) -> tuple[TimelineEntry, ...]:
    anchor = anchor_day(articles)
    refs: dict[tuple[str, str], list[SourceRef]] = {}
    for article, value, precision, start in _dated_times(articles, anchor):
        sentence = _sentence_around(article, start)
        ref = SourceRef(article.id, sentence[0], sentence[1])
        bucket = refs.setdefault((value, precision), [])
        if ref not in bucket:
            bucket.append(ref)
    first_day = _first_day(articles, anchor)
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


def anchor_day(articles: Sequence[Article]) -> dt.date | None:
    """The day the story is about: the most shared publication day, else the most stated exact
    date; the latest one on a tie."""
    published = Counter(d for a in articles if (d := a.published_day))
    if published:
        return _most_common_latest(published)
    stated = Counter(
        day for a in articles for day in {_exact_day(t) for t in a.times} if day is not None
    )
    return _most_common_latest(stated) if stated else None


def _most_common_latest(counts: Counter[dt.date]) -> dt.date:
    return max(counts, key=lambda day: (counts[day], day))


def _exact_day(time: TimeExpression) -> dt.date | None:
    return dt.date.fromisoformat(time.value) if time.precision == "day" and time.value else None


def _dated_times(
    articles: Sequence[Article], anchor: dt.date | None
) -> Iterator[tuple[Article, str, str, int]]:
    """(article, ISO value, precision, offset) of every time expression that has a date."""
    for article in articles:
        for time in article.times:
            value = time.value
            if value is None and article.published_day is None and anchor is not None:
                value = _weekday_near(time.text, anchor)
            if value is not None and time.precision is not None:
                yield article, value, time.precision, time.start


def _weekday_near(text: str, anchor: dt.date) -> str | None:
    """The date of the weekday `text` names within three days of `anchor`, if it names one."""
    match = _WEEKDAY.search(text)
    if match is None:
        return None
    shift = (WEEKDAYS[match[1].lower()] - anchor.weekday() + 3) % 7 - 3
    return (anchor + dt.timedelta(days=shift)).isoformat()


def _first_day(articles: Sequence[Article], anchor: dt.date | None) -> dt.date | None:
    """The story's first publication day; else its anchor day; else the first of the earliest
    month a partial publication date names."""
    days = [d for a in articles if (d := a.published_day)]
    if days or anchor:
        return min(days) if days else anchor
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
