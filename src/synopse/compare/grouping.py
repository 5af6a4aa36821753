"""Groups from scored links that do not chain unrelated things.

Connected components over pairwise links chain A–B–C even when A and C have nothing in common
("the turnover of the buyer" – "the price" – "the turnover of the bought firm"). Here links are
taken strongest first and two groups merge only when `may_join` accepts the pair of groups as a
whole (for instance: no article twice, and the members similar on average).
"""

from __future__ import annotations

from collections.abc import Callable, Iterable, Sequence

Link = tuple[float, int, int]  # (strength, i, j)


def coherent_groups(
    n: int,
    links: Iterable[Link],
    may_join: Callable[[Sequence[int], Sequence[int]], bool],
) -> list[list[int]]:
    """Groups of range(n): singletons merged along `links`, strongest first, when `may_join`."""
    group_of = list(range(n))
    members: dict[int, list[int]] = {i: [i] for i in range(n)}
    for _, i, j in sorted(links, reverse=True):
        a, b = group_of[i], group_of[j]
        if a == b or not may_join(members[a], members[b]):
            continue
        for k in members[b]:
            group_of[k] = a
        members[a].extend(members.pop(b))
    return [sorted(m) for m in members.values()]


def mean_cross_score(
    a: Sequence[int], b: Sequence[int], score: Callable[[int, int], float | None]
) -> float:
    """Average `score` over the pairs between `a` and `b` that have one (None: not comparable)."""
    values = [s for x in a for y in b if (s := score(x, y)) is not None]
    return sum(values) / len(values) if values else 0.0


def one_per_article_groups(
    articles: Sequence[str],
    scores: Callable[[int, int], float],
    links: Iterable[tuple[int, int]],
) -> list[list[int]]:
    """Statement groups from aligned sentence pairs, strongest first, with at most one sentence
    of each article: "A1 ~ B1" and "B1 ~ A2" no longer put two sentences of A (and whatever
    else each drags in) into one group. A mean-score cohesion test on top was tried and changed
    nothing on the gold stories but one split (docs/quality.md)."""

    def may_join(a: Sequence[int], b: Sequence[int]) -> bool:
        return not {articles[i] for i in a} & {articles[i] for i in b}

    return coherent_groups(len(articles), ((scores(i, j), i, j) for i, j in links), may_join)
