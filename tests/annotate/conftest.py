"""Fixtures of the annotation tests: one tokenizer, one rule-based recogniser and one quote
finder per session."""

from __future__ import annotations

from collections.abc import Callable

import pytest

from synopse.annotate.entities import EntityRecognizer
from synopse.annotate.quotes import QuoteFinder
from synopse.annotate.tokens import Tokenizer
from synopse.model import EntityType, Quote


@pytest.fixture(scope="session")
def tokenizer() -> Tokenizer:
    return Tokenizer()


@pytest.fixture(scope="session")
def recognizer() -> EntityRecognizer:
    return EntityRecognizer()


@pytest.fixture(scope="session")
def finder() -> QuoteFinder:
    return QuoteFinder()


QuoteOf = Callable[[str, str], Quote]


@pytest.fixture(scope="session")
def quote_of(tokenizer: Tokenizer, recognizer: EntityRecognizer, finder: QuoteFinder) -> QuoteOf:
    """`quote_of(words, text)`: the one quote found in `text` that contains `words`."""
    return lambda words, text: quote_with(words, text, tokenizer, recognizer, finder)


def quote_with(
    words: str, text: str, tokenizer: Tokenizer, recognizer: EntityRecognizer, finder: QuoteFinder
) -> Quote:
    """The one quote `finder` finds in `text` that contains `words`."""
    sentences = tokenizer(text)
    found = [q for q in finder(text, sentences, recognizer(text, sentences)) if words in q.text]
    assert len(found) == 1, (words, found)
    return found[0]


def found(text: str, tokenizer: Tokenizer, recognizer: EntityRecognizer) -> dict[str, EntityType]:
    """Each entity the recogniser finds in `text`, by its surface, with its type."""
    return {m.text: m.type for m in recognizer(text, tokenizer(text))}
