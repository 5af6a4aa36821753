"""The seed story's briefing (../shared/seeds, when present), checked by general content cues:
the call, the negotiating team, the invitation, the Munich meeting and the differing durations."""

from __future__ import annotations

import re
from pathlib import Path

import pytest

from synopse.annotate.annotator import Annotator
from synopse.config import Settings
from synopse.model import Article, Story
from synopse.pipeline import build_story, group_stories, read_articles

pytestmark = pytest.mark.slow

_DURATION = re.compile(r"\b(Stunde|Stunden|Minuten)\b")


@pytest.fixture(scope="module")
def seed_briefing(seeds: Path, annotator: Annotator) -> list[tuple[str, str, int]]:
    """(section, text, number of citing articles) per briefing sentence."""
    articles = [
        annotator(a) for a in read_articles([str(seeds)], Settings()) if isinstance(a, Article)
    ]
    [members] = group_stories(articles, Settings())
    story: Story = build_story("s1", members, Settings())
    texts = {a.id: a.text for a in members}
    return [
        (b.section, texts[b.ref.article_id][b.ref.start : b.ref.end], len(b.article_ids))
        for b in story.briefing
    ]


@pytest.mark.parametrize(
    "cue",
    [
        r"Telefon|Telefonat|Gespräch",
        r"Moskau|eingeladen|Einladung",
        r"Verhandlungsteam|\bTeams?\b|Verhandlungen\b.*\b(leiten|führen)\b",
        r"Münch",
    ],
)
def test_seed_briefing_covers_the_essentials(
    seed_briefing: list[tuple[str, str, int]], cue: str
) -> None:
    assert any(re.search(cue, text) for _, text, _ in seed_briefing)


def test_seed_briefing_shows_differing_durations_on_two_sides(
    seed_briefing: list[tuple[str, str, int]],
) -> None:
    differ = [text for section, text, _ in seed_briefing if section == "differ"]
    assert len([t for t in differ if _DURATION.search(t)]) >= 2


def test_seed_briefing_cites_every_sentence_and_stays_within_ten(
    seed_briefing: list[tuple[str, str, int]],
) -> None:
    assert 1 <= len(seed_briefing) <= 10
    assert all(cited >= 1 for _, _, cited in seed_briefing)
    assert sum(cited >= 2 for _, _, cited in seed_briefing) >= len(seed_briefing) // 2
