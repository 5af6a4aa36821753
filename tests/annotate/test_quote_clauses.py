"""Speakers of cues inside or after another clause: the report's own words are never the
speaker, the subject of the cue's clause is.

Every text is written for this test; mentions come from synopse's own entity recogniser.
"""

from __future__ import annotations

from synopse.annotate.entities import EntityRecognizer
from synopse.annotate.quotes import QuoteFinder
from synopse.annotate.tokens import Tokenizer
from tests.annotate.conftest import quote_with


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
