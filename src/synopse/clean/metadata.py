"""Header metadata read from the lines around an article: headline, date, author, outlet.

Dates are read with our own patterns (German and English month names, 12.03.2025, 2025-03-12,
12/03/2025) because `dateparser.search_dates` misreads German words as dates. Only lines that
are page furniture (header, date or byline lines) are searched, never the article's sentences,
whose dates are the dates of events.
"""

from __future__ import annotations

import re

MONTHS = {
    "januar": 1, "jänner": 1, "january": 1, "jan": 1,
    "februar": 2, "february": 2, "feb": 2,
    "märz": 3, "maerz": 3, "march": 3, "mär": 3, "mar": 3,
    "april": 4, "apr": 4,
    "mai": 5, "may": 5,
    "juni": 6, "june": 6, "jun": 6,
    "juli": 7, "july": 7, "jul": 7,
    "august": 8, "aug": 8,
    "september": 9, "sept": 9, "sep": 9,
    "oktober": 10, "october": 10, "okt": 10, "oct": 10,
    "november": 11, "nov": 11,
    "dezember": 12, "december": 12, "dez": 12, "dec": 12,
}  # fmt: skip
MONTH_NAME = "|".join(sorted(MONTHS, key=len, reverse=True))
ISO_DATE = re.compile(r"\b((?:19|20)\d\d)-(0[1-9]|1[0-2])(?:-(0[1-9]|[12]\d|3[01]))?\b")
NUMERIC_DATE = re.compile(r"\b([0-3]?\d)[./]([01]?\d)[./]((?:19|20)?\d\d)\b")
DAY_MONTH_YEAR = re.compile(
    rf"\b([0-3]?\d)\.?\s+({MONTH_NAME})\.?,?\s+((?:19|20)\d\d)\b", re.IGNORECASE
)
MONTH_DAY_YEAR = re.compile(
    rf"\b({MONTH_NAME})\.?\s+([0-3]?\d)(?:st|nd|rd|th)?,?\s+((?:19|20)\d\d)\b", re.IGNORECASE
)
MONTH_YEAR = re.compile(rf"\b({MONTH_NAME})\.?\s+((?:19|20)\d\d)\b", re.IGNORECASE)
# A line that is mostly a date ("Donnerstag, 31. Mai 2012", "12.03.2025, 14:35 Uhr").
DATE_LINE_MAX_WORDS = 7
# ... or opens with a date within its first characters (a weekday may come first).
DATE_LEAD_MAX_WORDS = 14
DATE_LEAD_OFFSET = 12
DATE_SENTENCE_MAX_WORDS = 4
NAME = r"[A-ZÄÖÜ][\w.'-]+(?:\s+(?:von|van|de|der|und|and|&)?\s*[A-ZÄÖÜ][\w.'-]+){0,3}"
BYLINE = re.compile(
    rf"^(?:von|by|autor(?:in)?:?|author:?|text:?|written by|posted by|verfasst von)\s+({NAME})"
    r"\s*(?:$|[,|/•·(–-])",
    re.IGNORECASE,
)
NAME_ONLY = re.compile(NAME)
COPYRIGHT_NOISE = re.compile(
    r"©|\(c\)|copyright|alle rechte vorbehalten|all rights reserved|\b(?:19|20)\d\d\b|[-–]",
    re.IGNORECASE,
)
COMPANY_WORDS = frozenset(
    [
        "gmbh",
        "ag",
        "kg",
        "co",
        "co.",
        "kgaa",
        "se",
        "ltd",
        "ltd.",
        "inc",
        "inc.",
        "llc",
        "plc",
        "e.v.",
        "ev",
        "verlag",
        "verlags",
        "medien",
        "media",
        "mediengruppe",
        "mediahouse",
        "verlagsgesellschaft",
        "gruppe",
        "group",
        "holding",
        "publishing",
        "zeitungsverlag",
        "digital",
        "online",
        "und",
        "&",
        "and",
    ]
)
MAX_OUTLET_WORDS = 4


def find_date(text: str) -> str | None:
    """The first date in `text` as an ISO string (partial when only month or year is known)."""
    for reader in (_iso, _day_month_year, _month_day_year, _numeric, _month_year):
        found = reader(text)
        if found is not None:
            return found
    return None


def is_date_line(text: str) -> bool:
    """A line that is a date, or opens with one ("23.06.2016 um 16:14 Uhr - Anna Muster")."""
    words = len(text.split())
    if words > DATE_LEAD_MAX_WORDS or find_date(text) is None:
        return False
    if words > DATE_SENTENCE_MAX_WORDS and text.endswith((".", "!", "?")):
        return False  # "Am 3. Oktober 2024 lehnte der Rat ab." is a sentence
    return words <= DATE_LINE_MAX_WORDS or _date_leads(text)


def _date_leads(text: str) -> bool:
    patterns = (ISO_DATE, NUMERIC_DATE, DAY_MONTH_YEAR, MONTH_DAY_YEAR, MONTH_YEAR)
    return any(
        (found := pattern.search(text)) is not None and found.start() <= DATE_LEAD_OFFSET
        for pattern in patterns
    )


def _iso(text: str) -> str | None:
    found = ISO_DATE.search(text)
    return found.group(0) if found else None


def _day_month_year(text: str) -> str | None:
    found = DAY_MONTH_YEAR.search(text)
    if found is None:
        return None
    return _format(found.group(3), MONTHS[found.group(2).lower()], int(found.group(1)))


def _month_day_year(text: str) -> str | None:
    found = MONTH_DAY_YEAR.search(text)
    if found is None:
        return None
    return _format(found.group(3), MONTHS[found.group(1).lower()], int(found.group(2)))


def _numeric(text: str) -> str | None:
    found = NUMERIC_DATE.search(text)
    if found is None:
        return None
    year = found.group(3) if len(found.group(3)) == 4 else "20" + found.group(3)
    return _format(year, int(found.group(2)), int(found.group(1)))


def _month_year(text: str) -> str | None:
    found = MONTH_YEAR.search(text)
    if found is None:
        return None
    return f"{found.group(2)}-{MONTHS[found.group(1).lower()]:02d}"


def _format(year: str, month: int, day: int) -> str | None:
    if not (1 <= month <= 12 and 1 <= day <= 31):
        return None
    return f"{year}-{month:02d}-{day:02d}"


def find_author(text: str) -> str | None:
    """The name in a byline ("Von Anna Muster", "Autor: Jan Beispiel | 12.03.2025")."""
    found = BYLINE.match(text)
    if found is None or not found.group(1)[0].isupper():
        return None
    return found.group(1).strip()


def find_outlet(text: str) -> str | None:
    """The publisher named in a copyright line, without years and company words."""
    if not re.search(r"©|\(c\)|copyright", text, re.IGNORECASE):
        return None
    rest = COPYRIGHT_NOISE.sub(" ", text).strip(" .,:;|")
    words = [word for word in rest.split() if word.lower().strip(".,") not in COMPANY_WORDS]
    words = [word.strip(".,;:|") for word in words]
    name = " ".join(word for word in words if word)
    if not name or len(name.split()) > MAX_OUTLET_WORDS or not NAME_ONLY.match(name):
        return None
    return name


def looks_like_headline(text: str) -> bool:
    """Short, mostly letters, not a label ending in a colon, not a date line."""
    letters = sum(char.isalpha() for char in text)
    return (
        3 <= len(text) <= 200
        and letters >= 0.6 * len(text)
        and not text.endswith((":", ","))
        and not is_date_line(text)
    )
