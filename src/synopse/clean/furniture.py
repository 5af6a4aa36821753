"""Tell an article's own lines from the page furniture around them.

Each line gets a verdict from combined evidence: the furniture lexicon in `data/furniture.tsv`
(menus, cookie notes, share buttons, comment forms, ...), its length, its share of function
words (prose has many, menus almost none) and its punctuation. Then the article is located as
the stretch of lines with the most prose in it: furniture clusters at the top and bottom of a
page, so everything outside that stretch goes, while short lines inside it (subheadings, list
items) stay. A marker such as a comment form or "Previous Post" after the prose ends the
article, because what follows it (comments, other stories) is never part of it. Two short date
lines close together after the prose are a list of dated teasers and end it the same way.
"""

from __future__ import annotations

import re
import unicodedata
from dataclasses import dataclass
from enum import Enum
from functools import cache
from importlib import resources
from itertools import pairwise

from synopse.clean.metadata import find_author, is_date_line

KINDS = frozenset({"line", "start", "any", "head", "tail"})
# Lines longer than this are paragraphs: "start"/"any" patterns no longer mark them as furniture.
MAX_FURNITURE_CHARS = 220
# Scores for locating the article: prose earns its length, anything else costs a little.
SHORT_LINE_COST = 20
LONG_LINE_CHARS = 150
# A comment link right under the headline must not end the article before it began.
MIN_PROSE_BEFORE_END = 300
FURNITURE_LINE_COST = 20
# Two date lines at most this many lines apart, after the article's first prose, are a list of
# teasers (headline, summary, date); the first of them ends the article like a teaser box.
TEASER_DATE_GAP = 5
TEASER_DATE_WORDS = 6  # "21.01.2022 11:46 von Anna Muster"; longer date lines are list items
SENTENCE_END = tuple(".!?…\"“”»«')")
INVISIBLE = re.compile(r"[\u00ad\u200b-\u200f\u2028\u2029\u202a-\u202e\u2060-\u2064\ufeff]")
CONTROL = re.compile(r"[\x00-\x08\x0b-\x1f\x7f-\x9f]")  # keeps \t (a space) and \n
SPACES = re.compile(r"[ \t\u00a0\u2000-\u200a\u202f\u205f\u3000]+")
WORD = re.compile(r"\w+")
URL = re.compile(r"(https?://|www\.)\S+")
IMAGE_MARKDOWN = re.compile(r"!\[[^\]]*\]\([^)]*\)")


class Kind(Enum):
    PROSE = "prose"  # a paragraph of running text
    SHORT = "short"  # a heading, list item, label: kept only inside the article
    FURNITURE = "furniture"  # matched the furniture lexicon


class Ending(Enum):
    NONE = 0
    WEAK = 1  # ends the article only if less prose follows than precedes (a teaser box)
    STRONG = 2  # comment form, previous/next post: nothing after it belongs to the article


@dataclass(frozen=True, slots=True)
class Pattern:
    reason: str
    ends_article: Ending
    kind: str
    regex: re.Pattern[str]


@dataclass(frozen=True, slots=True)
class Verdict:
    text: str
    kind: Kind
    reason: str = ""
    ends_article: Ending = Ending.NONE


@cache
def furniture_patterns() -> tuple[Pattern, ...]:
    rows = _data_lines("furniture.tsv")
    patterns = []
    for number, row in enumerate(rows, start=1):
        reason, ends, kind, pattern = row.split("\t")
        if kind not in KINDS:
            raise ValueError(f"furniture.tsv row {number}: unknown kind {kind!r}")
        regex = re.compile(pattern, re.IGNORECASE)
        patterns.append(Pattern(reason, Ending(int(ends)), kind, regex))
    return tuple(patterns)


@cache
def stopwords() -> frozenset[str]:
    return frozenset(_data_lines("stopwords.txt"))


def _data_lines(name: str) -> list[str]:
    text = resources.files("synopse.clean").joinpath("data", name).read_text(encoding="utf-8")
    return [line for line in text.splitlines() if line.strip() and not line.startswith("#")]


def normalise_lines(raw: str) -> list[str]:
    """NFC, no invisible or control characters, single spaces, stripped; blank lines dropped."""
    text = unicodedata.normalize("NFC", raw.replace("\r\n", "\n").replace("\r", "\n"))
    text = CONTROL.sub("", INVISIBLE.sub("", text))
    lines = (SPACES.sub(" ", line).strip() for line in text.split("\n"))
    return [line for line in lines if line]


def classify(text: str) -> Verdict:
    """The verdict on one normalised line, without looking at its neighbours."""
    if IMAGE_MARKDOWN.fullmatch(text) or URL.fullmatch(text):
        return Verdict(text, Kind.FURNITURE, "image" if text.startswith("!") else "link")
    pattern = matching_pattern(text)
    if pattern is not None:
        return Verdict(text, Kind.FURNITURE, pattern.reason, pattern.ends_article)
    if is_date_line(text) or find_author(text) is not None:
        return Verdict(text, Kind.FURNITURE, "metadata")
    return Verdict(text, Kind.PROSE if is_prose(text) else Kind.SHORT)


def matching_pattern(text: str) -> Pattern | None:
    short = len(text) <= MAX_FURNITURE_CHARS
    for pattern in furniture_patterns():
        if pattern.kind == "line" and pattern.regex.fullmatch(text):
            return pattern
        if short and pattern.kind == "start" and pattern.regex.match(text):
            return pattern
        if short and pattern.kind == "any" and pattern.regex.search(text):
            return pattern
    return None


def is_prose(text: str) -> bool:
    """Running text: long enough, many function words or a sentence ending, mostly letters."""
    words = WORD.findall(URL.sub(" ", text))
    if len(words) < 6:
        return False
    letters = sum(map(str.isalpha, text)) / len(text)
    function_words = stopwords()
    function_share = sum(word.lower() in function_words for word in words) / len(words)
    ends_sentence = text.endswith(SENTENCE_END)
    if letters < 0.6:
        return False
    if ends_sentence:
        return len(text) >= 80 or function_share >= 0.2
    # Headlines run long nowadays; only a much longer line without a sentence end is prose.
    return len(text) >= LONG_LINE_CHARS and function_share >= 0.12


def line_score(verdict: Verdict) -> int:
    if verdict.kind is Kind.PROSE:
        return len(verdict.text)
    if verdict.kind is Kind.FURNITURE:
        return -FURNITURE_LINE_COST
    if is_short_sentence(verdict.text):  # recipe steps, answers: weak evidence of text
        return len(verdict.text) // 2
    return -SHORT_LINE_COST


def is_short_sentence(text: str) -> bool:
    return text.endswith(SENTENCE_END) and len(text.split()) >= 4 and text[0].isupper()


def best_stretch(verdicts: list[Verdict]) -> tuple[int, int]:
    """The [start, end) stretch of lines with the highest score (maximum subarray)."""
    best, best_start, best_end = 0, 0, 0
    running, start = 0, 0
    for index, verdict in enumerate(verdicts):
        if running <= 0:
            running, start = 0, index
        running += line_score(verdict)
        if running > best:
            best, best_start, best_end = running, start, index + 1
    return best_start, best_end


def article_stretch(verdicts: list[Verdict]) -> tuple[int, int]:
    """Where the article is; cut at the first end-of-article marker after its first prose."""
    start, end = best_stretch(verdicts)
    listed = teaser_dates(verdicts, start, end)
    for index in range(start, end):
        ending = Ending.WEAK if index == listed else verdicts[index].ends_article
        before = _prose_chars(verdicts[start:index])
        if ending is Ending.STRONG and before >= MIN_PROSE_BEFORE_END:
            return best_stretch(verdicts[:index])
        if ending is not Ending.NONE and before > _prose_chars(verdicts[index:end]):
            return best_stretch(verdicts[:index])
    return start, end


def teaser_dates(verdicts: list[Verdict], start: int, end: int) -> int | None:
    """The first of two date lines close together after the stretch's first prose: a list of
    dated teasers (other articles) rather than the article's own date or an update note."""
    first_prose = next((i for i in range(start, end) if verdicts[i].kind is Kind.PROSE), end)
    dates = [
        i
        for i in range(first_prose, end)
        if verdicts[i].kind is Kind.FURNITURE
        and len(verdicts[i].text.split()) <= TEASER_DATE_WORDS
        and is_date_line(verdicts[i].text)
    ]
    for earlier, later in pairwise(dates):
        if later - earlier <= TEASER_DATE_GAP:
            return earlier
    return None


def _prose_chars(verdicts: list[Verdict]) -> int:
    return sum(len(v.text) for v in verdicts if v.kind is Kind.PROSE)


def cut_fragments(text: str) -> tuple[str, list[tuple[str, str]]]:
    """Strip furniture glued to a content line ("… Mehr zu X lesen Sie hier.", "Foto: …")."""
    cut: list[tuple[str, str]] = []
    for pattern in furniture_patterns():
        if pattern.kind not in ("head", "tail"):
            continue
        found = pattern.regex.search(text)
        if found is None or found.group(0).strip() == text:
            continue
        cut.append((found.group(0).strip(), pattern.reason))
        text = (text[: found.start()] + text[found.end() :]).strip()
    return text, cut
