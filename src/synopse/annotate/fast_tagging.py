"""Faster drop-ins for the two hottest library paths of tokenization, with identical results.

HanTa's sentence tagger (`HanoverTagger.tag_sent_viterbi`, pure Python) was ~40 % of the
annotation time: for every word it re-derives the word's tag probabilities (a sort and a dict
per word, although news text repeats its words), and for every live state it walks all of the
state's followers (dozens of tags) to keep the two or three the word can have.
`ViterbiTagger` runs the same recurrence over HanTa's own tables with (1) each word's
probabilities computed once per word and case context, and (2) only the followers the word
can have, visited in the order HanTa visits them, so every sum, comparison and tie is the
same and the tags are the same (tests/annotate/test_fast_tagging.py checks it against
`tag_sent` itself).

SoMaJo's offset alignment (`somajo.alignment.token_offsets`) builds three character maps per
paragraph and compiles a regex per token to map offsets back through Unicode normalisation.
For a paragraph that is already NFC (nearly all text) every map is the identity, so
`_offsets_of_normalised` only walks the tokens along the paragraph; anything else (XML input,
non-NFC text, a token not found where expected, an empty token) goes to SoMaJo's own code.
"""

from __future__ import annotations

import functools
import math
import unicodedata
from collections.abc import Callable, Sequence
from typing import Any

import regex  # SoMaJo's regex engine: the same notion of whitespace as its alignment
from HanTa import HanoverTagger as hanta
from somajo import alignment as somajo_alignment

_LOWER_BOUND = -1e6  # HanTa's floor for a live path
_BEAM = 5  # HanTa keeps the states within 1 of the 6th best
# Word forms kept with their candidates: ~7 KB each on news text (a frequent word meets ~10
# states), 17 MB for the 2,468 forms of 500 generated articles; the bound keeps it < 70 MB.
_CACHE_SIZE = 10_000
_LEMMA_CACHE_SIZE = 50_000  # (word form, tag) pairs, ~150 bytes each
State = tuple[int, int]
Candidates = list[tuple[int, float, float | int]]
Successors = list[tuple[State, float, float | int]]  # (next state, transition, word) lp


class _Word:
    """A word form's tag log-probabilities in one case context, and, per preceding state,
    the tags that may follow it (computed when first needed: words and states repeat)."""

    __slots__ = ("after", "probs")

    def __init__(self, probs: dict[int, float]) -> None:
        self.probs = probs
        self.after: dict[State, Successors] = {}


class ViterbiTagger:
    """`tagger.tag_sent(words, taglevel=1)` of a HanTa `HanoverTagger`, faster, same output."""

    def __init__(self, tagger: Any) -> None:
        self._tagger = tagger
        self._end, self._empty, self._start = hanta.END, hanta.EMPTY, hanta.START
        self._unknown = hanta.UNKNOWN
        self._followers: dict[State, dict[int, tuple[int, float]]] = {}
        self._word: Callable[[str, bool], _Word] = functools.lru_cache(maxsize=_CACHE_SIZE)(
            self._analysed_word
        )
        # (word, tag) -> lemma, cached with positional arguments (cheaper keys than HanTa's
        # own `_analyze(word, tag, taglevel=1)` with its keyword argument).
        self._lemma: Callable[[str, int], str] = functools.lru_cache(maxsize=_LEMMA_CACHE_SIZE)(
            self._lemma_of
        )

    def tag_sent(self, words: Sequence[str]) -> list[tuple[str, str, str]]:
        """(word, lemma, tag) per word, as `HanoverTagger.tag_sent(words, taglevel=1)`."""
        if not words:
            return []
        int2tag = self._tagger.int2tag
        lemma = self._lemma
        tags = self.tags(words)
        return [
            (word, lemma(word, tag), int2tag[tag]) for word, tag in zip(words, tags, strict=True)
        ]

    def _lemma_of(self, word: str, tag: int) -> str:
        lemma: str = self._tagger._analyze(word, tag, taglevel=1)[0]
        return lemma

    def tags(self, words: Sequence[str]) -> list[int]:
        """HanTa's tag numbers for a sentence (its `tag_sent_viterbi`)."""
        backpointers: list[dict[State, State]] = []
        row: dict[State, float] = {(self._empty, self._start): 0.0}
        for i, word in enumerate(words):
            row = self._step(row, self._word(word, i > 0), backpointers)
        final = (self._end, self._empty)
        backpointers.append(self._finish(row, final))
        tags = []
        state = final
        for pointers in reversed(backpointers[1:]):
            state = pointers[state]
            tags.append(state[1])
        return tags[::-1]

    def _step(
        self,
        previous: dict[State, float],
        word: _Word,
        backpointers: list[dict[State, State]],
    ) -> dict[State, float]:
        row: dict[State, float] = {}
        pointers: dict[State, State] = {}
        backpointers.append(pointers)
        floor = _LOWER_BOUND
        bound = floor
        if len(previous) > _BEAM:
            bound = sorted(previous.values(), reverse=True)[_BEAM] - 1
        after = word.after
        current = row.get
        for state, lp0 in previous.items():
            if lp0 < bound:
                continue
            successors = after.get(state)
            if successors is None:
                successors = after[state] = [
                    ((state[1], tag), lp_transition, lp_word)
                    for tag, lp_transition, lp_word in self._candidates(state, word.probs)
                ]
            for new, lp_transition, lp_word in successors:
                lp = lp0 + lp_transition + lp_word
                if lp > floor:
                    old = current(new)
                    if old is None or lp > old:
                        row[new] = lp
                        pointers[new] = state
        return row

    def _candidates(self, state: State, probs: dict[int, float]) -> Candidates:
        """The tags that may follow `state` for this word, in HanTa's order of trying them."""
        followers = self._followers_of(state)
        if not probs:  # an unknown word: any follower, at no word cost
            return [(tag, lp, 0) for tag, (_, lp) in followers.items()]
        found = [(followers[tag], tag, p) for tag, p in probs.items() if tag in followers]
        if len(found) > 1:
            found.sort(key=lambda item: item[0][0])
        return [(tag, order_lp[1], p) for order_lp, tag, p in found]

    def _followers_of(self, state: State) -> dict[int, tuple[int, float]]:
        """tag -> (HanTa's iteration position, transition log-probability), END left out."""
        followers = self._followers.get(state)
        if followers is None:
            table = self._tagger.LP_trans_word[state]
            followers = {
                tag: (position, lp)
                for position, (tag, lp) in enumerate(table.items())
                if tag != self._end
            }
            self._followers[state] = followers
        return followers

    def _finish(self, previous: dict[State, float], final: State) -> dict[State, State]:
        best = -math.inf
        pointers: dict[State, State] = {}
        for state, lp0 in previous.items():
            lp = lp0 + dict(self._tagger.LP_trans_word[state]).get(self._end, -math.inf)
            if lp > best:
                best = lp
                pointers[final] = state
        return pointers

    def _analysed_word(self, word: str, case_sensitive: bool) -> _Word:
        probs = dict(
            self._tagger._tag_word(word, cutoff=5, casesensitive=case_sensitive, conditional=True)
        )
        if len(probs) == 1 and self._unknown in probs:
            return _Word({})
        return _Word(probs)


_WHITESPACE = regex.compile(r"\s")
_library_token_offsets = somajo_alignment.token_offsets


def use_fast_offsets() -> None:
    """Route SoMaJo's offset alignment through the NFC fast path (idempotent, process-wide:
    the results are SoMaJo's own)."""
    somajo_alignment.token_offsets = _token_offsets


def _token_offsets(
    token_list: list[Any], raw: str, position: int, xml_input: bool, tokens: list[Any]
) -> list[tuple[int, int]]:
    offsets = None
    if not xml_input and unicodedata.is_normalized("NFC", raw):
        offsets = _offsets_of_normalised(tokens, raw)
    if offsets is None:
        library: list[tuple[int, int]] = _library_token_offsets(
            token_list, raw, position, xml_input, tokens
        )
        return library
    return [(start + position, end + position) for start, end in offsets]


@functools.lru_cache(maxsize=_CACHE_SIZE * 10)
def _blanked(token: str) -> str:
    """A token's spelling with each whitespace character read as a blank (cached: word forms
    repeat)."""
    blanked: str = _WHITESPACE.sub(" ", token)
    return blanked


def _offsets_of_normalised(tokens: list[Any], raw: str) -> list[tuple[int, int]] | None:
    """Each token at the current position or one blank later (whitespace read as blanks),
    or None when a token is not there or is empty (SoMaJo's own code then decides)."""
    text_of_raw = _WHITESPACE.sub(" ", raw)
    offsets = []
    at = 0
    for token in tokens:
        spelled = token.original_spelling if token.original_spelling is not None else token.text
        text = _blanked(spelled)
        if not text:
            return None
        if text_of_raw.startswith(text, at):
            start = at
        elif text_of_raw.startswith(" " + text, at):
            start = at + 1
        else:
            return None
        at = start + len(text)
        offsets.append((start, at))
    return offsets
