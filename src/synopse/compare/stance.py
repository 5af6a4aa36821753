"""Whether a sentence asserts, denies, corrects or calls unconfirmed what it reports.

A small German lexicon of cues; it is data, not branches. "soll … haben" counts as distance
only when no source is named: "Laut russischen Medien soll Putin … eingeladen haben" is a
report of what others say, "Der Mann soll zu einer Bande gehören" is the outlet's own doubt.
"""

from __future__ import annotations

from collections.abc import Sequence

from synopse.model import Token

ASSERTED = "asserted"
DENIED = "denied"
UNCONFIRMED = "unconfirmed"
CORRECTED = "corrected"  # the sentence contradicts an earlier report ("anders als berichtet")

# Word beginnings (lower case) of denial verbs in any inflection: dementierte, bestritt,
# abgestritten, zurückgewiesen (the separable "wies … zurück" is matched below).
DENIAL_STEMS = (
    "dementi",
    "bestreit",
    "bestritt",
    "abstreit",
    "abgestritt",
    "zurückgewies",
    "zurückweis",
    "zurückzuweis",
    "verneint",
    "verneinen",
)
DENIAL_SEPARABLE = frozenset(
    {
        ("wies", "zurück"),
        ("weist", "zurück"),
        ("stritt", "ab"),
        ("streitet", "ab"),
        ("wiesen", "zurück"),
    }
)
UNCONFIRMED_WORDS = frozenset(
    {
        "unbestätigt",
        "unbestätigte",
        "unbestätigten",
        "angeblich",
        "angebliche",
        "angeblichen",
        "vermeintlich",
        "mutmaßlich",
    }
)
CONFIRM_STEMS = ("bestätig",)
NEGATIONS = frozenset({"nicht", "weder", "keine", "kein", "nie"})
CORRECTION_PHRASES = (
    "anders als berichtet",
    "entgegen anderslautenden",
    "entgegen früheren",
    "entgegen ersten",
    "stellte klar",
    "stellten klar",
    "klargestellt",
    "klarstellte",
    "richtigstellte",
    "richtiggestellt",
)
# A named source turns "soll … haben" into reporting rather than doubt.
SOURCE_CUES = frozenset(
    {
        "laut",
        "zufolge",
        "angaben",
        "berichten",
        "berichtet",
        "berichtete",
        "medien",
        "sagte",
        "sagten",
        "teilte",
        "mitteilte",
        "hieß",
    }
)
MODAL_HEARSAY = frozenset({"soll", "sollen", "sollte", "sollten"})
PERFECT_AUXILIARIES = frozenset({"haben", "sein", "worden"})


_PUNCTUATION = ".,;:!?\"'„“»«()"


def stance(text: str, tokens: Sequence[Token]) -> str:
    words = [t.text.lower() for t in tokens] or [
        w.strip(_PUNCTUATION) for w in text.lower().split()
    ]
    lowered = text.lower()
    if any(phrase in lowered for phrase in CORRECTION_PHRASES):
        return CORRECTED
    if _unconfirmed(words):
        return UNCONFIRMED
    if _denied(words):
        return DENIED
    if _hearsay(words):
        return UNCONFIRMED
    return ASSERTED


def _denied(words: list[str]) -> bool:
    if any(w.startswith(DENIAL_STEMS) for w in words):
        return True
    present = set(words)
    return any(verb in present and particle in present for verb, particle in DENIAL_SEPARABLE)


def _unconfirmed(words: list[str]) -> bool:
    """Explicitly unconfirmed: "unbestätigt", "angeblich", or "bestätigte … nicht" and
    "weder bestätigen noch dementieren" (a negated confirmation outranks the denial verb)."""
    if UNCONFIRMED_WORDS.intersection(words):
        return True
    confirms = any(w.startswith(CONFIRM_STEMS) for w in words)
    return confirms and bool(NEGATIONS.intersection(words))


def _hearsay(words: list[str]) -> bool:
    """ "soll(en) … haben/sein" at the clause end with no source named in the sentence."""
    if not MODAL_HEARSAY.intersection(words) or SOURCE_CUES.intersection(words):
        return False
    content = [w for w in words if w.isalpha()]
    return bool(content) and content[-1] in PERFECT_AUXILIARIES
