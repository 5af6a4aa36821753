"""Merge a story's mentions into clusters, one per real-world entity, in three passes:

1. Variants: names equal up to inflection ("Putins", "des Kremls"), transliterations
   ("Peskow"/"Peskov"), one city's names ("Kiew"/"Kyjiw"), short first names ("Mike"/"Michael",
   "J."/"J.D."), leading words ("FC Bayern") and acronyms ("DB") of exactly one longer name.
2. Misspellings: names one edit or one sound apart ("Walz"/"Waltz", "Vogel"/"Fogel") merge only
   when the types agree, the two are never named in one sentence, and they share context
   (full names here; single words after step 3).
3. Surnames: a surname alone joins the one full name it ends; when two people share it
   ("Olaf Scholz", "Britta Scholz") each mention goes to the one named last in its article.

Two full names with the same surname and incompatible first names never end up in one cluster.
A union-find over the written names records which joins were exact; forms reached only through
a misspelling join are flagged as misspellings.
"""

from __future__ import annotations

from collections import Counter, defaultdict
from collections.abc import Iterable, Sequence
from dataclasses import dataclass

from synopse.annotate.gazetteer import gazetteer
from synopse.link.context import Occurrence, role_key
from synopse.link.names import (
    Relation,
    initials,
    is_acronym,
    leading_words_of,
    name_key,
    name_relation,
    person_relation,
    surname_relation,
)
from synopse.link.places import same_place
from synopse.model import EntityType

_CLOSE = (Relation.SAME, Relation.TRANSLITERATION, Relation.SHORT_FORM)


@dataclass(frozen=True, slots=True)
class Cluster:
    """The occurrences of one entity; `misspelled[i]` flags occurrence i's form."""

    occurrences: tuple[Occurrence, ...]
    misspelled: tuple[bool, ...]
    core_names: Counter[str]  # written names of the exactly-joined core, with counts


class _UnionFind:
    def __init__(self, keys: Iterable[str]) -> None:
        self.parent = {key: key for key in keys}

    def find(self, key: str) -> str:
        while self.parent[key] != key:
            self.parent[key] = self.parent[self.parent[key]]
            key = self.parent[key]
        return key

    def union(self, a: str, b: str) -> None:
        self.parent[self.find(b)] = self.find(a)


def group_key(occurrence: Occurrence) -> str:
    """The written name an occurrence is grouped under: its canonical name, except that a
    surname standing alone keeps its own form so that the story can decide whose it is."""
    mention = occurrence.mention
    canonical = name_key(mention.canonical)
    if mention.type is EntityType.PER and len(mention.text.split()) == 1 < len(canonical.split()):
        return mention.text
    return canonical


def merge_mentions(occurrences: Sequence[Occurrence]) -> list[Cluster]:
    """The clusters of a story's occurrences (each in exactly one cluster); the occurrences of
    each article come in text order, as `context.occurrences` gives them."""
    merger = _Merger(occurrences)
    merger.join_variants()
    merger.join_acronyms()
    merger.join_misspellings(full_names=True)
    merger.join_surnames()
    merger.join_misspellings(full_names=False)
    return merger.clusters()


class _Merger:
    def __init__(self, occurrences: Sequence[Occurrence]) -> None:
        self.occurrences = occurrences
        self.keys = [group_key(o) for o in occurrences]
        self.members: dict[str, list[int]] = defaultdict(list)
        for index, key in enumerate(self.keys):
            self.members[key].append(index)
        self.types = {
            key: _majority(occurrences[i] for i in ids) for key, ids in self.members.items()
        }
        self.names = sorted(self.members, key=lambda k: (-len(self.members[k]), k))
        self.any_join = _UnionFind(self.names)
        self.exact_join = _UnionFind(self.names)
        self.assigned: dict[int, str] = {}  # occurrence -> name, for surnames two people share
        self.candidates: list[tuple[str, str]] = []  # name pairs that may be misspellings
        self.places = gazetteer()

    # -- variants --

    def join_variants(self) -> None:
        for i, a in enumerate(self.names):
            for b in self.names[i + 1 :]:
                relation = self._relation(a, b)
                if relation is Relation.SAME or (
                    relation in _CLOSE and self.types[a] is self.types[b]
                ):
                    self._join(a, b, exact=True)
                elif relation is Relation.FUZZY and self.types[a] is self.types[b]:
                    self.candidates.append((a, b))

    def _relation(self, a: str, b: str) -> Relation:
        both_people = self.types[a] is EntityType.PER is self.types[b]
        if both_people and len(a.split()) > 1 and len(b.split()) > 1:
            return person_relation(a, b)
        if not both_people and (leading_words_of(a, b) or leading_words_of(b, a)):
            return Relation.SHORT_FORM  # "FC Bayern" / "FC Bayern München"
        if self.types[a] is EntityType.LOC is self.types[b] and same_place(a, b):
            return Relation.TRANSLITERATION  # "Kiew" / "Kyjiw"
        return name_relation(a, b, person=both_people)

    def join_acronyms(self) -> None:
        """ "DB" joins "Deutsche Bahn" when exactly one entity of the story has those initials."""
        for acronym in [n for n in self.names if is_acronym(n)]:
            roots = {
                self.any_join.find(name)
                for name in self.names
                if " " in name and not self._is_person(name) and initials(name) == acronym
            }
            if len(roots) == 1:
                self._join(roots.pop(), acronym, exact=True)

    # -- surnames --

    def join_surnames(self) -> None:
        for single in self._single_words():
            full_names = self._full_names_ending_in(single, fuzzy=False)
            if len(full_names) == 1 and self._may_take_surname(full_names[0], single):
                self._join(full_names[0], single, exact=True)
            elif len(full_names) > 1 and self._is_person(single):
                self._assign_by_recency(single, full_names)

    def _single_words(self) -> list[str]:
        return [n for n in self.names if len(n.split()) == 1]

    def _may_take_surname(self, full_name: str, single: str) -> bool:
        """A lone surname typed as a person joins; typed otherwise ("Rubio" as a place), only
        when the word is no listed place or organisation and the person is named at least as
        often as the word alone."""
        if self._is_person(single):
            return True
        if any(self._is_listed(name) for name in self._names_of(self.any_join.find(single))):
            return False  # "Wien(s)" the city stays apart from the physicist Wilhelm Wien
        return len(self.members[single]) <= self._size(self.any_join.find(full_name))

    def _is_listed(self, name: str) -> bool:
        return self.places.lists(name) or self.places.place_kind(name, proper_noun=False)

    def _is_person(self, name: str) -> bool:
        return self.types[name] is EntityType.PER

    def _full_names_ending_in(self, surname: str, *, fuzzy: bool) -> list[str]:
        """One full name per distinct entity whose surname is `surname` (or a misspelling)."""
        wanted = (Relation.FUZZY,) if fuzzy else (Relation.SAME, Relation.TRANSLITERATION)
        by_root: dict[str, str] = {}
        for name in self.names:
            words = name.split()
            is_full_name = len(words) > 1 and self._is_person(name)
            if is_full_name and surname_relation(surname, words[-1]) in wanted:
                by_root.setdefault(self.any_join.find(name), name)
        by_root.pop(self.any_join.find(surname), None)
        return list(by_root.values())

    def _assign_by_recency(self, single: str, full_names: list[str]) -> None:
        roots = {self.any_join.find(n): n for n in full_names}
        for index in self.members[single]:
            root = self._nearest_root(index, set(roots))
            self.assigned[index] = roots[root]

    def _nearest_root(self, index: int, roots: set[str]) -> str:
        """The candidate named last before the occurrence in its article; else the one the
        story names first (a surname nobody introduced is the best-known bearer's)."""
        here = self.occurrences[index]
        before: list[tuple[int, str]] = []
        first_named: dict[str, int] = {}
        for other, occurrence in enumerate(self.occurrences):
            root = self.any_join.find(self.keys[other])
            if root in roots:
                first_named.setdefault(root, other)
                if occurrence.article_id == here.article_id and other < index:
                    before.append((other, root))
        if before:
            return max(before)[1]
        return min(first_named, key=first_named.__getitem__)

    # -- misspellings --

    def join_misspellings(self, *, full_names: bool) -> None:
        """Full names first (so that a surname finds one owner), then single words."""
        for a, b in self.candidates:
            if (" " in a and " " in b) is full_names:
                self._join_if_context_agrees(a, b)
        if full_names:
            return
        for single in self._single_words():
            if self._is_person(single) and self._size(self.any_join.find(single)):
                owners = self._full_names_ending_in(single, fuzzy=True)
                if len(owners) == 1:
                    self._join_if_context_agrees(owners[0], single)

    def _join_if_context_agrees(self, a: str, b: str) -> None:
        root_a, root_b = self.any_join.find(a), self.any_join.find(b)
        if root_a == root_b or self._named_together(a, b):
            return
        if not self._size(root_a) or not self._size(root_b):
            return  # a shared surname whose every mention went to someone else
        if self._root_type(root_a) is self._root_type(root_b) and self._context_agrees(
            root_a, root_b
        ):
            self._join(a, b, exact=False)

    def _named_together(self, a: str, b: str) -> bool:
        places = {self.occurrences[i].place for i in self.members[a]}
        return any(self.occurrences[i].place in places for i in self.members[b])

    def _context_agrees(self, root_a: str, root_b: str) -> bool:
        context_a, context_b = self._context(root_a, {root_b}), self._context(root_b, {root_a})
        return bool(context_a & context_b)

    def _context(self, root: str, exclude: set[str]) -> set[str]:
        """Role nouns and content nouns of a cluster's sentences, and the entities named in
        them or the sentence before or after."""
        places = {
            (o.article_id, o.sentence + step)
            for o in (self.occurrences[i] for i in self._indices(root))
            for step in (-1, 0, 1)
        }
        context: set[str] = set()
        for index in self._indices(root):
            occurrence = self.occurrences[index]
            context.update(f"noun:{noun}" for noun in occurrence.nouns)
            if occurrence.mention.role:
                context.add(f"role:{role_key(occurrence.mention.role)}")
        for index, occurrence in enumerate(self.occurrences):
            other = self._root_of(index)
            if occurrence.place in places and other != root and other not in exclude:
                context.add(f"entity:{other}")
        return context

    # -- bookkeeping --

    def _join(self, a: str, b: str, *, exact: bool) -> None:
        if not self._compatible(self.any_join.find(a), self.any_join.find(b)):
            return
        self.any_join.union(a, b)
        if exact:
            self.exact_join.union(a, b)

    def _compatible(self, root_a: str, root_b: str) -> bool:
        """False when the two clusters hold full names of different people with one surname."""
        people_a = [n for n in self._names_of(root_a) if self._is_person(n) and " " in n]
        people_b = [n for n in self._names_of(root_b) if self._is_person(n) and " " in n]
        for a in people_a:
            for b in people_b:
                shared = surname_relation(a.split()[-1], b.split()[-1]) is not Relation.NONE
                if shared and person_relation(a, b) is Relation.NONE:
                    return False
        return True

    def _names_of(self, root: str) -> list[str]:
        return [n for n in self.names if self.any_join.find(n) == root]

    def _root_of(self, index: int) -> str:
        return self.any_join.find(self.assigned.get(index, self.keys[index]))

    def _indices(self, root: str) -> list[int]:
        return [i for i in range(len(self.occurrences)) if self._root_of(i) == root]

    def _size(self, root: str) -> int:
        return len(self._indices(root))

    def _root_type(self, root: str) -> EntityType:
        return _majority(self.occurrences[i] for i in self._indices(root))

    def clusters(self) -> list[Cluster]:
        by_root: dict[str, list[int]] = defaultdict(list)
        for index in range(len(self.occurrences)):
            by_root[self._root_of(index)].append(index)
        return [self._cluster(indices) for _, indices in sorted(by_root.items())]

    def _cluster(self, indices: list[int]) -> Cluster:
        exact_roots = [self.exact_join.find(self.assigned.get(i, self.keys[i])) for i in indices]
        counts = Counter(exact_roots)
        core = max(sorted(counts), key=lambda root: counts[root])
        core_names = Counter(
            self.keys[i] for i, root in zip(indices, exact_roots, strict=True) if root == core
        )
        return Cluster(
            occurrences=tuple(self.occurrences[i] for i in indices),
            misspelled=tuple(root != core for root in exact_roots),
            core_names=core_names,
        )


def _majority(occurrences: Iterable[Occurrence]) -> EntityType:
    """The most frequent type; ties go to PER, then ORG, LOC, MISC (the order of the enum)."""
    counts = Counter(o.mention.type for o in occurrences)
    order = list(EntityType)
    return max(counts, key=lambda t: (counts[t], -order.index(t)))
