"""Speakers of cues inside or after another clause: the report's own words are never the
speaker, the subject of the cue's clause is.

Every text is written for this test; mentions come from synopse's own entity recogniser.
"""

from __future__ import annotations

import pytest

from synopse.annotate.entities import EntityRecognizer
from synopse.annotate.quotes import QuoteFinder
from synopse.annotate.tokens import Tokenizer
from tests.annotate.conftest import QuoteOf, quote_with


def test_a_cue_after_the_report_names_its_subject_not_the_reported_one(
    tokenizer: Tokenizer, recognizer: EntityRecognizer, finder: QuoteFinder
) -> None:
    text = (
        "Der Maler Otto Renz ist tot. Er starb am Freitag im Alter von 91 Jahren in seinem "
        "Atelier, teilte der Verlag Hirmer mit."
    )
    quote = quote_with("Er starb am Freitag", text, tokenizer, recognizer, finder)
    assert quote.speaker is not None
    assert "Hirmer" in quote.speaker.text


def test_a_coordinated_cue_keeps_the_subject_before_the_comma(
    tokenizer: Tokenizer, recognizer: EntityRecognizer, finder: QuoteFinder
) -> None:
    text = (
        "Die Stadtwerke Kassel bestätigten den Stromausfall am Morgen, teilten jedoch mit, "
        "es sei noch unklar, wie lange die Reparatur dauere."
    )
    quote = quote_with("es sei noch unklar", text, tokenizer, recognizer, finder)
    assert quote.speaker is not None
    assert "Stadtwerke" in quote.speaker.text


@pytest.mark.parametrize(
    ("text", "words", "speaker"),
    [
        (  # "während" opening a clause whose finite verb is the cue, a name right after it
            "Während Mara Lenz erklärte, die Mannschaft sei bereit, blieb der Trainer stumm.",
            "die Mannschaft sei bereit",
            "Mara Lenz",
        ),
        (  # "als" with a time phrase between the subject and the cue
            "Als Bürgermeister Klaus Dorn am Sonntag sagte, dass die Brücke gesperrt werde, "
            "protestierten die Anwohner.",
            "dass die Brücke gesperrt werde",
            "Klaus Dorn",
        ),
        (  # "nachdem" with the participle cue before its auxiliary
            "Nachdem Jens Hofer gesagt hatte, die Spieler seien erschöpft, sagte der "
            "Verein das Testspiel ab.",
            "die Spieler seien erschöpft",
            "Jens Hofer",
        ),
    ],
)
def test_the_subject_of_an_opening_subordinate_clause_speaks(
    text: str,
    words: str,
    speaker: str,
    quote_of: QuoteOf,
) -> None:
    quote = quote_of(words, text)
    assert quote.speaker_name == speaker


def test_the_preposition_waehrend_keeps_the_subject_after_the_verb(
    tokenizer: Tokenizer, recognizer: EntityRecognizer, finder: QuoteFinder
) -> None:
    text = "Während der Sitzung sagte Ratsherr Udo Brandt, die Brücke werde im Mai gesperrt."
    quote = quote_with("die Brücke werde im Mai gesperrt", text, tokenizer, recognizer, finder)
    assert quote.speaker_name == "Udo Brandt"
