"""The shortcuts of large stories answer as the pair-by-pair tests they replace
(synopse.compare.value_pairs, grouping's exclusive keys)."""

from __future__ import annotations

from collections.abc import Sequence
from itertools import combinations

import numpy as np
from hypothesis import given, settings
from hypothesis import strategies as st

from synopse.compare.grouping import coherent_groups
from synopse.compare.value_pairs import Cosines, close_pairs, pairs_sharing_a_key, related

_VOCABULARY = "brand brandstiftung brandstifter feuer wehr telefonat telefonieren tat haus hausen"
WORDS = st.sampled_from([*_VOCABULARY.split(), "polizei", "polizist"])


def _stem_match(x: str, y: str) -> bool:
    return x == y or (len(x) >= 6 and len(y) >= 6 and x[:6] == y[:6])


@settings(deadline=None, max_examples=200)
@given(st.sets(WORDS), st.sets(WORDS), st.sampled_from([0.2, 0.5, 1.0]))
def test_related_counts_shared_stems_as_the_pairwise_test_did(
    a: set[str], b: set[str], overlap: float
) -> None:
    expected = bool(a and b) and (
        sum(1 for x in a if any(_stem_match(x, y) for y in b)) / min(len(a), len(b)) >= overlap
    )
    assert related(a, b, overlap) is expected


@settings(deadline=None, max_examples=100)
@given(st.lists(st.sets(st.integers(0, 6), max_size=3), max_size=12))
def test_pairs_sharing_a_key_are_exactly_those_with_a_common_key(keys: list[set[int]]) -> None:
    expected = {(i, j) for i, j in combinations(range(len(keys)), 2) if keys[i] & keys[j]}
    assert pairs_sharing_a_key(keys) == expected


def _unit_rows(seed: int, n: int) -> np.ndarray:
    vectors = np.random.default_rng(seed).normal(size=(n, 8)).astype(np.float32)
    return vectors / np.linalg.norm(vectors, axis=1, keepdims=True)


def test_close_pairs_hold_every_pair_from_the_threshold_on() -> None:
    vectors = _unit_rows(3, 1500)  # more than one block of rows
    dense = vectors @ vectors.T
    expected = {(int(i), int(j)) for i, j in zip(*np.nonzero(dense >= 0.8), strict=True) if i < j}
    found = close_pairs(vectors, 0.8)
    assert expected <= found
    assert all(dense[i, j] >= 0.8 - 1e-5 for i, j in found)


def test_cosines_of_a_large_story_equal_those_of_the_matrix() -> None:
    small, large = Cosines(_unit_rows(5, 100)), Cosines(_unit_rows(5, 3000))
    for i, j in [(0, 1), (7, 42), (99, 3)]:
        assert abs(small(i, j) - large(i, j)) < 1e-5


@settings(deadline=None, max_examples=100)
@given(
    st.lists(st.integers(0, 3), min_size=2, max_size=10),
    st.lists(st.tuples(st.floats(0, 1), st.integers(0, 9), st.integers(0, 9)), max_size=20),
)
def test_exclusive_keys_join_as_a_may_join_test_on_the_members_did(
    owners: list[int], raw_links: list[tuple[float, int, int]]
) -> None:
    n = len(owners)
    links = [(s, i % n, j % n) for s, i, j in raw_links]

    def no_owner_twice(a: Sequence[int], b: Sequence[int]) -> bool:
        return not {owners[i] for i in a} & {owners[i] for i in b}

    expected = coherent_groups(n, links, no_owner_twice)
    assert coherent_groups(n, links, lambda a, b: True, owners) == expected
