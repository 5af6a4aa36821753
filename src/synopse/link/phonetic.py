"""String keys for telling name variants apart: Kölner Phonetik, edit distance, and a key that
folds German and English transliterations of Slavic names onto one spelling.

Kölner Phonetik (Postel 1969) codes a German word by its sounds: "Vogel" and "Fogel" both code
"345", "Selinsky" and "Selenskyj" both "85684". The transliteration key turns "Selenskyj",
"Zelenskyy", "Selenski" and "Zelensky" into "selenski", "Peskow"/"Peskov" into "peskov",
"Gorbatschow"/"Gorbachev" into "gorbachov".
"""

from __future__ import annotations

import re
import unicodedata

# Letters whose code never depends on their neighbours.
_PLAIN_CODES = {
    **dict.fromkeys("aeijouyäöü", "0"),
    "b": "1",
    **dict.fromkeys("fvw", "3"),
    **dict.fromkeys("gkq", "4"),
    "l": "5",
    **dict.fromkeys("mn", "6"),
    "r": "7",
    **dict.fromkeys("szß", "8"),
}
_C_HARD_AT_START = frozenset("ahkloqrux")
_C_HARD_INSIDE = frozenset("ahkoqux")
_SIBILANTS = frozenset("csz")
_FOLDED = {"ä": "ae", "ö": "oe", "ü": "ue", "ß": "ss"}
# Applied in order to a lower-case name: German spellings first, then the English ones, so both
# meet in one form. Each rule is (written, folded).
_TRANSLITERATIONS = (
    ("schtsch", "shch"),
    ("tsch", "ch"),
    ("tch", "ch"),
    ("sch", "sh"),
    ("zh", "sh"),
    ("kh", "ch"),
    ("ck", "k"),
    ("ph", "f"),
    ("ts", "z"),
    ("z", "s"),
    ("w", "v"),
    ("j", "y"),
)
_HARD_C = re.compile(r"c(?!h)")
# Word endings that German and English write differently for the same Russian/Ukrainian sound.
_ENDINGS = (
    ("yy", "i"), ("iy", "i"), ("yi", "i"), ("ii", "i"), ("y", "i"),
    ("ey", "ei"), ("eff", "ov"), ("off", "ov"), ("ev", "ov"),
)  # fmt: skip


def koelner_phonetik(word: str) -> str:
    """The Kölner Phonetik code of `word` ("Müller-Lüdenscheidt" -> "65752682")."""
    letters = [c for c in word.lower() if c.isalpha()]
    digits = _without_doubles("".join(_code(letters, i) for i in range(len(letters))))
    return digits[:1] + digits[1:].replace("0", "")


def _code(letters: list[str], i: int) -> str:
    letter = letters[i]
    before = letters[i - 1] if i > 0 else ""
    after = letters[i + 1] if i + 1 < len(letters) else ""
    if letter in _PLAIN_CODES:
        return _PLAIN_CODES[letter]
    if letter == "p":
        return "3" if after == "h" else "1"
    if letter in "dt":
        return "8" if after in _SIBILANTS else "2"
    if letter == "c":
        return _c_code(before, after, at_start=i == 0)
    if letter == "x":
        return "8" if before in ("c", "k", "q") else "48"
    return ""  # 'h' and letters outside the German alphabet carry no code


def _c_code(before: str, after: str, *, at_start: bool) -> str:
    if at_start:
        return "4" if after in _C_HARD_AT_START else "8"
    if before in ("s", "z"):
        return "8"
    return "4" if after in _C_HARD_INSIDE else "8"


def edit_distance(a: str, b: str) -> int:
    """Optimal-string-alignment distance: insertions, deletions, substitutions, swaps."""
    previous2: list[int] = []
    previous = list(range(len(b) + 1))
    for i, ca in enumerate(a, 1):
        current = [i] + [0] * len(b)
        for j, cb in enumerate(b, 1):
            current[j] = min(previous[j] + 1, current[j - 1] + 1, previous[j - 1] + (ca != cb))
            if i > 1 and j > 1 and ca == b[j - 2] and a[i - 2] == cb:
                current[j] = min(current[j], previous2[j - 2] + 1)
        previous2, previous = previous, current
    return previous[-1]


def transliteration_key(name: str) -> str:
    """One spelling for German and English renderings of a name ("Zelenskyy" -> "selenski")."""
    return " ".join(_word_key(word) for word in name.split())


def _word_key(word: str) -> str:
    text = "".join(_FOLDED.get(c, c) for c in word.lower())
    text = "".join(c for c in unicodedata.normalize("NFKD", text) if c.isalnum())
    for written, folded in _TRANSLITERATIONS:
        text = text.replace(written, folded)
    text = _HARD_C.sub("k", text)  # "Marc"/"Mark", "Victor"/"Viktor"
    text = _without_doubles(text)
    for written, folded in _ENDINGS:
        if text.endswith(written) and len(text) > len(written) + 2:
            return text[: -len(written)] + folded
    return text


def _without_doubles(text: str) -> str:
    return "".join(c for i, c in enumerate(text) if i == 0 or text[i - 1] != c)


def starts_alike(a: str, b: str) -> bool:
    """Whether two words begin with the same letter or the same sound ("Vogel", "Fogel")."""
    if not a or not b:
        return False
    return a[0].lower() == b[0].lower() or koelner_phonetik(a[0]) == koelner_phonetik(b[0]) != ""
