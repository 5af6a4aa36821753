"""The sentence pairs of a story worth scoring, found without a candidate × candidate matrix.

A story of hundreds of articles has tens of thousands of candidate sentences: a dense matrix
of their similarities, or a list of every pair above the prefilter, grows with the square of
the story (11 GB for a story of 500 articles, docs/performance.md "Scale-out"). Here the
TF-IDF vectors stay sparse, similarities are computed a block of sentences at a time, and each
sentence keeps only its `per_sentence` lexically closest partners that pass the prefilter
(other outlet, a shared non-name word). A pair is kept when either of its sentences keeps it,
so the pairs grow linearly with the sentences. In a story where no sentence has more than
`per_sentence` such partners, the pairs are exactly those above the prefilter.
"""

from __future__ import annotations

from collections.abc import Sequence

import numpy as np
import scipy.sparse as sp
from numpy.typing import NDArray

from synopse.textsim import cosine_block, row_blocks

PairScores = dict[tuple[int, int], float]  # (i, j) with i < j -> similarity


def closest_pairs(
    vectors: sp.csr_matrix,
    outlets: Sequence[str],
    topics: Sequence[frozenset[str]],
    prefilter: float,
    per_sentence: int,
) -> PairScores:
    """Pairs of different outlets sharing a topic word with similarity ≥ `prefilter`, each
    among the `per_sentence` closest of one of its sentences (< 1: no limit)."""
    n = vectors.shape[0]
    if n == 0 or vectors.shape[1] == 0:
        return {}
    outlet_codes = _codes(outlets)
    topic_matrix = _binary_rows(topics)
    transposed, topics_transposed = sp.csr_matrix(vectors.T), sp.csr_matrix(topic_matrix.T)
    pairs: PairScores = {}
    for start in row_blocks(vectors):
        lexical = cosine_block(vectors, transposed, start).tocsr()
        lexical.data[lexical.data < prefilter] = 0.0
        lexical.eliminate_zeros()
        # only where the two sentences share a topic word (a count of shared words > 0)
        sharing = cosine_block(topic_matrix, topics_transposed, start).tocsr().astype(bool)
        block = sp.coo_matrix(lexical.multiply(sharing))
        rows, cols, values = block.row + start, block.col, block.data
        keep = outlet_codes[rows] != outlet_codes[cols]
        rows, cols, values = _top_per_row(rows[keep], cols[keep], values[keep], per_sentence)
        for i, j, value in zip(rows.tolist(), cols.tolist(), values.tolist(), strict=True):
            # the similarity as the earlier sentence's row gives it (the dense matrix's triu)
            if i < j:
                pairs[(i, j)] = value
            elif (j, i) not in pairs:
                pairs[(j, i)] = value
    return pairs


def _top_per_row(
    rows: NDArray[np.int32], cols: NDArray[np.int32], values: NDArray[np.float64], top: int
) -> tuple[NDArray[np.int32], NDArray[np.int32], NDArray[np.float64]]:
    """Each row's `top` highest values, the lower column first among equals."""
    if top < 1 or not len(rows):
        return rows, cols, values
    order = np.lexsort((cols, -values, rows))
    rows, cols, values = rows[order], cols[order], values[order]
    first_of_row = np.searchsorted(rows, rows, side="left")
    rank = np.arange(len(rows)) - first_of_row
    keep = rank < top
    return rows[keep], cols[keep], values[keep]


def _codes(labels: Sequence[str]) -> NDArray[np.int64]:
    numbers: dict[str, int] = {}
    return np.array([numbers.setdefault(label, len(numbers)) for label in labels], dtype=np.int64)


def _binary_rows(sets: Sequence[frozenset[str]]) -> sp.csr_matrix:
    """One row per set, a 1 in the column of each of its words."""
    columns: dict[str, int] = {}
    indices = [columns.setdefault(word, len(columns)) for words in sets for word in sorted(words)]
    pointers = np.cumsum([0, *(len(words) for words in sets)])
    data = np.ones(len(indices), dtype=np.float32)
    return sp.csr_matrix((data, indices, pointers), shape=(len(sets), max(1, len(columns))))
