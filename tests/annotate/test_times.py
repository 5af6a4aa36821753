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

GOLDEN = Path(__file__).resolve().parents[1] / "golden" / "annotate" / "facts.jsonl"
ROWS = [json.loads(line) for line in GOLDEN.read_text(encoding="utf-8").splitlines()]
FRIDAY = dt.date(2025, 2, 14)
WEEKDAYS = ("Montag", "Dienstag", "Mittwoch", "Donnerstag", "Freitag", "Samstag", "Sonntag")


@pytest.fixture(scope="module")
def tokenizer() -> Tokenizer:
    return Tokenizer()


def times(
    tokenizer: Tokenizer, text: str, published: dt.date | None = FRIDAY
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
    published = dt.date.fromisoformat(row["published"]) if row["published"] else None
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
    "text",
    [
        "Der Haushalt umfasst 2022 Posten.",
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
