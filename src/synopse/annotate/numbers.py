"""German numbers as written: digits with German separators, number words, magnitudes.

`parse_digits("1.500") == 1500`, `parse_digits("2,5") == 2.5`; `parse_number_word("dreiundzwanzig")
== 23`, `"eineinhalb" -> 1.5`, `"dreiviertel" -> 0.75`, `"zweihundertfünfzigtausend" -> 250000`.
Forms of the article "ein" are *not* number words here: whether "eine Stunde" means one hour
depends on the word that follows, which the caller decides (see `ARTICLE_ONE`).

Both parsers answer None for "not a number" -- that is an answer, not a failure.
"""

from __future__ import annotations

import re

_UNITS = {
    "eins": 1,
    "ein": 1,
    "zwei": 2,
    "drei": 3,
    "vier": 4,
    "fünf": 5,
    "sechs": 6,
    "sieben": 7,
    "acht": 8,
    "neun": 9,
}
_TEENS = {
    "zehn": 10,
    "elf": 11,
    "zwölf": 12,
    "dreizehn": 13,
    "vierzehn": 14,
    "fünfzehn": 15,
    "sechzehn": 16,
    "siebzehn": 17,
    "achtzehn": 18,
    "neunzehn": 19,
}
_TENS = {
    "zwanzig": 20,
    "dreißig": 30,
    "dreissig": 30,
    "vierzig": 40,
    "fünfzig": 50,
    "sechzig": 60,
    "siebzig": 70,
    "achtzig": 80,
    "neunzig": 90,
}
# Standalone "ein" is the article; it only counts inside compounds ("einundzwanzig").
_STANDALONE_EXCLUDED = frozenset({"ein"})

# Forms of "ein" that mean 1 when a unit follows ("einer Stunde", "ein Dutzend").
ARTICLE_ONE = frozenset({"ein", "eine", "einer", "einem", "einen", "eines"})

# Multiplying words after a number: "3,5 Mrd.", "zwei Millionen", "ein Dutzend".
MAGNITUDES = {
    "dutzend": 12.0,
    "hundert": 100.0,
    "tausend": 1e3,
    "tsd.": 1e3,
    "tsd": 1e3,
    "million": 1e6,
    "millionen": 1e6,
    "mio.": 1e6,
    "mio": 1e6,
    "milliarde": 1e9,
    "milliarden": 1e9,
    "mrd.": 1e9,
    "mrd": 1e9,
    "billion": 1e12,  # German Billion = 10^12
    "billionen": 1e12,
    "bio.": 1e12,
}

# Plural magnitudes used as a number ("Hunderte Menschen"): an interval, no exact value.
PLURAL_MAGNITUDES = {
    "dutzende": (24.0, 99.0),
    "dutzenden": (24.0, 99.0),
    "hunderte": (200.0, 999.0),
    "hunderten": (200.0, 999.0),
    "tausende": (2e3, 9999.0),
    "tausenden": (2e3, 9999.0),
    "zehntausende": (2e4, 99999.0),
    "zehntausenden": (2e4, 99999.0),
    "hunderttausende": (2e5, 999999.0),
    "hunderttausenden": (2e5, 999999.0),
    "millionen": (2e6, 999e6),
    "milliarden": (2e9, 999e9),
}

# Fractions written as one word; "eineinhalb", "zweieinhalb" are built from "einhalb".
_FRACTION_WORDS = {"anderthalb": 1.5, "dreiviertel": 0.75}
_GERMAN_DIGITS = re.compile(r"\d{1,3}(?:\.\d{3})+(?:,\d+)?|\d+(?:,\d+)?")
_HALF_SUFFIX = "einhalb"


def parse_digits(token: str) -> float | None:
    """The value of a digit string in German notation, or None if it is not one.

    "1.500" is fifteen hundred, "2,5" two and a half. "14.35" (a time) and "12.02" are not
    numbers in German notation and give None.
    """
    if not _GERMAN_DIGITS.fullmatch(token):
        return None
    return float(token.replace(".", "").replace(",", "."))


def parse_number_word(word: str) -> float | None:
    """The value of a German number word ("zwölf", "dreiundzwanzig", "anderthalb"), else None."""
    lowered = word.lower()
    if lowered in _STANDALONE_EXCLUDED:
        return None
    if lowered in _FRACTION_WORDS:
        return _FRACTION_WORDS[lowered]
    if lowered.endswith(_HALF_SUFFIX) and len(lowered) > len(_HALF_SUFFIX):
        whole = _compound(lowered[: -len(_HALF_SUFFIX)])
        return None if whole is None else whole + 0.5
    value = _compound(lowered)
    return None if value is None else float(value)


def _compound(word: str) -> int | None:
    """Cardinal compounds below a million: [[n]hundert][n und][tens] with an optional tausend."""
    if not word:
        return None
    head, sep, tail = word.partition("tausend")
    if sep:
        thousands = _below_thousand(head) if head else 1
        rest = _below_thousand(tail) if tail else 0
        return None if thousands is None or rest is None else thousands * 1000 + rest
    return _below_thousand(word)


def _below_thousand(word: str) -> int | None:
    head, sep, tail = word.partition("hundert")
    if not sep:
        return _below_hundred(word)
    hundreds = _UNITS.get(head) if head else 1
    rest = _below_hundred(tail) if tail else 0
    return None if hundreds is None or rest is None else hundreds * 100 + rest


def _below_hundred(word: str) -> int | None:
    for table in (_UNITS, _TEENS, _TENS):
        if word in table:
            return table[word]
    unit, sep, tens = word.partition("und")
    if sep and unit in _UNITS and tens in _TENS:
        return _UNITS[unit] + _TENS[tens]
    return None
