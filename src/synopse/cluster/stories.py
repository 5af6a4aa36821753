"""Incremental story clustering.

Articles are taken in publication order; each joins the story it is most similar to, or starts
a new one. Similarity of two articles mixes
  - lexical similarity: cosine of TF-IDF vectors over content lemmas (headline counted twice),
  - entity overlap: weighted Jaccard of the canonical names of people, organisations, places,
and is zero when their publication dates lie more than `max_days_apart` apart. An article
joins a story when its mean similarity to the story's best-matching three articles reaches
`threshold`. Follows the scikit-learn contract: `fit` returns self, learned state ends in `_`.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Sequence

import numpy as np
from numpy.typing import NDArray

from synopse.annotate.tokens import content_lemmas
from synopse.config import ClusterSettings
from synopse.model import Article
from synopse.textsim import tfidf_cosine

_LEXICAL_WEIGHT = 0.6
_TOP_LINKS = 3


class StoryClusterer:
    def __init__(self, threshold: float = 0.22, max_days_apart: int = 7) -> None:
        self.threshold = threshold
        self.max_days_apart = max_days_apart

    @classmethod
    def from_settings(cls, settings: ClusterSettings) -> StoryClusterer:
        return cls(threshold=settings.threshold, max_days_apart=settings.max_days_apart)

    def fit(self, articles: Sequence[Article]) -> StoryClusterer:
        """Assign every article a story label in `labels_` (same order as `articles`)."""
        similarity = self._similarity(articles)
        labels = np.full(len(articles), -1, dtype=int)
        members: list[list[int]] = []
        for i in _publication_order(articles):
            story = self._best_story(similarity[i], members)
            if story is None:
                members.append([i])
                labels[i] = len(members) - 1
            else:
                members[story].append(i)
                labels[i] = story
        self.labels_ = labels
        self.similarity_ = similarity
        return self

    def _best_story(self, row: NDArray[np.float64], members: list[list[int]]) -> int | None:
        best, best_score = None, self.threshold
        for story, indices in enumerate(members):
            top = np.sort(row[indices])[-_TOP_LINKS:]
            score = float(top.mean())
            if score >= best_score:
                best, best_score = story, score
        return best

    def _similarity(self, articles: Sequence[Article]) -> NDArray[np.float64]:
        n = len(articles)
        if n == 0:
            return np.zeros((0, 0))
        lexical = _lexical_similarity(articles)
        entity = _entity_similarity(articles)
        combined = _LEXICAL_WEIGHT * lexical + (1 - _LEXICAL_WEIGHT) * entity
        days = [_day(a) for a in articles]
        for i in range(n):
            for j in range(n):
                di, dj = days[i], days[j]
                if di and dj and abs((di - dj).days) > self.max_days_apart:
                    combined[i, j] = 0.0
        return combined


def _document(article: Article) -> str:
    words = [w for s in article.sentences for w in content_lemmas(s.tokens)]
    title = article.title.lower().split()
    return " ".join(title * 2 + words)


def _lexical_similarity(articles: Sequence[Article]) -> NDArray[np.float64]:
    return tfidf_cosine([_document(a) for a in articles])


def _entity_similarity(articles: Sequence[Article]) -> NDArray[np.float64]:
    names = [{m.canonical.split()[-1].lower() for m in a.mentions} for a in articles]
    n = len(articles)
    result = np.zeros((n, n))
    for i in range(n):
        for j in range(i, n):
            union = names[i] | names[j]
            score = len(names[i] & names[j]) / len(union) if union else 0.0
            result[i, j] = result[j, i] = score
    return result


def _day(article: Article) -> dt.date | None:
    return article.published_day


def _publication_order(articles: Sequence[Article]) -> list[int]:
    far_future = dt.date.max
    return sorted(range(len(articles)), key=lambda i: (_day(articles[i]) or far_future, i))
