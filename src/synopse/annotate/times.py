"""Time expressions in German news text, resolved to (partial) ISO dates.

Expressions are found with our own patterns (dateparser's `search_dates` misreads German) and
resolved with plain date arithmetic against the publication date. The reported span leaves out a
leading preposition ("am", "im", "seit", "an") but keeps determiners and modifiers: "am Mittwoch"
-> "Mittwoch", "an diesem Freitag" -> "diesem Freitag", "vor drei Jahren" stays whole.

Values and precision:
    12.02.2025, 12. Februar 2025         "2025-02-12"  day
    12. Februar (no year)                 the year that puts the date closest to `published`
    Februar 2022, Ende März 2022          "2022-02"     month
    im März, Anfang März (no year)        the closest such month to `published`
    2014 in a date context                "2014"        year   (after im/seit/bis/von/Jahr/...,
                                                                 in "(2017 bis 2021)", or opening
                                                                 a sentence before its verb)
    die 1990er Jahre                      "199"         decade
    gestern, heute, morgen, vorgestern    published -/+ days, day
    Mittwoch, Mittwochabend               see weekdays below, day
    kommende/letzte/diese Woche           the Monday of that week, precision "week"
    vergangenen Monat, nächstes Jahr      month / year; Ende des Jahres -> the year
    vor drei Jahren / Monaten / Tagen     published minus that, at the unit's precision;
                                          vague counts ("vor wenigen Tagen") one step coarser
Weekdays: "kommenden Mittwoch" is the first Wednesday after `published`, "vergangenen Mittwoch"
the last one before it, "diesem Mittwoch" the one in the same Monday-Sunday week. A plain
"Mittwoch" is the most recent Wednesday on or before `published`, unless its sentence looks
future-oriented (a future cue such as "wird", "soll", "geplant" and no past cue such as "sagte",
"wurde") -- then it is the first Wednesday on or after `published`.

Relative expressions carry `anchor` = the publication date. Without a publication date they are
still found, with value None.

Partial publication dates: `published` may be an ISO string of a month ("2025-02") or a year
("2025") when that is all the source tells. Every expression is then resolved only as far as the
anchor allows, and unresolved ones keep value None and no anchor:
    12. Februar, im März        the year (for "2025") or the nearest such date/month to the anchor
                                period (for "2025-02": inside the month counts as distance 0, so
                                "20. Januar" -> 2025-01-20, "28. Dezember" -> 2024-12-28), the rule
                                a full date uses too
    vor drei Jahren, Vorjahr    year precision from a year anchor; "vor zwei Monaten" needs a month
    vergangenen Monat           needs a month anchor; "kommendes Jahr" a year anchor
    Mittwoch, gestern, vor drei Tagen, vergangene Woche   need the day: value None
"""

from __future__ import annotations

import datetime as dt
import re
from collections.abc import Callable, Iterator, Sequence
from dataclasses import dataclass

from synopse.annotate.numbers import parse_digits, parse_number_word
from synopse.errors import InputError
from synopse.model import Sentence, TimeExpression

_MONTHS = {
    "januar": 1, "jänner": 1, "februar": 2, "märz": 3, "april": 4, "mai": 5, "juni": 6,
    "juli": 7, "august": 8, "september": 9, "oktober": 10, "november": 11, "dezember": 12,
}  # fmt: skip
_WEEKDAYS = {
    "montag": 0, "dienstag": 1, "mittwoch": 2, "donnerstag": 3, "freitag": 4, "samstag": 5,
    "sonnabend": 5, "sonntag": 6,
}  # fmt: skip
_DAY_OFFSETS = {"vorgestern": -2, "gestern": -1, "heute": 0, "morgen": 1, "übermorgen": 2}
_NEXT = frozenset({"kommende", "kommenden", "nächste", "nächsten", "nächstes", "kommendes"})
_LAST = frozenset(
    {"vergangene", "vergangenen", "letzte", "letzten", "vorige", "vorigen", "vergangenes",
     "letztes", "voriges"}
)  # fmt: skip
_THIS = frozenset({"diese", "diesen", "diesem", "dieser", "dieses", "laufende", "laufenden"})
_VAGUE_COUNTS = frozenset({"wenigen", "einigen", "mehreren", "ein paar"})
_FUTURE_CUES = frozenset(
    {"wird", "werden", "soll", "sollen", "will", "wollen", "plant", "planen", "geplant",
     "voraussichtlich", "bevorstehenden", "künftig", "erwartet"}
)  # fmt: skip
_PAST_CUES = frozenset(
    {"sagte", "sagten", "teilte", "teilten", "erklärte", "erklärten", "hatte", "hatten", "war",
     "waren", "wurde", "wurden", "berichtete", "berichteten", "kündigte", "kündigten"}
)  # fmt: skip
_YEAR_CONTEXT = frozenset(
    {"im", "seit", "bis", "von", "vom", "ab", "vor", "nach", "zwischen", "anno", "jahr", "jahre",
     "jahres", "sommer", "herbst", "winter", "frühjahr", "frühling", "anfang", "mitte", "ende",
     "saison", "jahreswechsel", "für", "stand"}
)  # fmt: skip
# Event nouns that a year commonly follows: "Bundestagswahl 2017", "WM 2014", "Haushalt 2025".
_YEAR_EVENT_ENDINGS = (
    "wahl",
    "wahlen",
    "wm",
    "em",
    "spiele",
    "meisterschaft",
    "haushalt",
    "saison",
)
_FINITE_VERB = re.compile(r"V[AMV]FIN")
# Years before 1900 are taken only after these words (numbers like 1500 are usually counts).
_MODERN_YEARS = 1900
_OLD_YEAR_CONTEXT = frozenset({"im", "seit", "zwischen", "anno", "jahr", "jahre", "jahres", "von",
                               "vom", "bis"})  # fmt: skip
_COUNT_FOLLOWS = re.compile(r"(?:\s*(?:und|bis|–|-)\s*\d+)?\s*(?:[A-ZÄÖÜ%€$]|[Mm]al\b)")
_PLURAL_AUXILIARIES = frozenset({"wurden", "waren", "sind", "haben", "hatten", "werden"})
# "ab Montag" (from Monday on) points ahead whatever the tense of the sentence.
_FROM_ON = re.compile(r"\b[Aa]b\s+$")
_WORD_WITH_FINITE_VERB = re.compile(r"\s*(?:war|waren|wurde|wurden|hatte|hatten|kam|kamen|gab)\b")

_MONTH = r"(?P<month>Januar|Jänner|Februar|März|April|Mai|Juni|Juli|August|September|Oktober|November|Dezember)"  # noqa: E501
_WEEKDAY = r"(?P<weekday>Montag|Dienstag|Mittwoch|Donnerstag|Freitag|Samstag|Sonnabend|Sonntag)"
_YEAR = r"(?P<year>(?:19|20)\d{2})"
_PART = r"(?P<part>Anfang|Mitte|Ende)"
_MOD = r"(?P<mod>(?i:kommende[nrs]?|nächste[nrs]?|vergangene[nrs]?|letzte[nrs]?|vorige[nrs]?|diese[mnrs]?|laufende[nrs]?))"  # noqa: E501
_DAYPART = r"(?:morgen|vormittag|mittag|nachmittag|abend|nacht)"
_CAP_DAYPART = r"(?:\s+(?:Morgen|Vormittag|Mittag|Nachmittag|Abend|Nacht|früh))"


# Precisions from fine to coarse: an anchor resolves expressions at its own precision or coarser.
_PRECISION_RANK = {"day": 0, "week": 1, "month": 2, "year": 3, "decade": 4}
_PARTIAL_DATE = re.compile(r"(?P<year>\d{4})(?:-(?P<month>\d{2}))?(?:-(?P<day>\d{2}))?")


@dataclass(frozen=True, slots=True)
class _Anchor:
    """The publication date or period that relative expressions are resolved against."""

    text: str  # as reported in `TimeExpression.anchor`: "2025-02-14", "2025-02" or "2025"
    first: dt.date  # first day of the period
    last: dt.date  # last day of the period
    precision: str  # "day", "month" or "year"

    def covers(self, precision: str) -> bool:
        """Whether the anchor is precise enough to resolve at `precision` ("week" needs a day)."""
        return _PRECISION_RANK[self.precision] <= _PRECISION_RANK[precision]


@dataclass(frozen=True, slots=True)
class _Context:
    anchor: _Anchor | None
    sentence: str

    @property
    def published(self) -> dt.date | None:
        """The publication day, when it is known to the day."""
        return self.anchor.first if self.anchor and self.anchor.precision == "day" else None

    def at(self, precision: str) -> _Anchor | None:
        """The anchor if it can resolve an expression of `precision`, else None."""
        return self.anchor if self.anchor and self.anchor.covers(precision) else None


Resolution = tuple[str | None, str, bool]  # value, precision, relative to `published`
_Resolver = Callable[[re.Match[str], _Context], Resolution | None]


def find_times(
    text: str, sentences: Sequence[Sentence], published: dt.date | str | None
) -> tuple[TimeExpression, ...]:
    """All time expressions in `text`, in text order, resolved against `published`.

    `published` is a date, an ISO string of a day, month or year ("2025-02-14", "2025-02",
    "2025"), or None. Raises InputError for any other string.
    """
    anchor = _anchor(published)
    candidates = sorted(_candidates(text, sentences, anchor), key=lambda t: (t.start, -t.end))
    kept: list[TimeExpression] = []
    for candidate in candidates:
        if not kept or candidate.start >= kept[-1].end:
            kept.append(candidate)
    return tuple(kept)


def _anchor(published: dt.date | str | None) -> _Anchor | None:
    if published is None:
        return None
    if isinstance(published, dt.date):
        return _Anchor(published.isoformat(), published, published, "day")
    parts = _PARTIAL_DATE.fullmatch(published)
    try:
        if parts is None:
            raise ValueError("not an ISO date")
        return _period(published, parts)
    except ValueError as error:
        expected = "an ISO date, month or year such as 2025-02-14, 2025-02 or 2025"
        raise InputError(
            "publication date", f"{published!r} is not {expected} ({error})"
        ) from error


def _period(text: str, parts: re.Match[str]) -> _Anchor:
    year = int(parts["year"])
    if parts["day"]:
        day = dt.date(year, int(parts["month"]), int(parts["day"]))
        return _Anchor(text, day, day, "day")
    if parts["month"]:
        first = dt.date(year, int(parts["month"]), 1)
        following = dt.date(year + first.month // 12, first.month % 12 + 1, 1)
        return _Anchor(text, first, following - dt.timedelta(days=1), "month")
    return _Anchor(text, dt.date(year, 1, 1), dt.date(year, 12, 31), "year")


def _candidates(
    text: str, sentences: Sequence[Sentence], anchor: _Anchor | None
) -> Iterator[TimeExpression]:
    for (pattern, resolver), needed in zip(_RULES, _NEEDED, strict=True):
        if needed is not None and not any(word in text for word in needed):
            continue  # the rule cannot match: the text lacks every word it requires
        for match in pattern.finditer(text):
            context = _Context(anchor, _sentence_at(text, sentences, match.start()))
            resolved = resolver(match, context)
            if resolved is not None:
                yield _expression(match, resolved, anchor)
    yield from _years(text, sentences)


def _expression(
    match: re.Match[str], resolved: Resolution, anchor: _Anchor | None
) -> TimeExpression:
    value, precision, relative = resolved
    used = anchor.text if relative and anchor is not None and value is not None else None
    return TimeExpression(match.start("x"), match.end("x"), match["x"], value, precision, used)


def _sentence_at(text: str, sentences: Sequence[Sentence], offset: int) -> str:
    for sentence in sentences:
        if sentence.start <= offset < sentence.end:
            return sentence.text
    start = max(text.rfind(".", 0, offset), text.rfind("\n", 0, offset)) + 1
    end = text.find(".", offset)
    return text[start : end if end >= 0 else len(text)]


# -- absolute dates -------------------------------------------------------------------------


def _numeric_date(match: re.Match[str], context: _Context) -> Resolution | None:
    year = int(match["year"])
    if year < 100:
        year += 2000 if year <= 50 else 1900
    day = _valid_date(year, int(match["mon"]), int(match["day"]))
    return None if day is None else (day.isoformat(), "day", False)


def _day_month(match: re.Match[str], context: _Context) -> Resolution | None:
    month, day = _MONTHS[match["month"].lower()], int(match["day"])
    if match["year"]:
        found = _valid_date(int(match["year"]), month, day)
        return None if found is None else (found.isoformat(), "day", False)
    if _valid_date(2000, month, day) is None:  # 2000 is a leap year: accepts 29 February
        return None
    anchor = context.at("day") or context.at("year")
    if anchor is None:
        return None, "day", True
    years = range(anchor.first.year - 1, anchor.last.year + 2)
    options = [o for o in (_valid_date(y, month, day) for y in years) if o]
    closest = min(options, key=lambda o: _distance(o, anchor.first, anchor.last))
    return closest.isoformat(), "day", True


def _distance(day: dt.date, first: dt.date, last: dt.date) -> int:
    """Days from `day` to the period first..last; 0 inside it."""
    return max((first - day).days, (day - last).days, 0)


def _month_year(match: re.Match[str], context: _Context) -> Resolution:
    return f"{match['year']}-{_MONTHS[match['month'].lower()]:02d}", "month", False


def _month_only(match: re.Match[str], context: _Context) -> Resolution:
    month = _MONTHS[match["month"].lower()]
    anchor = context.at("year")
    if anchor is None:
        return None, "month", True
    first = anchor.first.year * 12 + anchor.first.month - 1
    last = anchor.last.year * 12 + anchor.last.month - 1
    options = [(anchor.first.year + d) * 12 + month - 1 for d in (-1, 0, 1)]
    closest = min(options, key=lambda o: max(first - o, o - last, 0))
    return f"{closest // 12}-{closest % 12 + 1:02d}", "month", True


def _part_of_year(match: re.Match[str], context: _Context) -> Resolution:
    """ "Anfang 2024": the year; the part is kept in the span but not in the value."""
    return match["year"], "year", False


def _season(match: re.Match[str], context: _Context) -> Resolution | None:
    """ "Saison 2024/25", "Schuljahr 2023/24": the year the season starts in."""
    year = int(match["year"])
    if (year + 1) % 100 != int(match["next"]):
        return None  # "2024/12" is a path or a ratio, not a season
    return match["year"], "year", False


def _decade(match: re.Match[str], context: _Context) -> Resolution:
    digits = match["decade"]
    return (digits if len(digits) == 3 else "19" + digits), "decade", False


def _valid_date(year: int, month: int, day: int) -> dt.date | None:
    try:
        return dt.date(year, month, day)
    except ValueError:  # 31 February and the like: not a date, so not a time expression
        return None


def _years(text: str, sentences: Sequence[Sentence]) -> Iterator[TimeExpression]:
    previous_end = -10
    for match in _BARE_YEAR.finditer(text):
        joined = previous_end >= 0 and _RANGE_LINK.fullmatch(text[previous_end : match.start()])
        if joined or _year_context(text, sentences, match):
            previous_end = match.end()
            yield TimeExpression(match.start(), match.end(), match.group(), match.group(), "year")


def _year_context(text: str, sentences: Sequence[Sentence], match: re.Match[str]) -> bool:
    before = text[max(0, match.start() - 20) : match.start()]
    previous_word = re.search(r"(\w+)\W*$", before)
    word = previous_word.group(1).lower() if previous_word else ""
    if _before_participle(sentences, match):
        return True
    if int(match.group()) < _MODERN_YEARS:
        return word in _OLD_YEAR_CONTEXT and not _COUNT_FOLLOWS.match(text, match.end())
    if word in _YEAR_CONTEXT or (word.endswith(_YEAR_EVENT_ENDINGS) and before.endswith(" ")):
        return True
    if before.endswith("(") or text[match.end() : match.end() + 1] == ")":
        return True
    return _opens_sentence_before_verb(text, sentences, match)


def _before_participle(sentences: Sequence[Sentence], match: re.Match[str]) -> bool:
    """ "Die Brücke war 1967 eröffnet worden": a year between a singular auxiliary and a
    participle. After a plural auxiliary it is a count ("Es wurden 1200 festgenommen")."""
    for sentence in sentences:
        tokens = sentence.tokens
        for index, token in enumerate(tokens[:-1]):
            if token.start == match.start() and token.end == match.end():
                before = {t.text.lower() for t in tokens[max(0, index - 2) : index]}
                return tokens[index + 1].pos == "VVPP" and not before & _PLURAL_AUXILIARIES
    return False


def _opens_sentence_before_verb(
    text: str, sentences: Sequence[Sentence], match: re.Match[str]
) -> bool:
    for sentence in sentences:
        tokens = sentence.tokens
        if len(tokens) > 1 and tokens[0].start == match.start() and tokens[0].end == match.end():
            return bool(_FINITE_VERB.fullmatch(tokens[1].pos))
    if sentences:
        return False
    starts_sentence = (
        not text[: match.start()].strip() or text[: match.start()].rstrip()[-1] in ".!?"
    )
    return starts_sentence and bool(_WORD_WITH_FINITE_VERB.match(text, match.end()))


# -- relative expressions -------------------------------------------------------------------


def _relative_day(match: re.Match[str], context: _Context) -> Resolution:
    offset = _DAY_OFFSETS[match["rel"].lower()]
    if context.published is None:
        return None, "day", True
    return (context.published + dt.timedelta(days=offset)).isoformat(), "day", True


def _weekday(match: re.Match[str], context: _Context) -> Resolution:
    if context.published is None:
        return None, "day", True
    target = _WEEKDAYS[match["weekday"].lower()] if match["weekday"] else 5  # Wochenende: Sat
    mod = (match["mod"] or "").lower()
    published = context.published
    back = (published.weekday() - target) % 7
    ahead = (target - published.weekday()) % 7
    if mod in _NEXT:
        day = published + dt.timedelta(days=ahead or 7)
    elif _FROM_ON.search(match.string, 0, match.start()):
        day = published + dt.timedelta(days=ahead)
    elif mod in _LAST:
        day = published - dt.timedelta(days=back or 7)
    elif mod in _THIS:
        day = published + dt.timedelta(days=target - published.weekday())
    elif _future_oriented(context.sentence):
        day = published + dt.timedelta(days=ahead)
    else:
        day = published - dt.timedelta(days=back)
    return day.isoformat(), "day", True


def _future_oriented(sentence: str) -> bool:
    words = set(re.findall(r"\w+", sentence.lower()))
    return bool(words & _FUTURE_CUES) and not words & _PAST_CUES


def _relative_period(match: re.Match[str], context: _Context) -> Resolution:
    unit = match["unit"].lower()
    precision = "week" if unit.startswith("woche") else "month" if "monat" in unit else "year"
    mod = (match.groupdict().get("mod") or "").lower()
    step = 1 if mod in _NEXT else -1 if mod in _LAST else 0
    if unit == "vorjahr":
        step = -1
    anchor = context.at(precision)
    if anchor is None:
        return None, precision, True
    return _shifted(anchor.first, precision, step), precision, True


def _ago(match: re.Match[str], context: _Context) -> Resolution | None:
    count_word = match["count"].lower()
    vague = count_word in _VAGUE_COUNTS
    count = 3.0 if vague else _count(count_word)
    if count is None or count != int(count):
        return None
    unit = match["unit"].lower()
    precision = {"tag": "day", "woc": "week", "mon": "month", "jah": "year"}[unit[:3]]
    steps = int(count) * (10 if unit.startswith("jahrzehnt") else 1)
    needed = "day" if precision == "week" else precision  # counting back weeks needs the day
    if vague:
        precision = {"day": "month", "week": "month", "month": "year", "year": "decade"}[precision]
    anchor = context.at(needed)
    if anchor is None:
        return None, precision, True
    return _back(anchor.first, unit, steps, precision), precision, True


def _count(word: str) -> float | None:
    if word in {"einem", "einer"}:
        return 1.0
    return parse_digits(word) or parse_number_word(word)


def _back(published: dt.date, unit: str, steps: int, precision: str) -> str:
    if unit.startswith(("tag", "woche")):
        days = steps * (7 if unit.startswith("woche") else 1)
        day = published - dt.timedelta(days=days)
        return _shifted(day, precision, 0) if precision != "day" else day.isoformat()
    if unit.startswith("monat"):
        return _shifted(published, precision, -steps if precision == "month" else 0)
    year = published.year - steps
    return str(year) if precision == "year" else str(year)[:3]


def _shifted(day: dt.date, precision: str, step: int) -> str:
    """The week/month/year `step` periods away from `day`, as a partial ISO date."""
    if precision == "week":
        monday = day - dt.timedelta(days=day.weekday()) + dt.timedelta(weeks=step)
        return monday.isoformat()
    if precision == "month":
        index = day.year * 12 + day.month - 1 + step
        return f"{index // 12}-{index % 12 + 1:02d}"
    if precision == "decade":
        return str(day.year)[:3]
    return str(day.year + step)


_BARE_YEAR = re.compile(r"(?<![\w.,:/-])(?:1\d|20)\d{2}(?![\w%€$]|[.,:/-]\d)")
_RANGE_LINK = re.compile(r"\s*(?:bis|und|–|-|/)\s*")
_RULES: tuple[tuple[re.Pattern[str], _Resolver], ...] = (
    (re.compile(rf"(?<![\d.])(?P<x>(?:{_WEEKDAY},?\s+(?:den\s+|dem\s+)?)?(?P<day>\d{{1,2}})\.(?P<mon>\d{{1,2}})\.(?P<year>(?:19|20)?\d{{2}}))(?![\d.]\d)"), _numeric_date),  # noqa: E501
    (re.compile(rf"\b(?P<x>{_PART}\s+{_YEAR})(?![\w%€$]|[.,:/-]\d)"), _part_of_year),
    (re.compile(r"(?<![\w.,:/-])(?P<x>(?P<year>(?:19|20)\d{2})/(?P<next>\d{2}))(?![\w%€$]|[.,:/-]\d)"), _season),  # noqa: E501
    (re.compile(rf"(?<![\d.])(?P<x>(?:{_WEEKDAY},?\s+(?:den\s+|dem\s+)?)?(?P<day>\d{{1,2}})\.\s*{_MONTH}(?:\s+{_YEAR})?)(?!\d)"), _day_month),  # noqa: E501
    (re.compile(rf"\b(?P<x>(?:{_PART}\s+)?{_MONTH}\s+{_YEAR})(?!\d)"), _month_year),
    (re.compile(rf"\b(?:[Ii]m|[Ss]eit|[Bb]is|[Aa]b|[Bb]is\s+zum)\s+(?P<x>{_MONTH})\b(?!\s*\d)"), _month_only),  # noqa: E501
    (re.compile(rf"\b(?P<x>{_PART}\s+{_MONTH})\b(?!\s*\d)"), _month_only),
    (re.compile(r"(?<![\d.])(?P<x>(?P<decade>(?:19|20)?\d)0er(?:\s+Jahren?)?)\b"), _decade),
    (re.compile(r"\b(?P<x>(?P<rel>vorgestern|gestern|heute|übermorgen)(?:\s+(?:morgen|früh|vormittag|mittag|nachmittag|abend|nacht)\b)?)\b", re.IGNORECASE), _relative_day),  # noqa: E501
    (re.compile(r"(?<![Aa]m )(?<![Dd]en )\b(?P<x>(?P<rel>morgen)(?:\s+(?:früh|Vormittag|Mittag|Nachmittag|Abend)\b)?)\b"), _relative_day),  # noqa: E501
    (re.compile(rf"\b(?P<x>(?:{_MOD}\s+)?{_WEEKDAY}{_DAYPART}?{_CAP_DAYPART}?)\b"), _weekday),
    (re.compile(rf"\b(?P<x>(?:{_MOD}\s+)?(?P<weekday>)Wochenende)\b"), _weekday),
    (re.compile(rf"\b(?P<x>{_MOD}\s+(?P<unit>Woche|Monats?|Jahr(?:es)?))\b"), _relative_period),
    (re.compile(rf"\b(?P<x>{_PART}\s+(?:des|der)\s+(?:{_MOD}\s+)?(?P<unit>Woche|Monats|Jahres))\b"), _relative_period),  # noqa: E501
    (re.compile(rf"\b(?P<x>{_PART}\s+{_MOD}\s+(?P<unit>Woche|Monats|Jahres))\b"), _relative_period),
    (re.compile(r"\b(?P<x>(?P<unit>Vorjahr)(?:es)?)\b"), _relative_period),
    (re.compile(r"\b(?P<x>[Vv]or\s+(?:(?:fast|genau|knapp|gut|etwa|rund|ziemlich)\s+)*(?P<count>\d+|ein\s+paar|[a-zäöüß]+)\s+(?P<unit>Tagen?|Wochen?|Monaten?|Jahren|Jahr|Jahrzehnten?))\b"), _ago),  # noqa: E501
)  # fmt: skip
_MONTH_NAMES = ("Januar", "Jänner", "Februar", "März", "April", "Mai", "Juni", "Juli", "August",
                "September", "Oktober", "November", "Dezember")  # fmt: skip
_WEEKDAY_NAMES = ("Montag", "Dienstag", "Mittwoch", "Donnerstag", "Freitag", "Samstag",
                  "Sonnabend", "Sonntag")  # fmt: skip
_PART_NAMES = ("Anfang", "Mitte", "Ende")
# Per rule of `_RULES`, in order: words (case as in the pattern) one of which every match
# contains, so a text without any of them is not scanned; None: no such test.
_NEEDED: tuple[tuple[str, ...] | None, ...] = (
    (".",),  # numeric date
    _PART_NAMES,  # part of a year
    ("/",),  # season
    _MONTH_NAMES,  # day and month
    _MONTH_NAMES,  # month and year
    _MONTH_NAMES,  # "im Januar"
    _MONTH_NAMES,  # "Anfang Januar"
    ("0er",),  # decade
    None,  # relative day, case-insensitive
    ("morgen",),  # "morgen"
    _WEEKDAY_NAMES,  # weekday
    ("Wochenende",),
    ("Woche", "Monat", "Jahr"),  # "nächste Woche"
    ("Woche", "Monat", "Jahr"),  # "Ende der Woche"
    ("Woche", "Monat", "Jahr"),  # "Ende nächster Woche"
    ("Vorjahr",),
    ("Vor", "vor"),  # "vor drei Jahren"
)
