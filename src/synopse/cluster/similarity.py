"""How similar a new article is to an article already in a story, and to the story.

A pair's score mixes lexical similarity (cosine of TF-IDF vectors over lemmas), entity overlap
(weighted Jaccard of entity names by mention count) and, when embeddings are on, the cosine of
the headline-and-lead embeddings rescaled from its narrow band to 0..1. It shrinks with the days
between the two articles beyond the first (`time_decay`) and is zero beyond `max_days_apart`.
A story's score is the mean of the article's best `TOP_LINKS` pair scores with the story's
recent members: one close sibling is not enough, a story of two still counts.

Evidence against: when both articles name a town or city, and of the specific places and
people they name (cluster.features) share none, the pair keeps only `distinct_names_factor` of
its score. Reports of one kind (a fire, a strike, a council budget) in two towns use the same
words and embed almost alike; only their names tell them apart. Reports of one event nearly
always share a name: the town, a district, a spokesperson or the person they are about. An
article that names no town (the recogniser missed a small one, or it names only the road and
the mayor) is never in conflict: missing evidence is not evidence against.
"""

from __future__ import annotations

from dataclasses import dataclass

from synopse.cluster.index import Member, StoryState

TOP_LINKS = 3


@dataclass(frozen=True, slots=True)
class SimilarityWeights:
    lexical: float = 0.6  # the rest of the non-embedding share goes to entity overlap
    embedding: float = 0.0  # share of the embedding score; 0 when embeddings are off
    # multilingual-e5-small cosines between headline-and-lead texts: below the floor the events
    # are unrelated, from the ceiling on they are the same (measured on the dev gold set)
    embedding_floor: float = 0.80
    embedding_ceiling: float = 0.93
    # Share of the score lost over `max_days_apart` days beyond the first: reports of one event
    # mostly appear within a day of each other, a second event of the same actors days later.
    time_decay: float = 0.8
    # Share of a pair's score kept when both name specific places or people and share none.
    distinct_names_factor: float = 0.3


def pair_similarity(
    new: Member, old: Member, weights: SimilarityWeights, max_days_apart: int
) -> float:
    days = abs((new.day - old.day).days) if new.day and old.day else 0
    if days > max_days_apart:
        return 0.0
    closeness = 1.0 - weights.time_decay * max(0, days - 1) / max(1, max_days_apart)
    score = closeness * _content_similarity(new, old, weights)
    if _named_apart(new, old):
        score *= weights.distinct_names_factor
    return score


def _named_apart(new: Member, old: Member) -> bool:
    """Both name a town and people or places, and no name is shared."""
    return new.names_a_place and old.names_a_place and new.names.isdisjoint(old.names)


def _content_similarity(new: Member, old: Member, weights: SimilarityWeights) -> float:
    text = weights.lexical * _cosine(new.vector, old.vector)
    text += (1 - weights.lexical) * _weighted_jaccard(new.entities, old.entities)
    if new.embedding is None or old.embedding is None:
        return text
    cosine = float(new.embedding @ old.embedding)
    span = weights.embedding_ceiling - weights.embedding_floor
    meaning = min(1.0, max(0.0, (cosine - weights.embedding_floor) / span))
    return (1 - weights.embedding) * text + weights.embedding * meaning


def story_similarity(
    new: Member, story: StoryState, weights: SimilarityWeights, max_days_apart: int
) -> float:
    scores = sorted(
        pair_similarity(new, old, weights, max_days_apart) for old in story.recent_members()
    )
    top = scores[-TOP_LINKS:]
    return sum(top) / len(top) if top else 0.0


def _cosine(a: dict[str, float], b: dict[str, float]) -> float:
    if len(b) < len(a):
        a, b = b, a
    # only shared terms: adding the others' 0.0 products changes no partial sum (same order)
    return sum([weight * b[term] for term, weight in a.items() if term in b])


def _weighted_jaccard(a: dict[str, float], b: dict[str, float]) -> float:
    """Sum of the smaller weights over the sum of the larger: names both mention often count."""
    shared = sum(min(weight, b[key]) for key, weight in a.items() if key in b)
    total = sum(a.values()) + sum(b.values()) - shared
    return shared / total if total else 0.0
