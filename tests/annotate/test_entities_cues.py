"""Place, person and organisation cues added in the issue-4 typing session, on German sentences
written for these tests (invented villages, streets and people where a list could help)."""

from __future__ import annotations

import pytest

from synopse.annotate.entities import EntityRecognizer
from synopse.annotate.tokens import Tokenizer
from synopse.model import EntityType
from tests.annotate.conftest import found

PER, ORG, LOC = EntityType.PER, EntityType.ORG, EntityType.LOC


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # a place preposition opening the sentence still announces a place
        (
            "Zwischen Ostrelde und Varnholt verläuft die Grenze.",
            {"Ostrelde": LOC, "Varnholt": LOC},
        ),
        # a plural place-kind noun before coordinated names
        (
            "Die Gemeinden Hasselrode und Brunnfeld schließen sich zusammen.",
            {"Hasselrode": LOC, "Brunnfeld": LOC},
        ),
        # compass point + listed place
        (
            "Das Schiff kreuzte vor Westafrika und später im Nordatlantik.",
            {"Westafrika": LOC, "Nordatlantik": LOC},
        ),
        ("In Nordafrikas Häfen warten die Schiffe.", {"Nordafrikas": LOC}),
        # a listed town after a place preposition, whatever HanTa's tag
        ("Der Bäcker aus Uelzen fordert Hilfe.", {"Uelzen": LOC}),
        # street and landmark compounds with a name in front
        ("Die Feuerwehr sperrte am Morgen die Tollmerstraße.", {"Tollmerstraße": LOC}),
    ],
)
def test_place_cues_type_unlisted_names_as_places(
    tokenizer: Tokenizer,
    recognizer: EntityRecognizer,
    text: str,
    expected: dict[str, EntityType],
) -> None:
    result = found(text, tokenizer, recognizer)
    assert {name: result.get(name) for name in expected} == expected


@pytest.mark.parametrize(
    "text",
    [
        "Auf dem Rückweg staute sich der Verkehr auf der Umgehungsstraße.",
        "Sein Lebensweg führte ihn zum Kirchturm und zur Berghütte.",
        "Der Marktplatz und der Dorfbrunnen wurden im Sommer saniert.",
    ],
)
def test_common_compounds_with_landmark_heads_are_no_places(
    tokenizer: Tokenizer, recognizer: EntityRecognizer, text: str
) -> None:
    assert found(text, tokenizer, recognizer) == {}


@pytest.mark.parametrize(
    ("text", "name"),
    [
        ("Das sagte Frank-Walter Steinmeier am Abend in Berlin.", "Frank-Walter Steinmeier"),
        ("Die Jury unter Vorsitz von Juliette Binoche lobte den Film.", "Juliette Binoche"),
        ("Bremens Bürgermeister Andreas Bovenschulte eröffnete die Messe.", "Andreas Bovenschulte"),
        ("Der Torwart Marc-André ter Stegen hielt den Elfmeter.", "Marc-André ter Stegen"),
        ("Er wurde Zweiter vor K. Marbeck und L. Sundquist.", "K. Marbeck"),
    ],
)
def test_first_names_and_initials_open_whole_person_names(
    tokenizer: Tokenizer, recognizer: EntityRecognizer, text: str, name: str
) -> None:
    assert found(text, tokenizer, recognizer).get(name) == PER


def test_institution_head_takes_the_district_of_its_place(
    tokenizer: Tokenizer, recognizer: EntityRecognizer
) -> None:
    text = "Der Verletzte kam in das Klinikum Hamburg-Eppendorf."
    assert found(text, tokenizer, recognizer).get("Klinikum Hamburg-Eppendorf") == ORG
