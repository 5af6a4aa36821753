"""Merge the entity mentions of a story's articles into entities.

Mentions are grouped by their in-article canonical name; groups are then merged when one name
is the other's last word ("Trump" / "Donald Trump"), or when two person names share a surname
up to one edit and compatible first names ("Michael Waltz" / "Mike Waltz" / "Michael Walz").
The displayed name is the most frequent full form. This is a heuristic: two different people
with the same surname in one story would be merged; it is measured in docs/quality.md.
"""

from __future__ import annotations

from collections import Counter, defaultdict
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field

from synopse.model import Article, Entity, EntityType, MentionRef

_MIN_FUZZY_LEN = 4  # shorter names differ too often by one letter to be the same name


@dataclass
class _Group:
    names: Counter[str] = field(default_factory=Counter)
    types: Counter[EntityType] = field(default_factory=Counter)
    roles: Counter[str] = field(default_factory=Counter)
    surfaces: Counter[str] = field(default_factory=Counter)
    refs: list[MentionRef] = field(default_factory=list)

    def absorb(self, other: _Group) -> None:
        self.names.update(other.names)
        self.types.update(other.types)
        self.roles.update(other.roles)
        self.surfaces.update(other.surfaces)
        self.refs.extend(other.refs)

    @property
    def name(self) -> str:
        return max(self.names, key=lambda n: (len(n.split()) > 1, self.names[n], len(n)))


def resolve_entities(articles: Sequence[Article], prefix: str) -> tuple[Entity, ...]:
    """The story's entities, most mentioned first, with ids `<prefix>-e<n>`."""
    groups = _merge(_group_by_canonical(articles))
    ranked = sorted(
        groups, key=lambda g: (-len({r.article_id for r in g.refs}), -len(g.refs), g.name)
    )
    return tuple(_entity(f"{prefix}-e{i}", group) for i, group in enumerate(ranked, 1))


def _group_by_canonical(articles: Iterable[Article]) -> dict[str, _Group]:
    groups: dict[str, _Group] = defaultdict(_Group)
    for article in articles:
        for m in article.mentions:
            group = groups[m.canonical]
            group.names[m.canonical] += 1
            group.types[m.type] += 1
            group.surfaces[m.text] += 1
            if m.role:
                group.roles[m.role] += 1
            group.refs.append(MentionRef(article.id, m.start, m.end, m.text))
    return groups


def _merge(groups: dict[str, _Group]) -> list[_Group]:
    """Union the groups whose names are variants of each other, longest names first."""
    names = sorted(groups, key=lambda n: (-len(n.split()), -groups[n].names[n], n))
    merged: list[tuple[list[str], _Group]] = []
    for name in names:
        for members, target in merged:
            if any(same_name(name, member) for member in members):
                members.append(name)
                target.absorb(groups[name])
                break
        else:
            group = _Group()
            group.absorb(groups[name])
            merged.append(([name], group))
    return [group for _, group in merged]


def same_name(a: str, b: str) -> bool:
    """Whether two names plausibly denote the same entity."""
    if a == b:
        return True
    wa, wb = a.split(), b.split()
    if len(wa) == 1 or len(wb) == 1:
        short, long_ = (wa, wb) if len(wa) <= len(wb) else (wb, wa)
        return len(short) == 1 and len(long_) > 1 and _surname_match(short[0], long_[-1])
    if not _surname_match(wa[-1], wb[-1]):
        return False
    return _first_names_compatible(wa[0], wb[0])


def _surname_match(a: str, b: str) -> bool:
    if a == b:
        return True
    return min(len(a), len(b)) >= _MIN_FUZZY_LEN and a[0] == b[0] and _within_one_edit(a, b)


def _first_names_compatible(a: str, b: str) -> bool:
    a, b = a.rstrip("."), b.rstrip(".")
    return a[0] == b[0] and (
        a.startswith(b) or b.startswith(a) or _within_one_edit(a, b) or min(len(a), len(b)) <= 4
    )


def _within_one_edit(a: str, b: str) -> bool:
    if abs(len(a) - len(b)) > 1:
        return False
    if len(a) > len(b):
        a, b = b, a
    i = 0
    while i < len(a) and a[i] == b[i]:
        i += 1
    if len(a) == len(b):
        return a[i + 1 :] == b[i + 1 :]
    return a[i:] == b[i + 1 :]


def _entity(entity_id: str, group: _Group) -> Entity:
    name = group.name
    aliases = tuple(
        sorted({n for n in group.names if n != name} | {s for s in group.surfaces if s != name})
    )
    return Entity(
        id=entity_id,
        name=name,
        type=group.types.most_common(1)[0][0],
        aliases=aliases,
        roles=tuple(role for role, _ in group.roles.most_common()),
        mentions=tuple(sorted(group.refs, key=lambda r: (r.article_id, r.start))),
    )
