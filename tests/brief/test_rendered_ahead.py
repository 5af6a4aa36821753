"""A story's report sections rendered ahead (where the story was built) give the report the
writer would give, and are used only for the very story and articles they were rendered for."""

from __future__ import annotations

import contextlib
from dataclasses import replace
from pathlib import Path

import pytest

from synopse.brief.render import _Within, rendered_parts, story_parts, write_reports
from synopse.config import Settings
from synopse.model import Article, RenderedStory, Report
from synopse.pipeline import analyze
from tests.conftest import EXAMPLES


@pytest.fixture(scope="module")
def report() -> Report:
    return analyze([str(EXAMPLES)], Settings().with_embeddings("none"))


def _members(report: Report, index: int) -> list[Article]:
    by_id = {a.id: a for a in report.articles}
    return [by_id[aid] for aid in report.stories[index].article_ids]


def _ahead(report: Report) -> Report:
    """The report with every story's sections rendered from its own articles."""
    rendered = []
    for i, story in enumerate(report.stories):
        members = _members(report, i)
        parts = story_parts(story, members)
        assert parts is not None, story.id
        rendered.append(RenderedStory(story, tuple(members), *parts))
    return replace(report, rendered=tuple(rendered))


def _written(report: Report, out: Path) -> dict[str, bytes]:
    return {fmt: path.read_bytes() for fmt, path in write_reports(report, out).items()}


def test_sections_rendered_ahead_give_the_writer_s_own_report(
    report: Report, tmp_path: Path
) -> None:
    assert len(report.stories) >= 2
    ahead = _ahead(report)
    assert ahead == report  # the sections are not part of the report's value
    assert all(part is not None for part in rendered_parts(ahead))
    assert _written(ahead, tmp_path / "ahead") == _written(report, tmp_path / "own")


def test_the_writer_uses_the_sections_rendered_ahead(report: Report, tmp_path: Path) -> None:
    ahead = _ahead(report)
    first = replace(ahead.rendered[0], markdown=("MARK-AHEAD",), html="<p>HTML-AHEAD</p>")
    marked = replace(ahead, rendered=(first, *ahead.rendered[1:]))
    written = _written(marked, tmp_path)
    assert b"MARK-AHEAD" in written["md"] and b"<p>HTML-AHEAD</p>" in written["html"]
    assert f"## {report.stories[0].title}\n".encode() not in written["md"]
    assert f"## {report.stories[1].title}\n".encode() in written["md"]


def test_sections_are_not_used_for_other_objects(report: Report, tmp_path: Path) -> None:
    ahead = _ahead(report)
    story = report.stories[0]
    renamed = replace(_members(report, 0)[0], outlet="Umbenannte Zeitung")
    articles = tuple(renamed if a.id == renamed.id else a for a in report.articles)
    changed = replace(ahead, articles=articles)  # the sections were rendered for the old one
    parts = rendered_parts(changed)
    assert parts[0] is None and all(p is not None for p in parts[1:])
    written = _written(changed, tmp_path)
    assert b"Umbenannte Zeitung" in written["md"]
    assert b"Umbenannte Zeitung" in written["html"]
    assert _written(replace(changed, rendered=()), tmp_path / "own") == written
    copied = replace(ahead, stories=(replace(story), *ahead.stories[1:]))
    assert copied.stories[0] == story
    assert rendered_parts(copied)[0] is None  # an equal copy is not the same object


def test_a_story_that_looks_beyond_its_articles_is_left_to_the_writer(report: Report) -> None:
    members = _members(report, 0)
    assert story_parts(report.stories[0], members[1:]) is None


def test_within_notes_every_lookup_beyond_its_entries() -> None:
    for look in (
        lambda m: m["b"],
        lambda m: m.get("b"),
        lambda m: m.get("b", "x"),
        lambda m: "b" in m,
    ):
        entries = _Within({"a": "1"})
        with contextlib.suppress(KeyError):
            look(entries)
        assert entries.beyond
    entries = _Within({"a": "1"})
    assert entries["a"] == entries.get("a") == "1" and "a" in entries
    assert not entries.beyond
