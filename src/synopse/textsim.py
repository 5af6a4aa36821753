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
