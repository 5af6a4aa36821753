"""Articles without a publication date borrow an approximate one from their story.

Coverage of one event appears within days, so an undated article of a story is taken to be
from the month most of its dated articles come from (or the month a partial date gives).
Its times are resolved again against that month: dates written with day and month ("am
20. Januar") get their year; weekdays stay open, because the day is still unknown. The
article says so in its notes. Nothing changes when no article of the story has a date.
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Sequence
from dataclasses import replace

from synopse.annotate.facts import find_facts
from synopse.annotate.times import find_times
from synopse.clean.article import NO_DATE_NOTE
from synopse.model import Article

_MONTH = len("2025-02")


def story_month(articles: Sequence[Article]) -> str | None:
    """The month most dated articles of the story were published in."""
    months = Counter(
        a.published[:_MONTH] for a in articles if a.published and len(a.published) >= _MONTH
    )
    return months.most_common(1)[0][0] if months else None


def date_from_story(articles: Sequence[Article]) -> list[Article]:
    month = story_month(articles)
    if month is None:
        return list(articles)
    return [_redated(a, month) if a.published is None else a for a in articles]


def _redated(article: Article, month: str) -> Article:
    times = find_times(article.text, article.sentences, month)
    facts = find_facts(
        article.sentences, article.mentions, article.quotes, article.quantities, times
    )
    note = f"no publication date: times resolved against the story's month {month}"
    notes = tuple(n for n in article.notes if n != NO_DATE_NOTE)
    return replace(article, times=times, facts=facts, notes=(*notes, note))
