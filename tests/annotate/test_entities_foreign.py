"""Foreign multi-word names, English common words, place adjectives and quoted statements:
the junk the proper-noun rules used to make of them. Sentences written for these tests."""

from __future__ import annotations

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from synopse.annotate.entities import EntityRecognizer
from synopse.annotate.gazetteer import gazetteer
from synopse.annotate.ner_foreign import english_words
from synopse.annotate.tokens import Tokenizer
from synopse.model import EntityType
from tests.annotate.conftest import found

PER, ORG, LOC, MISC = EntityType.PER, EntityType.ORG, EntityType.LOC, EntityType.MISC


@pytest.mark.parametrize(
    ("text", "name", "kind"),
    [
        ("Die Kanzlerin empfing den Gast am Abend im Oval Office.", "Oval Office", LOC),
        ("Das berichtete die New York Post am Dienstag.", "New York Post", ORG),
        ("Der Streit landete schließlich im Wall Street Journal.", "Wall Street Journal", ORG),
        ("Die Organisation Human Rights Watch verlangt Aufklärung.", "Human Rights Watch", ORG),
        (
            "Vor der „Baltic Defense Contact Group“ sprach der Minister.",
            "Baltic Defense Contact Group",
            ORG,
        ),
        ("Die Bank of England senkte den Leitzins.", "Bank of England", ORG),
        (
            "Der Brief ging an das Asian Policy Institute in Singapur.",
            "Asian Policy Institute",
            ORG,
        ),
        ("Er verbrachte den Nachmittag am Hudson River in Manhattan.", "Hudson River", LOC),
    ],
)
def test_a_foreign_multi_word_name_is_one_span_typed_by_its_last_word(
    tokenizer: Tokenizer, recognizer: EntityRecognizer, text: str, name: str, kind: EntityType
) -> None:
    assert found(text, tokenizer, recognizer).get(name) == kind


@pytest.mark.parametrize(
    ("text", "junk"),
    [
        ("Die Sprecherin äußerte sich im Oval Office knapp.", {"Office", "Oval"}),
        ("Auf Truth schrieb der Präsident am Morgen einen langen Beitrag.", {"Truth"}),
        ("Ein New Yorker Bauunternehmer soll vermitteln.", {"New", "New Yorker"}),
        ("Sie sagte, dass die Regierung „Frieden will“ und Gespräche sucht.", {"Frieden will"}),
        ("Er sagte, dass niemand „Ruhe braucht“ als die Stadt.", {"Ruhe braucht"}),
        ("Der Vermittler im Ukraine-Konflikt reiste ab.", {"Ukraine-Konflikt"}),
        ("Die Kosten im Nahost-Konflikt steigen weiter.", {"Nahost-Konflikt"}),
    ],
)
def test_page_words_english_common_nouns_and_quoted_statements_are_not_entities(
    tokenizer: Tokenizer, recognizer: EntityRecognizer, text: str, junk: set[str]
) -> None:
    assert not junk & set(found(text, tokenizer, recognizer))


def test_a_listed_english_word_types_a_quoted_name_it_ends(
    tokenizer: Tokenizer, recognizer: EntityRecognizer
) -> None:
    text = "Die „Nordic Energy Group“ legte ihre Zahlen vor."
    assert found(text, tokenizer, recognizer).get("Nordic Energy Group") == ORG


def test_every_listed_english_word_is_capitalised_and_typed_at_most_once() -> None:
    words = english_words()
    assert words and all(word[:1].isupper() for word in words)
    assert {kind for kind in words.values() if kind is not None} <= {ORG, LOC, MISC}


@settings(max_examples=40, deadline=None)
@given(st.lists(st.sampled_from(sorted(english_words())), min_size=1, max_size=5))
def test_mentions_among_english_words_slice_back_to_the_text(words: list[str]) -> None:
    recognizer, tokenizer = _shared()
    text = f"Der Bericht nennt {' '.join(words)} als Quelle."
    for mention in recognizer(text, tokenizer(text)):
        assert text[mention.start : mention.end] == mention.text
        # a listed English word alone is a name only where a name list has it ("Union")
        assert mention.text not in english_words() or gazetteer().lists(mention.text)


_CACHE: dict[str, object] = {}


def _shared() -> tuple[EntityRecognizer, Tokenizer]:
    if not _CACHE:
        _CACHE["r"], _CACHE["t"] = EntityRecognizer(), Tokenizer()
    return _CACHE["r"], _CACHE["t"]  # type: ignore[return-value]


@pytest.mark.parametrize(
    ("text", "person"),
    [
        ("Die Freilassung von Mark Hauser wurde am Abend bestätigt.", "Mark Hauser"),
        ("Mit dabei war auch Rose Kettler aus dem Vorstand.", "Rose Kettler"),
    ],
)
def test_a_first_name_that_is_also_a_noun_opens_a_person_before_a_surname(
    tokenizer: Tokenizer, recognizer: EntityRecognizer, text: str, person: str
) -> None:
    assert found(text, tokenizer, recognizer).get(person) == PER
