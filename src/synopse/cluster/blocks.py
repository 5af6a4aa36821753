"""Story clustering fed in time blocks: how a runner goes through a corpus too large to hold.

`StoryClusterer.partial_fit` lets each new article join an open story or start one, and closes
stories that fall out of the `max_days_apart` window. A runner therefore cuts the corpus into
blocks of consecutive publication days and feeds them in time order; the merge across block
borders is the clusterer's own index, which keeps the stories of the previous days open. Feeding
the blocks gives the same labels as fitting the whole batch at once
(tests/distributed/test_blocks.py), so the Ray runner and the local engine agree. An undated
article may join a story of any day, so while a batch holds one the clusterer closes no story:
a corpus with undated articles is therefore fed as one block.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Sequence

import numpy as np
from numpy.typing import NDArray

from synopse.cluster.features import ArticleFeatures
from synopse.cluster.stories import StoryClusterer
from synopse.config import ClusterSettings
from synopse.model import Article


def day_numbers(articles: Sequence[Article]) -> NDArray[np.float64]:
    """Each article's publication day as a number, NaN when undated."""
    days = [a.published_day for a in articles]
    return np.array([d.toordinal() if isinstance(d, dt.date) else np.nan for d in days])


def time_blocks(days: NDArray[np.float64], width: int) -> list[list[int]]:
    """Article indices in blocks of `width` publication days, in time order; undated last."""
    dated = np.flatnonzero(~np.isnan(days))
    blocks: list[list[int]] = []
    if dated.size:
        block_of = ((days[dated] - days[dated].min()) // width).astype(int)
        blocks = [[int(i) for i in dated[block_of == n]] for n in np.unique(block_of)]
    undated = [int(i) for i in np.flatnonzero(np.isnan(days))]
    return blocks + ([undated] if undated else [])


class BlockedStoryClusterer:
    """`StoryClusterer` fed one block of `width` days at a time."""

    def __init__(self, clusterer: StoryClusterer | None = None, width: int = 7) -> None:
        self.clusterer = clusterer
        self.width = width

    @classmethod
    def from_settings(cls, settings: ClusterSettings, width: int = 7) -> BlockedStoryClusterer:
        return cls(StoryClusterer.from_settings(settings), width)

    def fit(
        self, articles: Sequence[Article], features: Sequence[ArticleFeatures] | None = None
    ) -> BlockedStoryClusterer:
        """Story labels in `labels_`, in the order of `articles` (`features`: their
        `article_features`, when computed elsewhere, as `StoryClusterer.partial_fit` takes)."""
        clusterer = self.clusterer or StoryClusterer()
        clusterer.fit([])
        labels = np.full(len(articles), -1, dtype=int)
        days = day_numbers(articles)
        blocks = [list(range(len(articles)))] if np.isnan(days).any() else None
        for block in blocks or time_blocks(days, self.width):
            before = len(clusterer.labels_)
            block_features = None if features is None else [features[i] for i in block]
            clusterer.partial_fit([articles[i] for i in block], block_features)
            labels[block] = clusterer.labels_[before:]
        self.labels_ = labels
        return self
