"""Foreign multi-word names in German text: "Human Rights Watch", "Ukraine Defense Contact
Group", "New York Post". HanTa tags their words NE, FM or even NN one by one, so the proper-noun
run alone splits them or keeps a stray word ("Office", "New"); here a run of capitalised
proper-noun or foreign tokens that holds a listed English word (`data/ner_english_words.txt`)
is one name, typed by its last word when that word carries a type.
"""

from __future__ import annotations

from collections.abc import Sequence
from functools import cache

from synopse.annotate.entity_consistency import NameSpan
from synopse.annotate.gazetteer import read_word_list
from synopse.model import EntityType, Token

_CONNECTORS = frozenset({"of", "the", "and", "for", "&", "on"})
_TAGS = frozenset({"NE", "FM", "NN", "NNA", "ADJA", "ADJD"})


@cache
def english_words() -> dict[str, EntityType | None]:
    """Each listed English word with the type it gives a name it ends, or None."""
    words: dict[str, EntityType | None] = {}
    for line in read_word_list("ner_english_words.txt"):
        word, _, kind = line.partition(" ")
        words[word] = EntityType(kind) if kind else None
    return words


def foreign_name_at(tokens: Sequence[Token], i: int) -> NameSpan | None:
    """The foreign multi-word name starting at token `i`, if one does."""
    words = english_words()
    end = i
    while end < len(tokens) and _continues(tokens, end, first=end == i):
        end += 1
    while end > i and tokens[end - 1].text in _CONNECTORS:
        end -= 1
    run = tokens[i:end]
    if len(run) < 2 or not any(t.text in words for t in run):
        return None
    kind = words.get(run[-1].text)
    if kind is None:
        return NameSpan(tuple(run), EntityType.ORG)
    return NameSpan(tuple(run), kind, strong=True)


def is_english_word(word: str) -> bool:
    """Whether `word` is a listed English word (not a name on its own)."""
    return word in english_words()


def _continues(tokens: Sequence[Token], i: int, *, first: bool) -> bool:
    token = tokens[i]
    if token.text in _CONNECTORS:
        return not first and i + 1 < len(tokens) and _is_part(tokens[i + 1])
    if first and token.pos == "NN" and not _heads_of_phrase(tokens, i):
        return False  # a German noun before a name describes it: "Organisation Human Rights"
    return _is_part(token)


def _heads_of_phrase(tokens: Sequence[Token], i: int) -> bool:
    """ "Bank of England": a listed word that an English preposition follows."""
    return tokens[i].text in english_words() and i + 1 < len(tokens) and tokens[i + 1].text == "of"


def _is_part(token: Token) -> bool:
    word = token.text
    if not word[:1].isupper() or token.pos not in _TAGS or not word.isalpha():
        return False
    return word in english_words() or token.pos in ("NE", "FM")
