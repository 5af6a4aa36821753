"""Time expressions: absolute and relative dates, resolved against the publication date."""

from __future__ import annotations

import datetime as dt
import json
from pathlib import Path
from typing import Any

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from synopse.annotate.times import find_times
from synopse.annotate.tokens import Tokenizer
from synopse.errors import InputError

GOLDEN = Path(__file__).resolve().parents[1] / "golden" / "annotate" / "facts.jsonl"
ROWS = [json.loads(line) for line in GOLDEN.read_text(encoding="utf-8").splitlines()]
FRIDAY = dt.date(2025, 2, 14)
WEEKDAYS = ("Montag", "Dienstag", "Mittwoch", "Donnerstag", "Freitag", "Samstag", "Sonntag")


def times(
    tokenizer: Tokenizer, text: str, published: dt.date | str | None = FRIDAY
) -> list[tuple[str, str | None, str | None]]:
    return [(t.text, t.value, t.precision) for t in find_times(text, tokenizer(text), published)]


def golden_cases() -> list[Any]:
    """One case per golden sentence; documented misses are strict xfails, so a fix shows up."""
    cases = []
    for row in ROWS:
        reason = row.get("known_miss", {}).get("times")
        marks = [pytest.mark.xfail(reason=reason, strict=True)] if reason else []
        cases.append(pytest.param(row, id=row["id"], marks=marks))
    return cases


@pytest.mark.parametrize("row", golden_cases())
def test_golden_sentence_yields_exactly_its_times(
    tokenizer: Tokenizer, row: dict[str, Any]
) -> None:
    published = row["published"]  # full ISO dates, partial ones ("2025-02") or None
    expected = [(t["text"], t["value"], t["precision"]) for t in row["times"]]
    assert times(tokenizer, row["text"], published) == expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("Am 12. Februar 2025 begann die Konferenz.", ("12. Februar 2025", "2025-02-12", "day")),
        ("Das Abkommen vom 12.02.2025 gilt.", ("12.02.2025", "2025-02-12", "day")),
        ("Die Gespräche im Februar 2022 scheiterten.", ("Februar 2022", "2022-02", "month")),
        ("Im Jahr 2014 begann der Konflikt.", ("2014", "2014", "year")),
        ("Das geschah vor drei Jahren.", ("vor drei Jahren", "2022", "year")),
        ("Gestern tagte der Ausschuss.", ("Gestern", "2025-02-13", "day")),
        ("Die Wahl ist Ende des Jahres.", ("Ende des Jahres", "2025", "year")),
        ("Die Frist endet Mitte März.", ("Mitte März", "2025-03", "month")),
        ("Er kam am 28. Dezember zurück.", ("28. Dezember", "2024-12-28", "day")),
        ("In den 1990er Jahren wuchs die Stadt.", ("1990er Jahren", "199", "decade")),
        ("Er reiste vor einer Woche ab.", ("vor einer Woche", "2025-02-03", "week")),
        ("Das war vor wenigen Tagen.", ("vor wenigen Tagen", "2025-02", "month")),
        ("Die Regierung trat am Mittwochabend zurück.", ("Mittwochabend", "2025-02-12", "day")),
        ("Das Gesetz gilt bis Ende 2026.", ("Ende 2026", "2026", "year")),
        ("In der Saison 2024/25 spielt er in Madrid.", ("2024/25", "2024", "year")),
        (
            "Der Rat tagt am Dienstag, dem 18.02.2025.",
            ("Dienstag, dem 18.02.2025", "2025-02-18", "day"),
        ),
        ("Ab Montag gelten neue Regeln.", ("Montag", "2025-02-17", "day")),
        ("Die Burg steht seit 1163 am Fluss.", ("1163", "1163", "year")),
        ("Die Brücke war 1967 eröffnet worden.", ("1967", "1967", "year")),
    ],
)
def test_expressions_resolve_against_publication(
    tokenizer: Tokenizer, text: str, expected: tuple[str, str, str]
) -> None:
    assert times(tokenizer, text) == [expected]


@pytest.mark.parametrize(
    ("text", "value"),
    [
        ("Am Mittwoch sagte der Minister, er sei zufrieden.", "2025-02-12"),
        ("Am Mittwoch wird der Minister nach Kiew reisen.", "2025-02-19"),
        ("Der Minister reist kommenden Mittwoch nach Kiew.", "2025-02-19"),
        ("Der Minister reiste vergangenen Freitag nach Kiew.", "2025-02-07"),
        ("Der Minister reist an diesem Sonntag nach Kiew.", "2025-02-16"),
        ("Am Freitag sagte der Minister, er werde reisen.", "2025-02-14"),
    ],
)
def test_weekday_direction_follows_modifier_and_tense(
    tokenizer: Tokenizer, text: str, value: str
) -> None:
    [(_, found, precision)] = times(tokenizer, text)
    assert (found, precision) == (value, "day")


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("Am Mittwoch tagte der Rat.", ("Mittwoch", None, "day")),
        ("Am 20. Januar tagte der Rat.", ("20. Januar", None, "day")),
        ("Am 20. Januar 2021 tagte der Rat.", ("20. Januar 2021", "2021-01-20", "day")),
    ],
)
def test_without_publication_date_relative_times_are_found_unresolved(
    tokenizer: Tokenizer, text: str, expected: tuple[str, Any, str]
) -> None:
    assert times(tokenizer, text, None) == [expected]


def test_relative_times_name_their_anchor(tokenizer: Tokenizer) -> None:
    text = "Gestern, am 3. März 2020, tagte der Rat."
    anchors = [(t.text, t.anchor) for t in find_times(text, tokenizer(text), FRIDAY)]
    assert anchors == [("Gestern", "2025-02-14"), ("3. März 2020", None)]


@pytest.mark.parametrize(
    ("text", "published", "expected"),
    [
        (
            "Der Eid wird am 20. Januar abgelegt.",
            "2025",
            ("20. Januar", "2025-01-20", "day", "2025"),
        ),
        (
            "Der Eid wird am 20. Dezember abgelegt.",
            "2025",
            ("20. Dezember", "2025-12-20", "day", "2025"),
        ),
        (
            "Die Gespräche begannen am 12. Februar.",
            "2025-02",
            ("12. Februar", "2025-02-12", "day", "2025-02"),
        ),
        (
            "Er kam am 28. Dezember zurück.",
            "2025-01",
            ("28. Dezember", "2024-12-28", "day", "2025-01"),
        ),
        ("Der Vertrag läuft im März aus.", "2025", ("März", "2025-03", "month", "2025")),
        ("Das geschah vor drei Jahren.", "2025", ("vor drei Jahren", "2022", "year", "2025")),
        (
            "Das geschah vor zwei Monaten.",
            "2024-11",
            ("vor zwei Monaten", "2024-09", "month", "2024-11"),
        ),
        ("Das geschah vor zwei Monaten.", "2024", ("vor zwei Monaten", None, "month", None)),
        (
            "Im vergangenen Jahr sank die Zahl.",
            "2024",
            ("vergangenen Jahr", "2023", "year", "2024"),
        ),
        (
            "Im vergangenen Monat sank die Zahl.",
            "2024-03",
            ("vergangenen Monat", "2024-02", "month", "2024-03"),
        ),
        ("Im vergangenen Monat sank die Zahl.", "2024", ("vergangenen Monat", None, "month", None)),
        ("Am Mittwoch tagte der Rat.", "2025-02", ("Mittwoch", None, "day", None)),
        ("Gestern tagte der Rat.", "2025", ("Gestern", None, "day", None)),
        ("Vor drei Tagen tagte der Rat.", "2025-02", ("Vor drei Tagen", None, "day", None)),
        ("Vergangene Woche tagte der Rat.", "2025-02", ("Vergangene Woche", None, "week", None)),
        ("Gestern tagte der Rat.", "2025-02-14", ("Gestern", "2025-02-13", "day", "2025-02-14")),
    ],
)
def test_partial_publication_date_resolves_only_as_far_as_it_reaches(
    tokenizer: Tokenizer, text: str, published: str, expected: tuple[str, Any, str, Any]
) -> None:
    found = find_times(text, tokenizer(text), published)
    assert [(t.text, t.value, t.precision, t.anchor) for t in found] == [expected]


@pytest.mark.parametrize("published", ["Februar 2025", "2025-13", "25", "2025-02-30", ""])
def test_unreadable_publication_date_is_an_input_error(published: str) -> None:
    with pytest.raises(InputError, match="publication date"):
        find_times("Gestern tagte der Rat.", (), published)


@given(
    st.sampled_from(["im März", "am 3. Oktober", "vor zwei Jahren", "Ende des Jahres"]),
    st.integers(min_value=1950, max_value=2050),
    st.integers(min_value=1, max_value=12),
)
@settings(max_examples=60, deadline=None)
def test_month_anchor_and_its_first_day_agree_on_months_and_years(
    phrase: str, year: int, month: int
) -> None:
    text = f"Das war {phrase}."
    sentences = _shared_tokenizer()(text)
    by_month = find_times(text, sentences, f"{year}-{month:02d}")
    by_day = find_times(text, sentences, dt.date(year, month, 1))
    assert [(t.text, t.precision) for t in by_month] == [(t.text, t.precision) for t in by_day]
    if "Oktober" not in phrase:  # a day in the month is resolved from its first day: may differ
        assert [t.value for t in by_month] == [t.value for t in by_day]


@pytest.mark.parametrize(
    "text",
    [
        "Der Haushalt umfasst 2022 Posten.",
        "Bei den Protesten wurden 1200 festgenommen.",
        "Die Firma hat seit 1500 Mitarbeiter.",
        "Die Lage ist 2024/12 unverändert.",
        "Am Morgen war es still.",
        "Der 31. Februar ist kein Datum.",
        "Mit 2000 Euro kommt man weit.",
        "Die Person des Jahres wurde gekürt.",
    ],
)
def test_numbers_and_nouns_that_look_like_dates_are_not_times(
    tokenizer: Tokenizer, text: str
) -> None:
    assert times(tokenizer, text) == []


@given(
    st.text(max_size=200), st.dates(min_value=dt.date(1900, 1, 1), max_value=dt.date(2099, 12, 31))
)
@settings(max_examples=300)
def test_any_text_gives_times_that_slice_back_without_sentences(
    text: str, published: dt.date
) -> None:
    for found in find_times(text, (), published):
        assert text[found.start : found.end] == found.text


@given(
    st.text(
        alphabet=st.sampled_from(
            "0123456789 .,()-/am im seit vor Jahren Mittwoch März Ende gestern"
        ),
        max_size=80,
    ),
    st.dates(min_value=dt.date(1950, 1, 1), max_value=dt.date(2050, 12, 31)) | st.none(),
)
@settings(max_examples=60, deadline=None)
def test_date_heavy_text_gives_times_that_slice_back(text: str, published: dt.date | None) -> None:
    for found in find_times(text, _shared_tokenizer()(text), published):
        assert text[found.start : found.end] == found.text
        assert published is not None or found.anchor is None


@given(
    st.sampled_from(WEEKDAYS),
    st.dates(min_value=dt.date(1950, 1, 1), max_value=dt.date(2050, 12, 31)),
)
@settings(max_examples=60, deadline=None)
def test_past_weekday_is_the_latest_such_day_up_to_publication(
    weekday: str, published: dt.date
) -> None:
    text = f"Am {weekday} tagte der Rat."
    [found] = find_times(text, _shared_tokenizer()(text), published)
    assert found.value is not None
    day = dt.date.fromisoformat(found.value)
    assert WEEKDAYS[day.weekday()] == weekday and 0 <= (published - day).days <= 6


_TOKENIZER: list[Tokenizer] = []


def _shared_tokenizer() -> Tokenizer:
    """Hypothesis tests cannot take function-scoped fixtures; load the models once here."""
    if not _TOKENIZER:
        _TOKENIZER.append(Tokenizer())
    return _TOKENIZER[0]
