"""Indirect and reported speech: the clause a cue reports, and the source it names."""

from __future__ import annotations

from collections.abc import Sequence

from synopse.annotate.speech import (
    CLAUSE_OPENERS,
    SO_REPORT,
    WIE_REPORT,
    Speaker,
    SpeakerResolver,
    SpeechLexicon,
    is_speech_verb,
    is_subjunctive,
)
from synopse.annotate.speech_phrases import FINITE_VERB_TAGS
from synopse.model import Quote, QuoteKind, Span, Token

_SOURCE_PREPOSITIONS = frozenset({"von", "vom"})
_EMERGES = "hervor"  # "Das geht aus dem Bericht hervor": the report is the source
_IMPERSONAL_SOURCES = frozenset({"aus", "von", "vom", "bei", "beim", "in", "im", "auf"})
_PUNCT = frozenset({"$,", "$.", "$("})
_CLAUSE_BREAK = frozenset({"$,", "$."})
_INFINITIVE_WITH_ZU = frozenset({"PTKZU", "VVIZU"})
# "Wie der niedersächsische Finanzminister Hartmut Möllring am Dienstag erklärte, …": the
# verb closes a clause-opening "wie" within this many tokens; a comma only within the
# subject's reach.
_MAX_WIE_CLAUSE = 16
_MAX_WIE_SUBJECT = 10
_MAX_WIE_COMPARED = 8  # a "wie" inside a clause: maybe a comparison, so only a short reach

# -- clauses --------------------------------------------------------------------------------


def indirect_after(
    text: str, tokens: Sequence[Token], cue: int, resolver: SpeakerResolver
) -> Quote | None:
    """ "Peskow sagte, er wisse nichts" / "Er erklärte, dass …": the clause after the comma."""
    comma = next_break(tokens, cue)
    if comma is None or comma + 1 >= len(tokens):
        return None
    clause = trim(tokens[comma + 1 :])
    if not clause or not _is_reported_clause(clause, after_cue=True):
        return None
    speaker = resolver.near(tokens[: comma + 1], cue)
    return make_quote(
        text, clause[0].start, clause[-1].end, QuoteKind.INDIRECT, speaker, tokens, cue
    )


def clause_before(
    text: str, tokens: Sequence[Token], cue: int, resolver: SpeakerResolver, kind: QuoteKind
) -> Quote | None:
    """ "Er wisse nichts, sagte Peskow." / "…, so Peskow.": the clause before the comma."""
    if cue == 0 or tokens[cue - 1].pos != "$,":
        return None
    clause = trim(tokens[: cue - 1])
    if not clause or not _is_reported_clause(clause, after_cue=False):
        return None
    speaker = resolver.near(tokens[cue:], 0)
    return make_quote(text, clause[0].start, clause[-1].end, kind, speaker, tokens, cue)


def _is_reported_clause(clause: Sequence[Token], *, after_cue: bool) -> bool:
    if after_cue and clause[0].lemma.lower() in CLAUSE_OPENERS:
        return True
    if after_cue and any(t.pos in _INFINITIVE_WITH_ZU for t in clause):
        return True  # "kündigte an, … zu verlassen", "forderte sie auf, … zu evakuieren"
    finite = [t for t in clause if t.pos in FINITE_VERB_TAGS]
    return bool(finite) and is_subjunctive(finite[0])


def next_break(tokens: Sequence[Token], cue: int) -> int | None:
    """The comma or colon that ends the speech verb's own clause, if no other verb comes first."""
    for index in range(cue + 1, len(tokens)):
        token = tokens[index]
        if token.pos == "$," or token.text == ":":
            return index
        if token.pos in FINITE_VERB_TAGS or token.pos == "$.":
            return None
    return None


def trim(tokens: Sequence[Token]) -> Sequence[Token]:
    start, end = 0, len(tokens)
    while start < end and tokens[start].pos in _PUNCT:
        start += 1
    while end > start and tokens[end - 1].pos in _PUNCT:
        end -= 1
    return tokens[start:end]


# -- reported speech ------------------------------------------------------------------------


def reported_by_marker(
    text: str, tokens: Sequence[Token], index: int, length: int, resolver: SpeakerResolver
) -> Quote | None:
    """ "Laut Kreml …", "Nach Angaben der Polizei …", "… dem Kreml zufolge": the whole clause."""
    speaker = marker_source(tokens, index, resolver, length)
    if speaker is None:
        return None
    clause = trim(_without_span(tokens, index, length, speaker.span))
    if not clause:
        return None
    return make_quote(
        text, clause[0].start, clause[-1].end, QuoteKind.REPORTED, speaker, tokens, index
    )


def marker_source(
    tokens: Sequence[Token], index: int, resolver: SpeakerResolver, length: int = 1
) -> Speaker | None:
    """The source a marker names: after "laut"/"nach Angaben" (and a "von"), before "zufolge"."""
    postposition = tokens[index].pos == "APPO"
    source = tokens[:index] if postposition else tokens[index + length :]
    if source and not postposition and source[0].text.lower() in _SOURCE_PREPOSITIONS:
        source = source[1:]  # "nach Informationen von Radio Bremen"
    return resolver.first(source, from_end=postposition)


def _without_span(
    tokens: Sequence[Token], index: int, length: int, span: Span | None
) -> Sequence[Token]:
    """The sentence without its attribution when that stands at the start or the end."""
    if span is None:
        return tokens
    frame_start = min(tokens[index].start, span.start)
    frame_end = max(tokens[index + length - 1].end, span.end)
    if frame_start == tokens[0].start:
        return [t for t in tokens if t.start >= frame_end]
    if all(t.pos in _PUNCT for t in tokens if t.start >= frame_end):
        return [t for t in tokens if t.end <= frame_start]
    return tokens


def is_wie_report(lexicon: SpeechLexicon, tokens: Sequence[Token], index: int) -> bool:
    if tokens[index].text.lower() != WIE_REPORT:
        return False
    verb = _wie_verb(lexicon, tokens, index)
    return verb is not None


def _wie_verb(lexicon: SpeechLexicon, tokens: Sequence[Token], index: int) -> int | None:
    """The speech verb that closes a "wie" clause. Commas may set off an apposition ("Wie
    Steve Marshall, Sprecher der UN, in Bangkok mitteilte"); another verb ends the search."""
    opening = index == 0 or tokens[index - 1].pos == "$,"  # not "so schwer wie Jupiter"
    reach = _MAX_WIE_CLAUSE if opening else _MAX_WIE_COMPARED
    for position in range(index + 1, min(len(tokens), index + reach)):
        if tokens[position].pos == "$.":
            return None
        if is_speech_verb(lexicon, tokens, position):
            return position
        if tokens[position].pos.startswith("V"):
            return None
        if tokens[position].pos == "$," and opening and position < index + _MAX_WIE_SUBJECT:
            continue
        if tokens[position].pos in _CLAUSE_BREAK:
            return None
    return None


def reported_by_wie(
    text: str, tokens: Sequence[Token], index: int, resolver: SpeakerResolver
) -> Quote | None:
    """ "Wie der Kreml mitteilte, …" / "…, wie Peskow sagte.": the rest of the sentence."""
    end = index + 1  # past the clause's verb (the first verb after "wie"), to its comma
    while end < len(tokens) and not tokens[end].pos.startswith("V"):
        end += 1
    while end < len(tokens) and tokens[end].pos not in _CLAUSE_BREAK:
        end += 1
    speaker = resolver.first(tokens[index + 1 : end], from_end=False)
    rest = list(tokens[:index]) + list(tokens[end:])
    clause = trim(rest)
    if not clause:
        return None
    return make_quote(
        text, clause[0].start, clause[-1].end, QuoteKind.REPORTED, speaker, tokens, index
    )


def reported_impersonal(
    text: str, tokens: Sequence[Token], index: int, resolver: SpeakerResolver
) -> Quote | None:
    """ "Aus dem Kreml hieß es, …": the source follows "aus"/"von"/"in"/"bei"."""
    speaker = impersonal_source(tokens, index, resolver)
    comma = next_break(tokens, index + 1)
    clause = trim(tokens[comma + 1 :] if comma is not None else tokens[: max(0, index - 1)])
    if not clause:
        return None
    return make_quote(
        text, clause[0].start, clause[-1].end, QuoteKind.REPORTED, speaker, tokens, index
    )


def impersonal_source(
    tokens: Sequence[Token], index: int, resolver: SpeakerResolver
) -> Speaker | None:
    """The source of "hieß es" / "heißt es": the phrase after the first "aus", "von", "bei" or,
    for documents, "in"/"auf" before the verb ("Aus der Staatskanzlei in München hieß es",
    "In der Erklärung des Verbands heißt es")."""
    sources = [i for i, t in enumerate(tokens[:index]) if t.lemma.lower() in _IMPERSONAL_SOURCES]
    if not sources:
        return None
    return resolver.first(tokens[sources[0] + 1 : index], from_end=False)


def reported_anaphoric(
    text: str, tokens: Sequence[Token], previous: Quote | None, source: Speaker | None
) -> Quote | None:
    """ "Demnach seien …": the adverb names the source (as the Wikinews corpus marks it); it
    stands for the one just quoted, else the one the sentence before names (`source`)."""
    clause = trim(tokens[1:])
    if not clause:
        return None
    name = previous.speaker_name if previous is not None else None
    if name is None and source is not None:
        name = source.name
    speaker = Speaker(Span(tokens[0].start, tokens[0].end, tokens[0].text), name)
    return make_quote(text, clause[0].start, clause[-1].end, QuoteKind.REPORTED, speaker, tokens, 0)


def anaphor_source(text: str, before: Sequence[Token], resolver: SpeakerResolver) -> Speaker | None:
    """What "Demnach" refers to in the sentence before: the document after "aus … hervor"
    ("Das geht aus dem Urteil hervor."), else the noun phrase opening it ("Die Studie …")."""
    emerges = next((i for i, t in enumerate(before) if t.text.lower() == _EMERGES), None)
    origin = next((i for i, t in enumerate(before[:emerges]) if t.text.lower() == "aus"), None)
    if emerges is not None and origin is not None and origin + 1 < emerges:
        document = before[origin + 1 : emerges]
        named = resolver.first(document, from_end=False)
        start, end = document[0].start, document[-1].end
        span = Span(start, end, text[start:end])
        return Speaker(span, named.name if named else None)
    return resolver.subject(before, generic=True) if before else None


def is_so_report(tokens: Sequence[Token], index: int) -> bool:
    """ "…, so Peskow." — "so" right after a comma, followed by a name or noun phrase."""
    if tokens[index].text.lower() != SO_REPORT or index == 0 or tokens[index - 1].pos != "$,":
        return False
    following = _next_token(tokens, index)
    return following is not None and following.pos in {"NE", "NN", "ART", "PPER", "ADJA"}


def _next_token(tokens: Sequence[Token], index: int) -> Token | None:
    return tokens[index + 1] if index + 1 < len(tokens) else None


def next_text(tokens: Sequence[Token], index: int) -> str:
    following = _next_token(tokens, index)
    return following.text.lower() if following else ""


def make_quote(
    text: str,
    start: int,
    end: int,
    kind: QuoteKind,
    speaker: Speaker | None,
    tokens: Sequence[Token],
    cue: int | None,
) -> Quote:
    cue_span = None if cue is None else Span(tokens[cue].start, tokens[cue].end, tokens[cue].text)
    return Quote(
        start=start,
        end=end,
        text=text[start:end],
        kind=kind,
        speaker=speaker.span if speaker else None,
        speaker_name=speaker.name if speaker else None,
        cue=cue_span,
    )
