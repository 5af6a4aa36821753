"""Quantities: German numbers, units, qualifiers and the intervals used to compare them."""

from __future__ import annotations

import json
import math
from pathlib import Path
from typing import Any

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from synopse.annotate.numbers import parse_digits, parse_number_word
from synopse.annotate.quantities import find_quantities
from synopse.annotate.tokens import Tokenizer
from synopse.model import Quantity

GOLDEN = Path(__file__).resolve().parents[1] / "golden" / "annotate" / "facts.jsonl"
ROWS = [json.loads(line) for line in GOLDEN.read_text(encoding="utf-8").splitlines()]
FIELDS = ("text", "value", "unit", "qualifier", "low", "high")


def quantities(tokenizer: Tokenizer, text: str) -> tuple[Quantity, ...]:
    return find_quantities(text, tokenizer(text))


def only(tokenizer: Tokenizer, text: str) -> Quantity:
    found = quantities(tokenizer, text)
    assert len(found) == 1, found
    return found[0]


def overlap(a: Quantity, b: Quantity) -> bool:
    a_high = math.inf if a.high is None else a.high
    b_high = math.inf if b.high is None else b.high
    assert a.low is not None and b.low is not None
    return a.low <= b_high and b.low <= a_high


def as_row(found: Quantity) -> dict[str, Any]:
    return {name: getattr(found, name) for name in FIELDS}


def close(expected: dict[str, Any], found: dict[str, Any]) -> bool:
    def same(x: Any, y: Any) -> bool:
        if isinstance(x, int | float) and isinstance(y, int | float):
            return math.isclose(x, y, rel_tol=1e-6, abs_tol=1e-6)
        return bool(x == y)

    return all(same(expected[k], found[k]) for k in FIELDS)


def golden_cases() -> list[Any]:
    """One case per golden sentence; documented misses are strict xfails, so a fix shows up."""
    cases = []
    for row in ROWS:
        reason = row.get("known_miss", {}).get("quantities")
        marks = [pytest.mark.xfail(reason=reason, strict=True)] if reason else []
        cases.append(pytest.param(row, id=row["id"], marks=marks))
    return cases


@pytest.mark.parametrize("row", golden_cases())
def test_golden_sentence_yields_exactly_its_quantities(
    tokenizer: Tokenizer, row: dict[str, Any]
) -> None:
    found = [as_row(q) for q in quantities(tokenizer, row["text"])]
    assert len(found) == len(row["quantities"]), found
    for expected, got in zip(row["quantities"], found, strict=True):
        assert close(expected, got), (expected, got)


def test_golden_set_is_large_enough_to_measure() -> None:
    expressions = [len(row["quantities"]) + len(row["times"]) for row in ROWS]
    holdout = [n for n, row in zip(expressions, ROWS, strict=True) if row.get("split") == "holdout"]
    assert sum(expressions) >= 250 and sum(holdout) >= 80


@pytest.mark.parametrize(
    ("written", "value"),
    [("1.500", 1500.0), ("2,5", 2.5), ("12.345.678", 12345678.0), ("7", 7.0), ("14.35", None),
     ("12.02", None), ("abc", None), ("1,5,3", None)],
)  # fmt: skip
def test_digits_follow_german_separators(written: str, value: float | None) -> None:
    assert parse_digits(written) == value


@pytest.mark.parametrize(
    ("word", "value"),
    [("drei", 3), ("Zwölf", 12), ("zwanzig", 20), ("dreiundzwanzig", 23), ("hundert", 100),
     ("zweihundertfünfzigtausend", 250000), ("eineinhalb", 1.5), ("anderthalb", 1.5),
     ("zweieinhalb", 2.5), ("einhundert", 100), ("dreiviertel", 0.75), ("ein", None),
     ("und", None), ("Haus", None)],
)  # fmt: skip
def test_number_words_are_read(word: str, value: float | None) -> None:
    assert parse_number_word(word) == value


def test_over_an_hour_is_compatible_with_ninety_minutes(tokenizer: Tokenizer) -> None:
    over = only(tokenizer, "Die Sitzung dauerte über eine Stunde.")
    ninety = only(tokenizer, "Die Sitzung dauerte eineinhalb Stunden.")
    assert overlap(over, ninety)


def test_about_an_hour_is_not_compatible_with_almost_ninety_minutes(tokenizer: Tokenizer) -> None:
    about = only(tokenizer, "Die Sitzung dauerte etwa eine Stunde.")
    almost = only(tokenizer, "Die Sitzung dauerte fast 90 Minuten.")
    assert not overlap(about, almost)


@pytest.mark.parametrize(
    "text",
    [
        "Das Gesetz trat im Jahr 2022 in Kraft.",
        "Am 12. Februar trafen sich die Minister.",
        "Der Notruf ging um 14:35 Uhr ein.",
        "Die Sitzung beginnt um 9 Uhr.",
        "Er wurde im dritten Wahlgang gewählt.",
        "Der 3. Platz ging an Norwegen.",
        "Die Lage Russland/Ukraine bleibt angespannt.",
        "Mehr unter https://example.org/2024/12/artikel-55 im Netz.",
        "Die Zahl der Opfer stieg auf 45.",
        "Sie ist eine Frau mit einer Idee.",
        "Das Spiel endete 2:1.",
        "Die Werke entstanden zwischen 1997 und 2001.",
    ],
)
def test_years_dates_times_and_ordinals_are_not_quantities(tokenizer: Tokenizer, text: str) -> None:
    assert quantities(tokenizer, text) == ()


@pytest.mark.parametrize(
    "text",
    [
        "Eines Tages wird die Wahrheit ans Licht kommen.",
        "Er hoffte, eines Jahres zurückzukehren.",
        "Eines Morgens stand er vor der Tür.",
        "Eines Abends im Mai kam der Brief.",
    ],
)
def test_idioms_with_eines_are_not_quantities(tokenizer: Tokenizer, text: str) -> None:
    assert quantities(tokenizer, text) == ()


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("Innerhalb eines Tages stieg der Pegel.", ("eines Tages", 1.0, "day", None)),
        ("Die Preise stiegen binnen eines Jahres.", ("eines Jahres", 1.0, "year", None)),
        (
            "Eine Umfrage unter 1.500 Befragten zeigt das.",
            ("1.500 Befragten", 1500.0, "person", None),
        ),
        ("Die Quote liegt unter 50 Prozent.", ("unter 50 Prozent", 50.0, "percent", "unter")),
        ("Kinder unter zwölf Jahren zahlen nichts.", ("unter zwölf Jahren", 12.0, "year", "unter")),
        (
            "Mehr als 700 Israelis wurden getötet.",
            ("Mehr als 700 Israelis", 700.0, "person", "mehr als"),
        ),
        ("Die Gruppe aus 12 Italienern reiste ab.", ("12 Italienern", 12.0, "person", None)),
        ("Dort leben 300 US-Amerikaner.", ("300 US-Amerikaner", 300.0, "person", None)),
        ("Rund 600 Gäste werden erwartet.", ("Rund 600 Gäste", 600.0, "person", "rund")),
        ("Es wurde minus 70 Grad kalt.", ("minus 70 Grad", -70.0, "degree", None)),
        ("Er fällt ein halbes Jahr aus.", ("ein halbes Jahr", 0.5, "year", None)),
        (
            "Sie warteten eine dreiviertel Stunde.",
            ("eine dreiviertel Stunde", 0.75, "minute", None),
        ),
    ],
)
def test_hard_cases_read_as_people_fractions_and_signs(
    tokenizer: Tokenizer, text: str, expected: tuple[str, float, str, str | None]
) -> None:
    found = only(tokenizer, text)
    assert (found.text, found.value, found.unit, found.qualifier) == expected


def test_negative_value_keeps_its_interval_ordered(tokenizer: Tokenizer) -> None:
    found = only(tokenizer, "Es waren etwa minus 20 Grad.")
    assert (found.low, found.high) == (pytest.approx(-22.0), pytest.approx(-18.0))


def test_plus_minus_is_a_tolerance_not_a_sign(tokenizer: Tokenizer) -> None:
    found = quantities(tokenizer, "Die Höhe ist 771 Meter (plus/minus 13,5 Meter).")
    assert [q.value for q in found] == [771.0, 13.5]


@pytest.mark.parametrize(
    ("text", "unit", "counted"),
    [
        ("Mehr als 300 Einsatzkräfte waren vor Ort.", "person", "Einsatzkraft"),
        ("Es gab drei schwer Verletzte.", "person", "Verletzte"),
        ("Sie kauften 20 neue Autos.", None, "Auto"),
        ("Die 14-Jährige blieb unverletzt.", "year", "Alter"),
        ("Die Ausstellung zeigt 40 Gemälde.", None, "Gemälde"),
    ],
)
def test_counted_noun_is_its_lemma(
    tokenizer: Tokenizer, text: str, unit: str | None, counted: str
) -> None:
    found = only(tokenizer, text)
    assert (found.unit, found.counted) == (unit, counted)


@pytest.mark.parametrize(
    ("text", "normalized", "unit"),
    [
        ("Sie warteten 2,5 Stunden.", 150.0, "minute"),
        ("Der Streik dauerte zwei Wochen.", 14.0, "day"),
        ("Die Amtszeit beträgt 18 Monate.", 1.5, "year"),
        ("Der Schaden beträgt 3,5 Mrd. Euro.", 3.5e9, "EUR"),
        ("Die Firma verlor 200 Mio. US-Dollar.", 2e8, "USD"),
        ("Das kostet 5 Tsd. Euro.", 5000.0, "EUR"),
        ("Der Stau war 12 km lang.", 12000.0, "m"),
        ("Ein Dutzend Polizisten kam.", 12.0, "person"),
        ("Die Tarife steigen um 5%.", 5.0, "percent"),
    ],
)
def test_units_are_normalised(
    tokenizer: Tokenizer, text: str, normalized: float, unit: str
) -> None:
    found = only(tokenizer, text)
    assert (found.normalized, found.unit) == (pytest.approx(normalized), unit)


def test_quantities_are_found_without_tagged_sentences() -> None:
    found = find_quantities("Rund 120 Einsatzkräfte kamen.", ())
    assert [(q.text, q.unit, q.low, q.high) for q in found] == [
        ("Rund 120 Einsatzkräfte", "person", 108.0, 132.0)
    ]


@given(st.text(max_size=200))
@settings(max_examples=300)
def test_any_text_gives_quantities_that_slice_back_without_sentences(text: str) -> None:
    for found in find_quantities(text, ()):
        assert text[found.start : found.end] == found.text


@given(
    st.text(
        alphabet=st.sampled_from(
            "0123456789 .,%€$-/:etwa rund über Stunden Euro Menschen bis zu ein"
        ),
        max_size=80,
    )
)
@settings(max_examples=60, deadline=None)
def test_number_heavy_text_gives_quantities_that_slice_back(text: str) -> None:
    tokenizer = _shared_tokenizer()
    for found in find_quantities(text, tokenizer(text)):
        assert text[found.start : found.end] == found.text
        assert found.low is not None
        assert found.high is None or found.low <= found.high


@given(
    st.integers(min_value=1, max_value=9999),
    st.sampled_from(["etwa", "fast", "über", "mindestens", "bis zu", "rund", "knapp", "gut"]),
    st.sampled_from(["Minuten", "Stunden", "Tage", "Euro", "Prozent", "Soldaten"]),
)
@settings(max_examples=40, deadline=None)
def test_qualified_interval_contains_or_bounds_the_value(
    number: int, qualifier: str, unit: str
) -> None:
    text = f"Es waren {qualifier} {number} {unit}."
    found = find_quantities(text, _shared_tokenizer()(text))
    assert len(found) == 1 and found[0].qualifier == qualifier
    low, high, value = found[0].low, found[0].high, found[0].normalized
    assert low is not None and value is not None
    assert low <= value and (high is None or value <= high)


_TOKENIZER: list[Tokenizer] = []


def _shared_tokenizer() -> Tokenizer:
    """Hypothesis tests cannot take function-scoped fixtures; load the models once here."""
    if not _TOKENIZER:
        _TOKENIZER.append(Tokenizer())
    return _TOKENIZER[0]
