"""The content lemmas of tokens, as `synopse.annotate.tokens.content_lemmas` gives them, at the
speed the story stages need: they ask for every sentence of a story several times (alignment,
statements, figures, clustering). Same rule, without a generator per token: a token whose text
`str.isalnum()` needs no look at its characters, and `_ALNUM` finds a letter or digit in C.
tests/compare/test_lemmas.py holds this copy to the original.
"""

from __future__ import annotations

import re
from collections.abc import Sequence

from synopse.model import Token

# Parts of speech that carry what a sentence is about: nouns, names, verbs, adjectives, numbers.
CONTENT_POS = ("NN", "NE", "VV", "ADJ", "CARD", "FM")
# A letter or digit: in Unicode mode re's \w is exactly str.isalnum() plus "_" (CPython's sre).
_ALNUM = re.compile(r"[^\W_]")


def token_lemmas(tokens: Sequence[Token]) -> list[str | None]:
    """Per token, its content lemma (lower case; a name by its surface form) or None."""
    return [
        (t.text if t.pos == "NE" else t.lemma).lower()
        if t.pos.startswith(CONTENT_POS) and (t.text.isalnum() or _ALNUM.search(t.text))
        else None
        for t in tokens
    ]


def content_lemmas(tokens: Sequence[Token]) -> list[str]:
    """Lower-cased lemmas of the content words, names by their surface form."""
    return [
        (t.text if t.pos == "NE" else t.lemma).lower()
        for t in tokens
        if t.pos.startswith(CONTENT_POS) and (t.text.isalnum() or _ALNUM.search(t.text))
    ]
