"""The speech lexicon: which German words mark speech, speakers and reported statements.

The word lists live in `data/speech_*.txt` (one entry per line, `#` starts a comment), so they
can grow without touching code. Everything here works on tokens (lemma + STTS tag) of one
sentence; `quotes.py` decides what the cues mean for quote spans and speakers, and
`speech.py` finds the speakers.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass, field
from importlib import resources

from synopse.annotate.speech_phrases import FINITE_VERB_TAGS
from synopse.model import Token

_DATA = "synopse.annotate.data"
VERB_CUE_TAGS = frozenset({"VVFIN", "VVPP", "VVINF", "VVIZU", "VMFIN", "VAFIN"})
# Subjunctive forms that do not follow the stem+"e" rule (Konjunktiv I of sein, Konjunktiv II).
IRREGULAR_SUBJUNCTIVES = frozenset(
    {
        "sei", "seien", "seiest", "seist", "wäre", "wären", "hätte", "hätten", "würde", "würden",
        "könnte", "könnten", "müsste", "müssten", "dürfte", "dürften", "möchte", "möchten",
        "gäbe", "käme", "ginge",
    }
)  # fmt: skip
# Konjunktiv II forms that also occur as plain conditionals; only trusted after a speech verb.
CONDITIONAL_ONLY = frozenset(IRREGULAR_SUBJUNCTIVES - {"sei", "seien", "seiest", "seist"})
SUBJECT_PRONOUNS = frozenset({"er", "sie"})
# "hieß es", "heißt es": an impersonal report whose source is named with "aus"/"von"/"in".
IMPERSONAL_REPORT_LEMMAS = frozenset({"heißen"})
# A clause that follows a speech verb and starts with one of these is reported content.
CLAUSE_OPENERS = frozenset({"dass", "ob"})
# Adverbs that refer back to the source just named: "Demnach seien …".
ANAPHORIC_MARKERS = frozenset({"demnach"})
WIE_REPORT = "wie"  # "wie X mitteilte": a reported clause introduced by "wie"
SO_REPORT = "so"  # "…, so Peskow." after a quote or statement


def _load(name: str) -> tuple[str, ...]:
    text = resources.files(_DATA).joinpath(name).read_text(encoding="utf-8")
    lines = (line.split("#", 1)[0].strip() for line in text.splitlines())
    return tuple(line for line in lines if line)


@dataclass(frozen=True, slots=True)
class SpeechLexicon:
    """The word lists, loaded once; lookups are case-insensitive."""

    verbs: frozenset[str]
    nouns: frozenset[str]
    reported: tuple[tuple[str, ...], ...]  # marker phrases as lower-case word sequences
    roles: tuple[str, ...]
    institutions: tuple[str, ...]
    clausal: frozenset[str] = frozenset()  # cues only with a reported clause after them
    # `roles` and `institutions` as sets: a word's endings are looked up, not every entry tried
    _role_set: frozenset[str] = field(init=False, repr=False, compare=False)
    _institution_set: frozenset[str] = field(init=False, repr=False, compare=False)

    def __post_init__(self) -> None:
        object.__setattr__(self, "_role_set", frozenset(self.roles))
        object.__setattr__(self, "_institution_set", frozenset(self.institutions))

    @classmethod
    def load(cls) -> SpeechLexicon:
        return cls(
            verbs=frozenset(w.lower() for w in _load("speech_verbs.txt")),
            nouns=frozenset(w.lower() for w in _load("speech_nouns.txt")),
            reported=tuple(tuple(p.lower().split()) for p in _load("speech_reported.txt")),
            roles=tuple(w.lower() for w in _load("speech_roles.txt")),
            institutions=tuple(w.lower() for w in _load("speech_institutions.txt")),
            clausal=frozenset(w.lower() for w in _load("speech_clausal.txt")),
        )

    def is_role(self, word: str) -> bool:
        """A listed role, or a word ending in one after at least three letters."""
        low = word.lower()
        roles = self._role_set
        return low in roles or any(low[k:] in roles for k in range(3, len(low) + 1))

    def is_institution(self, words: str) -> bool:
        """A listed institution, or words ending in one longer than three letters."""
        low = words.lower()
        names = self._institution_set
        return low in names or any(low[k:] in names for k in range(len(low) - 3))


def verb_lemma(tokens: Sequence[Token], index: int) -> str:
    """The lemma of a verb with its separated particle joined: "teilte … mit" -> "mitteilen"."""
    lemma = tokens[index].lemma.lower()
    if tokens[index].pos not in FINITE_VERB_TAGS:
        return lemma
    for token in tokens[index + 1 :]:
        if token.pos in {"$,", "$."} or token.pos in FINITE_VERB_TAGS:
            break
        if token.pos == "PTKVZ" or token.text.lower() == "bekannt":
            return token.text.lower() + lemma
    return lemma


def is_speech_verb(lexicon: SpeechLexicon, tokens: Sequence[Token], index: int) -> bool:
    token = tokens[index]
    if token.pos not in VERB_CUE_TAGS:
        return False
    return verb_lemma(tokens, index) in lexicon.verbs


def is_speech_noun(lexicon: SpeechLexicon, token: Token) -> bool:
    return token.pos == "NN" and token.lemma.lower() in lexicon.nouns


def is_subjunctive(token: Token, *, allow_conditional: bool = True) -> bool:
    """Konjunktiv I ("habe", "wisse", "sei") and, if allowed, Konjunktiv II ("wäre", "hätte")."""
    if token.pos not in FINITE_VERB_TAGS:
        return False
    form = token.text.lower()
    if form in IRREGULAR_SUBJUNCTIVES:
        return allow_conditional or form not in CONDITIONAL_ONLY
    lemma = token.lemma.lower()
    return lemma.endswith("en") and len(lemma) > 3 and form == lemma[:-2] + "e"


def reported_marker_at(lexicon: SpeechLexicon, tokens: Sequence[Token], index: int) -> int:
    """Length in tokens of the reported-speech marker starting at `index` ("nach Angaben"), or 0."""
    first = tokens[index]
    opening = _phrases_by_first_word(lexicon.reported)
    numbers = opening.get(first.text.lower(), ()) + opening.get(first.lemma.lower(), ())
    if not numbers:
        return 0
    for number in sorted(set(numbers)):  # in the lexicon's order, as the full scan was
        phrase = lexicon.reported[number]
        window = tokens[index : index + len(phrase)]
        if len(phrase) == 1 and not tokens[index].pos.startswith("AP"):
            continue  # "laut" as an adjective ("laut rufen") is no marker
        if len(window) == len(phrase) and all(
            t.text.lower() == w or t.lemma.lower() == w for t, w in zip(window, phrase, strict=True)
        ):
            return len(phrase)
    return 0


_BY_FIRST_WORD: dict[int, tuple[tuple[tuple[str, ...], ...], dict[str, tuple[int, ...]]]] = {}


def _phrases_by_first_word(
    phrases: tuple[tuple[str, ...], ...],
) -> dict[str, tuple[int, ...]]:
    """The positions of the marker phrases by their first word (built once per phrase list:
    a marker can only start at a token whose text or lemma is some phrase's first word)."""
    known = _BY_FIRST_WORD.get(id(phrases))
    if known is None or known[0] is not phrases:
        index: dict[str, tuple[int, ...]] = {}
        for number, phrase in enumerate(phrases):
            if phrase:
                index[phrase[0]] = (*index.get(phrase[0], ()), number)
        known = _BY_FIRST_WORD[id(phrases)] = (phrases, index)
    return known[1]
