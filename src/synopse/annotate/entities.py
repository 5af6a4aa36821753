"""Named entities (PER, ORG, LOC, MISC) from proper-noun tags, gazetteers and context rules.

No German NER model can be installed offline, so recognition works in four steps:

1. Gazetteer phrases: the longest run of up to four tokens that names a known place,
   organisation or MISC item ("Vereinigte Staaten", "Weißes Haus", "Zweiten Weltkrieg").
2. Proper-noun runs: tokens HanTa tags NE (or capitalised foreign words, acronyms), joined
   across name particles ("Ursula von der Leyen") and widened by organisation heads and legal
   forms ("Universität Hamburg", "Porsche AG") or name adjectives ("Münchner
   Sicherheitskonferenz").
   A run stops where two names touch: a country after a name or a genitive ("Krim Russland",
   "Putins Russland", "nannte Trump Saudi-Arabien") and a first name after a full name
   ("Wladimir Putin Donald Trump"). Sports clubs ("1. FC Nürnberg") and legal forms
   ("Brenner AG") close organisation names; a descriptor noun before them ("Autozulieferer")
   is evidence, not part of the name.
3. Typing from the strongest evidence: organisation heads and descriptors, a role noun or
   "Herr"/"Frau" before the name, a known first name, the place lists; then weak cues (speech
   verb, place-like ending, the preposition or article before it); capitals are ORG unless a
   numeral, country code or shouted word. A single word HanTa's lexicon knows as a common word
   ("Heute"), a lone foreign word, or an unknown compound of a common noun ("Eigenbasis") is
   not a name; other single words fall back to PER, longer runs to ORG. Names coordinated
   with "und"/","/"oder" share the type of the member that has evidence.
4. Document consistency (`entity_consistency`): a name typed with strong evidence keeps that
   type everywhere in the text; a surname alone after "Donald Trump" is the same person,
   canonical "Donald Trump"; a genitive ("Putins", "Moskaus") is canonicalised to its base;
   a guessed run of persons known from the text ("Putin Trump") is split into mentions.

"Truth Social" and other platforms are ORG (the company runs them); currencies, stock indices,
wars, prizes, holidays and software are MISC, matching GermEval's OTH class.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import replace

from synopse.annotate.entity_consistency import (
    DocumentConsistency,
    NameSpan,
    name_forms,
)
from synopse.annotate.gazetteer import gazetteer, lexicon
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
_PLACE_PREPOSITIONS = frozenset(
    {"in", "nach", "aus", "im", "bei", "gen", "Richtung", "nahe", "zwischen"}
)
_ARTICLES = frozenset({
    "der", "die", "das", "des", "dem", "den", "Der", "Die", "Das", "Des", "Dem", "Den"}
)  # fmt: skip
_PLACE_ENDINGS = (
    "burg", "stadt", "dorf", "hausen", "heim", "ingen", "furt", "feld", "land", "ien", "reich",
    "berg", "bach", "tal", "hagen", "rode", "stein", "brück", "brücken", "ow", "itz", "münde",
    "kirchen", "hofen", "leben", "stedt", "büttel", "hude", "werder", "weiler", "walde"
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
_COORDINATORS = frozenset({"und", "oder", "sowie", ",", "bzw.", "/"})
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
_MAX_ACRONYM = 5
_ROMAN = re.compile(r"[IVXLC]+")
_INSTITUTION_PREFIXES = ("Bundes", "Landes", "Staats", "Europa", "EU-", "UN-", "Uno-", "Nato-")


def role_nouns() -> frozenset[str]:
    """Lower-case role-noun endings ("präsident", "sprecher"); a noun ending in one is a role."""
    return frozenset(gazetteer().roles)


class EntityRecognizer:
    """Find PER/ORG/LOC/MISC mentions in a text that `Tokenizer` has split into sentences."""

    def __init__(self) -> None:
        self._gazetteer = gazetteer()
        self._lexicon = lexicon()

    def __call__(self, text: str, sentences: Sequence[Sentence]) -> tuple[Mention, ...]:
        found = [span for sentence in sentences for span in self._sentence_spans(sentence)]
        resolved = DocumentConsistency(found, self._gazetteer).apply()
        return tuple(
            _mention(text, span, canonical) for span, canonical in resolved if span.type is not None
        )

    def _sentence_spans(self, sentence: Sentence) -> list[NameSpan]:
        tokens = sentence.tokens
        spans: list[NameSpan] = []
        i = 0
        while i < len(tokens):
            span = self._quoted_title_at(tokens, i)
            if span is None:
                span = _longer(self._phrase_at(tokens, i), self._name_run_at(tokens, i))
                span = _longer(span, self._person_at(tokens, i))
                span = _longer(span, self._legal_form_at(tokens, i))
                span = _longer(span, self._club_at(tokens, i))
                span = _longer(span, self._unknown_place_at(tokens, i))
            if span is None:
                i += 1
                continue
            spans.append(self._with_apposition(self._typed(span, tokens), tokens))
            i = tokens.index(span.tokens[-1], i) + 1
        return _coordinated(spans, tokens)

    def _quoted_title_at(self, tokens: Sequence[Token], i: int) -> NameSpan | None:
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
        return NameSpan(tuple(title), kind, strong=kind is not EntityType.MISC)

    # Step 1: gazetteer phrases ------------------------------------------------------------

    def _phrase_at(self, tokens: Sequence[Token], i: int) -> NameSpan | None:
        for length in range(min(_MAX_PHRASE_TOKENS, len(tokens) - i), 0, -1):
            window = tokens[i : i + length]
            kind = self._listed_type(window)
            if kind is not None:
                return self._extend_organisation(tokens, NameSpan(tuple(window), kind, strong=True))
        return None

    def _listed_type(self, window: Sequence[Token]) -> EntityType | None:
        name = " ".join(t.text for t in window)
        if not name[:1].isupper() or (len(window) == 1 and name in self._gazetteer.non_names):
            return None
        forms = name_forms(name)
        if any(form in self._gazetteer.organisations for form in forms):
            return EntityType.ORG
        if any(form in self._gazetteer.misc for form in forms):
            return EntityType.MISC
        # HanTa guesses NN for many unknown words; an unknown word may still be a listed town.
        proper = all(t.pos in ("NE", "FM") or not self._lexicon.knows(t.text) for t in window)
        if any(self._gazetteer.place_kind(form, proper_noun=proper) for form in forms):
            return EntityType.LOC
        return None

    # Step 2: proper-noun runs -------------------------------------------------------------

    def _name_run_at(self, tokens: Sequence[Token], i: int) -> NameSpan | None:
        first = i
        while first < len(tokens) and self._opens_name(tokens, first):
            first += 1  # name adjectives before the proper nouns ("Vereinigte Arabische")
        end = self._run_end(tokens, first)
        if end == first:
            return self._adjective_organisation(tokens, i)
        i = max(i, first - 2)
        span = NameSpan(tuple(tokens[i:end]))
        return self._extend_organisation(tokens, span)

    def _opens_name(self, tokens: Sequence[Token], i: int) -> bool:
        token = tokens[i]
        return token.text in _NAME_ADJECTIVES or _is_place_adjective(token)

    def _run_end(self, tokens: Sequence[Token], i: int) -> int:
        end = i
        while end < len(tokens) and self._is_name_token(tokens[end]):
            end += 1
            if end < len(tokens) and self._separates_names(tokens, end):
                break
            particles = end
            while particles < len(tokens) and tokens[particles].text in _NAME_PARTICLES:
                particles += 1
            if end < particles < len(tokens) and self._is_name_token(tokens[particles]):
                end = particles
        return end

    def _separates_names(self, tokens: Sequence[Token], i: int) -> bool:
        """Whether names that touch before token `i` are two names, not one: "Krim Russland",
        "Putins Russland", "Wladimir Putin Donald Trump" (a first name opens a new person)."""
        left, right = tokens[i - 1].text, tokens[i].text
        if self._is_country(right) and not self._gazetteer.lists(f"{left} {right}"):
            return True  # "Krim Russland", "Putins Russland", "nannte Trump Saudi-Arabien"
        return (
            i >= 2
            and self._gazetteer.is_first_name(tokens[i - 2].text)
            and not self._gazetteer.is_first_name(left)
            and self._gazetteer.is_first_name(right)
            and i + 1 < len(tokens)
            and self._is_name_token(tokens[i + 1])
        )

    def _is_country(self, word: str) -> bool:
        """A country, state or region ("Krim", "Russland"); a city after a name may belong to
        a club ("Juventus Turin")."""
        return any(form in self._gazetteer.countries for form in name_forms(word))

    def _is_name_token(self, token: Token) -> bool:
        word = token.text
        if word in self._gazetteer.non_names or self._gazetteer.role_of(word):
            return False
        if not word[:1].isupper() or not any(c.isalpha() for c in word):
            return False
        if any(part[:1].islower() for part in word.split("-")[1:]):
            return False  # "Down-to-earth-Habitus", "ARD-exclusiv": hyphenated common nouns
        return token.pos == "NE" or token.pos == "FM" or _is_acronym(word)

    def _adjective_organisation(self, tokens: Sequence[Token], i: int) -> NameSpan | None:
        """ "Münchner Sicherheitskonferenz", "Deutsche Bank": name adjectives before a head."""
        end = i
        while end < len(tokens) and (
            tokens[end].text in _NAME_ADJECTIVES or _is_place_adjective(tokens[end])
        ):
            end += 1
        head = tokens[end] if end < len(tokens) else None
        if end == i or head is None or not self._gazetteer.heads_organisation(head.text):
            return self._institution_at(tokens, i)
        return self._extend_organisation(tokens, NameSpan(tuple(tokens[i : end + 1])))

    def _institution_at(self, tokens: Sequence[Token], i: int) -> NameSpan | None:
        """A compound such as "Bundesnachrichtendienst" or "Bundesamt für Justiz"."""
        word = tokens[i].text
        if word.startswith(_INSTITUTION_PREFIXES) and self._gazetteer.heads_organisation(word):
            span = NameSpan((tokens[i],), EntityType.ORG, strong=True)
            return self._extend_organisation(tokens, span)
        return None

    def _extend_organisation(self, tokens: Sequence[Token], span: NameSpan) -> NameSpan:
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

    def _legal_form_at(self, tokens: Sequence[Token], i: int) -> NameSpan | None:
        """ "Beispiel Technik GmbH": up to three capitalised words closed by a legal form; a
        descriptor noun before them is not part of the name ("Autozulieferer Brenner AG")."""
        if self._gazetteer.describes_organisation(tokens[i].text):
            return None
        end = i
        while end < min(i + 3, len(tokens)) and _is_capitalised_noun(tokens[end]):
            if tokens[end].text in self._gazetteer.org_suffixes:
                break
            end += 1
        if end == i or end >= len(tokens) or tokens[end].text not in self._gazetteer.org_suffixes:
            return None
        return NameSpan(tuple(tokens[i : end + 1]), EntityType.ORG, strong=True)

    def _club_at(self, tokens: Sequence[Token], i: int) -> NameSpan | None:
        """ "1. FC Nürnberg", "FC Schalke 04", "SV Wehen-Wiesbaden": a club abbreviation, the
        place or name after it, and a founding year."""
        first = i + 1 if tokens[i].text == "1." and i + 1 < len(tokens) else i
        if tokens[first].text not in self._gazetteer.club_prefixes:
            return None
        end = first + 1
        while end < min(first + 4, len(tokens)) and _continues_club(tokens[end]):
            end += 1
        if end == first + 1 or not tokens[first + 1].text[:1].isupper():
            return None
        return NameSpan(tuple(tokens[i:end]), EntityType.ORG, strong=True)

    def _unknown_place_at(self, tokens: Sequence[Token], i: int) -> NameSpan | None:
        """ "in Ostermünde", "der Stadt Wettlingen": a capitalised word HanTa does not know,
        after a place preposition or place noun, names a place even when tagged NN."""
        word, before = tokens[i].text, tokens[i - 1].text if i > 0 else ""
        if before not in _PLACE_PREPOSITIONS and before not in _PLACE_NOUNS:
            return None
        if not word[:1].isupper() or not word.replace("-", "").isalpha():
            return None
        if word in self._gazetteer.non_names or self._lexicon.knows(word):
            return None
        if self._is_common_noun(word) or tokens[i].pos not in ("NN", "NE"):
            return None
        return NameSpan((tokens[i],), EntityType.LOC)

    def _person_at(self, tokens: Sequence[Token], i: int) -> NameSpan | None:
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
            return NameSpan(tuple(tokens[i : end + 1]), EntityType.PER, strong=True)
        if names > i + 1 and self._could_be_surname(tokens[names - 1]):  # "Peter Stein"
            return NameSpan(tuple(tokens[i:names]), EntityType.PER, strong=True)
        return None

    def _could_be_surname(self, token: Token) -> bool:
        word = token.text
        if not word[:1].isupper() or not word[1:2].islower() or word in self._gazetteer.non_names:
            return False
        return token.pos in ("NE", "NN", "FM", "ADJA", "ADJD") and not (
            self._gazetteer.role_of(word) or self._gazetteer.heads_organisation(word)
        )

    # Step 3: typing -----------------------------------------------------------------------

    def _typed(self, span: NameSpan, tokens: Sequence[Token]) -> NameSpan:
        index = tokens.index(span.tokens[0])
        before = tokens[index - 1] if index > 0 else None
        role = None
        # "Dr." and "Prof." mark a person but are titles, not roles.
        if before is not None and self._gazetteer.role_of(before.text) and before.text[-1] != ".":
            role = before.text
        if span.type is not None and role is not None and self._minor_place(span):
            return replace(span, type=EntityType.PER, strong=True, role=role)  # "Minister Rubio"
        if span.type is not None:
            return replace(span, role=role if span.type is EntityType.PER else None)
        if any(self._marks_organisation(t.text) for t in span.tokens):
            return replace(span, type=EntityType.ORG, strong=True)
        if before is not None and before.pos == "NN" and self._describes_organisation(before):
            return replace(span, type=EntityType.ORG, strong=True)  # "Nachrichtenagentur AFP"
        if role is not None or (before is not None and before.text in _PERSON_CUES):
            return replace(span, type=EntityType.PER, strong=True, role=role)
        last = tokens.index(span.tokens[-1])
        after = tokens[last + 1] if last + 1 < len(tokens) else None
        return self._typed_by_name(span, before, after)

    def _describes_organisation(self, token: Token) -> bool:
        word = token.text
        return self._gazetteer.heads_organisation(word) or self._gazetteer.describes_organisation(
            word
        )

    def _minor_place(self, span: NameSpan) -> bool:
        """A one-word name found only in the long list of small towns ("Rubio")."""
        word = span.tokens[0].text
        return (
            span.type is EntityType.LOC
            and len(span.tokens) == 1
            and not any(self._gazetteer.place_kind(f, proper_noun=False) for f in name_forms(word))
        )

    def _marks_organisation(self, word: str) -> bool:
        return self._gazetteer.heads_organisation(word) or word in self._gazetteer.org_suffixes

    def _with_apposition(self, span: NameSpan, tokens: Sequence[Token]) -> NameSpan:
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

    def _typed_by_name(self, span: NameSpan, before: Token | None, after: Token | None) -> NameSpan:
        words = [t.text for t in span.tokens]
        if len(words) > 1 and self._gazetteer.is_first_name(words[0]):
            return replace(span, type=EntityType.PER, strong=True)
        forms = name_forms(" ".join(words))
        if any(self._gazetteer.place_kind(name, proper_noun=True) for name in forms):
            return replace(span, type=EntityType.LOC, strong=True)
        if len(words) == 1 and _is_acronym(words[0]):
            return replace(span, type=self._acronym_type(words[0]))
        if len(words) == 1 and self._is_common_noun(words[0]):
            return span  # "Heute", "Einfluss", "Vollbrand": common words HanTa took for names
        kind = _context_type(words, before, after)
        if kind is not None:
            return replace(span, type=kind)
        if len(words) == 1 and span.tokens[0].pos == "FM":
            return span  # a lone foreign word ("Airborne", "License") is rarely a name
        # Without a known first name, a multi-word name is more often a firm, club or title.
        kind = EntityType.PER if len(words) == 1 else EntityType.ORG
        return replace(span, type=kind, guessed=True)

    def _is_common_noun(self, word: str) -> bool:
        """A listed common word, or an unknown compound of a common noun ("Eigen|basis") that
        does not end like a place ("Taiskirchen")."""
        if self._lexicon.is_common_word(word):
            return True
        return not word.lower().endswith(_PLACE_ENDINGS) and self._lexicon.is_compound_noun(word)

    def _acronym_type(self, word: str) -> EntityType | None:
        """Capitals: an organisation ("CDU", "FBI") unless a numeral ("II"), a country code
        ("DE") or a shouted common word ("FRIEDEN")."""
        if _ROMAN.fullmatch(word) or word in self._gazetteer.country_codes:
            return None
        if len(word) > _MAX_ACRONYM and self._lexicon.knows(word.capitalize()):
            return None
        return EntityType.ORG


def _longer(phrase: NameSpan | None, run: NameSpan | None) -> NameSpan | None:
    """The listed phrase, unless a proper-noun run from the same token is longer."""
    if phrase is None or (run is not None and len(run.tokens) > len(phrase.tokens)):
        return run
    return phrase


def _context_type(
    words: Sequence[str], before: Token | None, after: Token | None
) -> EntityType | None:
    """The type a name without listed or role evidence most often has, from its shape and
    the word before or after it; None when neither gives a cue."""
    preceding = before.text if before is not None else ""
    if (after is not None and after.lemma in _SPEECH_VERBS) or preceding in _SPEECH_VERBS:
        return EntityType.PER
    if words[-1].endswith(_STREET_ENDINGS) or (
        len(words) == 1 and words[0].lower().endswith(_PLACE_ENDINGS)
    ):
        return EntityType.LOC
    if preceding in _PLACE_PREPOSITIONS or preceding in _PLACE_NOUNS:
        return EntityType.LOC
    if preceding in _ARTICLES:
        return EntityType.ORG
    return None


def _coordinated(spans: list[NameSpan], tokens: Sequence[Token]) -> list[NameSpan]:
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
    gap = tokens[tokens.index(left.tokens[-1]) + 1 : tokens.index(right.tokens[0])]
    return len(gap) == 1 and gap[0].text in _COORDINATORS


def _continues_club(token: Token) -> bool:
    word = token.text
    return (word[:1].isupper() and token.pos in ("NE", "NN", "FM")) or (
        word.isdigit() and len(word) == 2
    )


def _is_capitalised_noun(token: Token) -> bool:
    return token.text[:1].isupper() and token.pos in ("NN", "NE", "FM")


def _is_acronym(word: str) -> bool:
    letters = [c for c in word if c.isalpha()]
    return len(letters) >= 2 and all(c.isupper() for c in letters) and len(word) <= 8


def _is_place_adjective(token: Token) -> bool:
    """ "Münchner", "Frankfurter": capitalised adjectives from place names end in -er."""
    return token.pos == "ADJA" and token.text[:1].isupper() and token.text.endswith("er")


def _mention(text: str, span: NameSpan, canonical: str) -> Mention:
    kind = span.type if span.type is not None else EntityType.PER
    return Mention(span.start, span.end, text[span.start : span.end], kind, canonical, span.role)
