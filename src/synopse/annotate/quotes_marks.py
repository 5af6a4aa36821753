"""Quotation marks: the quoted stretches of a text, and the sentence frame around each."""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import dataclass

from synopse.model import Sentence, Token

_CLOSERS = {"„": '“”"', "»": "«", "«": "»", "“": "”", '"': '"'}
_MAX_QUOTE_CHARS = 5000
_WORD = re.compile(r"\w+")
# A quote this long, or ending like a sentence, is a statement on its own.
_STATEMENT_WORDS = 5
_SENTENCE_END = re.compile(r"[.!?…]\W*$")
_WEB_ADDRESS = re.compile(r"[\w-]+(\.[\w-]+)+(/\S*)?")
# Small words inside names and titles (German, English, French, Spanish, Italian).
TITLE_SMALL_WORDS = frozenset(
    {"für", "und", "der", "die", "das", "des", "von", "vom", "zur", "zum", "im", "in", "am",
     "mit", "of", "the", "and", "for", "on", "at", "to", "a", "s", "du", "de", "la",
     "le", "les", "et", "pour", "un", "une", "del", "y", "el", "los", "di", "e"}
)  # fmt: skip


@dataclass(frozen=True, slots=True)
class Marked:
    """A quoted stretch: `start`/`end` without the marks, `outer_*` with them."""

    outer_start: int
    outer_end: int
    start: int
    end: int
    name: bool = False  # a short name in quotation marks ("die „Computerwoche“"), no quote


# -- quotation marks ------------------------------------------------------------------------


def marked_spans(text: str) -> tuple[Marked, ...]:
    found: list[Marked] = []
    position = 0
    while position < len(text):
        char = text[position]
        close = _closing_mark(text, position) if char in _CLOSERS else None
        if close is None:
            position += 1
            continue
        start, end = _strip(text, position + 1, close)
        if end > start:
            name = _is_quoted_name(text[start:end])
            found.append(Marked(position, close + 1, start, end, name))
        position = close + 1
    return tuple(found)


def _closing_mark(text: str, opening: int) -> int | None:
    char = text[opening]
    if char == '"' and not _can_open_straight(text, opening):
        return None
    limit = min(len(text), opening + _MAX_QUOTE_CHARS)
    for position in range(opening + 1, limit):
        current = text[position]
        if current in _CLOSERS[char] and (char != '"' or _can_close_straight(text, position)):
            return position
        if current == char and char != '"' and "\n" not in text[opening:position]:
            return None  # a second opening mark in the same paragraph: unbalanced, skip
    return None


def _can_open_straight(text: str, position: int) -> bool:
    before = text[position - 1] if position else " "
    after = text[position + 1] if position + 1 < len(text) else " "
    return (before.isspace() or before in "([–—-/:") and not after.isspace()


def _can_close_straight(text: str, position: int) -> bool:
    after = text[position + 1] if position + 1 < len(text) else " "
    return not after.isalnum() and not text[position - 1].isspace()


def _strip(text: str, start: int, end: int) -> tuple[int, int]:
    while start < end and text[start].isspace():
        start += 1
    while end > start and text[end - 1].isspace():
        end -= 1
    return start, end


def is_statement(content: str) -> bool:
    words = _WORD.findall(content)
    return len(words) >= _STATEMENT_WORDS or (
        len(words) >= 2 and bool(_SENTENCE_END.search(content))
    )


def is_title_like(content: str) -> bool:
    """ "New York Post", "Hartz IV", "Computerwoche": every word capitalised, as names are."""
    words = _WORD.findall(content)
    return all(w[0].isupper() or w[0].isdigit() for w in words)


def is_name_or_title(content: str, *, has_cue: bool) -> bool:
    """A quoted name or title ("Union pour un Mouvement Populaire") or a web address.

    Names keep small words in lower case; a short phrase like „Moment der Wahrheit“ next to a
    speech cue is a partial quote, so with a cue only long names count."""
    if _WEB_ADDRESS.fullmatch(content.strip()):
        return True
    words = _WORD.findall(content)
    if not words or _SENTENCE_END.search(content) or (has_cue and len(words) < _STATEMENT_WORDS):
        return False
    capitalised = [w[0].isupper() or w[0].isdigit() for w in (words[0], words[-1])]
    small = [w[0].isupper() or w[0].isdigit() or w.lower() in TITLE_SMALL_WORDS for w in words]
    return all(capitalised) and all(small)


def _is_quoted_name(content: str) -> bool:
    """Short and capitalised like a name: never a direct quote, so its words stay in the
    frame, where they can name a speaker ("verkündete der „Hessische Turnverband“")."""
    return not is_statement(content) and is_title_like(content)


def inside_marks(token: Token, marked: Sequence[Marked]) -> bool:
    """Inside a quotation (a quoted name is part of the frame around it)."""
    return any(m.outer_start <= token.start < m.outer_end and not m.name for m in marked)


def outside_marks(tokens: Sequence[Token], marked: Sequence[Marked]) -> list[Token]:
    """The tokens not `inside_marks`; only the quotations that reach the tokens are tested."""
    if not tokens:
        return []
    first = min(t.start for t in tokens)
    last = max(t.start for t in tokens)
    near = [m for m in marked if not m.name and m.outer_start <= last and m.outer_end > first]
    if not near:
        return list(tokens)
    return [t for t in tokens if not inside_marks(t, near)]


def frame_tokens(
    sentences: Sequence[Sentence], marked: Sequence[Marked], mark: Marked
) -> list[Token]:
    """Tokens of the sentences the quote touches that lie outside every quote."""
    touched = [s for s in sentences if s.end > mark.outer_start and s.start < mark.outer_end]
    frame = [t for s in touched for t in outside_marks(s.tokens, marked)]
    if touched and not any(t.end <= mark.outer_start for t in frame):
        frame = _colon_lead(sentences, touched[0]) + frame
    return frame


def sentence_before(
    sentences: Sequence[Sentence], marked: Sequence[Marked], mark: Marked
) -> list[Token]:
    """Tokens outside quotes of the sentence that ends before the quote starts."""
    earlier = [s for s in sentences if s.end <= mark.outer_start]
    if not earlier:
        return []
    return outside_marks(earlier[-1].tokens, marked)


def _colon_lead(sentences: Sequence[Sentence], first: Sentence) -> list[Token]:
    """The sentence before a quote paragraph when it ends with a colon ("Peskow sagte:")."""
    earlier = [s for s in sentences if s.end <= first.start]
    if earlier and earlier[-1].tokens and earlier[-1].tokens[-1].text == ":":
        return list(earlier[-1].tokens)
    return []


def char_distance(token: Token, mark: Marked) -> int:
    if token.end <= mark.outer_start:
        return mark.outer_start - token.end
    return max(0, token.start - mark.outer_end)


def touches_marks(sentence: Sentence, marked: Sequence[Marked]) -> bool:
    return any(m.outer_start < sentence.end and m.outer_end > sentence.start for m in marked)
