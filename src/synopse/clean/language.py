"""A small language guess from function words, enough to flag articles that are not German.

Approximate by design (issue 3 brings lingua restricted to configured languages). Returns an
ISO 639-1 code, or "und" when no language has enough evidence.
"""

from __future__ import annotations

import re

_WORD = re.compile(r"[^\W\d_]+")
_FUNCTION_WORDS = {
    lang: frozenset(words.split())
    for lang, words in {
        "de": "der die das und ist nicht mit sich auf für dem den des ein eine zu von im",
        "en": "the and is are not with for on of to in a an that this was by",
        "fr": "le la les et est pas avec pour sur des une un du dans que qui par",
        "es": "el la los las y es no con para por del una un en que se",
        "it": "il la le e è non con per di del una un che in si gli",
        "nl": "de het een en is niet met voor op van te dat die in zijn",
    }.items()
}
_MIN_HITS = 3


def detect_language(text: str) -> str:
    words = [w.lower() for w in _WORD.findall(text[:5000])]
    scores = {lang: sum(w in vocab for w in words) for lang, vocab in _FUNCTION_WORDS.items()}
    best = max(scores, key=lambda lang: scores[lang])
    return best if scores[best] >= _MIN_HITS else "und"
