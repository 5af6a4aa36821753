"""The medium of a quote: where it was said, when the frame names it.

Named platforms and outlets (`data/speech_media.txt`: "Truth Social", "Fox News", "X") win
over a general pattern: a preposition and a noun naming the occasion ("in einem Interview",
"auf einer Pressekonferenz", `data/speech_medium_nouns.txt`). Only the words around the quote
in its own sentence are searched, never the quote itself, and the match nearest the cue wins.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import dataclass
from importlib import resources

from synopse.model import Quote, Sentence

_DATA = "synopse.annotate.data"
# A one- or two-letter name ("X") is only a medium right after one of these words.
_SHORT_NAME_CONTEXT = frozenset({"auf", "bei", "via", "plattform", "dienst", "netzwerk"})
# A named outlet needs a governing word among the few before it ("sagte der Bild",
# "im Interview mit Fox News", "auf Instagram"), so that "ein Bild" is no medium.
_NAME_CONTEXT = frozenset(
    {"auf", "bei", "beim", "via", "mit", "gegenüber", "dem", "der", "im", "in", "sender",
     "plattform", "dienst", "zeitung", "magazin", "netzwerk", "kanal", "blatt"}
)  # fmt: skip
_NAME_CONTEXT_WORDS = 3
_LEAD_WORD = re.compile(r"[\w-]+")
_OCCASION_PREPOSITIONS = r"(?:in|im|bei|beim|auf|während|nach|mit)"


def _load(name: str) -> tuple[str, ...]:
    text = resources.files(_DATA).joinpath(name).read_text(encoding="utf-8")
    lines = (line.split("#", 1)[0].strip() for line in text.splitlines())
    return tuple(dict.fromkeys(line for line in lines if line))


@dataclass(frozen=True, slots=True)
class MediumFinder:
    names: re.Pattern[str]
    occasions: re.Pattern[str]
    nouns: tuple[str, ...]

    @classmethod
    def load(cls) -> MediumFinder:
        names = sorted(_load("speech_media.txt"), key=len, reverse=True)
        nouns = tuple(sorted(_load("speech_medium_nouns.txt"), key=len, reverse=True))
        endings = "|".join(re.escape(n.lower()) for n in nouns)
        return cls(
            names=re.compile(r"(?<![\w-])(?:" + "|".join(map(re.escape, names)) + r")(?![\w-])"),
            occasions=re.compile(
                rf"\b{_OCCASION_PREPOSITIONS}\s+(?:[\w-]+\s+){{0,3}}?([\w-]*(?:{endings}))\b",
                re.IGNORECASE,
            ),
            nouns=nouns,
        )

    def __call__(self, text: str, sentences: Sequence[Sentence], quote: Quote) -> str | None:
        windows = _frame_windows(text, sentences, quote)
        anchor = quote.cue.start if quote.cue else quote.start
        named = [m for w in windows for m in self._named(text, w)]
        if named:
            return min(named, key=lambda m: abs(m[0] - anchor))[1]
        occasions = [m for w in windows for m in self._occasions(text, w)]
        return min(occasions, key=lambda m: abs(m[0] - anchor))[1] if occasions else None

    def _named(self, text: str, window: tuple[int, int]) -> list[tuple[int, str]]:
        found = []
        for match in self.names.finditer(text, *window):
            lead = [
                w.lower()
                for w in _LEAD_WORD.findall(text[max(0, match.start() - 60) : match.start()])
            ]
            if len(match.group()) <= 2:
                context, words = _SHORT_NAME_CONTEXT, lead[-1:]
            else:
                context, words = _NAME_CONTEXT, lead[-_NAME_CONTEXT_WORDS:]
            if context.intersection(words):
                found.append((match.start(), match.group()))
        return found

    def _occasions(self, text: str, window: tuple[int, int]) -> list[tuple[int, str]]:
        found = []
        for match in self.occasions.finditer(text, *window):
            word = match.group(1)
            if not word[0].isupper():
                continue
            noun = next(n for n in self.nouns if word.lower().endswith(n.lower()))
            found.append((match.start(1), noun))
        return found


def _frame_windows(text: str, sentences: Sequence[Sentence], quote: Quote) -> list[tuple[int, int]]:
    """The stretches of the quote's sentences (and its cue's) outside the quote itself."""
    low = min(quote.start, quote.cue.start if quote.cue else quote.start)
    high = max(quote.end, quote.cue.end if quote.cue else quote.end)
    touched = [s for s in sentences if s.end > low and s.start < high]
    if not touched:
        return []
    start, end = touched[0].start, touched[-1].end
    return [(a, b) for a, b in ((start, quote.start), (quote.end, end)) if b > a]
