"""Sentences and tokens (SoMaJo) with STTS part-of-speech tags and lemmas (HanTa).

Both models load once per `Tokenizer`; a batch reuses one instance. SoMaJo is handed one
paragraph (line) at a time, and its paragraph-relative offsets are shifted to index the text.
"""

from __future__ import annotations

import functools
import re
from collections.abc import Iterator, Sequence
from typing import Any

from HanTa import HanoverTagger as ht
from somajo import SoMaJo

from synopse.annotate import fast_somajo
from synopse.annotate.fast_tagging import ViterbiTagger, use_fast_offsets
from synopse.model import Sentence, Token

_PARAGRAPH = re.compile(r"[^\n]+")
# HanTa models word forms; long tokens (URLs, hashes) are tagged XY without asking it.
_MAX_TAGGED_LEN = 40
_MAX_TAGGED_RUN = 1000  # tokens tagged in one Viterbi pass


_WORD_CACHE_SIZE = 200_000


def _memoize_word_analysis(tagger: Any) -> None:
    """HanTa analyses every out-of-lexicon word form anew, in every sentence, and lemmatises
    every (word, tag) pair anew; both are pure functions of their arguments, and news text
    repeats its words, so caching them per tagger makes tagging several times faster."""
    tagger.analyze_forward = functools.lru_cache(maxsize=_WORD_CACHE_SIZE)(tagger.analyze_forward)
    tagger._analyze = functools.lru_cache(maxsize=_WORD_CACHE_SIZE)(tagger._analyze)


class Tokenizer:
    """Split German text into sentences of tagged, lemmatised tokens."""

    def __init__(self) -> None:
        self._somajo = SoMaJo("de_CMC", split_camel_case=False, character_offsets=True)
        fast_somajo.speed_up(self._somajo._tokenizer)
        self._tagger = ht.HanoverTagger("morphmodel_ger.pgz")
        _memoize_word_analysis(self._tagger)
        self._viterbi = ViterbiTagger(self._tagger)
        use_fast_offsets()

    def __call__(self, text: str) -> tuple[Sentence, ...]:
        return tuple(self._sentences(text))

    def _sentences(self, text: str) -> Iterator[Sentence]:
        for paragraph in _PARAGRAPH.finditer(text):
            if not paragraph.group().strip():
                continue
            base = paragraph.start()
            for raw in self._somajo.tokenize_text([paragraph.group()]):
                spans = [(base + t.character_offset[0], base + t.character_offset[1]) for t in raw]
                spans = [(s, e) for s, e in spans if e > s]
                if spans:
                    yield self._sentence(text, spans)

    def _sentence(self, text: str, spans: Sequence[tuple[int, int]]) -> Sentence:
        words = [text[s:e] for s, e in spans]
        tags = self._tag(words)
        tokens = tuple(
            [
                Token(s, e, w, pos, lemma)
                for (s, e), w, (lemma, pos) in zip(spans, words, tags, strict=True)
            ]
        )
        start, end = spans[0][0], spans[-1][1]
        return Sentence(start, end, text[start:end], tokens)

    def _tag(self, words: list[str]) -> list[tuple[str, str]]:
        if len(words) <= _MAX_TAGGED_RUN and all(len(w) <= _MAX_TAGGED_LEN for w in words):
            return [(lemma, _stts(pos)) for _, lemma, pos in self._viterbi.tag_sent(words)]
        taggable = [i for i, w in enumerate(words) if len(w) <= _MAX_TAGGED_LEN]
        result = [(w, "XY") for w in words]
        # HanTa's Viterbi loses its back-pointers on a "sentence" of tens of thousands of
        # tokens (text without punctuation): no real sentence is that long, so tag in pieces.
        for first in range(0, len(taggable), _MAX_TAGGED_RUN):
            piece = taggable[first : first + _MAX_TAGGED_RUN]
            tagged = self._viterbi.tag_sent([words[i] for i in piece])
            for i, (_, lemma, pos) in zip(piece, tagged, strict=True):
                result[i] = (lemma, _stts(pos))
        return result


@functools.cache
def _stts(pos: str) -> str:
    """HanTa's tag as STTS writes it: VA(FIN) -> VAFIN (one entry per tag of its tag set)."""
    return pos.replace("(", "").replace(")", "")


# Parts of speech that carry what a sentence is about: nouns, names, verbs, adjectives, numbers.
_CONTENT_POS = ("NN", "NE", "VV", "ADJ", "CARD", "FM")


# A character for which `str.isalnum()` holds: `re`'s \w is exactly isalnum() or "_".
_ALNUM = re.compile(r"[^\W_]")


def token_lemmas(tokens: Sequence[Token]) -> list[str | None]:
    """Per token, its content lemma (as `content_lemmas` gives it) or None: the story stages ask
    for every sentence of a story several times, so this is one comprehension, and a token whose
    text `str.isalnum()` needs no search."""
    return [
        (t.text if t.pos == "NE" else t.lemma).lower()
        if t.pos.startswith(_CONTENT_POS) and (t.text.isalnum() or _ALNUM.search(t.text))
        else None
        for t in tokens
    ]


def content_lemmas(tokens: Sequence[Token]) -> list[str]:
    """Lower-cased lemmas of the content words, names by their surface form (HanTa mangles them)."""
    return [
        (t.text if t.pos == "NE" else t.lemma).lower()
        for t in tokens
        if t.pos.startswith(_CONTENT_POS) and (t.text.isalnum() or _ALNUM.search(t.text))
    ]
