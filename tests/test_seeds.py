"""End to end on the five real German seed articles (../shared/seeds), when present."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from tests.cli.test_cli import synopse
from tests.report_check import check_report

pytestmark = pytest.mark.slow


@pytest.fixture(scope="module")
def seed_report(seeds: Path, tmp_path_factory: pytest.TempPathFactory) -> dict:  # type: ignore[type-arg]
    out = tmp_path_factory.mktemp("seeds")
    result = synopse("analyze", str(seeds), "--out", str(out))
    assert result.returncode == 0, result.stderr
    report: dict = json.loads((out / "report.json").read_text(encoding="utf-8"))  # type: ignore[type-arg]
    return report


def test_the_seed_report_validates_and_offsets_slice_back(seed_report: dict) -> None:  # type: ignore[type-arg]
    check_report(seed_report)
    assert len(seed_report["articles"]) == 5
    assert seed_report["errors"] == []


def test_the_five_seed_articles_form_one_story(seed_report: dict) -> None:  # type: ignore[type-arg]
    assert [len(s["article_ids"]) for s in seed_report["stories"]] == [5]


def test_the_seed_story_knows_its_main_people_and_a_figure(seed_report: dict) -> None:  # type: ignore[type-arg]
    [story] = seed_report["stories"]
    names = {e["name"] for e in story["entities"] if e["type"] == "PER"}
    assert {"Donald Trump", "Wladimir Putin", "Wolodymyr Selenskyj"} <= names
    topics = [c for c in story["comparisons"] if c["topic"].startswith("Dauer")]
    assert any(len(c["article_ids"]) >= 2 for c in topics)
    assert story["briefing"] and all(b["article_ids"] for b in story["briefing"])


def test_page_furniture_of_the_seeds_is_removed(seed_report: dict) -> None:  # type: ignore[type-arg]
    for article in seed_report["articles"]:
        body = article["text"]
        for chrome in ("Dark Mode", "Previous Post", "Next Post", "Add a comment", "COMMENTS"):
            assert chrome not in body, (article["id"], chrome)


def test_every_seed_article_has_a_title_german_language_and_an_outlet(seed_report: dict) -> None:  # type: ignore[type-arg]
    for article in seed_report["articles"]:
        assert article["title"].strip(), article["id"]
        assert article["language"] == "de", article["id"]
        assert article["outlet"].strip(), article["id"]


def test_no_seed_sentence_is_removed_as_furniture(seed_report: dict) -> None:  # type: ignore[type-arg]
    """Removed lines are short page furniture, never a paragraph of the article."""
    for article in seed_report["articles"]:
        for line in article["removed"]:
            words = line["text"].split()
            assert len(words) <= 20 or line["reason"] in {"image", "duplicate-title"}, line
