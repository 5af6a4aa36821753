"""The seed story's timeline (../shared/seeds, when present): general rules only."""

from __future__ import annotations

from pathlib import Path

import pytest

from synopse.annotate.annotator import Annotator
from synopse.brief import build_timeline
from synopse.config import Settings
from synopse.model import Article, TimelineEntry
from synopse.pipeline import group_stories, read_articles

pytestmark = pytest.mark.slow


@pytest.fixture(scope="module")
def seed_timeline(seeds: Path, annotator: Annotator) -> tuple[TimelineEntry, ...]:
    articles = [
        annotator(a) for a in read_articles([str(seeds)], Settings()) if isinstance(a, Article)
    ]
    [story] = group_stories(articles, Settings())
    return build_timeline(story)


@pytest.mark.parametrize("year", ["2014", "2022"])
def test_seed_timeline_starts_with_the_background_years(
    seed_timeline: tuple[TimelineEntry, ...], year: str
) -> None:
    entries = [e for e in seed_timeline if e.date.startswith(year)]
    assert entries
    assert all(e.background for e in entries)


@pytest.mark.parametrize("day", ["2025-02-12", "2025-02-14"])
def test_seed_timeline_reaches_the_story_days(
    seed_timeline: tuple[TimelineEntry, ...], day: str
) -> None:
    [entry] = [e for e in seed_timeline if e.date == day]
    assert not entry.background
    assert len({r.article_id for r in entry.refs}) >= 2


def test_seed_timeline_is_in_date_order(seed_timeline: tuple[TimelineEntry, ...]) -> None:
    dates = [e.date for e in seed_timeline]
    assert dates == sorted(dates)
    assert dates[-1] >= "2025-02-14"
