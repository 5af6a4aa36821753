"""Figures (dates) of a story grouped by what they measure (date): the grouping shared by the
figure and date comparisons of `synopse.compare.compare`. Lexical tests are tried only on the
pairs that share a key and close sentences come from blocked cosines
(`synopse.compare.value_pairs`), so a story of hundreds of articles is not a pair-by-pair loop.
"""

from __future__ import annotations

from collections.abc import Callable, Hashable, Iterable, Sequence
from dataclasses import dataclass

from synopse.annotate.tokens import content_lemmas
from synopse.compare.embeddings import shared_embedder
from synopse.compare.grouping import coherent_groups, mean_cross_score
from synopse.compare.sentences import sentence_index
from synopse.compare.value_pairs import STEM, Cosines, pairs_sharing_a_key
from synopse.config import CompareSettings
from synopse.model import Article, Fact

_SURELY_CLOSE = 0.91  # above this, sentences need no shared word


@dataclass(frozen=True, slots=True)
class Closeness:
    """When two values' sentences are close enough (embedding cosine) to be about one thing."""

    link_at: float  # a pair of values from different articles at this cosine is linked
    cohesion: float  # two groups merge only when their members' mean cosine reaches this
    comparable: Callable[[Fact, Fact], bool]  # values of one kind (unit, counted or not)


def value_groups(
    facts: Sequence[tuple[Article, Fact]],
    same: Callable[[int, int], bool],
    close: Closeness,
    settings: CompareSettings,
    keys: Sequence[Iterable[Hashable]],
) -> list[list[int]]:
    """Values grouped by what they measure or date: the lexical tests `same` (tried on the
    pairs sharing one of their `keys`) or, with embeddings, close sentences; groups grow
    strongest link first, stay cohesive and never take a second value of one article and
    party."""
    similarity = _sentence_similarity(facts, settings)
    lexical = {pair for pair in pairs_sharing_a_key(keys) if same(*pair)}

    def score(i: int, j: int) -> float | None:
        """Cosine of two values of different articles; a lexical link counts as close."""
        if similarity is None or facts[i][0].id == facts[j][0].id:
            return None
        cosine = similarity(i, j)
        return max(cosine, close.link_at) if (min(i, j), max(i, j)) in lexical else cosine

    stems = [_sentence_stems(a, f) for a, f in facts]

    def near(i: int, j: int) -> bool:
        """Close sentences: very close, or close and sharing a word (a name counts): e5 puts
        any two short sentences with a figure of one unit close together."""
        cosine = score(i, j) or 0.0
        if cosine < close.link_at or not close.comparable(facts[i][1], facts[j][1]):
            return False
        return cosine >= _SURELY_CLOSE or bool(stems[i] & stems[j])

    close_enough = similarity.close_pairs(close.link_at) if similarity is not None else set()
    links = [
        (score(i, j) or 1.0, i, j)
        for i, j in sorted(lexical | close_enough)
        if (i, j) in lexical or near(i, j)
    ]
    not_cohesive: set[tuple[int, int, int, int]] = set()

    def may_join(a: Sequence[int], b: Sequence[int]) -> bool:
        # a group is known by its first member and size: it only grows
        known = (a[0], len(a), b[0], len(b))
        if similarity is None or known in not_cohesive:
            return similarity is None
        if mean_cross_score(a, b, score) >= close.cohesion:
            return True
        not_cohesive.add(known)
        return False

    owners = [_value_owner(fact) for fact in facts]
    return coherent_groups(len(facts), links, may_join, owners)


def _value_owner(fact: tuple[Article, Fact]) -> tuple[str, str | None]:
    """Who gives a value: one article can report two parties' figures for one thing."""
    return (fact[0].id, fact[1].attributed_to)


def _sentence_similarity(
    facts: Sequence[tuple[Article, Fact]], settings: CompareSettings
) -> Cosines | None:
    """Embedding cosine of the values' sentences, or None without embeddings."""
    embedder = shared_embedder(settings.embeddings)
    if not embedder.enabled or not facts:
        return None
    texts = [a.text[f.sentence_start : f.sentence_end] for a, f in facts]
    return Cosines(embedder.embed(texts))


def _sentence_stems(article: Article, fact: Fact) -> set[str]:
    """Word stems of the value's sentence, names included, without the value's own words."""
    sentence = article.sentences[sentence_index(article, fact.start)]
    outside = [t for t in sentence.tokens if not fact.start <= t.start < fact.end]
    return {w[:STEM] for w in content_lemmas(outside) if w.isalpha()}
