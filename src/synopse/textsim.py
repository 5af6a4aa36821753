"""Lexical similarity shared by story clustering and sentence alignment.

Similarities stay sparse: a story of hundreds of articles has tens of thousands of sentences,
and a dense matrix of their cosines grows with the square of the story (docs/performance.md,
"Scale-out"). Rows are multiplied `_ROWS` at a time and only cosines from a floor on are kept.
"""

from __future__ import annotations

from collections.abc import Sequence

import numpy as np
import scipy.sparse as sp
from sklearn.feature_extraction.text import TfidfVectorizer

# Words of two or more characters, hyphenated compounds kept whole ("US-Präsident").
TOKEN_PATTERN = r"(?u)\b\w[\w-]+\b"
_ROWS = 256  # sentences whose cosines with all the others are held at once


def tfidf_vectors(documents: Sequence[str]) -> sp.csr_matrix:
    """L2-normalised TF-IDF rows (sublinear tf); no columns when no document has a word."""
    vectorizer = TfidfVectorizer(sublinear_tf=True, token_pattern=TOKEN_PATTERN)
    try:
        return sp.csr_matrix(vectorizer.fit_transform(documents))
    except ValueError as exc:  # sklearn's signal for "no word matched the token pattern"
        if "empty vocabulary" not in str(exc):
            raise
        return sp.csr_matrix((len(documents), 0))


def row_blocks(vectors: sp.csr_matrix) -> range:
    """The first rows of the blocks `cosine_block` computes."""
    return range(0, vectors.shape[0], _ROWS)


def cosine_block(vectors: sp.csr_matrix, transposed: sp.csr_matrix, start: int) -> sp.coo_matrix:
    """Cosines of rows `start` … `start + _ROWS` with every row (rows numbered from 0)."""
    return sp.coo_matrix(vectors[start : start + _ROWS] @ transposed)


def sparse_cosine(documents: Sequence[str], floor: float) -> sp.csr_matrix:
    """Pairwise cosine of the documents' TF-IDF vectors, only the values ≥ `floor` stored."""
    vectors = tfidf_vectors(documents)
    n = vectors.shape[0]
    if n == 0 or vectors.shape[1] == 0:
        return sp.csr_matrix((n, n))
    transposed = sp.csr_matrix(vectors.T)
    kept = []
    for start in row_blocks(vectors):
        block = cosine_block(vectors, transposed, start)
        keep = block.data >= floor
        kept.append((block.row[keep] + start, block.col[keep], block.data[keep]))
    rows, cols, values = (np.concatenate([k[i] for k in kept]) for i in range(3))
    similarity = sp.csr_matrix((values, (rows, cols)), shape=(n, n))
    similarity.sort_indices()  # a row's columns in order, as a dense row would list them
    return similarity
