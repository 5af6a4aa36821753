"""Clean stage: turn a browser-copied page into headline, body and header metadata.

    clean_text(raw) -> CleanText(title, body, removed, published, outlet, author)

1. normalise: NFC, no zero-width or control characters, single spaces, stripped lines
2. cut furniture glued to content lines ("date 2025-02 …", "… Foto: dpa", "Mehr zu X …");
   a line that ended in a photo credit is a caption and goes whole
3. give every line a verdict (prose, short, furniture) and locate the article (furniture.py)
4. pick the headline just above the article, read date, author and outlet (metadata.py)

Cleaning is idempotent: cleaning `title + "\\n\\n" + body` again gives the same title and body.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field

from synopse.clean.furniture import (
    Kind,
    Verdict,
    article_stretch,
    classify,
    cut_fragments,
    normalise_lines,
)
from synopse.clean.metadata import (
    find_author,
    find_date,
    find_outlet,
    is_date_line,
    looks_like_headline,
)
from synopse.config import CleanSettings
from synopse.model import RemovedLine

__all__ = ["CleanText", "clean_text"]

# How far above the article the headline may sit (bylines, dates and credits in between).
HEADLINE_WINDOW = 8
# Lines of at most this many words without sentence punctuation, above an extracted article's
# first paragraph, are labels (breadcrumbs, kickers), not text.
_LABEL_WORDS = 3
_PHOTO_CREDIT = re.compile(
    r"\(?(foto|fotos|bild|photo|image|symbolbild|bildquelle|bildnachweis)s?:", re.I
)
# Re-cleaning the result converges in one or two passes; the cap only guards odd input.
MAX_PASSES = 4


@dataclass(frozen=True, slots=True)
class CleanText:
    title: str  # the headline ('' if none can be found)
    body: str  # kept lines, one paragraph each, separated by a blank line
    removed: tuple[RemovedLine, ...]  # every dropped line or fragment, in page order
    published: str | None  # ISO date, possibly partial ("2025-02"), from a header line
    outlet: str | None  # publisher named in a copyright line
    author: str | None  # name from a byline


@dataclass(frozen=True, slots=True)
class _Header:
    published: str | None = None
    outlet: str | None = None
    author: str | None = None


def clean_text(
    raw: str, settings: CleanSettings | None = None, *, extracted: bool = False
) -> CleanText:
    """Headline, body and metadata of one browser-copied article; never raises on odd text.

    `extracted`: the text is already an article body (an HTML extractor's output, a JSON
    field), so only furniture lines go; no headline or article extent is looked for."""
    del settings  # no clean settings are needed yet; the caller checks min_body_chars
    memo = _Memo()  # a later pass reads this article's lines again
    result = _clean_once(raw, extracted, memo)
    for _ in range(MAX_PASSES):
        again = _clean_once(_joined(result), extracted, memo)
        if (again.title, again.body) == (result.title, result.body):
            break
        result = _merged(result, again)
    return result


def _joined(result: CleanText) -> str:
    return result.title + "\n\n" + result.body if result.title else result.body


def _merged(first: CleanText, second: CleanText) -> CleanText:
    return CleanText(
        title=second.title,
        body=second.body,
        removed=first.removed + second.removed,
        published=first.published or second.published,
        outlet=first.outlet or second.outlet,
        author=first.author or second.author,
    )


@dataclass(slots=True)
class _Memo:
    """What earlier passes over one article found for a line; both depend on its text alone."""

    cuts: dict[str, tuple[str, list[tuple[str, str]]]] = field(default_factory=dict)
    verdicts: dict[str, Verdict] = field(default_factory=dict)


def _clean_once(raw: str, extracted: bool, memo: _Memo) -> CleanText:
    removed: list[RemovedLine] = []
    lines: list[str] = []
    for line in normalise_lines(raw):
        cut = memo.cuts.get(line)
        if cut is None:
            cut = memo.cuts[line] = cut_fragments(line)
        kept, fragments = cut
        removed.extend(RemovedLine(text, reason) for text, reason in fragments)
        if kept and _photo_credit(fragments):  # "Blick in den Saal. Foto: A. Muster"
            removed.append(RemovedLine(kept, "caption"))
        elif kept:
            lines.append(kept)
    verdicts = []
    for line in lines:
        verdict = memo.verdicts.get(line)
        if verdict is None:
            verdict = memo.verdicts[line] = classify(line)
        verdicts.append(verdict)
    header = _read_header(verdicts, [text for text, _ in _fragments_of(removed)])
    title_index, kept_indexes = _furniture_free(verdicts) if extracted else _select(verdicts)
    title = verdicts[title_index].text if title_index is not None else ""
    body_lines: list[str] = []
    seen = {title}
    for index, verdict in enumerate(verdicts):
        if index == title_index:
            continue
        if index in kept_indexes and verdict.text not in seen:
            body_lines.append(verdict.text)
            seen.add(verdict.text)
        else:
            removed.append(RemovedLine(verdict.text, _reason(verdicts, index, kept_indexes, title)))
    return CleanText(
        title, "\n\n".join(body_lines), tuple(removed), header.published, header.outlet,
        header.author,
    )  # fmt: skip


def _photo_credit(fragments: list[tuple[str, str]]) -> bool:
    """A photo credit was cut from the end of the line: what is left is the photo's caption.
    A source ("Quelle: …") may close a paragraph and does not count."""
    return any(reason == "credit" and _PHOTO_CREDIT.match(text) for text, reason in fragments)


def _fragments_of(removed: list[RemovedLine]) -> list[tuple[str, str]]:
    return [(line.text, line.reason) for line in removed if line.reason == "metadata"]


def _furniture_free(verdicts: list[Verdict]) -> tuple[None, set[int]]:
    """An extractor's output: every line that is not furniture, except one- to three-word
    labels before the first paragraph of prose (breadcrumbs, kickers); nothing at all when
    there is no prose (a front page of teasers)."""
    first = next((i for i, v in enumerate(verdicts) if v.kind is Kind.PROSE), None)
    if first is None:
        return None, set()
    return None, {
        i
        for i, v in enumerate(verdicts)
        if v.kind is not Kind.FURNITURE and (i >= first or not _label(v.text))
    }


def _label(text: str) -> bool:
    return len(text.split()) <= _LABEL_WORDS and not text.rstrip().endswith((".", "!", "?", ":"))


def _select(verdicts: list[Verdict]) -> tuple[int | None, set[int]]:
    """The headline's index and the indexes of the lines kept in the body."""
    start, end = article_stretch(verdicts)
    if start == end:  # no prose at all: keep every line that is not furniture
        kept = {i for i, v in enumerate(verdicts) if v.kind is not Kind.FURNITURE}
        first = min(kept, default=None)
        return first, kept - {first} if first is not None else kept
    title = _headline_index(verdicts, start)
    # Short lines between headline and first paragraph are a standfirst or a subtitle.
    first = start if title is None else title + 1
    return title, {i for i in range(first, end) if verdicts[i].kind is not Kind.FURNITURE}


def _headline_index(verdicts: list[Verdict], start: int) -> int | None:
    """The best headline-like line above the article, skipping furniture on the way."""
    window = range(start - 1, max(-1, start - 1 - HEADLINE_WINDOW), -1)
    candidates = [
        index
        for index in window
        if verdicts[index].kind is Kind.SHORT and looks_like_headline(verdicts[index].text)
    ]
    if not candidates:
        return None
    return max(candidates, key=lambda index: _headline_score(verdicts, index, start))


def _headline_score(verdicts: list[Verdict], index: int, start: int) -> float:
    """Headlines have several words, sit close above the text and next to furniture."""
    text = verdicts[index].text
    words = len(text.split())
    score = min(words, 6) / 2 - (start - index) * 0.4
    neighbours = [verdicts[i] for i in (index - 1, index + 1) if 0 <= i < len(verdicts)]
    score += sum(1.5 for v in neighbours if v.text == text)  # headline printed twice
    score += sum(1.0 for v in neighbours if v.kind is Kind.FURNITURE)
    return score


def _reason(verdicts: list[Verdict], index: int, kept: set[int], title: str) -> str:
    verdict = verdicts[index]
    if verdict.reason:
        return verdict.reason
    if verdict.text == title:
        return "duplicate-title"
    if index in kept:
        return "duplicate"
    if is_date_line(verdict.text) or find_author(verdict.text):
        return "metadata"
    first_kept = min(kept, default=len(verdicts))
    return "menu" if index < first_kept else "boilerplate"


def _read_header(verdicts: list[Verdict], fragments: list[str]) -> _Header:
    """Date, author and outlet from furniture lines and fragments, never from prose."""
    candidates = fragments + [v.text for v in verdicts if v.kind is not Kind.PROSE]
    published = next((d for t in candidates if (d := _header_date(t)) is not None), None)
    author = next((a for t in candidates if (a := find_author(t)) is not None), None)
    outlet = next((o for t in reversed(candidates) if (o := find_outlet(t)) is not None), None)
    return _Header(published, outlet, author)


def _header_date(text: str) -> str | None:
    return find_date(text) if is_date_line(text) or len(text) <= 120 else None
