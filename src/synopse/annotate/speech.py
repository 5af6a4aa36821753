"""Speakers of quotes: names, role nouns, pronouns and institutions near a speech cue.

The word lists and cue tests live in `speech_lexicon.py` (re-exported here); noun-phrase and
clause helpers in `speech_phrases.py`; people and organisations referred back to in
`speech_referents.py`.
"""

from __future__ import annotations

from collections.abc import Callable, Iterator, Sequence
from dataclasses import dataclass

from synopse.annotate.speech_institutions import is_named_town
from synopse.annotate.speech_lexicon import (
    ANAPHORIC_MARKERS,
    CLAUSE_OPENERS,
    CONDITIONAL_ONLY,
    IMPERSONAL_REPORT_LEMMAS,
    IRREGULAR_SUBJUNCTIVES,
    SO_REPORT,
    SUBJECT_PRONOUNS,
    VERB_CUE_TAGS,
    WIE_REPORT,
    SpeechLexicon,
    is_speech_noun,
    is_speech_verb,
    is_subjunctive,
    reported_marker_at,
    verb_lemma,
)
from synopse.annotate.speech_phrases import (
    ADDRESSEE_VERBS,
    FINITE_VERB_TAGS,
    INDEFINITE_DETERMINERS,
    NON_NAME_WORDS,
    NOUN_TAGS,
    adverbial_vorfeld_end,
    case_start,
    ends_statement,
    head_name,
    inside_quoted_title,
    is_abstract,
    is_age_noun,
    is_bracketed_affiliation,
    is_carrier,
    is_genitive_attribute,
    is_passive,
    is_person_label,
    is_possessor,
    is_postnominal_genitive,
    noun_vorfeld_end,
    opens_verb_final_clause,
    phrase_start,
    quoted_title_end,
    same_role,
    source_phrase,
    subject_follows_report,
    without_article,
    without_genitive,
)
from synopse.annotate.speech_referents import Referents
from synopse.model import EntityType, Mention, Span, Token

# The lexicon is re-exported: callers import it from here.
__all__ = [
    "ANAPHORIC_MARKERS",
    "CLAUSE_OPENERS",
    "CONDITIONAL_ONLY",
    "IMPERSONAL_REPORT_LEMMAS",
    "IRREGULAR_SUBJUNCTIVES",
    "SO_REPORT",
    "SUBJECT_PRONOUNS",
    "VERB_CUE_TAGS",
    "WIE_REPORT",
    "Speaker",
    "SpeakerResolver",
    "SpeechLexicon",
    "is_speech_noun",
    "is_speech_verb",
    "is_subjunctive",
    "reported_marker_at",
    "verb_lemma",
]

GOVERNING_TAGS = frozenset({"APPR", "APPRART", "APPO", "KOKOM"})
# Determiners that cannot open a subject: "sagte dem Sender", "warf der Regierung … vor" is
# ambiguous, but "dem"/"den"/"des" never are nominative.
OBLIQUE_DETERMINERS = frozenset({"dem", "den", "des", "einem", "einen", "eines"})
SPEAKER_TYPES = frozenset({EntityType.PER, EntityType.ORG})
ROLE_TAGS = frozenset({"NN", "NNA"})  # "der Abgeordnete" is a nominalised adjective (NNA)
# Cues and speakers stand close together: "sagte Kremlsprecher Dmitri Peskow am Montag".
MAX_SPEAKER_DISTANCE = 6
# Sentence-initial function words HanTa sometimes tags NE ("Von …").
FUNCTION_WORDS = frozenset(
    {"von", "der", "die", "das", "in", "im", "am", "an", "auf", "aus", "bei"}
)
# "wird von Reuters zitiert": the agent of a passive speech verb is its speaker.
AGENT_PREPOSITIONS = frozenset({"von", "vom"})
# Passive cues whose grammatical subject is still the one who spoke ("X wird zitiert").
SUBJECT_SPEAKS_PASSIVE = frozenset({"zitieren"})
# Particles that may stand before the subject in the Vorfeld ("Auch der Minister sagte …").
FOCUS_PARTICLES = frozenset({"auch", "selbst", "sogar", "nur", "gerade"})
# Nouns of a point in time that open a sentence like a subject ("Ende Januar verkündete …").
TIME_NOUNS = frozenset({"ende", "anfang", "mitte"})
_NOT_SPEAKERS, _NOT_PLAIN = FUNCTION_WORDS | NON_NAME_WORDS, NON_NAME_WORDS | TIME_NOUNS
# A role noun and its apposition: "der Direktor der IAEO, Mohammed el-Baradei, sagte".
MAX_ROLE_COMPLEMENT = 8


@dataclass(frozen=True, slots=True)
class Speaker:
    span: Span | None  # where the speaker is named
    name: str | None  # canonical name, None when unresolved


@dataclass(frozen=True, slots=True)
class _Candidate:
    first: int  # token indices, inclusive
    last: int
    speaker: Speaker
    governed: bool  # follows a preposition: "gegenüber der Zeitung", "in Moskau"


class SpeakerResolver:
    """Speakers for one text: names, role nouns, pronouns and institutions near a cue."""

    def __init__(
        self,
        text: str,
        mentions: Sequence[Mention],
        lexicon: SpeechLexicon,
        genders: Callable[[str], str],
        quoted: Sequence[tuple[int, int]] = (),
    ) -> None:
        self._text = text
        self._mentions = sorted(mentions, key=lambda m: (m.start, m.end))
        self._covering: dict[int, Mention | None] = {}
        # People named inside a quote are talked about, not talking: no antecedents.
        self._referents = [
            m for m in self._mentions if not any(a <= m.start < b for a, b in quoted)
        ]
        self._lexicon = lexicon
        self._refs = Referents(text, self._referents, self._mentions, genders, same_role)

    def near(self, tokens: Sequence[Token], cue: int, *, after: bool = True) -> Speaker | None:
        """The speaker nearest the cue token, before it or (if `after`) after it.

        A noun phrase opening the clause before the cue is the subject in German verb-second
        order, so it wins over an object right after the verb ("X warnte die CDU").
        """
        if opens_verb_final_clause(tokens, cue):  # "Während X erklärte, …": X speaks
            return self.near(tokens[1:], cue - 1, after=False)
        if is_passive(tokens, cue):
            return self._agent(tokens, cue)
        subject = self._vorfeld_subject(tokens, cue, plain=False)
        if subject is not None:
            return subject
        after_comma = ends_statement(tokens, cue)
        # "Er starb am Sonntag, teilte die Stiftung mit": the clause before is what was said.
        reported = subject_follows_report(tokens, cue)
        vorfeld = cue if reported else adverbial_vorfeld_end(tokens, cue)
        scored = [
            (self._distance(candidate, cue), candidate)
            for candidate in self._candidates(tokens, generic=False)
            if not candidate.governed
            and (after or candidate.last < cue)
            and candidate.last >= vorfeld
        ]
        scored = [(d, c) for d, c in scored if 0 < d <= MAX_SPEAKER_DISTANCE]
        if scored and all(c.first > cue for _, c in scored):
            nearest = min(scored, key=lambda pair: pair[0])[1]
            if tokens[nearest.first].text.lower() == "der":  # "erzählte der Agentur Reuters"
                subject = self._vorfeld_subject(tokens, cue, plain=True)
                if subject is not None:
                    return subject
        if scored:
            return min(scored, key=lambda pair: (pair[0], _order(pair[1], cue, after_comma)))[
                1
            ].speaker
        return self._vorfeld_subject(tokens, cue, plain=True) or self._generic_near(
            tokens, cue, after=after, vorfeld=vorfeld
        )

    def _vorfeld_subject(self, tokens: Sequence[Token], cue: int, *, plain: bool) -> Speaker | None:
        """The speaker in a noun phrase before the finite verb ("Der frühere Landrat, Henning
        Brüggemann (SPD), warnte die CDU"). With a verb that addresses someone, or if `plain`
        (no name, role or pronoun near the cue), also a plain noun ("Kritiker werfen Obama
        vor", "Die Oppositionsparteien haben sich zuversichtlich geäußert")."""
        start = 1 if tokens[0].text.lower() in FOCUS_PARTICLES else 0  # "Auch der Minister …"
        end = noun_vorfeld_end(tokens[start:], cue - start)
        if not end:
            return None
        vorfeld = tokens[start : start + end]
        found = next((c for c in self._candidates(vorfeld, generic=False)), None)
        attribute = found is not None and is_genitive_attribute(vorfeld, found.first)
        if (
            found is not None
            and not attribute  # "Taucher der Wasserschutzpolizei": the divers speak
            and not any(  # not "Die Affäre im Bezirk Weser-Ems weist X …"
                t.pos in GOVERNING_TAGS for t in vorfeld[: found.last + 1]
            )
        ):
            return found.speaker
        if not (plain or attribute) and verb_lemma(tokens, cue) not in ADDRESSEE_VERBS:
            return None
        if not is_speech_verb(self._lexicon, tokens, cue) or any(
            t.text.lower() in _NOT_PLAIN for t in vorfeld
        ):
            return None  # "Ende Januar verkündete …", "nach Angaben": no plain subject
        opening = next(iter(self._candidates(vorfeld, generic=True)), None)
        if opening is None or opening.first != 0 or opening.governed:
            return None
        if is_abstract(vorfeld[: opening.last + 1]):
            return None  # "Die Vermutung bestätigte …": nobody speaking
        return opening.speaker

    def _agent(self, tokens: Sequence[Token], cue: int) -> Speaker | None:
        """The speaker of a passive cue. "X wird zitiert": X, whoever quotes it. Otherwise the
        agent after "von" ("wird von Experten bezeichnet als"); the subject of "wird
        beschuldigt" is accused, not speaking, so without an agent there is no speaker."""
        if tokens[cue].lemma.lower() in SUBJECT_SPEAKS_PASSIVE:
            before = [
                c
                for c in self._candidates(tokens[:cue], generic=False)
                if not c.governed and c.speaker.name is not None
            ]
            return before[0].speaker if before else None
        for index, token in enumerate(tokens[:cue]):
            if token.text.lower() in AGENT_PREPOSITIONS and not (
                index and tokens[index - 1].pos in NOUN_TAGS
            ):
                found = next(iter(self._candidates(tokens[index + 1 : cue], generic=True)), None)
                if found is not None and found.first == 0:
                    return found.speaker
        return None

    def _generic_near(
        self, tokens: Sequence[Token], cue: int, *, after: bool, vorfeld: int = 0
    ) -> Speaker | None:
        """Any noun phrase right at the cue ("sagte die Moderatorin"), when nothing better is."""
        for candidate in self._candidates(tokens, generic=True):
            if candidate.last < vorfeld:
                continue
            distance = candidate.first - cue if candidate.first > cue else cue - candidate.last
            if not candidate.governed and 0 < distance <= 2 and (after or candidate.last < cue):
                if is_abstract(tokens[candidate.first : candidate.last + 1]):
                    continue  # "bestätigte die Entscheidung": an object, nobody speaking
                return candidate.speaker
        return None

    @staticmethod
    def _distance(candidate: _Candidate, cue: int) -> int:
        if candidate.first <= cue <= candidate.last:
            return 0
        if candidate.first > cue:
            return candidate.first - cue
        return 1 if candidate.first == 0 else cue - candidate.last

    def subject(self, tokens: Sequence[Token], *, generic: bool = False) -> Speaker | None:
        """The noun phrase that opens the tokens, when it can be a subject ("Das Gericht …");
        with `generic`, any noun phrase ("Die Studie …"), not only names, roles and pronouns."""
        for candidate in self._candidates(tokens, generic=generic):
            if candidate.first == 0 and not candidate.governed:
                return candidate.speaker
            return None
        return None

    def first(self, tokens: Sequence[Token], *, from_end: bool) -> Speaker | None:
        """The source named right after "laut" (or right before "zufolge"): any noun phrase.

        A source no mention names is called by its head noun ("nach Angaben des
        Finanzministeriums" -> "Finanzministerium"), unless it is indefinite ("ein Sprecher").
        A web page or a result is named after its owner ("auf der Internetseite des
        Unternehmens" -> the company), else unknown ("laut vorläufigem Endergebnis").
        """
        phrase = source_phrase(tokens, from_end)
        candidates = list(self._candidates(phrase, generic=True))
        if not candidates:
            return None
        chosen = candidates[-1] if from_end else candidates[0]
        if is_carrier(phrase[chosen.first : chosen.last + 1]):
            owner = next((c for c in candidates if c.first > chosen.last), None)
            return Speaker(chosen.speaker.span, owner.speaker.name if owner else None)
        titled = self._with_quoted_title(phrase, chosen)
        if titled is not None:  # "des Nachrichtenmagazins „Der Spiegel“"
            return titled
        if chosen.speaker.name is None and chosen.speaker.span is not None:
            return Speaker(chosen.speaker.span, head_name(phrase[chosen.first : chosen.last + 1]))
        return chosen.speaker

    def _with_quoted_title(self, phrase: Sequence[Token], chosen: _Candidate) -> Speaker | None:
        """A noun followed by its name in quotation marks: the name, with the noun's span."""
        opening = chosen.last + 1
        end = quoted_title_end(phrase, opening) if opening < len(phrase) else None
        if end is None or chosen.speaker.span is None:
            return None
        start, stop = phrase[chosen.first].start, phrase[end].end
        name = self._text[phrase[opening + 1].start : phrase[end - 1].end]
        return Speaker(Span(start, stop, self._text[start:stop]), name)

    def _candidates(self, tokens: Sequence[Token], *, generic: bool) -> Iterator[_Candidate]:
        index = 0
        while index < len(tokens):
            found = self._candidate_at(tokens, index, generic=generic)
            if found is None:
                index += 1
                continue
            yield found
            index = found.last + 1

    def _candidate_at(
        self, tokens: Sequence[Token], index: int, *, generic: bool
    ) -> _Candidate | None:
        token = tokens[index]
        mention = self._mention_at(token.start)
        if (
            is_possessor(tokens, index) and not _first_name_of(mention, tokens, index)
        ) or is_bracketed_affiliation(tokens, index):
            return None  # "Hannovers Trainer Stefan Kaya", "Petra Lindner (CDU)": the person
        if token.text.lower() in _NOT_SPEAKERS:
            return None  # "Von „…“ sprachen …", "Ende Januar verkündete …"
        if inside_quoted_title(tokens, index):
            return None  # only the whole name is a candidate, and only as a last resort
        title_end = quoted_title_end(tokens, index) if generic else None
        if title_end is not None:  # der „Hessische Turnverband“, laut „Computerwoche“
            name = self._text[tokens[index + 1].start : tokens[title_end - 1].end]
            return self._candidate(tokens, phrase_start(tokens, index), title_end, name)
        if self._owned_name(tokens, index, mention):
            return None  # "erklärte die Fraktion zum Rücktritt Hartmanns"
        if mention is not None and (generic or mention.type in SPEAKER_TYPES):
            return self._mention_candidate(tokens, index, mention)
        if is_person_label(token) or (token.pos in ROLE_TAGS and self._lexicon.is_role(token.text)):
            return self._role_candidate(tokens, index)
        if token.pos == "PPER" and token.text.lower() in SUBJECT_PRONOUNS:
            return self._candidate(tokens, index, index, self._refs.antecedent(token))
        if token.pos == "NE" and token.text.lower() not in FUNCTION_WORDS:
            return self._name_candidate(tokens, index)
        if token.pos == "NN" and (generic or self._institution_at(tokens, index)):
            if is_speech_noun(self._lexicon, token):
                return None
            named = self._name_after(tokens, index)
            if named is not None:  # "der Fernsehsender CBS": the noun is the name's class
                return self._candidate(
                    tokens, phrase_start(tokens, index), named.last, named.speaker.name
                )
            return self._candidate(tokens, phrase_start(tokens, index), index, None, named=True)
        return None

    def _name_after(self, tokens: Sequence[Token], index: int) -> _Candidate | None:
        following = index + 1
        if following >= len(tokens) or self._mention_at(tokens[following].start) is None:
            return None
        named = self._candidate_at(tokens, following, generic=False)
        return named if named is not None and named.speaker.name is not None else None

    def _owned_name(self, tokens: Sequence[Token], index: int, mention: Mention | None) -> bool:
        name = mention.canonical if mention is not None else None
        if not is_postnominal_genitive(tokens, index, name):
            return False
        return not (
            self._lexicon.is_role(tokens[index - 1].text) or self._after_speech_noun(tokens, index)
        )

    def _after_speech_noun(self, tokens: Sequence[Token], index: int) -> bool:
        """ "die Worte Armstrongs", "nach Aussagen des Amtes": a genitive after a speech noun
        names the speaker."""
        return index > 0 and is_speech_noun(self._lexicon, tokens[index - 1])

    def _candidate(
        self,
        tokens: Sequence[Token],
        first: int,
        last: int,
        name: str | None,
        *,
        named: bool = False,
    ) -> _Candidate:
        start, end = tokens[first].start, tokens[last].end
        if named and name is None:
            name = self._described(tokens, first, last)
        span = Span(start, end, self._text[start:end])
        opening = case_start(tokens, first)
        governed = (opening > 0 and tokens[opening - 1].pos in GOVERNING_TAGS) or (
            tokens[opening].text.lower() in OBLIQUE_DETERMINERS
            and not self._after_speech_noun(tokens, opening)
        )
        return _Candidate(first, last, Speaker(span, name), governed)

    def _described(self, tokens: Sequence[Token], first: int, last: int) -> str | None:
        """The name a noun phrase without one stands for: the earlier person or organisation
        it describes ("der Manager", "das Unternehmen"), else an institution's own words
        ("das Weiße Haus"), else unknown."""
        phrase = without_article(tokens[first : last + 1], self._text)
        if last == first + 1 and tokens[first].pos == "ART":
            article, noun = tokens[first], tokens[last]
            referent = self._refs.described_person(article, noun)
            institution = self._lexicon.is_institution(noun.text)
            referent = referent or self._refs.described_organisation(noun, institution=institution)
            if referent is not None:
                return referent
        return phrase if self._lexicon.is_institution(phrase) else None

    def _mention_at(self, position: int) -> Mention | None:
        """The first mention covering `position`, kept: every cue asks for the same tokens."""
        if position in self._covering:
            return self._covering[position]
        found = None
        for mention in self._mentions:
            if mention.start <= position < mention.end:
                found = mention
                break
            if mention.start > position:
                break
        self._covering[position] = found
        return found

    def _mention_candidate(
        self, tokens: Sequence[Token], index: int, mention: Mention
    ) -> _Candidate:
        last = index
        while last + 1 < len(tokens) and tokens[last + 1].start < mention.end:
            last += 1
        # "Die Vereinten Nationen": the article opens the phrase (and so the sentence).
        return self._candidate(tokens, phrase_start(tokens, index), last, mention.canonical)

    def _name_candidate(self, tokens: Sequence[Token], index: int) -> _Candidate:
        last = index
        while last + 1 < len(tokens) and tokens[last + 1].pos == "NE":
            last += 1
        name = without_genitive(self._text[tokens[index].start : tokens[last].end])
        return self._candidate(tokens, phrase_start(tokens, index), last, name)

    def _role_candidate(self, tokens: Sequence[Token], index: int) -> _Candidate:
        """ "der US-Präsident" alone, or "Kremlsprecher Dmitri Peskow" with the name after it."""
        first = phrase_start(tokens, index)
        following = index + 1
        if following < len(tokens) and (
            tokens[following].pos == "NE" or self._mention_at(tokens[following].start)
        ):
            named = self._candidate_at(tokens, following, generic=False)
            if named is not None and named.speaker.name is not None:
                return self._candidate(tokens, first, named.last, named.speaker.name)
        apposition = self._apposition(tokens, index)
        if apposition is not None:
            return self._candidate(tokens, first, apposition.last, apposition.speaker.name)
        if tokens[first].text.lower() in INDEFINITE_DETERMINERS:
            return self._candidate(tokens, first, index, None)  # "ein Sprecher": someone new
        article = tokens[first].text if first < index else ""
        if is_age_noun(tokens[index]):  # "der 41-Jährige": the person of that age, or just named
            return self._candidate(tokens, first, index, self._refs.of_age(article, tokens[index]))
        return self._candidate(tokens, first, index, self._refs.holder_of(tokens[index]))

    def _apposition(self, tokens: Sequence[Token], role: int) -> _Candidate | None:
        """The name set off by commas after a role noun and its complement: "der Leiter des
        Programms, Klaus Stöhr, sagte" -> Klaus Stöhr. The name must be a person's and be
        closed by a comma, a bracket, a verb or the end."""
        limit = min(len(tokens) - 1, role + MAX_ROLE_COMPLEMENT + 1)
        comma = next((i for i in range(role + 1, limit) if tokens[i].pos == "$,"), None)
        if comma is None or any(t.pos.startswith("V") for t in tokens[role + 1 : comma]):
            return None
        mention = self._mention_at(tokens[comma + 1].start)
        if mention is None or mention.type != EntityType.PER:
            return None
        named = self._mention_candidate(tokens, comma + 1, mention)
        after = tokens[named.last + 1] if named.last + 1 < len(tokens) else None
        if (
            after is not None
            and not after.pos.startswith("$")
            and after.pos not in FINITE_VERB_TAGS
        ):
            return None
        return named

    def _institution_at(self, tokens: Sequence[Token], index: int) -> bool:
        if self._lexicon.is_institution(tokens[index].text) or is_named_town(tokens, index):
            return True
        two = f"{tokens[index - 1].text} {tokens[index].text}" if index else ""
        return self._lexicon.is_institution(two)


def _order(candidate: _Candidate, cue: int, after_comma: bool = False) -> int:
    """Tie-break at equal distance: the opening subject, then the name after the verb
    ("Auf seiner Plattform Truth Social schrieb Trump"), then anything else before it. A cue
    right after a comma ends the statement it reports, so the name after it goes first ("Sie
    sei erschüttert, sagte die Bürgermeisterin")."""
    if after_comma and candidate.first > cue:
        return -1
    if candidate.first == 0:
        return 0
    return 1 if candidate.first > cue else 2


def _first_name_of(mention: Mention | None, tokens: Sequence[Token], index: int) -> bool:
    """ "Jonas Brettschneider": a first name ending in -s inside a person's name, even when
    the tagger reads the surname as a noun; no possessor."""
    return (
        mention is not None
        and mention.type == EntityType.PER
        and index + 1 < len(tokens)
        and tokens[index + 1].start < mention.end
    )
