"""Candidate name spans and the document-wide pass that makes their types consistent.

`EntityRecognizer` finds and types spans sentence by sentence; `DocumentConsistency` then gives
every mention of a name the type of its best-evidenced mention in the text, links a bare
surname to the full name ("Trump" -> "Donald Trump"), strips genitives ("Putins" -> "Putin")
and splits guessed runs of known persons ("Putin Trump").
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass, replace

from synopse.annotate.gazetteer import Gazetteer
from synopse.model import EntityType, Token


@dataclass(frozen=True, slots=True)
class NameSpan:
    """A candidate name: tokens [first, last) of one sentence, with its type evidence."""

    tokens: tuple[Token, ...]
    type: EntityType | None = None
    strong: bool = False
    role: str | None = None
    guessed: bool = False  # typed by the fallback alone, without any cue

    @property
    def start(self) -> int:
        return self.tokens[0].start

    @property
    def end(self) -> int:
        return self.tokens[-1].end


class DocumentConsistency:
    """Give every mention of a name the type of its best-evidenced mention in the text."""

    def __init__(self, spans: Sequence[NameSpan], names: Gazetteer) -> None:
        self._spans = spans
        self._names = names
        self._strong: dict[str, EntityType] = {}
        self._full_names: dict[str, str] = {}  # surname -> fullest PER name ending in it

    def apply(self) -> list[tuple[NameSpan, str]]:
        for span in self._spans:
            self._learn(span)
        return [self._resolve(part) for span in self._spans for part in self._split(span)]

    def _split(self, span: NameSpan) -> list[NameSpan]:
        """ "Putin Trump", "Selenskyj Trump": a guessed run of names that are each a person
        known from elsewhere in the text is several mentions, not one organisation."""
        if span.strong or len(span.tokens) < 2:
            return [span]
        bases = [self._base_name(token.text) for token in span.tokens]
        if not all(self._strong.get(base) is EntityType.PER for base in bases):
            return [span]
        return [NameSpan((token,), EntityType.PER) for token in span.tokens]

    def _learn(self, span: NameSpan) -> None:
        name = span_text(span)
        if span.strong and span.type is not None:
            self._strong.setdefault(name, span.type)
        if span.type is EntityType.PER and span.strong and len(span.tokens) > 1:
            surname = span.tokens[-1].text
            if len(name) > len(self._full_names.get(surname, "")):
                self._full_names[surname] = name
            self._strong.setdefault(surname, EntityType.PER)

    def _resolve(self, span: NameSpan) -> tuple[NameSpan, str]:
        surface = span_text(span)
        base = self._base_name(surface)
        if not span.strong and base in self._strong:
            span = replace(span, type=self._strong[base])
        if span.type is EntityType.PER:
            return span, self._full_names.get(base, base)
        return span, base

    def _base_name(self, surface: str) -> str:
        for stripped in name_forms(surface)[1:]:
            known = stripped in self._strong or stripped in self._full_names
            if stripped != surface and (known or self._names.lists(stripped)):
                return stripped
        return surface


def span_text(span: NameSpan) -> str:
    return " ".join(t.text for t in span.tokens)


def name_forms(name: str) -> tuple[str, ...]:
    """The name and its bases without a genitive ending ("Kanadas", "Griechenlandes", and
    "Moskaus", whose -us ending hides the genitive); only listed bases are ever used."""
    forms = [name, without_genitive(name)]
    if name.endswith("s") and len(name) > 4:
        forms.append(name[:-1])
    if name.endswith("es") and len(name) > 5:
        forms.append(name[:-2])
    return tuple(forms)


def without_genitive(name: str) -> str:
    """ "Putins" -> "Putin", "Merz'" -> "Merz"; "Paris" and "Markus" stay."""
    if name.endswith(("'", "’")):
        return name[:-1]
    if name.endswith("s") and not name.endswith(("ss", "us", "is", "os")) and len(name) > 3:
        return name[:-1]
    return name


def token_index(tokens: Sequence[Token], token: Token, lo: int = 0) -> int:
    """`tokens.index(token, lo)`, comparing offsets before whole tokens (a dataclass's
    equality is slow and spans are looked up in every sentence many times)."""
    start = token.start
    for k in range(lo, len(tokens)):
        candidate = tokens[k]
        if candidate is token or (candidate.start == start and candidate == token):
            return k
    raise ValueError(f"{token!r} is not in the tokens")
