"""Quotations and who said them: direct, indirect and reported speech in German news text.

1. Direct quotes are found on the text, not on sentences (SoMaJo splits a multi-sentence quote
   into several sentences): every pair of „…“, »…«, «…», "…", “…” whose content is a statement.
   A short quoted phrase counts only when its sentence holds a speech cue (scare quotes and
   titles like »New York Post« do not).
2. Indirect speech: a speech verb with a clause in Konjunktiv I or opened by "dass"/"ob",
   before ("Er sagte, er habe …") or after ("Er habe …, sagte Peskow.") the verb; following
   sentences in Konjunktiv I without a cue of their own continue the same speaker.
3. Reported speech: "laut X", "X zufolge", "nach Angaben X", "wie X mitteilte", "hieß es".
4. Speakers: the name, role noun, pronoun or institution nearest the cue, resolved to a mention.
"""

from __future__ import annotations

import re
from collections.abc import Iterator, Sequence
from dataclasses import dataclass

import gender_guesser.detector as gender

from synopse.annotate.speech import (
    ANAPHORIC_MARKERS,
    CLAUSE_OPENERS,
    FINITE_VERB_TAGS,
    IMPERSONAL_REPORT_LEMMAS,
    SO_REPORT,
    WIE_REPORT,
    Speaker,
    SpeakerResolver,
    SpeechLexicon,
    is_speech_noun,
    is_speech_verb,
    is_subjunctive,
    reported_marker_at,
)
from synopse.model import Mention, Quote, QuoteKind, Sentence, Span, Token

# Opening mark -> the marks that may close it. Single marks (‚‘ ›‹) only occur nested inside
# these, and stay part of the outer quote.
_CLOSERS = {"„": '“”"', "»": "«", "«": "»", "“": "”", '"': '"'}
_MAX_QUOTE_CHARS = 5000
_WORD = re.compile(r"\w+")
# A quote this long, or ending like a sentence, is a statement on its own.
_STATEMENT_WORDS = 5
_SENTENCE_END = re.compile(r"[.!?…]\W*$")
_PUNCT = frozenset({"$,", "$.", "$("})
_CLAUSE_BREAK = frozenset({"$,", "$."})
_INFINITIVE_WITH_ZU = frozenset({"PTKZU", "VVIZU"})


@dataclass(frozen=True, slots=True)
class _Marked:
    """A quoted stretch: `start`/`end` without the marks, `outer_*` with them."""

    outer_start: int
    outer_end: int
    start: int
    end: int


class QuoteFinder:
    """Find direct, indirect and reported quotes and attribute them to speakers."""

    def __init__(self) -> None:
        self._lexicon = SpeechLexicon.load()
        self._genders = gender.Detector(case_sensitive=False).get_gender

    def __call__(
        self, text: str, sentences: Sequence[Sentence], mentions: Sequence[Mention]
    ) -> tuple[Quote, ...]:
        resolver = SpeakerResolver(text, mentions, self._lexicon, self._genders)
        marked = _marked_spans(text)
        direct = list(self._direct_quotes(text, sentences, marked, resolver))
        indirect = list(self._indirect_quotes(text, sentences, marked, resolver))
        return tuple(sorted(direct + indirect, key=lambda q: (q.start, q.end, q.kind)))

    # -- direct ---------------------------------------------------------------------------

    def _direct_quotes(
        self,
        text: str,
        sentences: Sequence[Sentence],
        marked: Sequence[_Marked],
        resolver: SpeakerResolver,
    ) -> Iterator[Quote]:
        for mark in marked:
            frame = _frame_tokens(sentences, marked, mark)
            cue = self._nearest_cue(frame, mark)
            content = text[mark.start : mark.end]
            if not _is_statement(content) and (cue is None or _is_title_like(content)):
                continue
            speaker = self._direct_speaker(frame, cue, mark, resolver)
            yield _quote(text, mark.start, mark.end, QuoteKind.DIRECT, speaker, frame, cue)

    def _nearest_cue(self, frame: Sequence[Token], mark: _Marked) -> int | None:
        cues = [i for i in range(len(frame)) if self._is_cue(frame, i)]
        if not cues:
            return None
        return min(cues, key=lambda i: _char_distance(frame[i], mark))

    def _is_cue(self, tokens: Sequence[Token], index: int) -> bool:
        if is_speech_verb(self._lexicon, tokens, index) or is_speech_noun(
            self._lexicon, tokens[index]
        ):
            return True
        if reported_marker_at(self._lexicon, tokens, index):
            return True
        return _is_so_report(tokens, index)

    def _direct_speaker(
        self,
        frame: Sequence[Token],
        cue: int | None,
        mark: _Marked,
        resolver: SpeakerResolver,
    ) -> Speaker | None:
        if cue is not None and reported_marker_at(self._lexicon, frame, cue):
            return _marker_source(frame, cue, resolver)
        if cue is not None:
            return resolver.near(frame, cue)
        before = [t for t in frame if t.end <= mark.outer_start]
        if before and before[-1].text == ":":  # "Peskow: „…“"
            return resolver.near(before, len(before) - 1, after=False)
        return resolver.subject(before)  # "Das Gericht kam zu dem Ergebnis, „…“"

    # -- indirect and reported -------------------------------------------------------------

    def _indirect_quotes(
        self,
        text: str,
        sentences: Sequence[Sentence],
        marked: Sequence[_Marked],
        resolver: SpeakerResolver,
    ) -> Iterator[Quote]:
        previous: Quote | None = None
        for sentence in sentences:
            tokens = [t for t in sentence.tokens if not _inside_marks(t, marked)]
            if len(tokens) < 3:
                previous = None
                continue
            found = self._sentence_quote(text, tokens, resolver, previous)
            if found is None and not _touches_marks(sentence, marked):
                found = self._speech_act(text, tokens, resolver)
            if found is None and previous is not None:
                found = _continuation(text, tokens, previous)
            if found is not None:
                yield found
            previous = found

    def _sentence_quote(
        self,
        text: str,
        tokens: Sequence[Token],
        resolver: SpeakerResolver,
        previous: Quote | None,
    ) -> Quote | None:
        if tokens[0].text.lower() in ANAPHORIC_MARKERS:
            return _reported_anaphoric(text, tokens, previous)
        for index in range(len(tokens)):
            quote = self._quote_at(text, tokens, index, resolver)
            if quote is not None:
                return quote
        return None

    def _speech_act(
        self, text: str, tokens: Sequence[Token], resolver: SpeakerResolver
    ) -> Quote | None:
        """ "Der Minister forderte neue Verhandlungen.": a statement summarised, no clause."""
        for index, token in enumerate(tokens):
            if token.pos in FINITE_VERB_TAGS and is_speech_verb(self._lexicon, tokens, index):
                speaker = resolver.near(tokens, index)
                clause = _trim(tokens)
                if speaker is not None and clause:
                    start, end = clause[0].start, clause[-1].end
                    return _quote(text, start, end, QuoteKind.REPORTED, speaker, tokens, index)
        return None

    def _quote_at(
        self, text: str, tokens: Sequence[Token], index: int, resolver: SpeakerResolver
    ) -> Quote | None:
        marker = reported_marker_at(self._lexicon, tokens, index)
        if marker:
            return _reported_by_marker(text, tokens, index, marker, resolver)
        if _is_wie_report(self._lexicon, tokens, index):
            return _reported_by_wie(text, tokens, index, resolver)
        if tokens[index].lemma in IMPERSONAL_REPORT_LEMMAS and _next_text(tokens, index) == "es":
            return _reported_impersonal(text, tokens, index, resolver)
        if _is_so_report(tokens, index):
            return _clause_before(text, tokens, index, resolver, QuoteKind.INDIRECT)
        if is_speech_verb(self._lexicon, tokens, index):
            return _indirect_after(text, tokens, index, resolver) or _clause_before(
                text, tokens, index, resolver, QuoteKind.INDIRECT
            )
        return None


# -- quotation marks ------------------------------------------------------------------------


def _marked_spans(text: str) -> tuple[_Marked, ...]:
    found: list[_Marked] = []
    position = 0
    while position < len(text):
        char = text[position]
        close = _closing_mark(text, position) if char in _CLOSERS else None
        if close is None:
            position += 1
            continue
        start, end = _strip(text, position + 1, close)
        if end > start:
            found.append(_Marked(position, close + 1, start, end))
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


def _is_statement(content: str) -> bool:
    words = _WORD.findall(content)
    return len(words) >= _STATEMENT_WORDS or (
        len(words) >= 2 and bool(_SENTENCE_END.search(content))
    )


def _is_title_like(content: str) -> bool:
    """ "New York Post", "Hartz IV", "Computerwoche": every word capitalised, as names are."""
    words = _WORD.findall(content)
    return all(w[0].isupper() or w[0].isdigit() for w in words)


def _inside_marks(token: Token, marked: Sequence[_Marked]) -> bool:
    return any(m.outer_start <= token.start < m.outer_end for m in marked)


def _frame_tokens(
    sentences: Sequence[Sentence], marked: Sequence[_Marked], mark: _Marked
) -> list[Token]:
    """Tokens of the sentences the quote touches that lie outside every quote."""
    touched = [s for s in sentences if s.end > mark.outer_start and s.start < mark.outer_end]
    frame = [t for s in touched for t in s.tokens if not _inside_marks(t, marked)]
    if touched and not any(t.end <= mark.outer_start for t in frame):
        frame = _colon_lead(sentences, touched[0]) + frame
    return frame


def _colon_lead(sentences: Sequence[Sentence], first: Sentence) -> list[Token]:
    """The sentence before a quote paragraph when it ends with a colon ("Peskow sagte:")."""
    earlier = [s for s in sentences if s.end <= first.start]
    if earlier and earlier[-1].tokens and earlier[-1].tokens[-1].text == ":":
        return list(earlier[-1].tokens)
    return []


def _char_distance(token: Token, mark: _Marked) -> int:
    if token.end <= mark.outer_start:
        return mark.outer_start - token.end
    return max(0, token.start - mark.outer_end)


# -- clauses --------------------------------------------------------------------------------


def _indirect_after(
    text: str, tokens: Sequence[Token], cue: int, resolver: SpeakerResolver
) -> Quote | None:
    """ "Peskow sagte, er wisse nichts" / "Er erklärte, dass …": the clause after the comma."""
    comma = _next_break(tokens, cue)
    if comma is None or comma + 1 >= len(tokens):
        return None
    clause = _trim(tokens[comma + 1 :])
    if not clause or not _is_reported_clause(clause, after_cue=True):
        return None
    speaker = resolver.near(tokens[: comma + 1], cue)
    return _quote(text, clause[0].start, clause[-1].end, QuoteKind.INDIRECT, speaker, tokens, cue)


def _clause_before(
    text: str, tokens: Sequence[Token], cue: int, resolver: SpeakerResolver, kind: QuoteKind
) -> Quote | None:
    """ "Er wisse nichts, sagte Peskow." / "…, so Peskow.": the clause before the comma."""
    if cue == 0 or tokens[cue - 1].pos != "$,":
        return None
    clause = _trim(tokens[: cue - 1])
    if not clause or not _is_reported_clause(clause, after_cue=False):
        return None
    speaker = resolver.near(tokens[cue:], 0)
    return _quote(text, clause[0].start, clause[-1].end, kind, speaker, tokens, cue)


def _continuation(text: str, tokens: Sequence[Token], previous: Quote) -> Quote | None:
    """A sentence in Konjunktiv I right after indirect speech goes on reporting the speaker."""
    clause = _trim(tokens)
    if not clause or not any(is_subjunctive(t, allow_conditional=False) for t in clause):
        return None
    if clause[0].text.lower() in {"ich", "wir"}:
        return None  # first person: "ich habe" is indicative
    speaker = Speaker(previous.speaker, previous.speaker_name) if previous.speaker else None
    return _quote(text, clause[0].start, clause[-1].end, QuoteKind.INDIRECT, speaker, tokens, None)


def _is_reported_clause(clause: Sequence[Token], *, after_cue: bool) -> bool:
    if after_cue and clause[0].lemma.lower() in CLAUSE_OPENERS:
        return True
    if after_cue and any(t.pos in _INFINITIVE_WITH_ZU for t in clause):
        return True  # "kündigte an, … zu verlassen", "forderte sie auf, … zu evakuieren"
    finite = [t for t in clause if t.pos in FINITE_VERB_TAGS]
    return bool(finite) and is_subjunctive(finite[0])


def _next_break(tokens: Sequence[Token], cue: int) -> int | None:
    """The comma or colon that ends the speech verb's own clause, if no other verb comes first."""
    for index in range(cue + 1, len(tokens)):
        token = tokens[index]
        if token.pos == "$," or token.text == ":":
            return index
        if token.pos in FINITE_VERB_TAGS or token.pos == "$.":
            return None
    return None


def _trim(tokens: Sequence[Token]) -> Sequence[Token]:
    start, end = 0, len(tokens)
    while start < end and tokens[start].pos in _PUNCT:
        start += 1
    while end > start and tokens[end - 1].pos in _PUNCT:
        end -= 1
    return tokens[start:end]


# -- reported speech ------------------------------------------------------------------------


def _reported_by_marker(
    text: str, tokens: Sequence[Token], index: int, length: int, resolver: SpeakerResolver
) -> Quote | None:
    """ "Laut Kreml …", "Nach Angaben der Polizei …", "… dem Kreml zufolge": the whole clause."""
    speaker = _marker_source(tokens, index, resolver)
    if speaker is None:
        return None
    clause = _trim(_without_span(tokens, index, length, speaker.span))
    if not clause:
        return None
    return _quote(text, clause[0].start, clause[-1].end, QuoteKind.REPORTED, speaker, tokens, index)


def _marker_source(
    tokens: Sequence[Token], index: int, resolver: SpeakerResolver
) -> Speaker | None:
    """The source a marker names: after "laut"/"nach Angaben", before "zufolge"."""
    postposition = tokens[index].pos == "APPO"
    source = tokens[:index] if postposition else tokens[index + 1 :]
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


def _is_wie_report(lexicon: SpeechLexicon, tokens: Sequence[Token], index: int) -> bool:
    if tokens[index].text.lower() != WIE_REPORT:
        return False
    verb = _wie_verb(lexicon, tokens, index)
    return verb is not None


def _wie_verb(lexicon: SpeechLexicon, tokens: Sequence[Token], index: int) -> int | None:
    for position in range(index + 1, min(len(tokens), index + 8)):
        if tokens[position].pos in _CLAUSE_BREAK:
            return None
        if is_speech_verb(lexicon, tokens, position):
            return position
    return None


def _reported_by_wie(
    text: str, tokens: Sequence[Token], index: int, resolver: SpeakerResolver
) -> Quote | None:
    """ "Wie der Kreml mitteilte, …" / "…, wie Peskow sagte.": the rest of the sentence."""
    end = index + 1
    while end < len(tokens) and tokens[end].pos not in _CLAUSE_BREAK:
        end += 1
    speaker = resolver.first(tokens[index + 1 : end], from_end=False)
    rest = list(tokens[:index]) + list(tokens[end:])
    clause = _trim(rest)
    if not clause:
        return None
    return _quote(text, clause[0].start, clause[-1].end, QuoteKind.REPORTED, speaker, tokens, index)


def _reported_impersonal(
    text: str, tokens: Sequence[Token], index: int, resolver: SpeakerResolver
) -> Quote | None:
    """ "Aus dem Kreml hieß es, …": the source follows "aus"/"von"/"in"/"bei"."""
    sources = [i for i, t in enumerate(tokens[:index]) if t.lemma.lower() in {"aus", "von", "bei"}]
    speaker = resolver.first(tokens[sources[-1] + 1 : index], from_end=False) if sources else None
    comma = _next_break(tokens, index + 1)
    clause = _trim(tokens[comma + 1 :] if comma is not None else tokens[: max(0, index - 1)])
    if not clause:
        return None
    return _quote(text, clause[0].start, clause[-1].end, QuoteKind.REPORTED, speaker, tokens, index)


def _reported_anaphoric(text: str, tokens: Sequence[Token], previous: Quote | None) -> Quote | None:
    """ "Demnach seien …": the source is the one just quoted, named by the adverb itself."""
    clause = _trim(tokens[1:])
    if not clause:
        return None
    name = previous.speaker_name if previous else None
    speaker = Speaker(Span(tokens[0].start, tokens[0].end, tokens[0].text), name)
    return _quote(text, clause[0].start, clause[-1].end, QuoteKind.REPORTED, speaker, tokens, 0)


def _touches_marks(sentence: Sentence, marked: Sequence[_Marked]) -> bool:
    return any(m.outer_start < sentence.end and m.outer_end > sentence.start for m in marked)


def _is_so_report(tokens: Sequence[Token], index: int) -> bool:
    """ "…, so Peskow." — "so" right after a comma, followed by a name or noun phrase."""
    if tokens[index].text.lower() != SO_REPORT or index == 0 or tokens[index - 1].pos != "$,":
        return False
    following = _next_token(tokens, index)
    return following is not None and following.pos in {"NE", "NN", "ART", "PPER", "ADJA"}


def _next_token(tokens: Sequence[Token], index: int) -> Token | None:
    return tokens[index + 1] if index + 1 < len(tokens) else None


def _next_text(tokens: Sequence[Token], index: int) -> str:
    following = _next_token(tokens, index)
    return following.text.lower() if following else ""


def _quote(
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
