"""Named entities (PER, ORG, LOC, MISC) from proper-noun tags, gazetteers and context rules.

No German NER model can be installed offline, so recognition works in four steps:

1. Gazetteer phrases: the longest run of up to four tokens that names a known place,
   organisation or MISC item ("Vereinigte Staaten", "Weißes Haus", "Zweiten Weltkrieg").
2. Proper-noun runs: tokens HanTa tags NE (or capitalised foreign words, acronyms), joined
   across name particles ("Ursula von der Leyen") and widened by organisation heads and legal
   forms ("Universität Hamburg", "Porsche AG") or name adjectives ("Münchner
   Sicherheitskonferenz").
3. Typing from the strongest evidence: organisation heads, a role noun or "Herr"/"Frau" before
   the name, a known first name, the place lists; then weak cues (acronym, place-like ending,
   the preposition or article before it), and PER as the fallback.
4. Document consistency: a name typed with strong evidence keeps that type everywhere in the
   text; a surname alone after "Donald Trump" is the same person, canonical "Donald Trump";
   a genitive ("Putins") is canonicalised to its base ("Putin").

"Truth Social" and other platforms are ORG (the company runs them); currencies, stock indices,
wars, prizes, holidays and software are MISC, matching GermEval's OTH class.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import dataclass, replace

from synopse.annotate.gazetteer import Gazetteer, gazetteer
from synopse.model import EntityType, Mention, Sentence, Token

_MAX_PHRASE_TOKENS = 4
_NAME_PARTICLES = frozenset({
    "von", "van", "der", "de", "da", "del", "di", "du", "bin", "al", "ibn", "ten", "zu", "le",
    "la", "dos", "y"}
)  # fmt: skip
_PERSON_CUES = frozenset({"Herr", "Herrn", "Frau", "Mr.", "Mrs.", "Ms."})
_ORG_LINKS = frozenset({"für", "of", "for", "&"})
# Capitalised adjectives that open multi-word names ("Vereinte Nationen", "Deutsche Bank").
_NAME_ADJECTIVES = frozenset(
    {
        "Vereinte", "Vereinten", "Vereinigte", "Vereinigten", "Weißes", "Weißen", "Rotes", "Roten",
        "Deutsche", "Deutschen", "Europäische", "Europäischen", "Internationale",
        "Internationalen", "Nationale", "Nationalen", "Freie", "Freien", "Neue", "Neuen",
        "Bayerische", "Bayerischen", "Süddeutsche", "Süddeutschen", "Norddeutsche",
        "Norddeutschen", "Hessische", "Hessischen", "Sächsische", "Sächsischen",
        "Russische", "Russischen", "Amerikanische", "Amerikanischen", "Oberste", "Obersten",
    }
)  # fmt: skip
_PLACE_PREPOSITIONS = frozenset({"in", "nach", "aus", "im", "bei", "gen", "Richtung", "nahe"})
_ARTICLES = frozenset({
    "der", "die", "das", "des", "dem", "den", "Der", "Die", "Das", "Des", "Dem", "Den"}
)  # fmt: skip
_PLACE_ENDINGS = (
    "burg", "stadt", "dorf", "hausen", "heim", "ingen", "furt", "feld", "land", "ien", "reich",
    "berg", "bach", "tal", "hagen", "rode", "stein", "brück", "brücken", "ow", "itz"
)  # fmt: skip
_STREET_ENDINGS = (
    "straße", "strasse", "platz", "allee", "gasse", "damm", "ufer", "weg", "markt", "bahnhof",
    "kapelle", "kirche", "kathedrale", "dom", "schloss", "burg", "see", "insel", "tal",
    "gebirge"
)  # fmt: skip
_PLACE_NOUNS = frozenset({
    "Gemeinde", "Stadt", "Dorf", "Ortsteil", "Kreis", "Landkreis", "Region", "Provinz",
    "Bezirk", "Kanton", "Bundesland", "Hauptstadt", "Insel", "Fluss", "Stadtteil"}
)  # fmt: skip
_SPEECH_VERBS = frozenset({
    "sagen", "sagte", "sagt", "erklären", "erklärte", "betonen", "betonte", "meinen", "meinte",
    "fordern", "forderte", "kritisieren", "kritisierte", "schreiben", "schrieb"}
)  # fmt: skip
_OPENING_QUOTES = frozenset({"„", '"', "“", "»", "«", "‚"})
_CLOSING_QUOTES = frozenset({"“", '"', "”", "«", "»", "‘"})
_MAX_TITLE_TOKENS = 8
# Nouns that announce the title of a work: „…“ after them is MISC ("der Roman „Der Nebelturm“").
_WORK_NOUNS = (
    "roman", "film", "buch", "song", "lied", "album", "titel", "serie", "sendung", "stück",
    "oper", "gedicht", "spiel", "ausstellung", "kampagne", "operation", "programm", "single",
)  # fmt: skip
# A finite verb, pronoun or sentence punctuation marks a quoted statement, not a title.
_NOT_IN_TITLES = frozenset({"VVFIN", "VAFIN", "VMFIN", "PPER", "PRF", "$,", "$.", "VVIMP"})
_ROMAN = re.compile(r"[IVXLC]+")
_INSTITUTION_PREFIXES = ("Bundes", "Landes", "Staats", "Europa", "EU-", "UN-", "Uno-", "Nato-")


@dataclass(frozen=True, slots=True)
class _Span:
    """A candidate name: tokens [first, last) of one sentence, with its type evidence."""

    tokens: tuple[Token, ...]
    type: EntityType | None = None
    strong: bool = False
    role: str | None = None

    @property
    def start(self) -> int:
        return self.tokens[0].start

    @property
    def end(self) -> int:
        return self.tokens[-1].end


def role_nouns() -> frozenset[str]:
    """Lower-case role-noun endings ("präsident", "sprecher"); a noun ending in one is a role."""
    return frozenset(gazetteer().roles)


class EntityRecognizer:
    """Find PER/ORG/LOC/MISC mentions in a text that `Tokenizer` has split into sentences."""

    def __init__(self) -> None:
        self._gazetteer = gazetteer()

    def __call__(self, text: str, sentences: Sequence[Sentence]) -> tuple[Mention, ...]:
        found = [span for sentence in sentences for span in self._sentence_spans(sentence)]
        resolved = _DocumentConsistency(found, self._gazetteer).apply()
        return tuple(
            _mention(text, span, canonical) for span, canonical in resolved if span.type is not None
        )

    def _sentence_spans(self, sentence: Sentence) -> list[_Span]:
        tokens = sentence.tokens
        spans: list[_Span] = []
        i = 0
        while i < len(tokens):
            span = self._quoted_title_at(tokens, i)
            if span is None:
                span = _longer(self._phrase_at(tokens, i), self._name_run_at(tokens, i))
                span = _longer(span, self._person_at(tokens, i))
                span = _longer(span, self._legal_form_at(tokens, i))
            if span is None:
                i += 1
                continue
            spans.append(self._with_apposition(self._typed(span, tokens), tokens))
            i = tokens.index(span.tokens[-1], i) + 1
        return spans

    def _quoted_title_at(self, tokens: Sequence[Token], i: int) -> _Span | None:
        """A short capitalised title in quotation marks without a finite verb: a work (MISC)."""
        if tokens[i].text not in _OPENING_QUOTES:
            return None
        close = next((j for j in range(i + 1, min(i + _MAX_TITLE_TOKENS + 2, len(tokens)))
                      if tokens[j].text in _CLOSING_QUOTES), None)  # fmt: skip
        if close is None or close == i + 1:
            return None
        title = tokens[i + 1 : close]
        if not title[0].text[:1].isupper() or any(t.pos in _NOT_IN_TITLES for t in title):
            return None
        named_work = i > 0 and tokens[i - 1].text.lower().endswith(_WORK_NOUNS)
        if not named_work and not any(t.pos in ("NE", "FM") for t in title):
            return None  # scare quotes around a common noun: „Wutbürger“
        if any(self._gazetteer.heads_organisation(t.text) for t in title):
            return None  # „Berliner Zeitung“: an organisation, typed by the usual rules
        kind = self._listed_type(title) or EntityType.MISC
        return _Span(tuple(title), kind, strong=kind is not EntityType.MISC)

    # Step 1: gazetteer phrases ------------------------------------------------------------

    def _phrase_at(self, tokens: Sequence[Token], i: int) -> _Span | None:
        for length in range(min(_MAX_PHRASE_TOKENS, len(tokens) - i), 0, -1):
            window = tokens[i : i + length]
            kind = self._listed_type(window)
            if kind is not None:
                return self._extend_organisation(tokens, _Span(tuple(window), kind, strong=True))
        return None

    def _listed_type(self, window: Sequence[Token]) -> EntityType | None:
        name = " ".join(t.text for t in window)
        if not name[:1].isupper() or (len(window) == 1 and name in self._gazetteer.non_names):
            return None
        forms = _name_forms(name)
        if any(form in self._gazetteer.organisations for form in forms):
            return EntityType.ORG
        if any(form in self._gazetteer.misc for form in forms):
            return EntityType.MISC
        proper = all(t.pos in ("NE", "FM") for t in window)
        if any(self._gazetteer.place_kind(form, proper_noun=proper) for form in forms):
            return EntityType.LOC
        return None

    # Step 2: proper-noun runs -------------------------------------------------------------

    def _name_run_at(self, tokens: Sequence[Token], i: int) -> _Span | None:
        first = i
        while first < len(tokens) and self._opens_name(tokens, first):
            first += 1  # name adjectives before the proper nouns ("Vereinigte Arabische")
        end = self._run_end(tokens, first)
        if end == first:
            return self._adjective_organisation(tokens, i)
        i = max(i, first - 2)
        span = _Span(tuple(tokens[i:end]))
        return self._extend_organisation(tokens, span)

    def _opens_name(self, tokens: Sequence[Token], i: int) -> bool:
        token = tokens[i]
        return token.text in _NAME_ADJECTIVES or _is_place_adjective(token)

    def _run_end(self, tokens: Sequence[Token], i: int) -> int:
        end = i
        while end < len(tokens) and self._is_name_token(tokens[end]):
            end += 1
            particles = end
            while particles < len(tokens) and tokens[particles].text in _NAME_PARTICLES:
                particles += 1
            if end < particles < len(tokens) and self._is_name_token(tokens[particles]):
                end = particles
        return end

    def _is_name_token(self, token: Token) -> bool:
        word = token.text
        if word in self._gazetteer.non_names or self._gazetteer.role_of(word):
            return False
        if not word[:1].isupper() or not any(c.isalpha() for c in word):
            return False
        if any(part[:1].islower() for part in word.split("-")[1:]):
            return False  # "Down-to-earth-Habitus", "ARD-exclusiv": hyphenated common nouns
        return token.pos == "NE" or token.pos == "FM" or _is_acronym(word)

    def _adjective_organisation(self, tokens: Sequence[Token], i: int) -> _Span | None:
        """ "Münchner Sicherheitskonferenz", "Deutsche Bank": name adjectives before a head."""
        end = i
        while end < len(tokens) and (
            tokens[end].text in _NAME_ADJECTIVES or _is_place_adjective(tokens[end])
        ):
            end += 1
        head = tokens[end] if end < len(tokens) else None
        if end == i or head is None or not self._gazetteer.heads_organisation(head.text):
            return self._institution_at(tokens, i)
        return self._extend_organisation(tokens, _Span(tuple(tokens[i : end + 1])))

    def _institution_at(self, tokens: Sequence[Token], i: int) -> _Span | None:
        """A compound such as "Bundesnachrichtendienst" or "Bundesamt für Justiz"."""
        word = tokens[i].text
        if word.startswith(_INSTITUTION_PREFIXES) and self._gazetteer.heads_organisation(word):
            span = _Span((tokens[i],), EntityType.ORG, strong=True)
            return self._extend_organisation(tokens, span)
        return None

    def _extend_organisation(self, tokens: Sequence[Token], span: _Span) -> _Span:
        """Take in a legal form ("AG") or a "für"-complement after an organisation head."""
        end = tokens.index(span.tokens[-1]) + 1
        if end < len(tokens) and tokens[end].text in self._gazetteer.org_suffixes:
            return replace(span, tokens=(*span.tokens, tokens[end]))
        if span.tokens and self._gazetteer.heads_organisation(span.tokens[-1].text):
            complement = self._org_complement(tokens, end)
            return replace(span, tokens=(*span.tokens, *tokens[end:complement]))
        return span

    def _org_complement(self, tokens: Sequence[Token], end: int) -> int:
        if end + 1 >= len(tokens) or tokens[end].text not in _ORG_LINKS:
            return end
        stop = end + 1
        while stop < len(tokens) and _is_capitalised_noun(tokens[stop]):
            stop += 1
        return stop if stop > end + 1 else end

    def _legal_form_at(self, tokens: Sequence[Token], i: int) -> _Span | None:
        """ "Beispiel Technik GmbH": up to three capitalised words closed by a legal form."""
        end = i
        while end < min(i + 3, len(tokens)) and _is_capitalised_noun(tokens[end]):
            if tokens[end].text in self._gazetteer.org_suffixes:
                break
            end += 1
        if end == i or end >= len(tokens) or tokens[end].text not in self._gazetteer.org_suffixes:
            return None
        return _Span(tuple(tokens[i : end + 1]), EntityType.ORG, strong=True)

    def _person_at(self, tokens: Sequence[Token], i: int) -> _Span | None:
        """ "Peter Stein", "Heinrich Gottlob von Miltitz": first names, then one surname."""
        opener = tokens[i].text
        initial = len(opener) == 2 and opener[0].isupper() and opener[1] == "."
        proper = tokens[i].pos in ("NE", "FM")
        if not initial and not (proper and self._gazetteer.is_first_name(opener)):
            return None
        names = i + 1
        while names < len(tokens) and self._gazetteer.is_first_name(tokens[names].text):
            names += 1
        end = names
        while end < len(tokens) and tokens[end].text in _NAME_PARTICLES:
            end += 1
        if end < len(tokens) and self._could_be_surname(tokens[end]):
            return _Span(tuple(tokens[i : end + 1]), EntityType.PER, strong=True)
        if names > i + 1 and self._could_be_surname(tokens[names - 1]):  # "Peter Stein"
            return _Span(tuple(tokens[i:names]), EntityType.PER, strong=True)
        return None

    def _could_be_surname(self, token: Token) -> bool:
        word = token.text
        if not word[:1].isupper() or not word[1:2].islower() or word in self._gazetteer.non_names:
            return False
        return token.pos in ("NE", "NN", "FM", "ADJA", "ADJD") and not (
            self._gazetteer.role_of(word) or self._gazetteer.heads_organisation(word)
        )

    # Step 3: typing -----------------------------------------------------------------------

    def _typed(self, span: _Span, tokens: Sequence[Token]) -> _Span:
        index = tokens.index(span.tokens[0])
        before = tokens[index - 1] if index > 0 else None
        role = None
        # "Dr." and "Prof." mark a person but are titles, not roles.
        if before is not None and self._gazetteer.role_of(before.text) and before.text[-1] != ".":
            role = before.text
        if span.type is not None:
            return replace(span, role=role if span.type is EntityType.PER else None)
        if any(self._marks_organisation(t.text) for t in span.tokens):
            return replace(span, type=EntityType.ORG, strong=True)
        if (
            before is not None
            and before.pos == "NN"
            and self._gazetteer.heads_organisation(before.text)
        ):
            return replace(span, type=EntityType.ORG, strong=True)  # "Nachrichtenagentur AFP"
        if role is not None or (before is not None and before.text in _PERSON_CUES):
            return replace(span, type=EntityType.PER, strong=True, role=role)
        last = tokens.index(span.tokens[-1])
        after = tokens[last + 1] if last + 1 < len(tokens) else None
        return self._typed_by_name(span, before, after)

    def _marks_organisation(self, word: str) -> bool:
        return self._gazetteer.heads_organisation(word) or word in self._gazetteer.org_suffixes

    def _with_apposition(self, span: _Span, tokens: Sequence[Token]) -> _Span:
        """ "Peskow, der Sprecher des Kremls": a role in apposition after a person's name."""
        if span.role is not None or (span.strong and span.type is not EntityType.PER):
            return span
        i = tokens.index(span.tokens[-1]) + 1
        if i + 1 >= len(tokens) or tokens[i].text != ",":
            return span
        i += 1 + (tokens[i + 1].pos == "ART")
        while i < len(tokens) and tokens[i].pos == "ADJA":
            i += 1
        if i >= len(tokens) or not self._gazetteer.role_of(tokens[i].text):
            return span
        end = i + 1
        if end + 1 < len(tokens) and tokens[end].pos == "ART":
            stop = end + 1
            while stop < len(tokens) and tokens[stop].pos in ("ADJA", "NN", "NE"):
                stop += 1
            end = stop if stop > end + 1 else end
        role = " ".join(t.text for t in tokens[i:end])
        return replace(span, type=EntityType.PER, strong=True, role=role)

    def _typed_by_name(self, span: _Span, before: Token | None, after: Token | None) -> _Span:
        words = [t.text for t in span.tokens]
        if len(words) > 1 and self._gazetteer.is_first_name(words[0]):
            return replace(span, type=EntityType.PER, strong=True)
        forms = _name_forms(" ".join(words))
        if any(self._gazetteer.place_kind(name, proper_noun=True) for name in forms):
            return replace(span, type=EntityType.LOC, strong=True)
        return replace(span, type=_weak_type(words, before, after))


def _longer(phrase: _Span | None, run: _Span | None) -> _Span | None:
    """The listed phrase, unless a proper-noun run from the same token is longer."""
    if phrase is None or (run is not None and len(run.tokens) > len(phrase.tokens)):
        return run
    return phrase


def _weak_type(
    words: Sequence[str], before: Token | None, after: Token | None
) -> EntityType | None:
    """The type a name without listed or role evidence most often has, from its shape and
    the word before or after it."""
    preceding = before.text if before is not None else ""
    if (after is not None and after.lemma in _SPEECH_VERBS) or preceding in _SPEECH_VERBS:
        return EntityType.PER
    if len(words) == 1 and _is_acronym(words[0]):
        # Two capitals are as often abbreviations ("TV", "SV") or numerals ("II") as names.
        return EntityType.ORG if len(words[0]) > 2 and not _ROMAN.fullmatch(words[0]) else None
    if words[-1].endswith(_STREET_ENDINGS) or (
        len(words) == 1 and words[0].lower().endswith(_PLACE_ENDINGS)
    ):
        return EntityType.LOC
    if preceding in _PLACE_PREPOSITIONS or preceding in _PLACE_NOUNS:
        return EntityType.LOC
    if preceding in _ARTICLES:
        return EntityType.ORG
    # Without a known first name, a multi-word name is more often a firm, club or title.
    return EntityType.PER if len(words) == 1 else EntityType.ORG


def _is_capitalised_noun(token: Token) -> bool:
    return token.text[:1].isupper() and token.pos in ("NN", "NE", "FM")


def _is_acronym(word: str) -> bool:
    letters = [c for c in word if c.isalpha()]
    return len(letters) >= 2 and all(c.isupper() for c in letters) and len(word) <= 8


def _is_place_adjective(token: Token) -> bool:
    """ "Münchner", "Frankfurter": capitalised adjectives from place names end in -er."""
    return token.pos == "ADJA" and token.text[:1].isupper() and token.text.endswith("er")


def _name_forms(name: str) -> tuple[str, ...]:
    """The name and its base without a genitive ending ("Kanadas", "Griechenlandes")."""
    base = _without_genitive(name)
    if name.endswith("es") and len(name) > 5:
        return (name, base, name[:-2])
    return (name, base)


def _without_genitive(name: str) -> str:
    if name.endswith("'"):
        return name[:-1]
    if name.endswith("s") and not name.endswith(("ss", "us", "is", "os")) and len(name) > 3:
        return name[:-1]
    return name


class _DocumentConsistency:
    """Give every mention of a name the type of its best-evidenced mention in the text."""

    def __init__(self, spans: Sequence[_Span], names: Gazetteer) -> None:
        self._spans = spans
        self._names = names
        self._strong: dict[str, EntityType] = {}
        self._full_names: dict[str, str] = {}  # surname -> fullest PER name ending in it

    def apply(self) -> list[tuple[_Span, str]]:
        for span in self._spans:
            self._learn(span)
        return [self._resolve(span) for span in self._spans]

    def _learn(self, span: _Span) -> None:
        name = _surface(span)
        if span.strong and span.type is not None:
            self._strong.setdefault(name, span.type)
        if span.type is EntityType.PER and span.strong and len(span.tokens) > 1:
            surname = span.tokens[-1].text
            if len(name) > len(self._full_names.get(surname, "")):
                self._full_names[surname] = name
            self._strong.setdefault(surname, EntityType.PER)

    def _resolve(self, span: _Span) -> tuple[_Span, str]:
        surface = _surface(span)
        base = self._base_name(surface)
        if not span.strong and base in self._strong:
            span = replace(span, type=self._strong[base])
        if span.type is EntityType.PER:
            return span, self._full_names.get(base, base)
        return span, base

    def _base_name(self, surface: str) -> str:
        stripped = _without_genitive(surface)
        known = stripped in self._strong or stripped in self._full_names
        listed = self._names.lists(stripped)
        return stripped if stripped != surface and (known or listed) else surface


def _surface(span: _Span) -> str:
    return " ".join(t.text for t in span.tokens)


def _mention(text: str, span: _Span, canonical: str) -> Mention:
    kind = span.type if span.type is not None else EntityType.PER
    return Mention(span.start, span.end, text[span.start : span.end], kind, canonical, span.role)
