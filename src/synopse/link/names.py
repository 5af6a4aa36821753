"""How two names relate: the same name inflected, a transliteration, a short form, or a likely
misspelling; and the rules that say when a surname alone stands for a full name.

The relation decides how a merge is made and whether a form counts as a misspelling: only
`Relation.FUZZY` (edit distance or Kölner Phonetik) needs the context check in `resolve`.
"""

from __future__ import annotations

import re
from enum import IntEnum

from synopse.link.nicknames import are_nicknames
from synopse.link.phonetic import (
    edit_distance,
    koelner_phonetik,
    starts_alike,
    transliteration_key,
)

_MIN_FUZZY_LEN = 4  # shorter words differ too often by one letter to be the same name
_LONG_WORD = 9  # from this length two edits can still be one misspelt name
_GENITIVE_ENDINGS = ("'s", "’s", "'", "’", "es", "s")
# Endings of German adjectives in names ("Weißes Haus", "des Weißen Hauses", "Vereinigte").
_ADJECTIVE_ENDINGS = ("en", "es", "er", "em", "e")
_SPACED_INITIALS = re.compile(r"(?<=\b\w\.)\s+(?=\w\.)")


class Relation(IntEnum):
    """How close two names are, closest first; NONE means different names."""

    SAME = 0  # equal up to case, spacing of initials and inflection
    TRANSLITERATION = 1  # "Peskow" / "Peskov", "Selenskyj" / "Zelenskyy"
    SHORT_FORM = 2  # "Mike" / "Michael", "J." / "J.D.", "Alex" / "Alexander"
    FUZZY = 3  # an edit or the same sound: "Walz" / "Waltz", "Vogel" / "Fogel"
    NONE = 4


def name_key(name: str) -> str:
    """The name with single spaces and joined initials ("J. D.  Vance" -> "J.D. Vance")."""
    return _SPACED_INITIALS.sub("", " ".join(name.split()))


def same_name(a: str, b: str) -> bool:
    """Whether two names plausibly denote the same entity (a surname alone counts)."""
    wa, wb = name_key(a).split(), name_key(b).split()
    if not wa or not wb:
        return False
    if len(wa) > 1 and len(wb) > 1:
        return person_relation(a, b) is not Relation.NONE
    if len(wa) == 1 and len(wb) == 1:
        return name_relation(a, b, person=True) is not Relation.NONE
    single, full = (wa[0], wb) if len(wa) == 1 else (wb[0], wa)
    return surname_relation(single, full[-1]) is not Relation.NONE


def name_relation(a: str, b: str, *, person: bool) -> Relation:
    """The relation of two whole names, word by word (for places, organisations, one word)."""
    wa, wb = name_key(a).split(), name_key(b).split()
    if len(wa) != len(wb) or not wa:
        return Relation.NONE
    relations = [
        _word_relation(x, y, final=i == len(wa) - 1, person=person)
        for i, (x, y) in enumerate(zip(wa, wb, strict=True))
    ]
    if sum(r is Relation.FUZZY for r in relations) > 1:
        return Relation.NONE
    return max(relations)


def person_relation(a: str, b: str) -> Relation:
    """The relation of two full person names: surnames must match, first names be compatible."""
    wa, wb = name_key(a).split(), name_key(b).split()
    surname = surname_relation(wa[-1], wb[-1])
    if surname is Relation.NONE:
        return Relation.NONE
    first = first_name_relation(wa[0], wb[0])
    if surname is Relation.FUZZY and first is Relation.FUZZY:
        return Relation.NONE  # two guesses in one name are one too many
    return max(surname, first)


def surname_relation(a: str, b: str) -> Relation:
    return _word_relation(a, b, final=True, person=True)


def first_name_relation(a: str, b: str) -> Relation:
    """ "Mike"/"Michael" and "J."/"J.D." are short forms; "Olaf"/"Britta" are different people."""
    x, y = a.rstrip(".").casefold(), b.rstrip(".").casefold()
    if x == y:
        return Relation.SAME
    if transliteration_key(x) == transliteration_key(y):
        return Relation.TRANSLITERATION
    if are_nicknames(x, y) or _initial_of(a, b) or _initial_of(b, a):
        return Relation.SHORT_FORM
    shorter, longer = sorted((x, y), key=len)
    if len(shorter) >= 3 and longer.startswith(shorter) and len(longer) - len(shorter) >= 2:
        return Relation.SHORT_FORM  # "Alex" / "Alexander"
    if _fuzzy_words(x, y) or _sound_alike(x, y):
        return Relation.FUZZY
    return Relation.NONE


def _sound_alike(x: str, y: str) -> bool:
    """First names written apart but said alike ("Wladimir"/"Wolodymyr", one sound code)."""
    if min(len(x), len(y)) < _MIN_FUZZY_LEN or x[0] != y[0]:
        return False
    return koelner_phonetik(x) == koelner_phonetik(y) and len(koelner_phonetik(x)) >= 3


def _initial_of(initials: str, name: str) -> bool:
    """ "J." or "J.D." abbreviates "John" (and "J.D." abbreviates "J.")."""
    letters = [part for part in initials.split(".") if part]
    if not initials.endswith(".") or not letters or any(len(p) > 1 for p in letters):
        return False
    return name[:1].casefold() == letters[0].casefold()


def _word_relation(a: str, b: str, *, final: bool, person: bool) -> Relation:
    x, y = a.casefold(), b.casefold()
    if x == y or _inflected(x, y, final=final, person=person):
        return Relation.SAME
    if min(len(x), len(y)) >= _MIN_FUZZY_LEN and _transliterated(x, y):
        return Relation.TRANSLITERATION
    return Relation.FUZZY if _fuzzy_words(x, y) else Relation.NONE


def _inflected(x: str, y: str, *, final: bool, person: bool) -> bool:
    """ "putins"/"putin", "hauses"/"haus"; inside a name also "weißen"/"weiße" (not people)."""
    shorter, longer = sorted((x, y), key=len)
    if len(shorter) < 2:
        return False
    if final:
        return any(longer == shorter + ending for ending in _GENITIVE_ENDINGS)
    return not person and _adjective_stem(x) == _adjective_stem(y)


def _adjective_stem(word: str) -> str:
    for ending in _ADJECTIVE_ENDINGS:
        if word.endswith(ending) and len(word) - len(ending) >= 3:
            return word[: -len(ending)]
    return word


def _transliterated(x: str, y: str) -> bool:
    keys_x = {transliteration_key(x), transliteration_key(_without_genitive(x))}
    keys_y = {transliteration_key(y), transliteration_key(_without_genitive(y))}
    return bool(keys_x & keys_y)


def _without_genitive(word: str) -> str:
    return word[:-1] if word.endswith("s") and len(word) > _MIN_FUZZY_LEN else word


def _fuzzy_words(x: str, y: str) -> bool:
    """One edit apart, or the same Kölner Phonetik code and two edits (three for long words)."""
    if min(len(x), len(y)) < _MIN_FUZZY_LEN or not starts_alike(x, y):
        return False
    distance = edit_distance(x, y)
    if distance <= 1 and x[0] == y[0]:
        return True
    limit = 3 if min(len(x), len(y)) >= _LONG_WORD else 2
    return distance <= limit and koelner_phonetik(x) == koelner_phonetik(y)


def is_acronym(name: str) -> bool:
    """ "DB", "EVG", "CDU": two to six capitals, nothing else."""
    return 2 <= len(name) <= 6 and name.isalpha() and name.isupper()


def initials(name: str) -> str:
    """The capitals that open the words of a name ("Deutsche Bahn" -> "DB"); particles such as
    "für" or "der" do not count."""
    return "".join(word[0] for word in name.split() if word[:1].isupper())


def leading_words_of(short: str, long_: str) -> bool:
    """Whether `short` (two words or more) opens `long_` ("FC Bayern", "FC Bayern München")."""
    ws, wl = name_key(short).split(), name_key(long_).split()
    return 1 < len(ws) < len(wl) and wl[: len(ws)] == ws


def is_genitive_of(inflected: str, base: str) -> bool:
    """ "Weißen Hauses" of "Weißen Haus", "Putins" of "Putin" (the last word carries it)."""
    wi, wb = name_key(inflected).split(), name_key(base).split()
    if len(wi) != len(wb) or not wi or wi[:-1] != wb[:-1] or wi[-1] == wb[-1]:
        return False
    return any(wi[-1] == wb[-1] + ending for ending in _GENITIVE_ENDINGS)
