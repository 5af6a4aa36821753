"""Institutions as speakers: full names where the text gives them (speech_institutions.py).

Every sentence here is written for the test (invented places and organisations)."""

from __future__ import annotations

import importlib.util
import sys
from pathlib import Path
from types import ModuleType

import pytest

from synopse.annotate.speech_institutions import defined_abbreviations
from tests.annotate.conftest import QuoteOf

BENCHMARKS = Path(__file__).resolve().parents[2] / "benchmarks"


@pytest.mark.parametrize(
    ("text", "words", "speaker"),
    [
        # an abbreviation introduced in brackets, later the speaker: the full name
        (
            "Das Landesamt für Umwelt (LfU) warnt vor Hochwasser an der Mulde. Das LfU teilte "
            "am Montag mit, die Pegel würden bis Mittwoch weiter steigen.",
            "Pegel",
            "Landesamt für Umwelt",
        ),
        (
            "Die Kassenärztliche Vereinigung Bayerns (KVB) rechnet mit Engpässen. Laut KVB "
            "fehlen bereits 300 Hausärzte.",
            "Hausärzte",
            "Kassenärztliche Vereinigung Bayerns",
        ),
        # the name opens at the organisation, not at the spokesman before it
        (
            "Ein Sprecher der Nordländischen Befreiungsfront (NBF) schwieg. Die NBF erklärte "
            "später, es gebe Verluste.",
            "Verluste",
            "Nordländischen Befreiungsfront",
        ),
        # an institution noun followed by its place name
        (
            "Der Streit um die Miete geht weiter. Das Amtsgericht Bergheim entschied, die "
            "Erhöhung sei unwirksam.",
            "Erhöhung",
            "Amtsgericht Bergheim",
        ),
        (
            "Die Brücke bleibt gesperrt. Die Stadt Bergheim teilte mit, die Prüfung dauere "
            "noch zwei Wochen.",
            "Prüfung",
            "Stadt Bergheim",
        ),
        (
            "Die Brücke bleibt gesperrt. Wie die Gemeinde Seedorf mitteilte, dauert die "
            "Prüfung noch zwei Wochen.",
            "Prüfung",
            "Gemeinde Seedorf",
        ),
        # "die Behörde" for the authority named in the sentence before
        (
            "Kritik kam vom Landesrechnungshof. Die Behörde erklärte, das Land habe die Kosten "
            "zu spät geprüft.",
            "Kosten",
            "Landesrechnungshof",
        ),
        # "das Krankenhaus" for the hospital named before, not for the bare "Klinik" between
        (
            "Das Klinikum Bergheim schließt eine Station. Die Klinik begründete den Schritt mit "
            "fehlendem Personal. Das Krankenhaus teilte mit, die Patienten würden verlegt.",
            "Patienten",
            "Klinikum Bergheim",
        ),
        # the head of a name the text abbreviates right after it
        (
            "Die Gewerkschaft der Polizei (GdP) warnt vor Überlastung. Die GdP forderte mehr "
            "Personal.",
            "Überlastung",
            "Gewerkschaft der Polizei",
        ),
        # the circles of an institution speak for it
        (
            "Die Zahl der Geburten stieg. Aus Kreisen der Landesregierung hieß es, man prüfe "
            "weitere Hilfen.",
            "Hilfen",
            "Landesregierung",
        ),
        # the board or management of an organisation, named by its noun
        (
            "Die Beschäftigten streiken seit Montag. Die Geschäftsführung erklärte, die "
            "Forderungen seien nicht bezahlbar.",
            "Forderungen",
            "Geschäftsführung",
        ),
        (
            "Die Mitarbeiter sind verunsichert. Der Betriebsrat warnte, die Stellen seien in "
            "Gefahr.",
            "Stellen",
            "Betriebsrat",
        ),
        # a plural group of people is named by its noun (the quote guideline)
        (
            "Der Betrüger ist gefasst. Experten warnen, die Masche sei weit verbreitet.",
            "Masche",
            "Experten",
        ),
    ],
)
def test_institution_speakers_carry_the_full_name_the_text_gives(
    text: str,
    words: str,
    speaker: str,
    quote_of: QuoteOf,
) -> None:
    assert quote_of(words, text).speaker_name == speaker


@pytest.mark.parametrize(
    ("text", "words", "speaker"),
    [
        # a time after the institution noun is no name
        (
            "Das Ministerium teilte Ende Mai mit, die Förderung laufe aus.",
            "Förderung",
            "Ministerium",
        ),
        # an inflected common noun after "laut Ministerium" is no name either
        (
            "Grund für den Brand waren laut Ministerium Arbeiten an der Leitung.",
            "Brand",
            "Ministerium",
        ),
        # "die Stadt" is never the "Hauptstadt" named before it
        (
            "In der Hauptstadt wird gestreikt. Die Stadt erklärte, der Müll werde am Montag "
            "abgeholt.",
            "Müll",
            "Stadt",
        ),
        # an unnamed spokesman stays unknown (the quote guideline)
        (
            "Die Polizei sucht Zeugen. Ein Sprecher des Innenministeriums sagte, die "
            "Ermittlungen liefen.",
            "Ermittlungen",
            None,
        ),
    ],
)
def test_institution_names_need_evidence(
    text: str,
    words: str,
    speaker: str | None,
    quote_of: QuoteOf,
) -> None:
    assert quote_of(words, text).speaker_name == speaker


def test_abbreviations_are_read_from_brackets_after_their_name() -> None:
    text = (
        "Die American Library Association (ALA) und das Robert-Koch-Institut (RKI) warnen. "
        "Der Wert (ca) steigt, sagte Jana Berg (SPD). Laut einer Mitteilung des "
        "Landeskriminalamtes (LKA) und des Verbandes Bergheimer Winzer (VBW) stieg sie."
    )
    assert defined_abbreviations(text) == {
        "ALA": "American Library Association",
        "RKI": "Robert-Koch-Institut",
        "LKA": "Landeskriminalamt",
        "VBW": "Verband Bergheimer Winzer",
    }


def _benchmark() -> ModuleType:
    spec = importlib.util.spec_from_file_location(
        "quality_quotes_gold", BENCHMARKS / "quality_quotes_gold.py"
    )
    assert spec is not None and spec.loader is not None
    module = importlib.util.module_from_spec(spec)
    sys.modules["quality_quotes_gold"] = module
    spec.loader.exec_module(module)
    return module


@pytest.mark.parametrize(
    ("predicted", "gold", "same"),
    [
        ("LfU", "Landesamt für Umwelt", True),
        ("KVB", "Kassenärztliche Vereinigung Bayerns", True),
        ("Robert-Koch-Institut", "das RKI", True),
        ("RKI", "Landesamt für Umwelt", False),
        ("BKA", "Bundeskriminalamt", False),  # a compound's parts are not words
        ("Lu", "Landesamt Umwelt", False),  # one capital: not an abbreviation
    ],
)
def test_the_gold_benchmark_counts_an_abbreviation_of_the_gold_name(
    predicted: str, gold: str, same: bool
) -> None:
    benchmark = _benchmark()
    assert benchmark.same_speaker(predicted, gold) is same
    assert benchmark.same_speaker(predicted, gold, abbreviations=False) is False
