"""Typing a name from its neighbours: the word before or after it, and coordinated names.

Used by `EntityRecognizer` (step 3) once the stronger evidence (lists, roles, heads) is spent.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import replace

from synopse.annotate.entity_consistency import NameSpan, token_index
from synopse.annotate.ner_words import (
    ARTICLES,
    COORDINATORS,
    PLACE_ENDINGS,
    SPEECH_VERBS,
    STREET_ENDINGS,
    announces_place,
    names_territory,
)
from synopse.model import EntityType, Token


def longer(phrase: NameSpan | None, run: NameSpan | None) -> NameSpan | None:
    """The listed phrase, unless a proper-noun run from the same token is longer."""
    if phrase is None or (run is not None and len(run.tokens) > len(phrase.tokens)):
        return run
    return phrase


def context_type(words: Sequence[str], around: Sequence[Token | None]) -> EntityType | None:
    """The type a name without listed or role evidence most often has, from its shape and
    the words `around` it (two before, one after); None when they give no cue."""
    before_von, before, after = around
    preceding = before.text if before is not None else ""
    if (after is not None and after.lemma in SPEECH_VERBS) or preceding in SPEECH_VERBS:
        return EntityType.PER
    if words[-1].endswith(STREET_ENDINGS) or (
        len(words) == 1 and words[0].lower().endswith(PLACE_ENDINGS)
    ):
        return EntityType.LOC
    if announces_place(before) or (preceding == "von" and names_territory(before_von)):
        return EntityType.LOC
    if preceding in ("von", "ab") and after is not None and after.text in ("nach", "bis"):
        return EntityType.LOC  # "von Wilson nach Downsview"
    if preceding in ARTICLES:
        return EntityType.ORG
    return None


def coordinated(spans: list[NameSpan], tokens: Sequence[Token]) -> list[NameSpan]:
    """Names joined by "und", "oder" or a comma share a type ("zwischen Elm und Börde"): a
    guessed member takes the type of a neighbour that has evidence."""
    typed = list(spans)
    for order in (range(1, len(typed)), range(len(typed) - 2, -1, -1)):
        for i in order:
            j = i - 1 if order.step == 1 else i + 1
            evidenced = not typed[j].guessed and typed[j].type is not None
            if (
                typed[i].guessed
                and evidenced
                and _joined(typed[min(i, j)], typed[max(i, j)], tokens)
            ):
                typed[i] = replace(typed[i], type=typed[j].type, guessed=False)
    return typed


def _joined(left: NameSpan, right: NameSpan, tokens: Sequence[Token]) -> bool:
    gap = tokens[token_index(tokens, left.tokens[-1]) + 1 : token_index(tokens, right.tokens[0])]
    return len(gap) == 1 and gap[0].text in COORDINATORS
