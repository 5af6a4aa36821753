"""Where each mention of a story stands: its sentence, the nouns and names around it, its role.

A likely misspelling ("Michael Walz" for "Michael Waltz") is merged only when the two names
share context: the same role noun, another entity named in the same sentence, or a content noun
of the same sentence ("Freilassung"). Two names in one sentence are two entities.
"""

from __future__ import annotations

import re
from bisect import bisect_right
from collections.abc import Sequence
from dataclasses import dataclass
from itertools import pairwise

from synopse.model import Article, Mention

_MIN_NOUN_LEN = 5  # shorter nouns ("Jahr", "Tag") are shared by any two sentences
_SENTENCE_END = re.compile(r"(?<=[.!?])\s+")
_ROLE_ENDINGS = ("innen", "en", "in", "e", "s", "n")


@dataclass(frozen=True, slots=True)
class Occurrence:
    """One mention in its article, with what surrounds it."""

    article_id: str
    mention: Mention
    sentence: int  # index of the sentence within its article
    nouns: frozenset[str]  # lower-case lemmas of the content nouns of its sentence

    @property
    def place(self) -> tuple[str, int]:
        return (self.article_id, self.sentence)


def occurrences(article: Article) -> list[Occurrence]:
    """The article's mentions in text order, each placed in its sentence."""
    bounds = _sentence_bounds(article)
    nouns = _sentence_nouns(article, len(bounds))
    ends = [end for _, end in bounds]
    ordered = all(a <= b for a, b in pairwise(ends))  # then the first end past an offset bisects
    found = []
    for mention in sorted(article.mentions, key=lambda m: (m.start, m.end)):
        if ordered:
            index = min(bisect_right(ends, mention.start), max(len(bounds) - 1, 0))
        else:
            index = _sentence_of(mention.start, bounds)
        found.append(Occurrence(article.id, mention, index, nouns[index]))
    return found


def _sentence_bounds(article: Article) -> list[tuple[int, int]]:
    """Sentence spans; without tokenised sentences, a split at sentence punctuation."""
    if article.sentences:
        return [(s.start, s.end) for s in article.sentences]
    starts = [0, *(m.end() for m in _SENTENCE_END.finditer(article.text))]
    ends = [*starts[1:], len(article.text)]
    return list(zip(starts, ends, strict=True))


def _sentence_of(offset: int, bounds: Sequence[tuple[int, int]]) -> int:
    for index, (_, end) in enumerate(bounds):
        if offset < end:
            return index
    return max(len(bounds) - 1, 0)


def _sentence_nouns(article: Article, count: int) -> list[frozenset[str]]:
    if not article.sentences:
        return [frozenset()] * max(count, 1)
    return [
        frozenset(
            t.lemma.lower()
            for t in sentence.tokens
            if t.pos == "NN" and len(t.lemma) >= _MIN_NOUN_LEN
        )
        for sentence in article.sentences
    ]


def role_key(role: str) -> str:
    """A role without prefix and ending: "US-Außenministers" -> "außenminister"."""
    word = role.rsplit("-", 1)[-1].lower()
    for ending in _ROLE_ENDINGS:
        if word.endswith(ending) and len(word) - len(ending) >= _MIN_NOUN_LEN:
            return word[: -len(ending)]
    return word
