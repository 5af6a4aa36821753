"""content_lemmas and token_lemmas (fast comprehensions the story stages call for every
sentence) give exactly what the rule says: the lower-cased lemma of each token whose tag is a
content part of speech and whose text holds a letter or digit, a name by its surface form."""

from __future__ import annotations

import random

import pytest

from synopse.annotate.tokens import content_lemmas, token_lemmas
from synopse.model import Token


def _rule(tokens: list[Token]) -> list[str]:
    """The definition, written as plainly as possible."""
    words = []
    for token in tokens:
        content = token.pos.startswith(("NN", "NE", "VV", "ADJ", "CARD", "FM"))
        if content and any(c.isalnum() for c in token.text):
            words.append((token.text if token.pos == "NE" else token.lemma).lower())
    return words


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
    expected = _rule(tokens)
    assert content_lemmas(tokens) == expected
    assert [w for w in token_lemmas(tokens) if w is not None] == expected


def test_every_word_form_and_tag() -> None:
    for text in _TEXTS:
        for tag in _TAGS:
            tokens = [Token(0, 1, text, tag, "Lemma")]
            assert content_lemmas(tokens) == _rule(tokens), (text, tag)
