"""Lines that recur across different articles of one outlet are the outlet's furniture.

A newsletter box, an author blurb or a "Mehr aus der Region" line that the line-by-line
cleaner kept shows itself when the same outlet's other articles carry it too. Only articles
that are not duplicates of each other count (a copy shares every line), and only short lines
go: agencies reuse whole background paragraphs on purpose, and those are content.
"""

from __future__ import annotations

from collections import Counter, defaultdict
from collections.abc import Sequence
from dataclasses import replace

from synopse.model import Article, RemovedLine

MAX_WORDS = 25  # longer recurring lines are reused background paragraphs, not furniture
MIN_ARTICLES = 2
PARAGRAPH_BREAK = "\n\n"


def remove_recurring_lines(articles: Sequence[Article]) -> list[Article]:
    """The articles, each without the short lines other articles of its outlet also carry."""
    recurring = _recurring_by_outlet(articles)
    return [_without(a, recurring.get(a.outlet, frozenset())) for a in articles]


def _recurring_by_outlet(articles: Sequence[Article]) -> dict[str, frozenset[str]]:
    counts: dict[str, Counter[str]] = defaultdict(Counter)
    for article in articles:
        if article.duplicate_of is None:
            counts[article.outlet].update(set(_paragraphs(article.text)))
    return {
        outlet: frozenset(
            line
            for line, n in counter.items()
            if n >= MIN_ARTICLES and len(line.split()) <= MAX_WORDS
        )
        for outlet, counter in counts.items()
    }


def _without(article: Article, recurring: frozenset[str]) -> Article:
    paragraphs = _paragraphs(article.text)
    kept = [p for p in paragraphs if p not in recurring]
    if len(kept) == len(paragraphs) or not kept:
        return article
    removed = tuple(RemovedLine(p, "recurring") for p in paragraphs if p in recurring)
    return replace(article, text=PARAGRAPH_BREAK.join(kept), removed=article.removed + removed)


def _paragraphs(text: str) -> list[str]:
    return [p.strip() for p in text.split(PARAGRAPH_BREAK) if p.strip()]
