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
from scipy import sparse

from synopse.annotate.tokens import content_lemmas
from synopse.config import ClusterSettings
from synopse.model import Article
from synopse.textsim import LexicalSpace

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
        combined = combine(lexical, entity)
        days = day_numbers(articles)
        combined[too_far_apart(days, days, self.max_days_apart)] = 0.0
        return combined


def combine(lexical: NDArray[np.float64], entity: NDArray[np.float64]) -> NDArray[np.float64]:
    """The similarity of article pairs from their lexical and entity similarity."""
    return _LEXICAL_WEIGHT * lexical + (1 - _LEXICAL_WEIGHT) * entity


def day_numbers(articles: Sequence[Article]) -> NDArray[np.float64]:
    """Each article's day of publication as a number; NaN when unknown."""
    return np.array(
        [d.toordinal() if (d := _day(a)) else np.nan for a in articles], dtype=np.float64
    )


def too_far_apart(
    rows: NDArray[np.float64], columns: NDArray[np.float64], max_days: int
) -> NDArray[np.bool_]:
    """Pairs that are both dated and more than `max_days` apart (NaN compares False)."""
    with np.errstate(invalid="ignore"):
        return np.abs(rows[:, None] - columns[None, :]) > max_days


def story_document(article: Article) -> str:
    """What the lexical similarity of stories reads: content lemmas, the headline twice."""
    words = [w for s in article.sentences for w in content_lemmas(s.tokens)]
    title = article.title.lower().split()
    return " ".join(title * 2 + words)


def _lexical_similarity(articles: Sequence[Article]) -> NDArray[np.float64]:
    documents = [story_document(a) for a in articles]
    return LexicalSpace().fit(documents).similarity(documents, documents)


def _entity_similarity(articles: Sequence[Article]) -> NDArray[np.float64]:
    names = [entity_names(a) for a in articles]
    return name_overlap(names, names)


def entity_names(article: Article) -> frozenset[str]:
    """The last words of the article's entity names, lower-cased: what entity overlap counts."""
    return frozenset(m.canonical.split()[-1].lower() for m in article.mentions)


def name_overlap(
    rows: Sequence[frozenset[str]], columns: Sequence[frozenset[str]]
) -> NDArray[np.float64]:
    """Jaccard overlap of each row's names with each column's (0 when both have none)."""
    vocabulary = {name: k for k, name in enumerate(sorted(set().union(*rows, *columns)))}
    left, right = _incidence(rows, vocabulary), _incidence(columns, vocabulary)
    shared = np.asarray((left @ right.T).toarray(), dtype=np.int64)
    sizes_left = np.array([len(names) for names in rows], dtype=np.int64)
    sizes_right = np.array([len(names) for names in columns], dtype=np.int64)
    union = sizes_left[:, None] + sizes_right[None, :] - shared
    result = np.zeros(union.shape)
    np.divide(shared, union, out=result, where=union > 0)
    return result


def _incidence(
    name_sets: Sequence[frozenset[str]], vocabulary: dict[str, int]
) -> sparse.csr_matrix:
    """One row per set, a 1 in the column of each of its names."""
    indices = [vocabulary[name] for names in name_sets for name in names]
    pointers = np.cumsum([0, *(len(names) for names in name_sets)])
    data = np.ones(len(indices), dtype=np.int64)
    return sparse.csr_matrix((data, indices, pointers), shape=(len(name_sets), len(vocabulary)))


def _day(article: Article) -> dt.date | None:
    return article.published_day


def _publication_order(articles: Sequence[Article]) -> list[int]:
    far_future = dt.date.max
    return sorted(range(len(articles)), key=lambda i: (_day(articles[i]) or far_future, i))
