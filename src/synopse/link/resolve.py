"""Merge the entity mentions of a story's articles into entities.

The merging rules live in `link.merge` (variants, surnames, misspellings with context) and the
name relations in `link.names`. Here the clusters become `Entity` records: the displayed name
is the most frequent full form of the exactly-merged core, the type is the majority type of all
mentions, and every form and role is listed with the articles that use it.
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Sequence
from dataclasses import replace

from synopse.link.context import Occurrence, occurrences
from synopse.link.merge import Cluster, merge_mentions
from synopse.link.names import is_genitive_of, same_name
from synopse.link.variants import role_sources, variants
from synopse.model import Article, Entity, EntityType, MentionRef

__all__ = ["resolve_entities", "same_name", "story_types", "with_story_types"]


def resolve_entities(articles: Sequence[Article], prefix: str) -> tuple[Entity, ...]:
    """The story's entities, most mentioned first, with ids `<prefix>-e<n>`."""
    found = [occurrence for article in articles for occurrence in occurrences(article)]
    entities = [_entity(cluster) for cluster in merge_mentions(found)]
    ranked = sorted(
        entities,
        key=lambda e: (-len({r.article_id for r in e.mentions}), -len(e.mentions), e.name),
    )
    return tuple(_with_id(f"{prefix}-e{i}", entity) for i, entity in enumerate(ranked, 1))


def story_types(entities: Sequence[Entity]) -> dict[tuple[str, int], EntityType]:
    """The story-wide type of every mention, by (article id, start offset): a mention typed
    differently in its article takes the type of the entity it was merged into."""
    return {(ref.article_id, ref.start): e.type for e in entities for ref in e.mentions}


def with_story_types(articles: Sequence[Article]) -> list[Article]:
    """The articles with every mention typed as the story types its entity, so that a name
    one article could only guess ("Truth" or a bare surname) reads the same in all of them."""
    types = story_types(resolve_entities(articles, "types"))
    return [_retyped(article, types) for article in articles]


def _retyped(article: Article, types: dict[tuple[str, int], EntityType]) -> Article:
    mentions = tuple(
        replace(m, type=types.get((article.id, m.start), m.type)) for m in article.mentions
    )
    if mentions == article.mentions:
        return article
    return replace(article, mentions=mentions)


def _entity(cluster: Cluster) -> Entity:
    occurrences = cluster.occurrences
    surnames = Counter(_last_word(o.mention.text) for o in cluster.occurrences)
    name = _display_name(cluster.core_names, surnames)
    types = Counter(o.mention.type for o in occurrences)
    order = list(EntityType)
    roles = Counter(o.mention.role for o in occurrences if o.mention.role)
    forms = _forms(occurrences)
    return Entity(
        id="",
        name=name,
        type=max(types, key=lambda t: (types[t], -order.index(t))),
        aliases=tuple(sorted(form for form in forms if form != name)),
        roles=tuple(role for role, _ in roles.most_common()),
        mentions=tuple(sorted(map(_ref, occurrences), key=lambda r: (r.article_id, r.start))),
        variants=variants(occurrences, cluster.misspelled),
        role_sources=role_sources(occurrences),
    )


def _display_name(names: Counter[str], last_words: Counter[str]) -> str:
    """A base form before its genitive, a full name before a surname, then the most frequent,
    then the one whose last word the mentions write most ("Söder" alone backs "Markus Söder"
    over "Markus Soeder"), then the longer full name ("Michael" before "Mike"), then the one
    the story names first. `names` counts in the order the story names them."""
    first_named = {name: position for position, name in enumerate(names)}

    def rank(name: str) -> tuple[bool, bool, int, int, int, int]:
        inflected = any(other != name and is_genitive_of(name, other) for other in names)
        full = len(name.split()) > 1
        backing = last_words[_last_word(name)]
        return (not inflected, full, names[name], backing, len(name) * full, -first_named[name])

    return max(names, key=rank)


def _last_word(name: str) -> str:
    words = name.split()
    return words[-1].casefold() if words else ""


def _forms(occurrences: Sequence[Occurrence]) -> set[str]:
    """Surface forms, and the canonical names of mentions that wrote more than a surname (a
    lone surname's in-article canonical may name the other person who bears it)."""
    forms = {o.mention.text for o in occurrences}
    return forms | {o.mention.canonical for o in occurrences if " " in o.mention.text.strip()}


def _ref(occurrence: Occurrence) -> MentionRef:
    m = occurrence.mention
    return MentionRef(occurrence.article_id, m.start, m.end, m.text)


def _with_id(entity_id: str, entity: Entity) -> Entity:
    return replace(entity, id=entity_id)
