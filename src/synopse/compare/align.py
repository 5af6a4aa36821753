"""Align sentences across a story's articles by lexical similarity of their content lemmas.

Two sentences from different articles are aligned when the cosine of their TF-IDF vectors
(over content lemmas, IDF from the story) reaches `threshold`. Alignment feeds the briefing's
citations ("a sentence carried by five outlets appears once, citing all five") and the grouping
of comparable claims. Lexical only for now: paraphrases with different words are missed.
Similarities below `floor` are not kept (they read as 0): in a story of hundreds of articles a
dense sentence × sentence matrix would not fit in memory.
"""

from __future__ import annotations

from bisect import bisect_left
from collections.abc import Sequence
from dataclasses import dataclass

from synopse.annotate.tokens import content_lemmas
from synopse.model import Article, Sentence
from synopse.textsim import sparse_cosine

SentenceKey = tuple[str, int]  # (article id, index of the sentence in the article)


@dataclass(frozen=True, slots=True)
class Support:
    """A sentence of another article aligned to a given one, and how similar they are."""

    score: float
    sentence: Sentence


_NO_SUPPORT = Support(0.0, Sentence(0, 0, ""))


class SentenceAligner:
    def __init__(self, threshold: float = 0.45, floor: float = 0.3) -> None:
        self.threshold = threshold
        self.floor = floor  # the briefing asks whether two sentences reach 0.3 (redundant)

    def fit(self, articles: Sequence[Article]) -> SentenceAligner:
        self.keys_: list[SentenceKey] = []
        self.sentences_: list[Sentence] = []
        documents = []
        for article in articles:
            for index, sentence in enumerate(article.sentences):
                self.keys_.append((article.id, index))
                self.sentences_.append(sentence)
                documents.append(" ".join(content_lemmas(sentence.tokens)))
        self.similarity_ = sparse_cosine(documents, min(self.floor, self.threshold))
        self._position = {key: i for i, key in enumerate(self.keys_)}
        # the rows as Python lists: scipy's row indexing costs more than the rows' few entries
        self._row_starts: list[int] = self.similarity_.indptr.tolist()
        self._columns: list[int] = self.similarity_.indices.tolist()
        self._values: list[float] = self.similarity_.data.tolist()
        return self

    def _row(self, position: int) -> tuple[list[int], list[float]]:
        """The stored columns (ascending) and cosines of one sentence's row."""
        start, end = self._row_starts[position], self._row_starts[position + 1]
        return self._columns[start:end], self._values[start:end]

    def support(self, key: SentenceKey) -> dict[str, Support]:
        """For each other article with a sentence aligned to `key`, its best-aligned sentence."""
        columns, values = self._row(self._position[key])
        best: dict[str, Support] = {}
        for j, score in zip(columns, values, strict=True):
            if score < self.threshold:
                continue
            article_id = self.keys_[j][0]
            if article_id != key[0] and score > best.get(article_id, _NO_SUPPORT).score:
                best[article_id] = Support(score, self.sentences_[j])
        return best

    def similarity(self, a: SentenceKey, b: SentenceKey) -> float:
        columns, values = self._row(self._position[a])
        column = self._position[b]
        found = bisect_left(columns, column)
        return values[found] if found < len(columns) and columns[found] == column else 0.0
