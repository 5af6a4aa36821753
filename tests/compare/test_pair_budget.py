"""Which sentence pairs get an embedding (synopse.compare.pair_budget)."""

from __future__ import annotations

from dataclasses import dataclass

from synopse.compare.lexical_pairs import PairScores
from synopse.compare.pair_budget import closest_partners, embedding_budget


@dataclass(frozen=True)
class _Sentence:
    key: tuple[str, int]


def _story() -> tuple[list[_Sentence], PairScores]:
    """Article a: sentences 0-2; article b: 3-5; article c: 6."""
    sentences = [
        _Sentence((a, s)) for a, count in (("a", 3), ("b", 3), ("c", 1)) for s in range(count)
    ]
    lexical = {(0, 3): 0.9, (0, 4): 0.5, (0, 5): 0.2, (1, 3): 0.8, (2, 5): 0.3, (0, 6): 0.4}
    return sentences, lexical


PAIRS = [(0, 3), (0, 4), (0, 5), (1, 3), (2, 5), (0, 6)]


def test_a_pair_is_kept_only_when_each_is_among_the_others_closest() -> None:
    sentences, lexical = _story()
    # 1 is only 3's second closest, 4 only 0's second closest in b; 5 is 0's third.
    assert closest_partners(sentences, lexical, PAIRS, 1) == [(0, 3), (2, 5), (0, 6)]
    assert closest_partners(sentences, lexical, PAIRS, 2) == [
        (0, 3),
        (0, 4),
        (1, 3),
        (2, 5),
        (0, 6),
    ]
    assert closest_partners(sentences, lexical, PAIRS, 0) == PAIRS


def test_the_budget_prefers_sentences_matched_in_more_articles_then_closer_partners() -> None:
    sentences, lexical = _story()
    # In a: 0 is matched in b and c, 1 (0.8) and 2 (0.3) in b only. In b: 3 (0.9), 4, 5 (0.3).
    assert embedding_budget(sentences, lexical, PAIRS, 1) == {0, 3, 6}
    assert embedding_budget(sentences, lexical, PAIRS, 2) == {0, 1, 3, 4, 6}
    assert embedding_budget(sentences, lexical, PAIRS, 0) == {0, 1, 2, 3, 4, 5, 6}


def test_sentences_without_a_pair_are_never_embedded() -> None:
    sentences, lexical = _story()
    assert embedding_budget(sentences, lexical, [(0, 3)], 0) == {0, 3}
