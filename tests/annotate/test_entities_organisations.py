"""Organisation and event names that need more than a proper-noun tag: local institutions with
their place, inflected listed names, event nouns, clubs behind a city's genitive. Sentences
written for these tests."""

from __future__ import annotations

import pytest
from hypothesis import given
from hypothesis import strategies as st

from synopse.annotate.entities import EntityRecognizer
from synopse.annotate.gazetteer import inflection_key
from synopse.annotate.tokens import Tokenizer
from synopse.model import EntityType
from tests.annotate.conftest import found

PER, ORG, LOC, MISC = EntityType.PER, EntityType.ORG, EntityType.LOC, EntityType.MISC


@pytest.mark.parametrize(
    ("text", "name", "kind"),
    [
        (
            "Die Staatsanwaltschaft Bremen erhob am Montag Anklage.",
            "Staatsanwaltschaft Bremen",
            ORG,
        ),
        ("Ein Sprecher der Feuerwehr Kassel bestätigte den Einsatz.", "Feuerwehr Kassel", ORG),
        ("Die Leipziger Polizei sperrte die Straße.", "Leipziger Polizei", ORG),
        ("Der Prozess beginnt vor dem Landgericht Hannover.", "Landgericht Hannover", ORG),
        ("Die Frankfurter Buchmesse öffnet am Mittwoch.", "Frankfurter Buchmesse", MISC),
        ("Die Bayreuther Festspiele sind ausverkauft.", "Bayreuther Festspiele", MISC),
        ("Die Deutschen Post erhöht das Porto.", "Deutschen Post", ORG),
        ("Das Treffen fand im Weiße Haus statt.", "Weiße Haus", ORG),
        ("Helfer des Roten Kreuzes waren vor Ort.", "Roten Kreuzes", ORG),
        ("Kölns Trainer lobte die Mannschaft.", "Kölns", ORG),
        ("Russlands Präsident schwieg.", "Russlands", LOC),
        ("Der Deutsche Nico Hülkenberg wurde Dritter.", "Nico Hülkenberg", PER),
        ("Die Eintracht Frankfurt gewann das Derby.", "Eintracht Frankfurt", ORG),
    ],
)
def test_recognizer_finds_institutions_events_and_clubs(
    tokenizer: Tokenizer, recognizer: EntityRecognizer, text: str, name: str, kind: EntityType
) -> None:
    assert found(text, tokenizer, recognizer).get(name) == kind


@pytest.mark.parametrize(
    "text", ["Die Polizei sperrte die Straße.", "Die Feuerwehr rückte zweimal aus."]
)
def test_a_bare_local_institution_is_not_an_entity(
    tokenizer: Tokenizer, recognizer: EntityRecognizer, text: str
) -> None:
    assert found(text, tokenizer, recognizer) == {}


def test_a_name_at_a_sentence_end_leaves_the_period_out(
    tokenizer: Tokenizer, recognizer: EntityRecognizer
) -> None:
    text = "Die Lieferung ging am Ende nach Italien."
    [country] = recognizer(text, tokenizer(text))
    assert (country.text, country.canonical) == ("Italien", "Italien")


@pytest.mark.parametrize(
    ("forms"),
    [
        ("Deutsche Post", "Deutschen Post"),
        ("Rotes Kreuz", "Roten Kreuzes", "Rote Kreuz"),
        ("Weißes Haus", "Weiße Haus", "Weißen Hauses"),
        ("Freie Wähler", "Freien Wählern"),
    ],
)
def test_inflected_forms_of_a_listed_name_share_one_key(forms: tuple[str, ...]) -> None:
    assert len({inflection_key(form) for form in forms}) == 1


@given(st.text(alphabet="abcdeÄßnrs ", max_size=30))
def test_a_single_word_is_its_own_inflection_key(word: str) -> None:
    if " " not in word.strip():
        assert inflection_key(word) == word
