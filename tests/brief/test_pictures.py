from __future__ import annotations

import xml.etree.ElementTree as ET
from typing import Any

import pytest
from hypothesis import given
from hypothesis import strategies as st

from synopse.brief.pictures import (
    co_occurrences,
    coverage_cells,
    coverage_svg,
    day_of,
    network_svg,
    timeline_positions,
    timeline_svg,
)

SVG = "{http://www.w3.org/2000/svg}"
OUTLETS = {"a1": "Nordkurier", "a2": "Südpost", "a3": "Westblatt"}


def _event(date: str, ids: list[str], background: bool = False) -> dict[str, Any]:
    return {
        "date": date,
        "text": f"Ereignis am {date}",
        "article_ids": ids,
        "background": background,
    }


def _story() -> dict[str, Any]:
    return {
        "article_ids": ["a1", "a2", "a3"],
        "timeline": [
            _event("2014", ["a1"], background=True),
            _event("2022-02", ["a2"], background=True),
            _event("2025-03-10", ["a1", "a2"]),
            _event("2025-03-12", ["a1", "a2", "a3"]),
        ],
        "comparisons": [
            {
                "topic": "Dauer: Sitzung",
                "status": "divergent",
                "claims": [{"article_id": "a1"}, {"article_id": "a3"}],
            },
            {
                "topic": "Ort: Treffen",
                "status": "consensus",
                "claims": [{"article_id": "a1"}, {"article_id": "a2"}],
            },
        ],
        "entities": [
            {
                "id": "e1",
                "name": "Anna Berger",
                "type": "PER",
                "mentions": [
                    {"article_id": "a1", "start": 0, "end": 11},
                    {"article_id": "a2", "start": 500, "end": 506},
                ],
            },
            {
                "id": "e2",
                "name": "Stadtrat",
                "type": "ORG",
                "mentions": [{"article_id": "a1", "start": 40, "end": 48}],
            },
            {
                "id": "e3",
                "name": "Lübeck",
                "type": "LOC",
                "mentions": [{"article_id": "a2", "start": 2000, "end": 2006}],
            },
        ],
    }


def _parse(markup: str) -> ET.Element:
    root = ET.fromstring(str(markup))
    assert root.tag == f"{SVG}svg"
    assert root.get("role") == "img"
    return root


@pytest.mark.parametrize(
    ("value", "expected"),
    [
        ("2025-02-12", (2025, 2, 12)),
        ("2025-02", (2025, 2, 1)),
        ("2014", (2014, 1, 1)),
        ("201", (2010, 1, 1)),
    ],
)
def test_partial_dates_start_on_their_first_day(value: str, expected: tuple[int, int, int]) -> None:
    day = day_of(value)
    assert (day.year, day.month, day.day) == expected


def test_background_is_compressed_left_and_story_days_are_spread_by_date() -> None:
    xs = timeline_positions(_story()["timeline"])
    background, first_day, last_day = xs[:2], xs[2], xs[3]
    assert max(background) < first_day < last_day
    assert last_day - first_day > max(background) - min(background)


def test_timeline_chart_has_a_dot_per_event_and_a_text_equivalent() -> None:
    root = _parse(timeline_svg(_story(), OUTLETS))
    assert len(root.findall(f"{SVG}circle")) == 4
    desc = root.find(f"{SVG}desc")
    assert desc is not None and "Westblatt" in (desc.text or "")
    assert "2014" in (root.find(f"{SVG}title").text or "")  # type: ignore[union-attr]


def test_coverage_marks_reports_divergences_and_omissions_per_outlet() -> None:
    rows, columns, cells = coverage_cells(_story(), OUTLETS)
    assert rows == ["Dauer: Sitzung", "Ort: Treffen"]
    assert columns == ["Nordkurier", "Südpost", "Westblatt"]
    assert cells == [["diverges", "omits", "diverges"], ["reports", "reports", "omits"]]
    assert len(_parse(coverage_svg(_story(), OUTLETS)).findall(f"{SVG}rect")) == 6


def test_entities_named_close_together_are_joined_and_far_apart_are_not() -> None:
    pairs = co_occurrences(_story()["entities"])
    assert pairs == {("e1", "e2"): 1}
    root = _parse(network_svg(_story()))
    assert len(root.findall(f"{SVG}circle")) == 3
    assert len(root.findall(f"{SVG}line")) == 1


def test_pictures_are_empty_when_there_is_nothing_to_draw() -> None:
    empty = {"article_ids": [], "timeline": [], "comparisons": [], "entities": []}
    assert (
        str(timeline_svg(empty, {}))
        == str(coverage_svg(empty, {}))
        == str(network_svg(empty))
        == ""
    )


@given(st.text(min_size=1, max_size=40))
def test_names_and_texts_are_escaped_in_every_picture(name: str) -> None:
    story = _story()
    story["entities"][0]["name"] = name
    story["timeline"][0]["text"] = name
    story["comparisons"][0]["topic"] = name
    for markup in (timeline_svg(story, OUTLETS), coverage_svg(story, OUTLETS), network_svg(story)):
        if any(0xD800 <= ord(c) <= 0xDFFF or (ord(c) < 32 and c not in "\t\n\r") for c in name):
            continue  # not representable in XML at all; the escaping is what is tested
        _parse(markup)
