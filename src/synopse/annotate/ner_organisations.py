"""Organisation names that proper-noun tags miss: legal forms, clubs, institutions and
adjective names ("Brenner AG", "1. FC Nürnberg", "Bundesamt für Justiz", "Deutsche Bank").

`OrganisationFinder` is used by `EntityRecognizer` in step 2 of its recognition.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import replace

from synopse.annotate.entity_consistency import NameSpan, token_index
from synopse.annotate.gazetteer import Gazetteer
from synopse.annotate.ner_words import (
    INSTITUTION_PREFIXES,
    NAME_ADJECTIVES,
    ORG_LINKS,
    continues_club,
    is_capitalised_noun,
    is_place_adjective,
)
from synopse.model import EntityType, Token


class OrganisationFinder:
    """Organisation spans starting at a token, from heads, legal forms and club prefixes."""

    def __init__(self, names: Gazetteer) -> None:
        self._gazetteer = names

    def adjective_organisation(self, tokens: Sequence[Token], i: int) -> NameSpan | None:
        """ "Münchner Sicherheitskonferenz", "Deutsche Bank": name adjectives before a head."""
        end = i
        while end < len(tokens) and (
            tokens[end].text in NAME_ADJECTIVES or self._is_place_adjective(tokens[end])
        ):
            end += 1
        head = tokens[end].text if end < len(tokens) else ""
        if end == i or not self._heads_adjective_name(head):
            return self.institution_at(tokens, i)
        if self._gazetteer.heads_event(head):  # "Münchner Sicherheitskonferenz"
            return NameSpan(tuple(tokens[i : end + 1]), EntityType.MISC, strong=True)
        return self.extend(tokens, NameSpan(tuple(tokens[i : end + 1])))

    def _is_place_adjective(self, token: Token) -> bool:
        """ "Münchner"; also "Bayreuther", which HanTa may tag NN, when "Bayreuth" is a place."""
        if is_place_adjective(token):
            return True
        word = token.text
        stem = word[:-2]
        return (
            token.pos == "NN"
            and word.endswith("er")
            and self._gazetteer.place_kind(stem, proper_noun=True)
        )

    def _heads_adjective_name(self, word: str) -> bool:
        names = self._gazetteer
        return (
            names.heads_organisation(word)
            or names.is_local_institution(word)
            or names.heads_event(word)
        )

    def local_institution_at(self, tokens: Sequence[Token], i: int) -> NameSpan | None:
        """ "Staatsanwaltschaft Düsseldorf", "Feuerwehr Oldenburg": an institution every
        town has, named by the place after it."""
        word = tokens[i].text
        if i + 1 >= len(tokens) or tokens[i].pos != "NN":
            return None
        if not (
            self._gazetteer.is_local_institution(word) or self._gazetteer.heads_organisation(word)
        ):
            return None
        name = tokens[i + 1]
        if name.pos != "NE" or not self._names_institution(name.text):
            return None
        return NameSpan((tokens[i], name), EntityType.ORG, strong=True)

    def _names_institution(self, name: str) -> bool:
        """Whether `name` after the head noun is the institution's place ("Staatsanwaltschaft
        Düsseldorf"), also a district after a hyphen ("Klinikum Hamburg-Eppendorf")."""
        place = name.split("-")[0]
        return self._gazetteer.place_kind(place, proper_noun=True)

    def institution_at(self, tokens: Sequence[Token], i: int) -> NameSpan | None:
        """A compound such as "Bundesnachrichtendienst" or "Bundesamt für Justiz"."""
        word = tokens[i].text
        if word.startswith(INSTITUTION_PREFIXES) and self._gazetteer.heads_organisation(word):
            span = NameSpan((tokens[i],), EntityType.ORG, strong=True)
            return self.extend(tokens, span)
        return None

    def extend(self, tokens: Sequence[Token], span: NameSpan) -> NameSpan:
        """Take in a legal form ("AG") or a "für"-complement after an organisation head."""
        end = token_index(tokens, span.tokens[-1]) + 1
        if end < len(tokens) and tokens[end].text in self._gazetteer.org_suffixes:
            return replace(span, tokens=(*span.tokens, tokens[end]))
        if span.tokens and self._gazetteer.heads_organisation(span.tokens[-1].text):
            complement = _org_complement(tokens, end)
            return replace(span, tokens=(*span.tokens, *tokens[end:complement]))
        return span

    def legal_form_at(self, tokens: Sequence[Token], i: int) -> NameSpan | None:
        """ "Beispiel Technik GmbH": up to three capitalised words closed by a legal form; a
        descriptor noun before them is not part of the name ("Autozulieferer Brenner AG")."""
        if self._gazetteer.describes_organisation(tokens[i].text):
            return None
        end = i
        while end < min(i + 3, len(tokens)) and is_capitalised_noun(tokens[end]):
            if tokens[end].text in self._gazetteer.org_suffixes:
                break
            end += 1
        if end == i or end >= len(tokens) or tokens[end].text not in self._gazetteer.org_suffixes:
            return None
        return NameSpan(tuple(tokens[i : end + 1]), EntityType.ORG, strong=True)

    def club_at(self, tokens: Sequence[Token], i: int) -> NameSpan | None:
        """ "1. FC Nürnberg", "FC Schalke 04", "SV Wehen-Wiesbaden": a club abbreviation, the
        place or name after it, and a founding year."""
        first = i + 1 if tokens[i].text == "1." and i + 1 < len(tokens) else i
        if tokens[first].text not in self._gazetteer.club_prefixes:
            return None
        end = first + 1
        while end < min(first + 4, len(tokens)) and continues_club(tokens[end]):
            end += 1
        if end == first + 1 or not tokens[first + 1].text[:1].isupper():
            return None
        return NameSpan(tuple(tokens[i:end]), EntityType.ORG, strong=True)


def _org_complement(tokens: Sequence[Token], end: int) -> int:
    if end + 1 >= len(tokens) or tokens[end].text not in ORG_LINKS:
        return end
    stop = end + 1
    while stop < len(tokens) and is_capitalised_noun(tokens[stop]):
        stop += 1
    return stop if stop > end + 1 else end
