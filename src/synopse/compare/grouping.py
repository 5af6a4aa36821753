"""Groups from scored links that do not chain unrelated things.

Connected components over pairwise links chain A–B–C even when A and C have nothing in common
("the turnover of the buyer" – "the price" – "the turnover of the bought firm"). Here links are
taken strongest first and two groups merge only when `may_join` accepts the pair of groups as a
whole (for instance: the members similar on average) and they share no `exclusive` key (for
instance: no article twice). The keys of each group are kept as it grows, so the test costs the
smaller group's size, not both groups' (a story of hundreds of articles merges groups of
hundreds many times).
"""

from __future__ import annotations

from collections.abc import Callable, Hashable, Iterable, Sequence

Link = tuple[float, int, int]  # (strength, i, j)


def coherent_groups(
    n: int,
    links: Iterable[Link],
    may_join: Callable[[Sequence[int], Sequence[int]], bool],
    exclusive: Sequence[Hashable] | None = None,
) -> list[list[int]]:
    """Groups of range(n): singletons merged along `links`, strongest first, when `may_join`
    and no two members would share an `exclusive` key (one per member; None: no such test)."""
    group_of = list(range(n))
    members: dict[int, list[int]] = {i: [i] for i in range(n)}
    keys = {i: {exclusive[i]} for i in range(n)} if exclusive is not None else None
    for _, i, j in sorted(links, reverse=True):
        a, b = group_of[i], group_of[j]
        if a == b or (keys is not None and _share_a_key(keys[a], keys[b])):
            continue
        if not may_join(members[a], members[b]):
            continue
        for k in members[b]:
            group_of[k] = a
        members[a].extend(members.pop(b))
        if keys is not None:
            keys[a] |= keys.pop(b)
    return [sorted(m) for m in members.values()]


def _share_a_key(a: set[Hashable], b: set[Hashable]) -> bool:
    small, large = (a, b) if len(a) <= len(b) else (b, a)
    return any(key in large for key in small)


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

    links_by_strength = ((scores(i, j), i, j) for i, j in links)
    return coherent_groups(len(articles), links_by_strength, lambda a, b: True, articles)
