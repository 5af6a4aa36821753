"""`Alignment.linked` answers from a lookup built once; it must say what the groups say."""

from __future__ import annotations

from hypothesis import given, settings
from hypothesis import strategies as st

from synopse.compare.grouping import coherent_groups
from synopse.compare.statements import Alignment, Candidate
from synopse.model import Article, Sentence


def _candidates(per_article: list[int]) -> tuple[Candidate, ...]:
    found = []
    for number, count in enumerate(per_article):
        article = Article(id=f"a{number}", source=f"a{number}", text="x")
        for k in range(count):
            sentence = Sentence(start=10 * k, end=10 * k + 5, text=f"Satz {k}")
            found.append(Candidate(article, sentence, f"o{number}", ("satz",), "", frozenset()))
    return tuple(found)


@settings(deadline=None, max_examples=60)  # no wall-clock limits: the machine is shared
@given(
    st.lists(st.integers(1, 4), min_size=1, max_size=4),
    st.lists(st.tuples(st.integers(0, 15), st.integers(0, 15)), max_size=12),
)
def test_linked_is_true_exactly_for_sentences_of_one_group(
    per_article: list[int], links: list[tuple[int, int]]
) -> None:
    candidates = _candidates(per_article)
    n = len(candidates)
    edges = [(i % n, j % n) for i, j in links]
    joined = coherent_groups(n, ((1.0, i, j) for i, j in edges), lambda a, b: True)
    groups = tuple(tuple(g) for g in joined if len(g) > 1)
    alignment = Alignment(candidates, groups, {})
    for i in range(n):
        for j in range(n):
            a, b = candidates[i].key, candidates[j].key
            expected = any(i in g and j in g for g in groups)
            assert alignment.linked(a, b) is expected


def test_a_sentence_outside_the_story_is_linked_to_nothing() -> None:
    candidates = _candidates([2, 2])
    alignment = Alignment(candidates, ((0, 2),), {})
    assert alignment.linked(candidates[0].key, candidates[2].key)
    assert not alignment.linked(candidates[0].key, ("elsewhere", 0))
    assert not alignment.linked(candidates[0].key, candidates[1].key)
