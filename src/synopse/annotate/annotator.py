"""The per-article annotation stage: tokens, entities, quotes, times and quantities.

All models and lexicons load once per `Annotator`; call it on many articles or texts.
"""

from __future__ import annotations

import datetime as dt
import functools
import re
from dataclasses import dataclass, replace

from synopse.annotate.backends import make_recognizer
from synopse.annotate.facts import find_facts
from synopse.annotate.quantities import find_quantities
from synopse.annotate.quotes import QuoteFinder
from synopse.annotate.times import find_times
from synopse.annotate.tokens import Tokenizer
from synopse.config import AnnotateSettings
from synopse.model import (
    Article,
    Fact,
    Mention,
    Quantity,
    Quote,
    Sentence,
    TimeExpression,
    parse_day,
)


@dataclass(frozen=True, slots=True)
class Annotations:
    sentences: tuple[Sentence, ...]
    mentions: tuple[Mention, ...]
    quotes: tuple[Quote, ...]
    times: tuple[TimeExpression, ...]
    quantities: tuple[Quantity, ...]
    facts: tuple[Fact, ...]


class Annotator:
    """Annotate texts exactly as given; offsets index the text passed in."""

    def __init__(self, settings: AnnotateSettings | None = None) -> None:
        settings = settings or AnnotateSettings()
        self._tokenizer = Tokenizer()
        self._entities = make_recognizer(settings.ner)
        self._quotes = QuoteFinder()

    def annotate(self, text: str, published: dt.date | str | None = None) -> Annotations:
        """`published`: the day of publication, or a partial ISO date ("2025-02") that
        resolves what a month or year allows ("am 20. Januar") and leaves weekdays open."""
        sentences = self._tokenizer(text)
        mentions = self._entities(text, sentences)
        quotes = self._quotes(text, sentences, mentions)
        times = find_times(text, sentences, published)
        quantities = find_quantities(text, sentences)
        return Annotations(
            sentences=sentences,
            mentions=mentions,
            quotes=quotes,
            times=times,
            quantities=quantities,
            facts=find_facts(sentences, mentions, quotes, quantities, times),
        )

    def __call__(self, article: Article) -> Article:
        found = self.annotate(article.text, _anchor(article.published))
        return replace(
            article,
            sentences=found.sentences,
            mentions=found.mentions,
            quotes=found.quotes,
            times=found.times,
            quantities=found.quantities,
            facts=found.facts,
        )


_PARTIAL_DATE = re.compile(r"^\d{4}(-\d{2})?$")


def _anchor(published: str | None) -> dt.date | str | None:
    """What relative times are resolved against: the day, else a year or month, else nothing."""
    day = parse_day(published)
    if day is not None:
        return day
    return published if published and _PARTIAL_DATE.match(published) else None


@functools.lru_cache(maxsize=4)
def shared_annotator(settings: AnnotateSettings) -> Annotator:
    """One annotator per settings in a process: loading its models takes seconds, so repeated
    analyses (the web app, the store, tests) must not pay for it each time."""
    return Annotator(settings)
