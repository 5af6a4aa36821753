"""Which pairs of a story's figures (dates) can be about one thing, without trying every pair.

The figure and date tests of `synopse.compare.compare` link two values when a lexical test
holds (their sentences aligned, the same counted noun, related words) or, with embeddings,
when their sentences are close. Each lexical test needs something shared — an alignment
group, a counted noun one ends with, a word stem — so the pairs worth testing are those that
share a key (`pairs_sharing_a_key`), and close sentences come from the cosines
(`close_pairs`). A story of hundreds of articles has thousands of values: trying all pairs
took minutes, most of it on pairs that share nothing.
"""

from __future__ import annotations

from collections.abc import Hashable, Iterable, Sequence
from itertools import combinations

import numpy as np
from numpy.typing import NDArray

STEM = 6  # common prefix length at which two German words count as one stem
# Cosines are float32: a candidate needs a hair less than the threshold, the test decides.
_FLOAT32_SLACK = 1e-6
_BLOCK = 1024  # values whose cosines with all others are held at once, in large stories


def stem_key(word: str) -> str:
    """Two words match (`related`) exactly when their keys are equal: the same word, or both
    of `STEM` letters or more and beginning alike (Telefonat/telefonieren)."""
    return word[:STEM] + "…" if len(word) >= STEM else word


def related(a: set[str], b: set[str], overlap: float) -> bool:
    """Whether two sentences share enough content words (`overlap` of the smaller set) to
    speak of the same thing; words of one stem count as shared."""
    if not a or not b:
        return False
    # stem_key inline: this runs for every pair of figures that might be compared
    b_keys = {y[:STEM] + "…" if len(y) >= STEM else y for y in b}
    shared = sum(1 for x in a if (x[:STEM] + "…" if len(x) >= STEM else x) in b_keys)
    return shared / min(len(a), len(b)) >= overlap


def pairs_sharing_a_key(keys: Sequence[Iterable[Hashable]]) -> set[tuple[int, int]]:
    """Pairs (i < j) of items that have at least one key in common."""
    postings: dict[Hashable, list[int]] = {}
    for item, item_keys in enumerate(keys):
        for key in set(item_keys):
            postings.setdefault(key, []).append(item)
    pairs: set[tuple[int, int]] = set()
    for items in postings.values():
        pairs.update(combinations(items, 2))
    return pairs


def close_pairs(vectors: NDArray[np.float32], at_least: float) -> set[tuple[int, int]]:
    """Pairs (i < j) whose rows' dot product reaches about `at_least` (a superset: the caller
    tests the exact cosine), `_BLOCK` rows at a time."""
    pairs: set[tuple[int, int]] = set()
    for start in range(0, len(vectors), _BLOCK):
        block = vectors[start : start + _BLOCK] @ vectors.T
        rows, cols = np.nonzero(block >= at_least - _FLOAT32_SLACK)
        rows = rows + start
        upper = rows < cols
        pairs.update(zip(rows[upper].tolist(), cols[upper].tolist(), strict=True))
    return pairs


class Cosines:
    """Cosines of unit-length rows: one matrix for up to `_DENSE` rows; in larger stories
    each pair asked for is computed (a matrix of 10,000 values' cosines takes 400 MB)."""

    def __init__(self, vectors: NDArray[np.float32]) -> None:
        self.vectors = vectors
        self._matrix = (
            np.asarray(vectors @ vectors.T, dtype=np.float32) if len(vectors) <= _DENSE else None
        )

    def __call__(self, i: int, j: int) -> float:
        if self._matrix is not None:
            return float(self._matrix[i, j])
        return float(np.float32(self.vectors[i] @ self.vectors[j]))

    def close_pairs(self, at_least: float) -> set[tuple[int, int]]:
        return close_pairs(self.vectors, at_least)


_DENSE = 2048
