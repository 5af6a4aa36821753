"""Align sentences across a story's articles by lexical similarity of their content lemmas.

Two sentences from different articles are aligned when the cosine of their TF-IDF vectors
(over content lemmas, IDF from the story) reaches `threshold`. Alignment feeds the briefing's
citations ("a sentence carried by five outlets appears once, citing all five") and the grouping
of comparable claims. Lexical only for now: paraphrases with different words are missed.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass

import numpy as np

from synopse.annotate.tokens import content_lemmas
from synopse.model import Article, Sentence
from synopse.textsim import tfidf_cosine

SentenceKey = tuple[str, int]  # (article id, index of the sentence in the article)


@dataclass(frozen=True, slots=True)
class Support:
    """A sentence of another article aligned to a given one, and how similar they are."""

    score: float
    sentence: Sentence


_NO_SUPPORT = Support(0.0, Sentence(0, 0, ""))


class SentenceAligner:
    def __init__(self, threshold: float = 0.45) -> None:
        self.threshold = threshold

    def fit(self, articles: Sequence[Article]) -> SentenceAligner:
        self.keys_: list[SentenceKey] = []
        self.sentences_: list[Sentence] = []
        documents = []
        for article in articles:
            for index, sentence in enumerate(article.sentences):
                self.keys_.append((article.id, index))
                self.sentences_.append(sentence)
                documents.append(" ".join(content_lemmas(sentence.tokens)))
        self.similarity_ = tfidf_cosine(documents)
        self._position = {key: i for i, key in enumerate(self.keys_)}
        return self

    def support(self, key: SentenceKey) -> dict[str, Support]:
        """For each other article with a sentence aligned to `key`, its best-aligned sentence."""
        row = self.similarity_[self._position[key]]
        best: dict[str, Support] = {}
        for j in np.flatnonzero(row >= self.threshold):
            article_id = self.keys_[j][0]
            score = float(row[j])
            if article_id != key[0] and score > best.get(article_id, _NO_SUPPORT).score:
                best[article_id] = Support(score, self.sentences_[j])
        return best

    def similarity(self, a: SentenceKey, b: SentenceKey) -> float:
        return float(self.similarity_[self._position[a], self._position[b]])
