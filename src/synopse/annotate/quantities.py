"""Quantities in German news text: numbers with what they measure or count, as comparable intervals.

A quantity is an optional qualifier, a number (digits in German notation, a number word, a range,
a plural magnitude such as "Hunderte"), an optional magnitude ("Mio.", "Milliarden") and then a
unit from `_UNITS` or the noun it counts. A number with neither unit nor noun ("Platz 3") is not
reported, nor are years (2022), dates (12. Februar), times (14:35 Uhr, 14 Uhr) or ordinals (3.).

Units and `normalized` (value converted to the unit):
    Sekunden, Minuten, Stunden -> "minute"   (Stunde = 60)
    Tage, Wochen               -> "day"      (Woche = 7)
    Monate, Jahre, Jahrzehnte  -> "year"     (Monat = 1/12); "14-Jährige" -> "year", counted "Alter"
    Euro/€, Dollar/$, ...      -> "EUR", "USD", ... (amount with magnitude applied)
    %, Prozent                 -> "percent"; Prozentpunkte -> "percentage point"
    km, Kilometer, Meter, cm   -> "m";  km/h -> "km/h";  Tonnen, kg -> "kg"
    person nouns (Tote, Verletzte, Einsatzkräfte, ...) and plural demonyms (Israelis, Italienern,
    from data/quantity_demonyms.txt)    -> "person", counted = the noun's lemma
    any other noun             -> None, counted = the noun's lemma
`value` is the number as written with its magnitude ("3,5 Mrd. Euro" -> 3.5e9, "drei Stunden"
-> 3); ranges ("zwei bis drei", "zwischen 10 und 15") and plural magnitudes have value None and
an interval.

Intervals `low`/`high`, in the normalised unit, for a value v (or a range a..b):
    exact                                   [a, b]
    etwa, rund, circa, ca., ungefähr, ...   [0.9a, 1.1b]
    fast, beinahe, knapp, nahezu            [0.85a, b]
    über, mehr als                          [a, 1.5b]
    gut                                     [a, 1.2b]
    unter, weniger als                      [0.5a, b]
    bis zu, höchstens, maximal              [0, b]
    mindestens, wenigstens                  [a, None]   (None: open upper bound)
    Hunderte, Tausende, ...                 [200, 999], [2000, 9999], ... and value None
So "über eine Stunde" [60, 90] and "eineinhalb Stunden" [90, 90] are compatible, while
"etwa eine Stunde" [54, 66] and "fast 90 Minuten" [76.5, 90] are not.

"minus 70 Grad" is -70 (the interval is mirrored, so low <= high still holds). Fractions after
the article: "ein halbes Jahr" 0.5, "eine dreiviertel Stunde" 0.75. Not quantities: the idioms
"eines Tages", "eines Abends" (some day) -- genitive "eines" + time unit counts only after
"innerhalb", "binnen" and the like -- and "unter" after a noun before a count of people, which is
the preposition "among" ("eine Umfrage unter 1.500 Befragten": 1.500 Befragte, no qualifier).
"""

from __future__ import annotations

import functools
import re
from collections.abc import Iterator, Sequence
from dataclasses import dataclass
from importlib import resources

from synopse.annotate.numbers import (
    ARTICLE_ONE,
    MAGNITUDES,
    PLURAL_MAGNITUDES,
    parse_digits,
    parse_number_word,
)
from synopse.errors import ConfigError
from synopse.model import Quantity, Sentence, Token


def _word_list(name: str) -> frozenset[str]:
    """Lower-case entries of `annotate/data/<name>`, one per line; `#` starts a comment line."""
    try:
        raw = resources.files("synopse.annotate").joinpath("data", name).read_text("utf-8")
    except (FileNotFoundError, UnicodeDecodeError) as error:
        raise ConfigError(f"annotate/data/{name}: cannot read word list ({error})") from error
    lines = (line.strip().lower() for line in raw.splitlines())
    return frozenset(line for line in lines if line and not line.startswith("#"))


# surface form (lower case) -> (normalised unit, factor to that unit)
_UNITS: dict[str, tuple[str, float]] = {
    **dict.fromkeys(("sekunde", "sekunden", "sek."), ("minute", 1 / 60)),
    **dict.fromkeys(("minute", "minuten", "min."), ("minute", 1.0)),
    **dict.fromkeys(("stunde", "stunden", "std."), ("minute", 60.0)),
    **dict.fromkeys(("tag", "tage", "tagen", "tages"), ("day", 1.0)),
    **dict.fromkeys(("woche", "wochen"), ("day", 7.0)),
    **dict.fromkeys(("monat", "monate", "monaten", "monats"), ("year", 1 / 12)),
    **dict.fromkeys(("jahr", "jahre", "jahren", "jahres"), ("year", 1.0)),
    **dict.fromkeys(("jahrzehnt", "jahrzehnte", "jahrzehnten"), ("year", 10.0)),
    **dict.fromkeys(("euro", "€", "eur"), ("EUR", 1.0)),
    **dict.fromkeys(("dollar", "us-dollar", "$", "usd", "us$"), ("USD", 1.0)),
    **dict.fromkeys(("pfund", "britische pfund"), ("GBP", 1.0)),
    **dict.fromkeys(("franken", "chf"), ("CHF", 1.0)),
    **dict.fromkeys(("rubel",), ("RUB", 1.0)),
    **dict.fromkeys(("yen",), ("JPY", 1.0)),
    **dict.fromkeys(("%", "prozent"), ("percent", 1.0)),
    **dict.fromkeys(("prozentpunkte", "prozentpunkten", "prozentpunkt"), ("percentage point", 1.0)),
    **dict.fromkeys(("km/h", "stundenkilometer", "stundenkilometern"), ("km/h", 1.0)),
    **dict.fromkeys(("km", "kilometer", "kilometern"), ("m", 1000.0)),
    **dict.fromkeys(("m", "meter", "metern"), ("m", 1.0)),
    **dict.fromkeys(("cm", "zentimeter", "zentimetern"), ("m", 0.01)),
    **dict.fromkeys(("kg", "kilogramm", "kilo"), ("kg", 1.0)),
    **dict.fromkeys(("t", "tonne", "tonnen"), ("kg", 1000.0)),
    **dict.fromkeys(("grad",), ("degree", 1.0)),
}
_PREFIX_CURRENCIES = frozenset({"€", "$", "us$"})
# "14-Jährige", "zweistündige", "90-minütigen": number + duration adjective in one word
_DURATION_ADJECTIVE = re.compile(
    r"(?P<number>\d+(?:,\d+)?|[^\W\d_]+?)-?"
    r"(?P<suffix>jährig|monatig|wöchig|tägig|stündig|minütig|sekündig)(?:e|er|en|em|es)?",
    re.IGNORECASE,
)
_SUFFIX_UNITS = {
    "jährig": ("year", 1.0),
    "monatig": ("year", 1 / 12),
    "wöchig": ("day", 7.0),
    "tägig": ("day", 1.0),
    "stündig": ("minute", 60.0),
    "minütig": ("minute", 1.0),
    "sekündig": ("minute", 1 / 60),
}
_GLUED_UNIT = re.compile(r"(?P<number>[\d.,]+?)(?P<unit>%|€|\$|km|kg|cm|m)")
# Nouns for people end in one of these (so "Polizeibeamte", "Todesopfer" count too).
_PERSON_ENDINGS = (
    "mensch", "menschen", "person", "personen", "tote", "toten", "verletzte", "verletzten",
    "soldat", "soldaten", "kräfte", "kräften", "leute", "leuten", "polizist", "polizisten",
    "einwohner", "einwohnern", "bewohner", "bewohnern", "opfer", "opfern", "kind", "kinder",
    "kindern", "frau", "frauen", "männer", "männern", "zivilisten", "demonstranten",
    "teilnehmer", "teilnehmern", "besucher", "besuchern", "zuschauer", "zuschauern",
    "mitarbeiter", "mitarbeitern", "beschäftigte", "beschäftigten", "passagiere", "passagieren",
    "flüchtlinge", "flüchtlingen", "migranten", "schüler", "schülern", "studenten",
    "abgeordnete", "abgeordneten", "insassen", "geiseln", "gefangene", "gefangenen",
    "verdächtige", "verdächtigen", "beamte", "beamten", "helfer", "helfern", "vermisste",
    "vermissten", "arbeiter", "arbeitern", "bürger", "bürgern", "wähler", "wählern",
    "angestellte", "angestellten", "patienten", "häftlinge", "häftlingen", "kämpfer", "kämpfern",
    "spieler", "spielern", "fans", "mitglieder", "mitgliedern", "journalisten", "ärzte", "ärzten",
    "sanitäter", "retter", "rettern", "erwachsene", "erwachsenen", "jugendliche", "jugendlichen",
    "festgenommene", "festgenommenen", "todesopfer", "reservisten", "befragte", "befragten",
    "angeklagte", "angeklagten", "chef", "chefs", "anwohner", "anwohnern", "urlauber",
    "touristen", "pilger", "gläubige", "gläubigen", "politiker", "politikern", "aktivisten",
    "terroristen", "extremisten", "islamisten", "astronauten", "professoren", "experten",
    "richter", "minister", "ministern", "präsidenten", "diplomaten", "anhänger", "anhängern",
    "athleten", "sportler", "sportlern", "priester", "lehrer", "lehrern", "ärztinnen",
    "gäste", "gästen", "arbeitslose", "arbeitslosen", "berechtigte", "berechtigten", "bewerber",
    "bewerbern", "rentner", "rentnern", "kandidaten", "senioren",
)  # fmt: skip
_DEMONYMS = _word_list("quantity_demonyms.txt")
_PERSON_EXCLUDED = frozenset({"vertrauen", "kindergarten"})
_QUALIFIERS: dict[tuple[str, ...], str] = {
    **dict.fromkeys(
        [
            ("etwa",),
            ("rund",),
            ("circa",),
            ("ca.",),
            ("zirka",),
            ("ungefähr",),
            ("schätzungsweise",),
        ],
        "approx",
    ),
    **dict.fromkeys([("fast",), ("beinahe",), ("knapp",), ("nahezu",)], "almost"),
    **dict.fromkeys([("über",), ("mehr", "als")], "over"),
    ("gut",): "good",
    **dict.fromkeys([("unter",), ("weniger", "als")], "under"),
    **dict.fromkeys([("bis", "zu"), ("höchstens",), ("maximal",)], "upto"),
    **dict.fromkeys([("mindestens",), ("wenigstens",)], "atleast"),
    ("zwischen",): "between",
}
# After the article: "ein halbes Jahr", "einer halben Stunde", "eine dreiviertel Stunde".
_ARTICLE_FRACTIONS = {"halbe": 0.5, "halben": 0.5, "halbes": 0.5, "dreiviertel": 0.75}
# Genitive "eines Tages" is the idiom "some day" unless a preposition asks for a duration.
_GENITIVE_ONE = "eines"
_GENITIVE_DURATION_WORDS = frozenset(
    {"innerhalb", "binnen", "während", "laufe", "außerhalb", "statt", "anstelle"}
)
_NEGATIVE_SIGN = "minus"
_VAGUE_DETERMINERS = frozenset(
    {"einige", "einigen", "mehrere", "mehreren", "paar", "viele", "vielen"}
)
_VAGUE_PLURALS = {"hundert": "hunderte", "tausend": "tausende", "dutzend": "dutzende"}
_TIME_POINT_ADVERBS = frozenset({"fast", "genau", "knapp", "gut", "etwa", "rund", "ziemlich"})
_DURATION_UNITS = frozenset({"minute", "day", "year"})
_RANGE_WORDS = frozenset({"bis", "-", "–"})
_ADJECTIVE_TAGS = frozenset({"ADJA", "ADJD"})
_MAX_ADJECTIVES = 3
_YEAR_CONTEXT = frozenset({"im", "jahr", "jahres", "seit", "bis", "von", "ab", "vor", "nach", "in"})
_TIME_NOUNS = frozenset({"uhr"})
_FALLBACK_TOKEN = re.compile(r"\d+(?:[.,:]\d+)*|\w+(?:-\w+)*\.?|\S")


@dataclass(frozen=True, slots=True)
class _Number:
    value: float | None  # None for plural magnitudes ("Hunderte")
    low: float
    high: float
    end: int  # index of the token after the number
    needs_unit: bool = False  # "eine" is only 1 when a unit follows
    year_like: bool = False  # 1900-2099 written as four digits
    unit: tuple[str, float] | None = None  # glued or built-in unit ("5%", "14-Jährige")
    counted: str | None = None


def find_quantities(text: str, sentences: Sequence[Sentence]) -> tuple[Quantity, ...]:
    """All quantities in `text`, in text order; offsets index `text`."""
    found: list[Quantity] = []
    for tokens in _token_runs(text, sentences):
        found.extend(_scan(text, tokens))
    return tuple(found)


def _token_runs(text: str, sentences: Sequence[Sentence]) -> Iterator[tuple[Token, ...]]:
    """Tagged tokens per sentence; plain regex tokens (no tags) where none were given."""
    spans = [(s.start, s.end, s.tokens) for s in sentences] or [(0, len(text), ())]
    for start, end, tokens in spans:
        if tokens:
            yield tokens
        else:
            yield tuple(
                Token(start + m.start(), start + m.end(), m.group(), "", m.group())
                for m in _FALLBACK_TOKEN.finditer(text[start:end])
            )


def _scan(text: str, tokens: tuple[Token, ...]) -> Iterator[Quantity]:
    # A quantity's number comes at most `_MAX_LEAD` tokens after its start (a two-word
    # qualifier, "minus", a currency sign): positions with no number that close are skipped.
    near = [False] * len(tokens)
    last = len(tokens) + _MAX_LEAD
    for k in range(len(tokens) - 1, -1, -1):
        if _opens_number(tokens[k].text):
            last = k
        near[k] = last - k <= _MAX_LEAD
    i = 0
    while i < len(tokens):
        if not near[i]:
            i += 1
            continue
        parsed = _quantity_at(text, tokens, i)
        if parsed is None:
            i += 1
            continue
        quantity, i = parsed
        yield quantity


def _quantity_at(text: str, tokens: tuple[Token, ...], i: int) -> tuple[Quantity, int] | None:
    kind, j = _qualifier(tokens, i)
    qualifier = text[tokens[i].start : tokens[j - 1].end].lower() if kind else None
    # "plus/minus 13,5 Meter" is a tolerance, not a value below zero
    negative = _lower(tokens, j) == _NEGATIVE_SIGN and _lower(tokens, j - 1) not in {"/", "plus"}
    j += negative
    prefix_unit = _UNITS.get(_lower(tokens, j)) if _lower(tokens, j) in _PREFIX_CURRENCIES else None
    j += prefix_unit is not None
    number = _number(tokens, j)
    if number is None:
        return None
    number = _with_range(tokens, _vague_multiple(tokens, j, number), kind)
    if kind == "between" and number.value is not None:
        return None  # "zwischen" without a range is a preposition ("zwischen 2 Parteien")
    number = _with_magnitude(tokens, number)
    unit, counted, end = _unit_or_noun(tokens, number, prefix_unit)
    if _rejected(tokens, i, j, kind, number, unit, counted):
        return None
    quantity = _build(text, tokens[i].start, tokens[end - 1].end, number, unit, counted)
    quantity = _negated(quantity) if negative else quantity
    return _qualified(quantity, kind, qualifier), end


def _rejected(
    tokens: tuple[Token, ...],
    i: int,
    j: int,
    kind: str | None,
    number: _Number,
    unit: tuple[str, float] | None,
    counted: str | None,
) -> bool:
    if not _acceptable(tokens, j, number, unit, counted) or _is_time_point(tokens, i, unit):
        return True
    if _is_idiom(tokens, j, unit):
        return True
    # "eine Umfrage unter 1.500 Befragten": "unter" is "among"; the scan retries without it.
    among = kind == "under" and _lower(tokens, i) == "unter" and i > 0 and _is_noun(tokens[i - 1])
    return among and unit is not None and unit[0] == "person"


def _is_idiom(tokens: tuple[Token, ...], j: int, unit: tuple[str, float] | None) -> bool:
    """ "eines Tages", "eines Jahres" without "innerhalb"/"binnen" before it mean "some day"."""
    if _lower(tokens, j) != _GENITIVE_ONE or unit is None or unit[0] not in _DURATION_UNITS:
        return False
    return _lower(tokens, j - 1) not in _GENITIVE_DURATION_WORDS


def _qualifier(tokens: tuple[Token, ...], i: int) -> tuple[str | None, int]:
    for length in (2, 1):
        words = tuple(_lower(tokens, k) for k in range(i, i + length))
        if words in _QUALIFIERS:
            return _QUALIFIERS[words], i + length
    return None, i


_MAX_LEAD = 4  # tokens before the number: two of a qualifier, "minus", a currency sign


@functools.lru_cache(maxsize=100_000)
def _opens_number(word: str) -> bool:
    """Whether `_number` finds a number at a token `word` (it reads only the word there)."""
    return _number((Token(0, len(word), word, "", word),), 0) is not None


def _number(tokens: tuple[Token, ...], j: int) -> _Number | None:
    if j >= len(tokens):
        return None
    word = tokens[j].text
    lowered = word.lower()
    digits = parse_digits(word)
    if digits is not None:
        year_like = len(word) == 4 and 1900 <= digits <= 2099
        return _Number(digits, digits, digits, j + 1, year_like=year_like)
    if lowered in PLURAL_MAGNITUDES:
        low, high = PLURAL_MAGNITUDES[lowered]
        return _Number(None, low, high, j + 1)
    if lowered in ARTICLE_ONE:
        fraction = _ARTICLE_FRACTIONS.get(_lower(tokens, j + 1))
        value = fraction or 1.0
        return _Number(value, value, value, j + 1 + (fraction is not None), needs_unit=True)
    return _word_number(tokens, j)


def _word_number(tokens: tuple[Token, ...], j: int) -> _Number | None:
    word = tokens[j].text
    value = parse_number_word(word)
    if value is not None:
        return _Number(value, value, value, j + 1)
    glued = _GLUED_UNIT.fullmatch(word)
    if glued and (number := parse_digits(glued["number"])) is not None:
        return _Number(number, number, number, j + 1, unit=_UNITS[glued["unit"].lower()])
    adjective = _DURATION_ADJECTIVE.fullmatch(word)
    if adjective is None:
        return None
    number = parse_digits(adjective["number"]) or parse_number_word(adjective["number"])
    if number is None:
        return None
    suffix = adjective["suffix"].lower()
    is_age = suffix == "jährig" and not word[0].islower()  # "14-Jährige", "Dreijährige"
    return _Number(number, number, number, j + 1, unit=_SUFFIX_UNITS[suffix],
                   counted="Alter" if is_age else None)  # fmt: skip


def _vague_multiple(tokens: tuple[Token, ...], j: int, number: _Number) -> _Number:
    """ "einige hundert", "mehrere tausend": the plural magnitude's interval, not 100."""
    plural = _VAGUE_PLURALS.get(_lower(tokens, j))
    if plural is None or _lower(tokens, j - 1) not in _VAGUE_DETERMINERS:
        return number
    low, high = PLURAL_MAGNITUDES[plural]
    return _Number(None, low, high, number.end)


def _with_range(tokens: tuple[Token, ...], number: _Number, kind: str | None) -> _Number:
    joiner = _lower(tokens, number.end)
    if number.value is None or number.unit is not None:
        return number
    if joiner in _RANGE_WORDS or (kind == "between" and joiner == "und"):
        upper = _number(tokens, number.end + 1)
        if upper is not None and upper.value is not None and upper.value > number.value:
            return _Number(None, number.low, upper.high, upper.end, year_like=number.year_like,
                           unit=upper.unit, counted=upper.counted)  # fmt: skip
    return number


def _with_magnitude(tokens: tuple[Token, ...], number: _Number) -> _Number:
    factor = MAGNITUDES.get(_lower(tokens, number.end))
    if factor is None or number.unit is not None:
        return number
    value = None if number.value is None else number.value * factor
    low, high = number.low * factor, number.high * factor
    return _Number(value, low, high, number.end + 1, year_like=False)


def _unit_or_noun(
    tokens: tuple[Token, ...], number: _Number, prefix_unit: tuple[str, float] | None
) -> tuple[tuple[str, float] | None, str | None, int]:
    """The unit (and factor) or counted noun after the number, and the index after it."""
    if number.unit is not None:
        return number.unit, number.counted, number.end
    following = _lower(tokens, number.end)
    unit = _UNITS.get(following) or _UNITS.get(following.rstrip("."))
    if unit is not None and (prefix_unit is None or unit == prefix_unit):
        return unit, None, number.end + 1
    if prefix_unit is not None:
        return prefix_unit, None, number.end
    return _counted_noun(tokens, number.end)


def _counted_noun(
    tokens: tuple[Token, ...], k: int
) -> tuple[tuple[str, float] | None, str | None, int]:
    for index in range(k, min(k + _MAX_ADJECTIVES + 1, len(tokens))):
        token = tokens[index]
        if _is_person(token.text):
            return ("person", 1.0), _lemma(token), index + 1
        if _is_noun(token):
            return None, _lemma(token), index + 1
        if token.pos not in _ADJECTIVE_TAGS:
            break
    return None, None, k


def _acceptable(
    tokens: tuple[Token, ...],
    j: int,
    number: _Number,
    unit: tuple[str, float] | None,
    counted: str | None,
) -> bool:
    """Reject numbers that measure nothing, and years, ordinals and times of day."""
    if unit is None and counted is None:
        return False
    if counted is not None and counted.lower() in _TIME_NOUNS:
        return False
    if number.needs_unit and (unit is None or unit[0] == "person"):
        return False
    return not (number.year_like and (unit is None or _lower(tokens, j - 1) in _YEAR_CONTEXT))


def _is_time_point(tokens: tuple[Token, ...], i: int, unit: tuple[str, float] | None) -> bool:
    """ "vor (fast genau) drei Jahren" is a date (see times.py), not a duration."""
    if unit is None or unit[0] not in _DURATION_UNITS:
        return False
    k = i - 1
    while _lower(tokens, k) in _TIME_POINT_ADVERBS:
        k -= 1
    return _lower(tokens, k) == "vor"


def _build(
    text: str,
    start: int,
    end: int,
    number: _Number,
    unit: tuple[str, float] | None,
    counted: str | None,
) -> Quantity:
    name, factor = unit if unit is not None else (None, 1.0)
    normalized = None if number.value is None else number.value * factor
    return Quantity(
        start, end, text[start:end], number.value, name, None,
        low=number.low * factor, high=number.high * factor,
        normalized=normalized, counted=counted,
    )  # fmt: skip


def _negated(quantity: Quantity) -> Quantity:
    """ "minus 70 Grad": the value below zero, the interval mirrored so that low <= high."""

    def minus(value: float | None) -> float | None:
        return None if value is None else -value

    return Quantity(
        quantity.start, quantity.end, quantity.text, minus(quantity.value), quantity.unit,
        quantity.qualifier, low=minus(quantity.high), high=minus(quantity.low),
        normalized=minus(quantity.normalized), counted=quantity.counted,
    )  # fmt: skip


def _qualified(quantity: Quantity, kind: str | None, qualifier: str | None) -> Quantity:
    low, high = quantity.low or 0.0, quantity.high or 0.0
    intervals: dict[str | None, tuple[float, float | None]] = {
        None: (low, high),
        "between": (low, high),
        "approx": (0.9 * low, 1.1 * high),
        "almost": (0.85 * low, high),
        "over": (low, 1.5 * high),
        "good": (low, 1.2 * high),
        "under": (0.5 * low, high),
        "upto": (0.0, high),
        "atleast": (low, None),
    }
    new_low, new_high = intervals[kind]
    if new_high is not None and new_high < new_low:  # a negative value scales the other way
        new_low, new_high = new_high, new_low
    return Quantity(
        quantity.start, quantity.end, quantity.text, quantity.value, quantity.unit, qualifier,
        low=_rounded(new_low), high=None if new_high is None else _rounded(new_high),
        normalized=quantity.normalized, counted=quantity.counted,
    )  # fmt: skip


def _rounded(value: float) -> float:
    """Round away float noise (0.9 * 60 = 54.00000000000001) so intervals compare cleanly."""
    return round(value, 6)


def _is_person(word: str) -> bool:
    lowered = word.lower()
    if lowered in _PERSON_EXCLUDED:
        return False
    last_part = lowered.rsplit("-", 1)[-1]  # "US-Amerikaner"
    if last_part in _DEMONYMS or (last_part.endswith("n") and last_part[:-1] in _DEMONYMS):
        return True
    return lowered.endswith(_PERSON_ENDINGS)


def _is_noun(token: Token) -> bool:
    if token.pos:
        return token.pos.startswith("NN")
    return token.text[:1].isupper() and token.text.isalpha()


def _lemma(token: Token) -> str:
    lemma = token.lemma if token.pos else token.text
    return lemma[:1].upper() + lemma[1:] if lemma else token.text


def _lower(tokens: tuple[Token, ...], index: int) -> str:
    return tokens[index].text.lower() if 0 <= index < len(tokens) else ""
