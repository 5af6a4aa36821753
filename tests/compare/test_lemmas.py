"""The story stages' copy of content_lemmas gives exactly what the annotator's gives."""

from __future__ import annotations

import random

import pytest

from synopse.annotate import tokens as annotate_tokens
from synopse.compare.lemmas import content_lemmas, token_lemmas
from synopse.model import Token

# Team-written word forms: plain words, names, compounds, figures, punctuation, symbols, and
# characters where "letter or digit" is subtle (superscripts, fractions, Roman numerals,
# underscores, Arabic-Indic and full-width digits, combining marks).
_TEXTS = [
    "Stadtrat", "Annegret", "Vollmar-Ziesche", "48", "120.000", "9.30", "2027", "„", "“", ",",
    ".", "–", "-", "…", "%", "€", "km²", "²", "½", "Ⅻ", "_", "__init__", "a_b", "٣", "３",
    "e\u0301", "\u0301", "", " ", "US-Präsident", "O'Neill", "#", "@stadt", "x²", "Ärger", "ß",
]  # fmt: skip
_TAGS = ["NN", "NE", "VVFIN", "VVPP", "ADJA", "ADJD", "CARD", "FM", "ART", "$.", "$(", "XY", ""]
_LEMMAS = ["Stadtrat", "annegret", "gehen", "", "48", "Ärger", "--"]


def _tokens(seed: int) -> list[Token]:
    chosen = random.Random(seed)
    result = []
    for start in range(chosen.randint(0, 30)):
        text = chosen.choice(_TEXTS)
        result.append(Token(start, start + 1, text, chosen.choice(_TAGS), chosen.choice(_LEMMAS)))
    return result


@pytest.mark.parametrize("seed", range(200))
def test_the_same_lemmas_as_the_annotator(seed: int) -> None:
    tokens = _tokens(seed)
    expected = annotate_tokens.content_lemmas(tokens)
    assert content_lemmas(tokens) == expected
    assert [w for w in token_lemmas(tokens) if w is not None] == expected


def test_every_word_form_and_tag() -> None:
    for text in _TEXTS:
        for tag in _TAGS:
            tokens = [Token(0, 1, text, tag, "Lemma")]
            assert content_lemmas(tokens) == annotate_tokens.content_lemmas(tokens), (text, tag)
