"""Faster drop-ins for SoMaJo's tokenizer passes, with identical tokens.

SoMaJo splits a paragraph by running some sixty regexes, one after the other, over every
still-unsplit piece of it (until the last pass these pieces are long: whitespace is split
last). On news text most of these regexes find nothing, yet each scans the whole piece.

1. Known abbreviations (`_split_abbreviations`, ~40 % of SoMaJo's time here): one regex with
   some 1,200 case-insensitive alternatives tried at every word start. Every alternative
   contains a full stop, so a match starts at most `reach` characters before one, and the
   text from its start to that full stop is the head of a listed abbreviation (or a letter).
   `_Anchored.matches` tries the regex (its own `match`, which sees the text before the start
   position, as `finditer` does) only at such starts, in order, skipping past each match:
   the same matches as `finditer`. The multi-dot single-token abbreviations likewise.
2. Other passes (`_split_all_matches`): for each regex a cheap necessary condition (a
   character or a short regex every match must contain); a piece that fails it would not be
   split, so the pass leaves it alone without running the regex. Only for the SoMaJo
   version whose regexes the conditions were written from.
3. A pass that splits at whole matches searches a piece once and calls SoMaJo's splitter
   only when there is a match.
4. Emoji: SoMaJo runs a regex on every grapheme of every piece; a piece without any emoji
   character gives it nothing to split.

tests/annotate/test_fast_somajo.py checks every condition against its regex and the tokens
against an untouched SoMaJo on varied team-written text.
"""

from __future__ import annotations

from collections.abc import Callable
from importlib import metadata
from typing import Any

import regex  # SoMaJo's regex engine (\p{...} classes, the same case folding)
from somajo import utils as somajo_utils

Pattern = Any  # a compiled `regex` pattern
Condition = Callable[[str], bool]


def _contains(*needles: str) -> Condition:
    """True when the text contains one of the needles (for case-sensitive regexes, or needles
    without letters)."""
    if len(needles) == 1:
        needle = needles[0]
        return lambda text: needle in text
    return lambda text: any(needle in text for needle in needles)


def _finds(pattern: str, flags: int = 0) -> Condition:
    """True when a (simpler) regex matches somewhere: for conditions with letters or classes,
    compiled with the flags of the regex it guards, so case folding is the same."""
    search = regex.compile(pattern, flags).search
    return lambda text: search(text) is not None


_I = regex.IGNORECASE
_DIGIT = _finds(r"\d")

# Tokenizer attribute -> a condition every text with a match satisfies. Each is implied by
# the regex as SoMaJo 2.5.0 writes it (see its tokenizer.py); the test checks each on text.
_CONDITIONS_FOR_VERSION = "2.5.0"
_CONDITIONS: dict[str, Condition] = {
    "xml_declaration": _contains("<?"),
    "tag": _contains("<"),
    "email": _contains("@", " [at] "),
    "markdown_links": _contains("]("),
    "simple_url_with_brackets": _finds(r"://|www\.", _I),
    "simple_url": _finds(r"://|www\.", _I),
    "doi": _finds(r"doi:", _I),
    "doi_with_space": _finds(r"doi: ", _I),
    "reddit_links": _contains("/"),
    "entity": _contains("&"),
    "mention": _contains("@"),
    "action_word": _contains("*"),
    "underline": _contains("_"),
    "emoji": _contains("emojiQ"),
    "url_without_protocol": _finds(
        r"\.(?:de|com|tv|me|net|us|org|at|cc|ly|be|ch|info|live|eu|edu|gov|jpg|png|gif|log|txt"
        r"|xlsx?|docx?|pptx?|pdf)",
        _I,
    ),
    "single_tokens": _finds(r"[/;]|\.net|\dg", _I),
    "token_with_plus_ampersand": _contains("+", "&"),
    "gender_marker": _finds(r"[*:/]in", _I),
    "single_letter_ellipsis": _contains("..."),
    "and_cetera": _contains("&c."),
    "str_abbreviations": _finds(r"str\.", _I),
    "nr_abbreviations": _finds(r"Nr\.", _I),
    "ps": _finds(r"ps\.", _I),
    "isbn": _finds(r"[0-9](?:[0-9]{8}|[ -][0-9])"),
    "three_part_date_year_first": _finds(r"\d[/-]\d"),
    "three_part_date_dmy": _finds(r"\d[./-]\d"),
    "three_part_date_mdy": _finds(r"\d[./-]\d"),
    "two_part_date": _finds(r"\d[./-]\d"),
    "time": _finds(r"\d:\d"),
    "ordinal": _finds(r"\d\."),
    "number_range": _finds(r"\d[-–][−+-]?[.,]?\d"),
    "fraction": _finds(r"\d/\d"),
    "calculation": _finds(r"\d[+*x×÷−]\d"),
    "amount": _finds(r"\d[\d,.]*[,.]-"),
    "semester": _finds(r"(?:[WS]S|SoSe|WiSe)\d\d", _I),
    "measurement": _DIGIT,
    "number_compound": _DIGIT,
    "number": _DIGIT,
    "ipv4": _finds(r"\d\.\d"),
    "section_number": _finds(r"\d\.\d"),
}

# Every character SoMaJo's emoji splitter looks for, in either of its two checks.
_EMOJI_CHARACTER = regex.compile(r"[\p{Extended_Pictographic}\p{Emoji_Presentation}\uFE0F]")


def speed_up(tokenizer: Any) -> None:
    """Replace the slow passes of this SoMaJo `Tokenizer` instance (`SoMaJo(...)._tokenizer`)
    by the faster equivalents above; a pass whose regex is not SoMaJo's known one is kept."""
    conditions: dict[int, Condition] = {}
    if metadata.version("SoMaJo") == _CONDITIONS_FOR_VERSION:
        conditions = {
            id(getattr(tokenizer, name)): condition
            for name, condition in _CONDITIONS.items()
            if hasattr(tokenizer, name)
        }
    split_matches = tokenizer._split_matches
    split_on_boundaries = tokenizer._split_on_boundaries
    anchored = _single_token_abbreviations(tokenizer)

    def split_all_matches(
        pattern: Pattern,
        token_dll: Any,
        token_class: str = "regular",
        *,
        repl: str | None = None,
        split_named_subgroups: bool = True,
        delete_whitespace: bool = False,
    ) -> None:
        condition = conditions.get(id(pattern))
        # SoMaJo's `_split_matches` splits at whole matches unless it splits at named groups
        # or expands a replacement; those cases still go to it.
        whole = repl is None and not (split_named_subgroups and pattern.groupindex)
        search = pattern.search
        for t in token_dll:
            if t.value.markup or t.value._locked:
                continue
            text = t.value.text
            if condition is not None and not condition(text):
                continue  # no match: SoMaJo would leave the piece as it is
            if not whole:
                split_matches(
                    pattern, t, token_class, repl, split_named_subgroups, delete_whitespace
                )
            elif anchored is not None and pattern is anchored.pattern:
                boundaries = [(m.start(), m.end(), None) for m in anchored.matches(text)]
                split_on_boundaries(t, boundaries, token_class, delete_whitespace=delete_whitespace)
            elif search(text) is not None:  # (no match: no boundaries, the piece stays)
                boundaries = [(m.start(), m.end(), None) for m in pattern.finditer(text)]
                split_on_boundaries(t, boundaries, token_class, delete_whitespace=delete_whitespace)

    tokenizer._split_all_matches = split_all_matches

    split_emojis = tokenizer._split_emojis

    def split_emojis_if_any(node: Any, token_class: str = "emoticon") -> None:
        if _EMOJI_CHARACTER.search(node.value.text) is not None:
            split_emojis(node, token_class)

    tokenizer._split_emojis = split_emojis_if_any

    abbreviations = _abbreviations(tokenizer)
    if abbreviations is not None:
        tokenizer._split_abbreviations = _abbreviation_splitter(tokenizer, abbreviations)


# Characters outside ASCII that simple case folding maps into it (long s, Kelvin sign).
_FOLDS_TO_ASCII = ("\u017f", "\u212a")


class _Anchored:
    r"""`pattern.finditer(text)` for a regex of the form
    `(?<!lookbehind)(?:literal|...)...`, case-insensitive, where every literal has a full stop:
    a match's first full stop lies at most `reach` characters after its start, and the text
    from the start to that full stop is, ignoring case, one of the literals' heads (each up to
    its first full stop), or a letter and a full stop when `letter_dot` (SoMaJo's
    `(?:\p{L}\.){2,}`). The regex is tried only at such starts, with its own `match`
    (which sees the text before the start, as `finditer` does), left to right, skipping past
    each match: the same matches, in the same order."""

    def __init__(
        self, pattern: Pattern, lookbehind: str, literals: list[str], letter_dot: bool
    ) -> None:
        self.pattern = pattern
        self._opening = regex.compile(lookbehind)
        heads = [literal[: literal.index(".") + 1] for literal in literals]
        self._reach = max(len(head) for head in heads) - 1
        if letter_dot:
            self._reach = max(self._reach, 1)
        self._letter_dot = letter_dot
        # A head with a non-ASCII character cannot match ASCII text (no folds into ASCII,
        # checked below); ASCII text is compared with ASCII heads by lower-casing, which is
        # case folding on ASCII.
        self._ascii_heads = frozenset(head.lower() for head in heads if head.isascii())

    def matches(self, text: str) -> list[Any]:
        found = []
        match = self.pattern.match
        opening = self._opening.finditer
        heads = self._ascii_heads
        reach = self._reach
        letter_dot = self._letter_dot
        tried = 0  # every start before this has been tried (or lies inside a match)
        stop = text.find(".")
        while stop >= 0:
            first = max(tried, stop - reach)
            tried = stop + 1
            for start in opening(text, first, stop):
                at = start.start()
                head = text[at : stop + 1]
                if (letter_dot and len(head) == 2) or not head.isascii() or head.lower() in heads:
                    m = match(text, at)
                    if m is not None:
                        found.append(m)
                        tried = m.end()
                        break
            stop = text.find(".", max(tried, stop + 1))
        return found


def _anchored(
    pattern: Pattern, expected: str, lookbehind: str, literals: list[str], letter_dot: bool
) -> _Anchored | None:
    """An `_Anchored` for the pattern, or None when it is not the regex SoMaJo builds from
    these literals (a changed SoMaJo: its own code then runs)."""
    if (
        pattern.pattern != expected
        or not pattern.flags & regex.IGNORECASE
        or pattern.flags & regex.FULLCASE
        or pattern.groupindex
        or not literals
        or any("." not in literal for literal in literals)
        or any(c in literal for literal in literals for c in _FOLDS_TO_ASCII)
    ):
        return None
    return _Anchored(pattern, lookbehind, literals, letter_dot)


def _abbreviations(tokenizer: Any) -> _Anchored | None:
    """SoMaJo's known abbreviations (all with a full stop) and letter-dot sequences."""
    listed = somajo_utils.read_abbreviation_file(
        f"abbreviations_{tokenizer.language[:2]}.txt", to_lower=True
    )
    lookbehind = r"(?<![\p{L}.])"
    expected = (
        lookbehind
        + r"(?:(?:(?:\p{L}\.){2,})|"
        + "|".join(regex.escape(a) for a in listed)
        + r")+(?!\p{L}{1,3}\.)"
    )
    return _anchored(tokenizer.abbreviation, expected, lookbehind, listed, letter_dot=True)


def _single_token_abbreviations(tokenizer: Any) -> _Anchored | None:
    """SoMaJo's multi-dot abbreviations that are tokens by themselves (no groups)."""
    listed = somajo_utils.read_abbreviation_file(
        f"single_token_abbreviations_{tokenizer.language[:2]}.txt"
    )
    lookbehind = r"(?<![\w.])"
    expected = lookbehind + "(?:" + "|".join(regex.escape(a) for a in listed) + r")(?!\p{L})"
    pattern = tokenizer.single_token_abbreviation
    return _anchored(pattern, expected, lookbehind, listed, letter_dot=False)


def _abbreviation_splitter(tokenizer: Any, abbreviations: _Anchored) -> Callable[..., None]:
    """SoMaJo's `Tokenizer._split_abbreviations`, the last loop's `finditer` anchored."""

    def split_abbreviations(token_dll: Any, split_multipart_abbrevs: bool = True) -> None:
        split_all = tokenizer._split_all_matches
        split_all(tokenizer.single_letter_ellipsis, token_dll, "abbreviation")
        split_all(tokenizer.and_cetera, token_dll, "abbreviation")
        split_all(tokenizer.str_abbreviations, token_dll, "abbreviation")
        split_all(tokenizer.nr_abbreviations, token_dll, "abbreviation")
        split_all(tokenizer.single_token_abbreviation, token_dll, "abbreviation")
        split_all(tokenizer.single_letter_abbreviation, token_dll, "abbreviation")
        split_all(tokenizer.ps, token_dll, "abbreviation")
        multipart = tokenizer.multipart_abbreviation
        for t in token_dll:
            if t.value.markup or t.value._locked:
                continue
            boundaries: list[tuple[int, int, str | None]] = []
            for m in abbreviations.matches(t.value.text):
                instance = m.group(0)
                if split_multipart_abbrevs and multipart.fullmatch(instance):
                    start = m.start()
                    s = start
                    for i, c in enumerate(instance, start=1):
                        if c == ".":
                            boundaries.append((s, start + i, None))
                            s = start + i
                else:
                    boundaries.append((m.start(), m.end(), None))
            tokenizer._split_on_boundaries(t, boundaries, "abbreviation")

    return split_abbreviations
