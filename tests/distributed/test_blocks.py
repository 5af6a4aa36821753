"""Clustering in time blocks gives the same stories as clustering the whole batch at once."""

from __future__ import annotations

import datetime as dt
from dataclasses import replace

import numpy as np
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from synopse.annotate.annotator import Annotator
from synopse.cluster import StoryClusterer
from synopse.cluster.blocks import BlockedStoryClusterer, time_blocks
from synopse.cluster.features import article_features
from synopse.model import Article

# Three events, two short reports each, written for these tests.
REPORTS = {
    "faehre": [
        "Die Fähre zwischen Norddeich und Juist fällt wegen Sturm aus. Die Reederei Frisia "
        "teilte mit, dass am Dienstag keine Schiffe fahren. Urlauber müssen warten.",
        "Sturm legt den Fährverkehr nach Juist lahm. Frisia strich alle Abfahrten ab Norddeich, "
        "wie die Reederei mitteilte. Auch am Mittwoch drohen Ausfälle.",
    ],
    "museum": [
        "Das Landesmuseum in Oldenburg zeigt eine Ausstellung über Moorleichen. Direktorin "
        "Anna Brandt sagte, die Funde seien über zweitausend Jahre alt.",
        "Moorleichen im Landesmuseum Oldenburg: Die neue Ausstellung öffnet am Samstag. "
        "Museumsdirektorin Anna Brandt rechnet mit vielen Besuchern.",
    ],
    "haushalt": [
        "Der Kreistag in Aurich hat den Haushalt beschlossen. Landrat Olaf Meiners sprach von "
        "schwierigen Zeiten, die Schulden steigen um zwölf Millionen Euro.",
        "Aurich: Kreistag billigt Haushalt mit neuen Schulden. Landrat Olaf Meiners verteidigte "
        "die Ausgaben für Schulen und Straßen.",
    ],
}
FIRST_DAY = dt.date(2025, 3, 1)


@pytest.fixture(scope="module")
def pool(annotator: Annotator) -> list[Article]:
    texts = [
        (f"{event}{n}", text) for event, pair in REPORTS.items() for n, text in enumerate(pair)
    ]
    return [annotator(Article(id=name, source=name, text=text)) for name, text in texts]


def _dated(article: Article, name: str, day: int | None) -> Article:
    published = None if day is None else (FIRST_DAY + dt.timedelta(days=day)).isoformat()
    return replace(article, id=name, published=published)


def _both(articles: list[Article], width: int) -> tuple[list[int], list[int]]:
    whole = StoryClusterer().fit(articles).labels_.tolist()
    blocked = BlockedStoryClusterer(StoryClusterer(), width=width).fit(articles).labels_.tolist()
    # with the features computed elsewhere (as the Ray actors do), the same labels
    features = [article_features(a) for a in articles]
    given = BlockedStoryClusterer(StoryClusterer(), width=width).fit(articles, features)
    assert given.labels_.tolist() == blocked
    return whole, blocked


def test_a_story_crossing_a_block_border_stays_one_story(pool: list[Article]) -> None:
    first, second = pool[0], pool[1]
    articles = [_dated(first, "a", 6), _dated(second, "b", 8), _dated(pool[2], "c", 1)]
    days = np.array([6.0, 8.0, 1.0])
    assert len(time_blocks(days, 7)) == 2  # days 0-6 and 7-13: a and b in different blocks
    whole, blocked = _both(articles, width=7)
    assert blocked == whole
    assert blocked[0] == blocked[1] != blocked[2]


@pytest.mark.parametrize("width", [1, 3, 7, 30])
def test_blocks_of_any_width_give_the_labels_of_the_whole_batch(
    pool: list[Article], width: int
) -> None:
    days = [0, 2, 9, 10, 20, None]
    articles = [_dated(a, f"x{i}", day) for i, (a, day) in enumerate(zip(pool, days, strict=True))]
    whole, blocked = _both(articles, width)
    assert blocked == whole


def test_undated_articles_join_the_story_of_any_day(pool: list[Article]) -> None:
    articles = [_dated(pool[2], "dated", 40), _dated(pool[3], "undated", None)]
    whole, blocked = _both(articles, width=7)
    assert blocked == whole == [0, 0]


@settings(max_examples=40, deadline=None)
@given(
    picks=st.lists(
        st.tuples(st.integers(0, 5), st.one_of(st.none(), st.integers(0, 30))),
        min_size=0,
        max_size=14,
    ),
    width=st.integers(1, 12),
)
def test_blocked_clustering_equals_the_whole_batch_for_any_corpus(
    pool: list[Article], picks: list[tuple[int, int | None]], width: int
) -> None:
    articles = [_dated(pool[k], f"p{i}", day) for i, (k, day) in enumerate(picks)]
    whole, blocked = _both(articles, width)
    assert blocked == whole
