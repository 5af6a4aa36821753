"""Entity recognition on German sentences written for these tests, plus a quality gate on the
GermEval 2014 development split when ../shared/devdata is present."""

from __future__ import annotations

import importlib.util
import itertools
import sys
from pathlib import Path
from types import ModuleType

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from synopse.annotate.entities import EntityRecognizer, role_nouns
from synopse.annotate.tokens import Tokenizer
from synopse.model import EntityType, Mention

ROOT = Path(__file__).resolve().parents[2]
GERMEVAL = ROOT / ".." / "shared" / "devdata" / "germeval2014-ner-dev.tsv"

PER, ORG, LOC, MISC = EntityType.PER, EntityType.ORG, EntityType.LOC, EntityType.MISC


def mentions(text: str, tokenizer: Tokenizer, recognizer: EntityRecognizer) -> tuple[Mention, ...]:
    return recognizer(text, tokenizer(text))


def found(text: str, tokenizer: Tokenizer, recognizer: EntityRecognizer) -> dict[str, EntityType]:
    return {m.text: m.type for m in mentions(text, tokenizer, recognizer)}


@pytest.mark.parametrize(
    ("text", "name", "kind"),
    [
        ("Am Montag sprach Angela Merkel lange mit den Gästen.", "Angela Merkel", PER),
        ("Der Zug fuhr gestern von Hamburg nach Leipzig.", "Leipzig", LOC),
        ("Die Delegation flog anschließend nach Russland.", "Russland", LOC),
        ("Beobachter sehen die Vereinigten Staaten in der Pflicht.", "Vereinigten Staaten", LOC),
        ("Die Vereinten Nationen riefen zur Waffenruhe auf.", "Vereinten Nationen", ORG),
        ("Ein Sprecher der Nato wollte das nicht kommentieren.", "Nato", ORG),
        (
            "Die Münchner Sicherheitskonferenz beginnt am Freitag.",
            "Münchner Sicherheitskonferenz",
            MISC,  # an event, as the gold guidelines and GermEval's OTH have it
        ),
        ("Der Aufsichtsrat der Beispiel Technik GmbH tagte.", "Beispiel Technik GmbH", ORG),
        ("Der Preis stieg auf drei Euro pro Liter.", "Euro", MISC),
        ("Sie zog nach dem Zweiten Weltkrieg nach Wien.", "Zweiten Weltkrieg", MISC),
        ("Er schrieb das auf Truth Social in der Nacht.", "Truth Social", ORG),
        ("Das Treffen fand im Weißen Haus statt.", "Weißen Haus", ORG),
        ("Sie las den Roman „Der Nebelturm“ in einer Nacht.", "Der Nebelturm", MISC),
        ("Laut der Nachrichtenagentur Reuters fiel der Kurs.", "Reuters", ORG),
    ],
)
def test_recognizer_types_names_from_lists_and_context(
    tokenizer: Tokenizer, recognizer: EntityRecognizer, text: str, name: str, kind: EntityType
) -> None:
    assert found(text, tokenizer, recognizer).get(name) == kind


@pytest.mark.parametrize(
    ("text", "name", "role"),
    [
        ("US-Außenminister Marco Rubio reiste nach Riad.", "Marco Rubio", "US-Außenminister"),
        ("Das bestätigte Kremlsprecher Dmitri Peskow am Abend.", "Dmitri Peskow", "Kremlsprecher"),
        ("CIA-Direktor John Ratcliffe schwieg dazu.", "John Ratcliffe", "CIA-Direktor"),
        ("Bundeskanzler Olaf Scholz widersprach.", "Olaf Scholz", "Bundeskanzler"),
        ("Peskow, der Sprecher des Kremls, widersprach.", "Peskow", "Sprecher des Kremls"),
    ],
)
def test_recognizer_attaches_role_before_or_in_apposition_to_person(
    tokenizer: Tokenizer, recognizer: EntityRecognizer, text: str, name: str, role: str
) -> None:
    by_text = {m.text: m for m in mentions(text, tokenizer, recognizer)}
    assert by_text[name].type is PER
    assert by_text[name].role == role


def test_recognizer_links_surname_and_genitive_to_full_name(
    tokenizer: Tokenizer, recognizer: EntityRecognizer
) -> None:
    text = "Wladimir Putin empfing die Gäste. Putins Berater schwiegen. Später redete Putin."
    canonical = {(m.text, m.start): m.canonical for m in mentions(text, tokenizer, recognizer)}
    assert set(canonical.values()) == {"Wladimir Putin"}
    assert len(canonical) == 3


def test_recognizer_strips_genitive_from_listed_organisation(
    tokenizer: Tokenizer, recognizer: EntityRecognizer
) -> None:
    text = "Ein Sprecher des Kremls wies die Berichte zurück."
    (kreml,) = mentions(text, tokenizer, recognizer)
    assert (kreml.text, kreml.canonical, kreml.type) == ("Kremls", "Kreml", ORG)


def test_recognizer_keeps_strong_type_for_later_bare_mentions(
    tokenizer: Tokenizer, recognizer: EntityRecognizer
) -> None:
    text = "Trainerin Lotte Quirnbach lobte das Team. Danach sprach Quirnbach mit der Presse."
    kinds = {m.text: m.type for m in mentions(text, tokenizer, recognizer)}
    assert kinds == {"Lotte Quirnbach": PER, "Quirnbach": PER}


@pytest.mark.parametrize(
    "text",
    [
        "Dark Previous Startseite",
        "Die Regierung will die Steuern senken.",
        "Der Frieden ist brüchig, sagte ein Beobachter.",
    ],
)
def test_recognizer_ignores_page_chrome_and_common_nouns(
    tokenizer: Tokenizer, recognizer: EntityRecognizer, text: str
) -> None:
    assert mentions(text, tokenizer, recognizer) == ()


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        (
            "Die Halbinsel Krim Russland einzugliedern, lehnte die Regierung ab.",
            {"Krim": LOC, "Russland": LOC},
        ),
        ("Als Treffpunkt schlug Harms Kanada vor.", {"Harms": PER, "Kanada": LOC}),
        ("Kritiker sprechen von Putins Russland.", {"Putins": PER, "Russland": LOC}),
        (
            "Laut Wladimir Putin Donald Trump sei das so.",
            {"Wladimir Putin": PER, "Donald Trump": PER},
        ),
    ],
)
def test_recognizer_splits_touching_names_of_different_entities(
    tokenizer: Tokenizer, recognizer: EntityRecognizer, text: str, expected: dict[str, EntityType]
) -> None:
    assert found(text, tokenizer, recognizer) == expected


def test_recognizer_splits_a_run_of_persons_known_from_the_text(
    tokenizer: Tokenizer, recognizer: EntityRecognizer
) -> None:
    text = "Erna Grebsch und Jovanka Trellmann kamen. Trellmann Grebsch verließen den Saal."
    canonical = [(m.text, m.canonical) for m in mentions(text, tokenizer, recognizer)]
    assert canonical[-2:] == [("Trellmann", "Jovanka Trellmann"), ("Grebsch", "Erna Grebsch")]


def test_recognizer_reads_genitive_of_a_place_with_us_ending(
    tokenizer: Tokenizer, recognizer: EntityRecognizer
) -> None:
    text = "Nach Darstellung Moskaus begann der Streit im Herbst."
    (moskau,) = mentions(text, tokenizer, recognizer)
    assert (moskau.text, moskau.type, moskau.canonical) == ("Moskaus", LOC, "Moskau")


@pytest.mark.parametrize(
    ("text", "name", "kind"),
    [
        ("Der Autozulieferer Quendel AG meldet Kurzarbeit an.", "Quendel AG", ORG),
        ("Der Onlinehändler Parvento kündigte Stellen.", "Parvento", ORG),
        ("Der 1. FC Nürnberg gewann knapp.", "1. FC Nürnberg", ORG),
        ("Am Sonntag verlor der VfB Stuttgart.", "VfB Stuttgart", ORG),
        ("Die Gespräche führten CDU und NATO.", "NATO", ORG),
        ("Die Bahn fährt zwischen Elm und Börde.", "Börde", LOC),
        ("Im Hafen der Stadt Ostermünde brannte eine Halle.", "Ostermünde", LOC),
        ("Sie wohnt seit Jahren in Wettlingen.", "Wettlingen", LOC),
        ("Außenminister Rubio reiste ab.", "Rubio", PER),
    ],
)
def test_recognizer_types_unknown_names_from_their_context(
    tokenizer: Tokenizer, recognizer: EntityRecognizer, text: str, name: str, kind: EntityType
) -> None:
    assert found(text, tokenizer, recognizer).get(name) == kind


@pytest.mark.parametrize(
    "text",
    [
        "Die Halle stand in Vollbrand.",
        "Heute tagt der Ausschuss.",
        "Die Daten liegen auf Schlusskursbasis vor.",
        "Die Kennzeichen DE und AT stehen auf dem Schild.",
        "KOMMENTARE Mehr zum Thema",
        "Hell / Dunkel",
        "Aktualisiert: Di., 11.03.2025",
    ],
)
def test_recognizer_ignores_common_words_codes_and_chrome_that_look_like_names(
    tokenizer: Tokenizer, recognizer: EntityRecognizer, text: str
) -> None:
    assert mentions(text, tokenizer, recognizer) == ()


def test_role_nouns_cover_the_usual_titles() -> None:
    assert {"präsident", "sprecher", "minister", "kanzler"} <= role_nouns()


def test_recognizer_returns_sorted_non_overlapping_mentions(
    tokenizer: Tokenizer, recognizer: EntityRecognizer
) -> None:
    text = "In Berlin trafen sich Emmanuel Macron und Vertreter der EU mit der Deutschen Bank."
    found_mentions = mentions(text, tokenizer, recognizer)
    assert [m.start for m in found_mentions] == sorted(m.start for m in found_mentions)
    assert all(a.end <= b.start for a, b in itertools.pairwise(found_mentions))


@settings(max_examples=60, deadline=None)
@given(st.text(max_size=120))
def test_recognizer_offsets_slice_back_to_the_text_for_any_input(text: str) -> None:
    tokenizer, recognizer = _shared()
    for mention in recognizer(text, tokenizer(text)):
        assert text[mention.start : mention.end] == mention.text


@settings(max_examples=40, deadline=None)
@given(
    st.lists(
        st.sampled_from(["Anna", "Berlin", "Putins", "der", "Sprecher", ",", "„", "“", "EU", "AG"]),
        max_size=12,
    )
)
def test_recognizer_offsets_hold_on_name_like_word_salad(words: list[str]) -> None:
    tokenizer, recognizer = _shared()
    text = " ".join(words)
    for mention in recognizer(text, tokenizer(text)):
        assert text[mention.start : mention.end] == mention.text


_SHARED: list[tuple[Tokenizer, EntityRecognizer]] = []


def _shared() -> tuple[Tokenizer, EntityRecognizer]:
    # hypothesis tests cannot take function-scoped fixtures; build the models once instead.
    if not _SHARED:
        _SHARED.append((Tokenizer(), EntityRecognizer()))
    return _SHARED[0]


def _benchmark() -> ModuleType:
    spec = importlib.util.spec_from_file_location(
        "quality_ner", ROOT / "benchmarks" / "quality_ner.py"
    )
    assert spec is not None and spec.loader is not None
    module = importlib.util.module_from_spec(spec)
    sys.modules[spec.name] = module  # its dataclasses look their module up while being built
    spec.loader.exec_module(module)
    return module


# Floors a little below the measured figures (see the benchmark and docs/quality.md); never lower
# them silently. Raised in the issue-4 typing session (all 0.672, news 0.727, wiki 0.624).
QUALITY_FLOORS = {
    ("all", "ALL"): 0.65,
    ("all", "PER"): 0.74,
    ("all", "ORG"): 0.49,
    ("all", "LOC"): 0.73,
    ("news", "ALL"): 0.71,
    ("news", "PER"): 0.79,
    ("news", "LOC"): 0.76,
    ("news", "ORG"): 0.58,
    ("wiki", "ALL"): 0.60,
    ("wiki", "PER"): 0.69,
    ("wiki", "LOC"): 0.71,
}


@pytest.mark.slow
def test_recognizer_meets_quality_floors_on_germeval_dev() -> None:
    if not GERMEVAL.exists():
        pytest.skip("../shared/devdata/germeval2014-ner-dev.tsv is not present")
    table = _benchmark().evaluate(GERMEVAL)
    for (subset, kind), floor in QUALITY_FLOORS.items():
        assert table[subset][kind][2] >= floor, (subset, kind, table[subset][kind])
