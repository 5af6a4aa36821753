"""Institutions as speakers: the full name of an organisation where the text gives it.

A pass over the quotes after their speakers are resolved (`QuoteFinder`); it only renames
speakers whose span the resolver already found, and only with evidence in the text:

- an abbreviation introduced in brackets ("Landesamt für Umwelt (LfU)") and later used as the
  speaker ("Das LfU teilte mit") -> the full name;
- an institution noun followed by its proper name ("Die Stadt Musterhausen teilte mit",
  "Das Amtsgericht Kleinstadt entschied") -> noun and name;
- an authority described by a class noun ("Kritik kam vom Landesrechnungshof. Die Behörde
  erklärte, …") -> the nearest earlier authority name, within two sentences;
- a short head noun that ends an earlier compound name ("Laut Rechnungshof" after
  "Bundesrechnungshof") -> that name;
- "aus Kreisen der Landesregierung" -> the institution whose circles speak;
- a plural group of people at the cue ("Die Ermittler werfen … vor", "Experten warnen") ->
  the group noun, as the quote guideline names groups (tests/golden/quotes/README.md).
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import replace
from typing import TYPE_CHECKING

from synopse.annotate.speech_phrases import NON_NAME_WORDS
from synopse.model import Mention, Quote, Sentence, Token

if TYPE_CHECKING:  # speech.py imports this module for its town rule
    from synopse.annotate.speech import SpeechLexicon

# "(LfU)", "(KVB)": an abbreviation in brackets, two to eight letters, two of them capitals.
ABBREVIATION = re.compile(r"^(?=(?:[^A-ZÄÖÜ]*[A-ZÄÖÜ]){2})[A-ZÄÖÜ][A-Za-zÄÖÜäöü]{1,7}$")
# Small words inside an organisation's name: "Landesamt für Umwelt", "Bund der Steuerzahler".
ARTICLES = frozenset({"der", "die", "das", "des", "dem", "den", "ein", "eine", "eines", "einer"})
NAME_LINKS = frozenset(
    {"für", "der", "des", "und", "von", "vom", "zur", "zum", "an", "am", "in", "im"}
)
MAX_NAME_WORDS = 8
# Class nouns for a public authority, and the endings of the names they describe.
AUTHORITY_ENDINGS = (
    "amt|ämter|ministerium|behörde|rechnungshof|gericht|anwaltschaft|polizei|präsidium"
    "|direktion|aufsicht|verwaltung|kommission|agentur|inspektion"
)
HOSPITAL_ENDINGS = "klinik|klinikum|kliniken|krankenhaus|spital"
# A class noun and the endings of the names it can describe ("die Behörde" for an earlier
# "Landesrechnungshof", "das Krankenhaus" for an earlier "Klinikum Bergheim").
DESCRIBED_NAMES = {
    **dict.fromkeys(("behörde", "amt", "aufsicht", "aufsichtsbehörde"), AUTHORITY_ENDINGS),
    **dict.fromkeys(("klinik", "klinikum", "krankenhaus", "spital"), HOSPITAL_ENDINGS),
}
DESCRIBED_WINDOW = 400  # characters before the describing noun: about two sentences
# "aus Kreisen der Regierung": the circles of an institution speak for it.
CIRCLE_LEMMAS = frozenset({"kreis", "kreise"})
GENITIVE_ARTICLES = frozenset({"der", "des"})
NOUN_TAGS = frozenset({"NN", "NE"})
# Nouns of time that follow a subject without an article ("teilte die Stadt Montag mit").
TIME_NOUNS = frozenset(
    {
        "ende", "anfang", "mitte", "montag", "dienstag", "mittwoch", "donnerstag", "freitag",
        "samstag", "sonnabend", "sonntag", "morgen", "vormittag", "mittag", "nachmittag",
        "abend", "nacht", "wochenende", "jahresende", "monatsende", "heute", "gestern",
    }
)  # fmt: skip
_NON_NAME_OR_TIME = NON_NAME_WORDS | TIME_NOUNS
# Place names HanTa reads as inflected nouns ("Musterhausen" -> "Musterhaus").
PLACE_ENDINGS = ("hausen", "ingen", "stetten")
# Town nouns: "die Stadt" is the town's administration, never the "Hauptstadt" before it.
TOWN_NOUNS = frozenset({"stadt", "gemeinde"})
# Bodies that speak for an organisation: "die Geschäftsführung", "die Schulleitung".
BODY_ENDINGS = (
    "leitung", "führung", "vorstand", "betriebsrat", "personalrat", "aufsichtsrat", "präsidium",
    "direktion", "redaktion",
)  # fmt: skip
DEFINITE_ARTICLES = frozenset({"der", "die", "das", "des", "dem", "den"})
# Endings of nouns for people ("Ermittler", "Polizist", "Diplomat", "Experte").
PERSON_ENDINGS = (
    "er", "ist", "ent", "ant", "eur", "at", "oge", "experte", "zeuge", "kunde", "kollege",
)  # fmt: skip


class InstitutionNames:
    """Give institution speakers their full name (see the module docstring)."""

    def __init__(self, lexicon: SpeechLexicon) -> None:
        self._lexicon = lexicon

    def __call__(
        self,
        text: str,
        sentences: Sequence[Sentence],
        mentions: Sequence[Mention],
        quotes: Sequence[Quote],
    ) -> list[Quote]:
        abbreviations = defined_abbreviations(text)
        renamed = []
        for quote in quotes:
            name = self._name(text, sentences, mentions, abbreviations, quote)
            renamed.append(
                quote if name == quote.speaker_name else replace(quote, speaker_name=name)
            )
        return renamed

    def _name(
        self,
        text: str,
        sentences: Sequence[Sentence],
        mentions: Sequence[Mention],
        abbreviations: dict[str, str],
        quote: Quote,
    ) -> str | None:
        name, span = quote.speaker_name, quote.speaker
        if span is None:
            return name
        if name is not None and name in abbreviations:
            return abbreviations[name]
        tokens = _sentence_tokens(sentences, span.start)
        inside = [i for i, t in enumerate(tokens) if span.start <= t.start < span.end]
        if not inside:
            return name
        last = tokens[inside[-1]]
        town = next((i for i in inside if tokens[i].text.lower() in TOWN_NOUNS), None)
        if town is not None:
            return _town(text, tokens, town)
        if last.pos != "NN" or (name is not None and name not in {last.text, last.lemma}):
            return name  # a name from a mention or a resolved description: keep it
        if last.lemma.lower() in CIRCLE_LEMMAS:
            return _genitive_head(tokens, inside[-1]) or name
        if self._lexicon.is_institution(last.text):
            proper = _proper_name_after(tokens, inside[-1])
            if proper is not None:
                return f"{last.text} {proper}"
        full = _abbreviated_here(text, abbreviations, last.start)
        if full is not None:  # "Die Gewerkschaft der Polizei (GdP) warnt"
            return full
        endings = DESCRIBED_NAMES.get(last.text.lower())
        if endings is not None:
            return _described_before(text, mentions, endings, last.start) or name
        if name is not None:
            return _compound_before(text, mentions, name, last.start) or name
        if _is_plural_group(tokens, inside, quote):
            return last.text
        if _is_body(tokens, inside):
            return _without_genitive_ending(last.text)
        return name


def defined_abbreviations(text: str) -> dict[str, str]:
    """Abbreviations introduced in brackets after the name they stand for: {"LfU":
    "Landesamt für Umwelt"}. The name is the run of capitalised words and small linking words
    right before the bracket, starting with the abbreviation's first letter."""
    found: dict[str, str] = {}
    for match in re.finditer(r"\(([^()\s]{2,8})\)", text):
        short = match.group(1)
        if not ABBREVIATION.match(short) or short in found:
            continue
        words = text[max(0, match.start() - 200) : match.start()].split()
        run: list[str] = []
        for word in reversed(words):
            if len(run) >= MAX_NAME_WORDS or not (word[:1].isupper() or word in NAME_LINKS):
                break
            if word[-1] in ".,;:!?" or (word.lower() in ARTICLES and word not in NAME_LINKS):
                break
            run.insert(0, word)
        opening = _name_opening(run, short) if run else 0
        before = words[len(words) - len(run) + opening - 1] if len(words) > len(run) else ""
        run = run[opening:]
        while run and run[-1] in NAME_LINKS:
            run.pop()
        if run and (len(run) > 1 or len(run[0]) > len(short)):
            if before.lower() == "des":  # "des Bundeskriminalamtes (BKA)": the nominative
                run[0] = _without_genitive_ending(run[0])
            found[short] = " ".join(run)
    return found


def _without_genitive_ending(noun: str) -> str:
    """ "Bundeskriminalamtes" -> "Bundeskriminalamt", "Instituts" -> "Institut"; an adjective
    ("Deutschen") or a word without the ending stays."""
    if noun.endswith(("en", "er")) or noun.endswith("nis"):
        return noun
    if noun.endswith("es") and not noun.endswith("ees") and noun[-3] not in "aeiouäöü":
        return noun[:-2]
    if noun.endswith("s") and noun[-2] not in "sxz":
        return noun[:-1]
    return noun


def _name_opening(run: Sequence[str], short: str) -> int:
    """Where the name of an abbreviation opens in the words before it: the latest word with
    the abbreviation's first letter that leaves as many capitalised words as the abbreviation
    has capitals ("American Library Association (ALA)"), else the latest such word ("ein
    Sprecher der Sudanesischen Befreiungsarmee (SPLA)" names the army, not the spokesman)."""
    capitals = sum(c.isupper() for c in short)
    openings = [
        i for i, w in enumerate(run) if w[:1].isupper() and w[0].lower() == short[0].lower()
    ]
    if not openings:
        return len(run)
    full = [i for i in openings if sum(w[:1].isupper() for w in run[i:]) >= capitals]
    return full[-1] if full else openings[-1]


def _sentence_tokens(sentences: Sequence[Sentence], position: int) -> tuple[Token, ...]:
    for sentence in sentences:
        if sentence.start <= position < sentence.end:
            return sentence.tokens
    return ()


def _proper_name_after(tokens: Sequence[Token], index: int) -> str | None:
    """ "Stadt Musterhausen", "Amtsgericht Kleinstadt": a capitalised word right after the
    institution noun, not itself followed by a noun (that would be an object)."""
    if index + 1 >= len(tokens):
        return None
    word = tokens[index + 1]
    if word.pos not in NOUN_TAGS or not word.text[:1].isupper():
        return None
    if word.text.lower() in _NON_NAME_OR_TIME:
        return None  # "teilte die Behörde Ende Mai mit": a time, not a name
    plural = {word.lemma + ending for ending in ("e", "n", "en", "er")}
    if word.text in plural and not word.text.endswith(PLACE_ENDINGS):
        return None  # "laut Ministerium Arbeiten an …": an inflected common noun
    after = tokens[index + 2] if index + 2 < len(tokens) else None
    if after is not None and (after.pos in NOUN_TAGS | {"ART", "APPR"}):
        return None  # an object, or a longer name ("Hilfsorganisation Ärzte ohne Grenzen")
    return word.text


def is_named_town(tokens: Sequence[Token], index: int) -> bool:
    """ "die Stadt Musterhausen", "die Gemeinde Seedorf": a town's administration, a speaker
    candidate (a town noun alone is not: "bei der Eroberung der Stadt")."""
    return (
        tokens[index].text.lower() in TOWN_NOUNS and _proper_name_after(tokens, index) is not None
    )


def _town(text: str, tokens: Sequence[Token], index: int) -> str:
    """ "Die Stadt Musterhausen" -> "Stadt Musterhausen"; "die Stadt" alone -> the latest
    earlier "Stadt X" of the text, else "Stadt" (a "Hauptstadt" is a place, not a speaker)."""
    noun = tokens[index].text
    proper = _proper_name_after(tokens, index)
    if proper is not None:
        return f"{noun} {proper}"
    earlier = re.findall(rf"\b{noun} ([A-ZÄÖÜ][\w-]+)", text[: tokens[index].start])
    named = [word for word in earlier if word.lower() not in _NON_NAME_OR_TIME]
    return f"{noun} {named[-1]}" if named else noun


def _abbreviated_here(text: str, abbreviations: dict[str, str], position: int) -> str | None:
    """The full name of an abbreviation that starts at `position`: the speaker is the head of
    a name the text abbreviates right after it."""
    return next((full for full in abbreviations.values() if text.startswith(full, position)), None)


def _described_before(
    text: str, mentions: Sequence[Mention], endings: str, position: int
) -> str | None:
    """The nearest earlier name with one of the endings: "vom Landesrechnungshof" for "die
    Behörde", within about two sentences; a bare class noun ("die Klinik") only when it
    opens a recognised name ("Klinikum Bergheim")."""
    pattern = re.compile(rf"\b((?=[A-ZÄÖÜ])[\w-]*(?i:{endings}))(?:es|s)?\b")
    window_start = max(0, position - DESCRIBED_WINDOW)
    for match in reversed(list(pattern.finditer(text, window_start, position))):
        mention = _mention_name(mentions, match.start(1))
        if mention is not None or match.group(1).lower() not in DESCRIBED_NAMES:
            return mention or match.group(1)
    return None


def _compound_before(
    text: str, mentions: Sequence[Mention], noun: str, position: int
) -> str | None:
    """An earlier compound that the head noun shortens: "Bundesrechnungshof" for
    "Rechnungshof" (at least three letters added, so "Amt" is not "Samt")."""
    pattern = re.compile(rf"\b([A-ZÄÖÜ][\w-]{{3,}}{re.escape(noun.lower())})(?:es|s)?\b")
    found = list(pattern.finditer(text, 0, position))
    if not found:
        return None
    return _mention_name(mentions, found[-1].start(1)) or found[-1].group(1)


def _mention_name(mentions: Sequence[Mention], position: int) -> str | None:
    for mention in mentions:
        if mention.start == position:
            return mention.canonical
    return None


def _genitive_head(tokens: Sequence[Token], index: int) -> str | None:
    """ "Kreisen der Landesregierung" -> "Landesregierung"."""
    if index + 1 >= len(tokens) or tokens[index + 1].text.lower() not in GENITIVE_ARTICLES:
        return None
    for token in tokens[index + 2 : index + 5]:
        if token.pos in NOUN_TAGS:
            return token.text
        if token.pos != "ADJA":
            return None
    return None


def _is_body(tokens: Sequence[Token], inside: Sequence[int]) -> bool:
    """The board or management of an organisation, definite: "Die Geschäftsführung erklärte",
    "Der Betriebsrat warnte" (a body that speaks for the organisation, named by its noun)."""
    words = [tokens[i] for i in inside]
    if len(words) > 2 or (len(words) == 2 and words[0].text.lower() not in DEFINITE_ARTICLES):
        return False
    return words[-1].text.lower().rstrip("s").endswith(BODY_ENDINGS)


def _is_plural_group(tokens: Sequence[Token], inside: Sequence[int], quote: Quote) -> bool:
    """A plural noun for people, alone or after "die": "Experten warnen", "Die Ermittler
    werfen … vor". Plural by its form (lemma + n/en, not a feminine -in) or, for nouns whose
    plural looks like the singular ("Ermittler"), by "die" and a plural finite cue verb."""
    words = [tokens[i] for i in inside]
    article = words[0].text.lower() if len(words) == 2 and words[0].pos == "ART" else None
    if len(words) > 2 or (len(words) == 2 and article != "die"):
        return False
    noun = words[-1]
    if not noun.lemma.lower().endswith(PERSON_ENDINGS):
        return False  # "Die Zahlen zeigen": things, not a group of people
    if noun.text in {noun.lemma + "n", noun.lemma + "en"}:
        return True
    cue = quote.cue
    if article != "die" or noun.text != noun.lemma or not noun.text.endswith(("er", "el")):
        return False
    verbs = [t for t in tokens if cue is not None and cue.start <= t.start < cue.end]
    return bool(verbs) and verbs[0].pos == "VVFIN" and verbs[0].text.endswith("en")
