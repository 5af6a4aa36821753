"""Fixtures of the annotation tests: one tokenizer and one rule-based recogniser per session."""

from __future__ import annotations

import pytest

from synopse.annotate.entities import EntityRecognizer
from synopse.annotate.tokens import Tokenizer
from synopse.model import EntityType


@pytest.fixture(scope="session")
def tokenizer() -> Tokenizer:
    return Tokenizer()


@pytest.fixture(scope="session")
def recognizer() -> EntityRecognizer:
    return EntityRecognizer()


def found(text: str, tokenizer: Tokenizer, recognizer: EntityRecognizer) -> dict[str, EntityType]:
    """Each entity the recogniser finds in `text`, by its surface, with its type."""
    return {m.text: m.type for m in recognizer(text, tokenizer(text))}
