"""Reported speech without a cue of its own: the mood of the sentence says it is reported.

1. A sentence in Konjunktiv I ("Die Ursache sei nie gefunden worden.") is reported speech in
   German news even without a speech verb. Its speaker is the one just quoted, else the
   subject that opens the sentence before ("Greenpeace-Experte Edler sieht Parallelen."),
   else unknown.
2. Right after a quote, Konjunktiv II ("Die Lieferungen hätten nie stattgefunden.") and the
   hearsay "sollen" with a perfect infinitive ("Zehn Menschen sollen verletzt worden sein.")
   go on reporting the same source.
3. A clause after a comma in Konjunktiv I reports what the main clause's subject said,
   whatever the verb ("Die Kommission vertrat den Standpunkt, das Gericht sei nicht
   zuständig"); after a cue of `data/speech_clausal.txt` a "dass" clause does too.
4. "Das teilte Feuerwehrsprecher Stüken mit.": a sentence opened by an anaphoric pronoun and a
   speech verb attributes the sentence before it.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import replace

from synopse.annotate.quotes_clauses import indirect_after, make_quote, next_break, trim
from synopse.annotate.speech import (
    CLAUSE_OPENERS,
    SUBJECT_PRONOUNS,
    Speaker,
    SpeakerResolver,
    SpeechLexicon,
    is_speech_verb,
    is_subjunctive,
    verb_lemma,
)
from synopse.annotate.speech_phrases import FINITE_VERB_TAGS, NOUN_TAGS
from synopse.model import Quote, QuoteKind, Token

# A sentence opened by one of these and a speech verb attributes the sentence before it.
ANAPHORIC_OPENERS = frozenset({"das", "dies", "dieses", "davon", "dazu", "darüber", "dieser"})
# First-person subjects: "ich habe", "wir seien" are indicative or quoted, not reported.
FIRST_PERSON = frozenset({"ich", "wir"})
HEARSAY_MODAL = frozenset({"soll", "sollen"})
# "es sei denn" is a conjunction, not reported speech.
SUBJUNCTIVE_IDIOMS = frozenset({"denn"})
SUBORDINATORS = frozenset({"KOUS", "PRELS", "PRELAT", "PWAV", "KOKOM"})
# Konjunktiv II forms that go on reporting after a quote ("Die Lieferungen hätten nie
# stattgefunden"); modal forms ("könnten", "müsste") are as often the writer's own.
REPORTED_CONDITIONALS = frozenset({"hätte", "hätten", "wäre", "wären", "würde", "würden"})
PERFECT_AUXILIARIES = frozenset({"sein", "haben", "worden"})


def is_reportive(clause: Sequence[Token], *, after_quote: bool) -> bool:
    """The main verb in Konjunktiv I; after a quote also in Konjunktiv II, or hearsay
    "sollen … sein". A subjunctive in a subordinate clause ("als die Maschine aufsetze")
    or in "es sei denn" does not make the sentence reported."""
    main = _main_verb(clause)
    if main is None or clause[0].text.lower() in FIRST_PERSON:
        return False
    verb = clause[main]
    following = clause[main + 1] if main + 1 < len(clause) else None
    if following is not None and (
        following.text.lower() in SUBJUNCTIVE_IDIOMS or following.pos in NOUN_TAGS
    ):
        return False  # "es sei denn"; "die veröffentliche Nachricht" (a typo, no verb)
    if is_subjunctive(verb, allow_conditional=False):
        return True
    return after_quote and (verb.text.lower() in REPORTED_CONDITIONALS or _is_hearsay(clause, verb))


def _main_verb(clause: Sequence[Token]) -> int | None:
    """The first finite verb outside a subordinate clause (one opened by "als", "weil", …);
    a clause that is itself reported content ("dass er komme") counts as main."""
    subordinate = False
    for index, token in enumerate(clause):
        if token.pos in SUBORDINATORS and not (
            index == 0 and token.lemma.lower() in CLAUSE_OPENERS
        ):
            subordinate = True
        elif token.pos == "$,":
            subordinate = False
        elif token.pos in FINITE_VERB_TAGS and not subordinate:
            return index
    return None


def _is_hearsay(clause: Sequence[Token], finite: Token) -> bool:
    """ "… sollen verletzt worden sein": the modal with a perfect infinitive at the end."""
    if finite.text.lower() not in HEARSAY_MODAL:
        return False
    verbs = [t for t in clause if t.pos.startswith("V")]
    return len(verbs) >= 3 and verbs[-1].text.lower() in PERFECT_AUXILIARIES


def free_indirect(
    text: str,
    tokens: Sequence[Token],
    previous: Quote | None,
    recent: Speaker | None,
    before: Sequence[Token],
    resolver: SpeakerResolver,
    lexicon: SpeechLexicon,
) -> Quote | None:
    """A sentence whose mood marks it as reported, attributed as the module docstring says."""
    clause = trim(tokens)
    if not clause or not is_reportive(clause, after_quote=previous is not None):
        return None
    speaker = reportive_speaker(previous, recent, before, resolver, lexicon)
    return make_quote(
        text, clause[0].start, clause[-1].end, QuoteKind.INDIRECT, speaker, tokens, None
    )


def reportive_speaker(
    previous: Quote | None,
    recent: Speaker | None,
    before: Sequence[Token],
    resolver: SpeakerResolver,
    lexicon: SpeechLexicon,
) -> Speaker | None:
    """Who a reported sentence without a named source reports: the one quoted in the sentence
    before, else the subject opening that sentence, else the latest speaker close by."""
    if previous is not None and previous.speaker is not None:
        return Speaker(previous.speaker, previous.speaker_name)
    return _opening_subject(before, resolver, lexicon) or recent


def continue_reported(
    found: Quote,
    tokens: Sequence[Token],
    previous: Quote | None,
    recent: Speaker | None,
    before: Sequence[Token],
    resolver: SpeakerResolver,
    lexicon: SpeechLexicon,
) -> Quote:
    """A quote found without a speaker in a sentence whose own verb is reported ("Rot-Grün
    habe …, aber Schwarz-Gelb sei gescheitert.") goes on reporting the speaker before it."""
    if found.speaker is not None or not before:
        return found
    clause = trim(tokens)
    if not clause or not is_reportive(clause, after_quote=previous is not None):
        return found
    speaker = reportive_speaker(previous, recent, before, resolver, lexicon)
    if speaker is None:
        return found
    return replace(found, speaker=speaker.span, speaker_name=speaker.name)


def summarised_before(
    text: str,
    tokens: Sequence[Token],
    before: Sequence[Token],
    lexicon: SpeechLexicon,
    resolver: SpeakerResolver,
) -> Quote | None:
    """ "X. Das meldet die Zeitung Haaretz.": the sentence before, said by the one named here."""
    if not before or tokens[0].text.lower() not in ANAPHORIC_OPENERS or tokens[0].pos == "ART":
        return None  # "Das Ministerium erklärte" is no "Das erklärte"
    cue = next((i for i in range(1, len(tokens)) if tokens[i].pos in FINITE_VERB_TAGS), None)
    if cue is None or not is_speech_verb(lexicon, tokens, cue):
        return None
    clause = trim(before)
    speaker = resolver.near(tokens, cue)
    if not clause or speaker is None:
        return None
    quote = make_quote(
        text, clause[0].start, clause[-1].end, QuoteKind.INDIRECT, speaker, tokens, cue
    )
    return quote


def _opening_subject(
    before: Sequence[Token], resolver: SpeakerResolver, lexicon: SpeechLexicon
) -> Speaker | None:
    """The subject opening the sentence before, when it names someone or is a pronoun or a
    role noun ("Der GdP-Vorsitzende"); "Das Problem" is no source."""
    subject = resolver.subject(before)
    if subject is None or subject.span is None:
        return None
    head = subject.span.text.split()[-1]
    if subject.name is None and not (lexicon.is_role(head) or head.lower() in SUBJECT_PRONOUNS):
        return None
    return subject


def clausal_indirect(
    text: str,
    tokens: Sequence[Token],
    index: int,
    lexicon: SpeechLexicon,
    resolver: SpeakerResolver,
) -> Quote | None:
    """Indirect speech after a verb or noun outside the speech lexicon (point 3 above)."""
    token = tokens[index]
    if token.pos in NOUN_TAGS and token.lemma.lower() in lexicon.clausal:
        return indirect_after(text, tokens, index, resolver)
    if token.pos not in FINITE_VERB_TAGS or is_subjunctive(token, allow_conditional=False):
        return None  # "Der Umweg sei ärgerlich, aber …": reported as a whole, not a clause
    if verb_lemma(tokens, index) in lexicon.clausal:
        return indirect_after(text, tokens, index, resolver)
    comma = next_break(tokens, index)
    if comma is None or not is_reportive(trim(tokens[comma + 1 :]), after_quote=False):
        return None
    return indirect_after(text, tokens, index, resolver)
