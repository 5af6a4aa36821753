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

from collections.abc import Iterator, Sequence
from dataclasses import replace

import gender_guesser.detector as gender

from synopse.annotate.quotes_clauses import (
    anaphor_source,
    clause_before,
    impersonal_source,
    indirect_after,
    is_so_report,
    is_wie_report,
    make_quote,
    marker_source,
    next_text,
    reported_anaphoric,
    reported_by_marker,
    reported_by_wie,
    reported_impersonal,
    trim,
)
from synopse.annotate.quotes_free import (
    clausal_indirect,
    continue_reported,
    free_indirect,
    summarised_before,
)
from synopse.annotate.quotes_marks import (
    Marked,
    char_distance,
    frame_tokens,
    is_name_or_title,
    is_statement,
    is_title_like,
    marked_spans,
    outside_marks,
    sentence_before,
    touches_marks,
)
from synopse.annotate.quotes_medium import MediumFinder
from synopse.annotate.speech import (
    ANAPHORIC_MARKERS,
    IMPERSONAL_REPORT_LEMMAS,
    SO_REPORT,
    SUBJECT_PRONOUNS,
    VERB_CUE_TAGS,
    WIE_REPORT,
    Speaker,
    SpeakerResolver,
    SpeechLexicon,
    is_speech_noun,
    is_speech_verb,
    reported_marker_at,
    verb_lemma,
)
from synopse.annotate.speech_institutions import InstitutionNames
from synopse.annotate.speech_phrases import FINITE_VERB_TAGS, NOUN_TAGS
from synopse.model import Mention, Quote, QuoteKind, Sentence, Token


class QuoteFinder:
    """Find direct, indirect and reported quotes and attribute them to speakers."""

    def __init__(self) -> None:
        self._lexicon = SpeechLexicon.load()
        # first words of the reported-speech markers ("laut", "nach"): where one can start
        self._marker_openers = frozenset(p[0] for p in self._lexicon.reported if p)
        self._genders = gender.Detector(case_sensitive=False).get_gender
        self._media = MediumFinder.load()
        self._institutions = InstitutionNames(self._lexicon)

    def __call__(
        self, text: str, sentences: Sequence[Sentence], mentions: Sequence[Mention]
    ) -> tuple[Quote, ...]:
        marked = marked_spans(text)
        quoted = [(m.outer_start, m.outer_end) for m in marked]
        resolver = SpeakerResolver(text, mentions, self._lexicon, self._genders, quoted)
        direct = list(self._direct_quotes(text, sentences, marked, resolver))
        indirect = list(self._indirect_quotes(text, sentences, marked, resolver, direct))
        found = carry_speakers(sorted(direct + indirect, key=lambda q: (q.start, q.end, q.kind)))
        found = [self._lead_speaker(q, sentences, marked, resolver) for q in found]
        found = self._institutions(text, sentences, mentions, found)
        return tuple(replace(q, medium=self._media(text, sentences, q)) for q in found)

    # -- direct ---------------------------------------------------------------------------

    def _direct_quotes(
        self,
        text: str,
        sentences: Sequence[Sentence],
        marked: Sequence[Marked],
        resolver: SpeakerResolver,
    ) -> Iterator[Quote]:
        for mark in marked:
            frame = frame_tokens(sentences, marked, mark)
            cue = self._nearest_cue(frame, mark)
            content = text[mark.start : mark.end]
            if not is_statement(content) and (cue is None or is_title_like(content)):
                continue
            if is_name_or_title(content, has_cue=cue is not None):
                continue
            speaker = self._direct_speaker(frame, cue, mark, resolver)
            yield make_quote(text, mark.start, mark.end, QuoteKind.DIRECT, speaker, frame, cue)

    def _nearest_cue(self, frame: Sequence[Token], mark: Marked) -> int | None:
        cues = [i for i in range(len(frame)) if self._is_cue(frame, i)]
        if not cues:
            return None
        return min(cues, key=lambda i: char_distance(frame[i], mark))

    def _is_cue(self, tokens: Sequence[Token], index: int) -> bool:
        if is_speech_verb(self._lexicon, tokens, index) or is_speech_noun(
            self._lexicon, tokens[index]
        ):
            return True
        if reported_marker_at(self._lexicon, tokens, index):
            return True
        if _is_impersonal(tokens, index):
            return True  # "In der Erklärung heißt es: „…“"
        return is_so_report(tokens, index)

    def _direct_speaker(
        self,
        frame: Sequence[Token],
        cue: int | None,
        mark: Marked,
        resolver: SpeakerResolver,
    ) -> Speaker | None:
        if cue is not None and reported_marker_at(self._lexicon, frame, cue):
            length = reported_marker_at(self._lexicon, frame, cue)
            return marker_source(frame, cue, resolver, length)
        if cue is not None and _is_impersonal(frame, cue):
            return impersonal_source(frame, cue, resolver)  # "Im Bericht heißt es: „…“"
        if cue is not None:
            return resolver.near(frame, cue)
        before = [t for t in frame if t.end <= mark.outer_start]
        if before and before[-1].text == ":":  # "Peskow: „…“"
            return resolver.near(before, len(before) - 1, after=False)
        return resolver.subject(before)  # "Das Gericht kam zu dem Ergebnis, „…“"

    def _lead_speaker(
        self,
        quote: Quote,
        sentences: Sequence[Sentence],
        marked: Sequence[Marked],
        resolver: SpeakerResolver,
    ) -> Quote:
        """A direct quote still without cue and speaker that opens its sentence is said by
        the one the sentence before names with a speech verb ("X kritisierte Y. „…“")."""
        if quote.kind != QuoteKind.DIRECT or quote.cue is not None or quote.speaker is not None:
            return quote
        mark = next((m for m in marked if m.start == quote.start), None)
        if mark is None or any(
            t.end <= mark.outer_start for t in frame_tokens(sentences, marked, mark)
        ):
            return quote
        speaker = self._speaker_of_sentence(sentence_before(sentences, marked, mark), resolver)
        if speaker is None:
            return quote
        return replace(quote, speaker=speaker.span, speaker_name=speaker.name)

    def _speaker_of_sentence(
        self, tokens: Sequence[Token], resolver: SpeakerResolver
    ) -> Speaker | None:
        """The speaker a sentence names with its finite speech verb, if it has one."""
        for index, token in enumerate(tokens):
            if token.pos in FINITE_VERB_TAGS and is_speech_verb(self._lexicon, tokens, index):
                return resolver.near(tokens, index)
        return None

    # -- indirect and reported -------------------------------------------------------------

    def _indirect_quotes(
        self,
        text: str,
        sentences: Sequence[Sentence],
        marked: Sequence[Marked],
        resolver: SpeakerResolver,
        direct: Sequence[Quote],
    ) -> Iterator[Quote]:
        previous: Quote | None = None
        before: Sequence[Token] = ()
        found_so_far: list[Quote] = []
        for sentence in sentences:
            tokens = outside_marks(sentence.tokens, marked)
            if len(tokens) < 3:
                previous, before = None, ()
                continue
            found = self._sentence_quotes(
                text, sentence, tokens, marked, resolver, previous, before
            )
            recent = _recent_speaker([*direct, *found_so_far], tokens[0].start)
            if found is None and before:
                found = free_indirect(
                    text, tokens, previous, recent, before, resolver, self._lexicon
                )
            elif found is not None:
                found = continue_reported(
                    found, tokens, previous, recent, before, resolver, self._lexicon
                )
            if found is not None:
                found_so_far.append(found)
                yield found
            previous, before = found, tokens

    def _sentence_quotes(
        self,
        text: str,
        sentence: Sentence,
        tokens: Sequence[Token],
        marked: Sequence[Marked],
        resolver: SpeakerResolver,
        previous: Quote | None,
        before: Sequence[Token],
    ) -> Quote | None:
        if previous is None:
            summary = summarised_before(text, tokens, before, self._lexicon, resolver)
            if summary is not None:
                return summary
        found = self._sentence_quote(text, tokens, resolver, previous, before)
        if found is None and not touches_marks(sentence, marked):
            found = self._speech_act(text, tokens, resolver)
        return found

    def _sentence_quote(
        self,
        text: str,
        tokens: Sequence[Token],
        resolver: SpeakerResolver,
        previous: Quote | None,
        before: Sequence[Token],
    ) -> Quote | None:
        if tokens[0].text.lower() in ANAPHORIC_MARKERS:
            return reported_anaphoric(
                text, tokens, previous, anaphor_source(text, before, resolver)
            )
        for index in range(len(tokens)):
            if not self._may_quote_at(tokens[index]):
                continue
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
                if verb_lemma(tokens, index) in NO_SUMMARY_VERBS:
                    return None
                speaker = resolver.near(tokens, index)
                clause = trim(tokens)
                if self._names_someone(speaker) and clause:
                    start, end = clause[0].start, clause[-1].end
                    return make_quote(text, start, end, QuoteKind.REPORTED, speaker, tokens, index)
        return None

    def _names_someone(self, speaker: Speaker | None) -> bool:
        """A summary needs a known speaker: a name, a role, a pronoun or a group of people
        ("Verbraucherschützer fordern", "Die Ermittler werfen … vor"); "Der Pilot meldete
        einen Schaden" is an event, "Der Minister forderte Verhandlungen" a statement."""
        if speaker is None or speaker.span is None:
            return False
        words = speaker.span.text.split()
        head = words[-1]
        group = head.endswith(PLURAL_PERSON_ENDINGS) and (len(words) == 1 or words[0] == "Die")
        return (
            speaker.name is not None
            or group
            or self._lexicon.is_role(head)
            or head.lower() in SUBJECT_PRONOUNS
        )

    def _may_quote_at(self, token: Token) -> bool:
        """A cheap test of what `_quote_at` needs at a token: a verb (speech verb, finite
        verb), a clausal noun, "wie", "so", "heißen" or a reported marker's first word."""
        if token.pos in VERB_CUE_TAGS or token.pos in FINITE_VERB_TAGS:
            return True
        if token.pos in NOUN_TAGS and token.lemma.lower() in self._lexicon.clausal:
            return True
        if token.lemma in IMPERSONAL_REPORT_LEMMAS or token.text.lower() in (WIE_REPORT, SO_REPORT):
            return True
        openers = self._marker_openers
        return token.text.lower() in openers or token.lemma.lower() in openers

    def _quote_at(
        self, text: str, tokens: Sequence[Token], index: int, resolver: SpeakerResolver
    ) -> Quote | None:
        marker = reported_marker_at(self._lexicon, tokens, index)
        if marker:
            return reported_by_marker(text, tokens, index, marker, resolver)
        if is_wie_report(self._lexicon, tokens, index):
            return reported_by_wie(text, tokens, index, resolver)
        if tokens[index].lemma in IMPERSONAL_REPORT_LEMMAS and next_text(tokens, index) == "es":
            return reported_impersonal(text, tokens, index, resolver)
        if is_so_report(tokens, index):
            return clause_before(text, tokens, index, resolver, QuoteKind.INDIRECT)
        if is_speech_verb(self._lexicon, tokens, index):
            return indirect_after(text, tokens, index, resolver) or clause_before(
                text, tokens, index, resolver, QuoteKind.INDIRECT
            )
        return clausal_indirect(text, tokens, index, self._lexicon, resolver)


def _is_impersonal(tokens: Sequence[Token], index: int) -> bool:
    return tokens[index].lemma in IMPERSONAL_REPORT_LEMMAS and next_text(tokens, index) == "es"


# Speech verbs whose summary use ("X äußerte sich", "X droht", "X stellt … dar", "X entschied
# sich") is mostly no statement: they cue a reported clause, but no summarised speech act.
NO_SUMMARY_VERBS = frozenset(
    {"äußern", "drohen", "darstellen", "entscheiden", "bemerken", "versprechen", "informieren",
     "ausrufen", "feststellen", "stellen"}
)  # fmt: skip


# Plural nouns for groups of people: "Verbraucherschützer", "die Experten".
PLURAL_PERSON_ENDINGS = ("er", "en")


# Konjunktiv I this close after an attributed quote still reports its speaker.
MAX_REPORT_GAP = 400


def _recent_speaker(quotes: Sequence[Quote], start: int) -> Speaker | None:
    """The speaker of the latest attributed quote that ends shortly before `start`."""
    earlier = [q for q in quotes if q.speaker is not None and q.end <= start]
    if not earlier:
        return None
    latest = max(earlier, key=lambda q: q.end)
    if start - latest.end > MAX_REPORT_GAP:
        return None
    return Speaker(latest.speaker, latest.speaker_name)


# A quote with neither cue nor speaker this close after the previous quote goes on quoting
# the same speaker ("„…“, sagte Vogel. „Diesen Auftrag nehmen wir an.“").
MAX_CARRY_GAP = 250


def carry_speakers(quotes: Sequence[Quote]) -> list[Quote]:
    """Give a cue-less, speaker-less direct quote the speaker of the quote right before it."""
    result: list[Quote] = []
    for quote in quotes:
        previous = result[-1] if result else None
        if (
            previous is not None
            and quote.kind == QuoteKind.DIRECT
            and quote.cue is None
            and quote.speaker is None
            and previous.speaker is not None
            and 0 <= quote.start - previous.end <= MAX_CARRY_GAP
        ):
            quote = replace(quote, speaker=previous.speaker, speaker_name=previous.speaker_name)
        result.append(quote)
    return result
