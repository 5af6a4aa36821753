"""Lexical similarity shared by story clustering and sentence alignment."""

from __future__ import annotations

from collections.abc import Sequence

import numpy as np
from numpy.typing import NDArray
from sklearn.feature_extraction.text import TfidfVectorizer

# Words of two or more characters, hyphenated compounds kept whole ("US-Präsident").
_TOKEN_PATTERN = r"(?u)\b\w[\w-]+\b"


def tfidf_cosine(documents: Sequence[str]) -> NDArray[np.float64]:
    """Pairwise cosine similarity of TF-IDF vectors (sublinear tf); zeros when no words."""
    if not any(len(word) > 1 for document in documents for word in document.split()):
        return np.zeros((len(documents), len(documents)))
    vectorizer = TfidfVectorizer(sublinear_tf=True, token_pattern=_TOKEN_PATTERN)
    try:
        vectors = vectorizer.fit_transform(documents)
    except ValueError as exc:  # sklearn's signal for "no word matched the token pattern"
        if "empty vocabulary" not in str(exc):
            raise
        return np.zeros((len(documents), len(documents)))
    return np.asarray((vectors @ vectors.T).toarray(), dtype=np.float64)


class LexicalSpace:
    """TF-IDF weights learned on a whole corpus, applied to any part of it: the similarity of
    two parts equals the matching cells of `tfidf_cosine`-style similarity over the corpus,
    bit for bit, whichever parts are asked for (rows are stored in one canonical order)."""

    def __init__(self) -> None:
        self.vectorizer_: TfidfVectorizer | None = None

    def fit(self, documents: Sequence[str]) -> LexicalSpace:
        vectorizer = TfidfVectorizer(sublinear_tf=True, token_pattern=_TOKEN_PATTERN)
        try:
            vectorizer.fit(documents)
        except ValueError as exc:  # sklearn's signal for "no word matched the token pattern"
            if "empty vocabulary" not in str(exc):
                raise
            return self
        self.vectorizer_ = vectorizer
        return self

    def similarity(self, rows: Sequence[str], columns: Sequence[str]) -> NDArray[np.float64]:
        """Cosine of each row document with each column document (zeros without vocabulary)."""
        if self.vectorizer_ is None or not rows or not columns:
            return np.zeros((len(rows), len(columns)))
        left = self.vectorizer_.transform(rows)
        right = self.vectorizer_.transform(columns)
        left.sort_indices()  # one summation order for every cell, whatever the batch
        right.sort_indices()
        return np.asarray((left @ right.T).toarray(), dtype=np.float64)
