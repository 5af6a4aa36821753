"""Speakers on the real seed articles (../shared/seeds), when present: general rules only."""

from __future__ import annotations

from pathlib import Path
from typing import TYPE_CHECKING

import pytest

if TYPE_CHECKING:
    from synopse.annotate.annotator import Annotator

pytestmark = pytest.mark.slow


@pytest.mark.parametrize(
    ("words", "speaker"),
    [
        ("Das sage ich besser nicht", "Donald Trump"),
        ("weder bestätigen noch dementieren", "Dmitri Peskow"),
    ],
)
def test_seed_quotes_are_attributed_to_who_said_them(
    words: str, speaker: str, seeds: Path, annotator: Annotator
) -> None:
    found = [
        quote
        for path in sorted(seeds.glob("*.txt"))
        for quote in annotator.annotate(path.read_text(encoding="utf-8"), None).quotes
        if words in quote.text
    ]
    assert found, words
    assert {q.speaker_name for q in found} == {speaker}
