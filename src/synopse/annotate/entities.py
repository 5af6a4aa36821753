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

from collections.abc import Sequence
from dataclasses import replace

from synopse.annotate.entity_consistency import (
    DocumentConsistency,
    NameSpan,
    name_forms,
    span_text,
    token_index,
)
from synopse.annotate.gazetteer import gazetteer, inflection_key, lexicon
from synopse.annotate.ner_context import context_type, coordinated, longer
from synopse.annotate.ner_foreign import english_words, foreign_name_at, is_english_word
from synopse.annotate.ner_organisations import OrganisationFinder
from synopse.annotate.ner_words import (
    CLOSING_QUOTES,
    LANDMARK_ENDINGS,
    MAX_ACRONYM,
    MAX_PHRASE_TOKENS,
    MAX_TITLE_TOKENS,
    NAME_ADJECTIVES,
    NAME_PARTICLES,
    NOT_IN_TITLES,
    OPENING_QUOTES,
    PERSON_CUES,
    PLACE_ENDINGS,
    ROMAN,
    SQUAD_NOUNS,
    WORK_NOUNS,
    announces_place,
    is_acronym,
    is_place_adjective,
    may_open_name,
)
from synopse.model import EntityType, Mention, Sentence, Token


def role_nouns() -> frozenset[str]:
    """Lower-case role-noun endings ("präsident", "sprecher"); a noun ending in one is a role."""
    return frozenset(gazetteer().roles)


_LISTED_CACHE_LIMIT = 200_000  # windows whose listed type is kept (a few tens of MB at most)


class EntityRecognizer:
    """Find PER/ORG/LOC/MISC mentions in a text that `Tokenizer` has split into sentences."""

    def __init__(self) -> None:
        self._gazetteer = gazetteer()
        self._lexicon = lexicon()
        self._organisations = OrganisationFinder(self._gazetteer)
        self._listed: dict[tuple[tuple[str, str], ...], EntityType | None] = {}
        # Every finder below needs a capitalised word at the start, with few exceptions; when
        # a list ever holds a lower-case opener, no token is skipped.
        openers = (*self._gazetteer.first_names, *self._gazetteer.club_prefixes, *NAME_ADJECTIVES)
        self._skip_lower = all(word[:1].isupper() for word in openers)

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
            if self._skip_lower and not may_open_name(tokens[i]):
                i += 1
                continue
            span = self._quoted_title_at(tokens, i)
            if span is None:
                foreign = foreign_name_at(tokens, i)
                span = longer(self._phrase_at(tokens, i), foreign)
                span = longer(span, self._name_run_at(tokens, i))
                span = _person_first(span, self._person_at(tokens, i))
                span = longer(span, self._organisations.legal_form_at(tokens, i))
                span = longer(span, self._organisations.club_at(tokens, i))
                span = longer(span, self._organisations.local_institution_at(tokens, i))
                span = longer(span, self._unknown_place_at(tokens, i))
                span = longer(span, self._landmark_at(tokens, i))
            if span is None:
                i += 1
                continue
            if self._opens_place_adjective(span, tokens):
                i = token_index(tokens, span.tokens[-1], i) + 2  # "New Yorker": an adjective
                continue
            spans.append(_as_club(self._with_apposition(self._typed(span, tokens), tokens), tokens))
            i = token_index(tokens, span.tokens[-1], i) + 1
        return coordinated(spans, tokens)

    def _quoted_title_at(self, tokens: Sequence[Token], i: int) -> NameSpan | None:
        """A short capitalised title in quotation marks without a finite verb: a work (MISC)."""
        if tokens[i].text not in OPENING_QUOTES:
            return None
        close = next((j for j in range(i + 1, min(i + MAX_TITLE_TOKENS + 2, len(tokens)))
                      if tokens[j].text in CLOSING_QUOTES), None)  # fmt: skip
        if close is None or close == i + 1:
            return None
        title = tokens[i + 1 : close]
        if not title[0].text[:1].isupper() or any(self._is_verbal(t) for t in title):
            return None
        named_work = i > 0 and tokens[i - 1].text.lower().endswith(WORK_NOUNS)
        if not named_work and not any(self._is_proper(t) for t in title):
            return None  # scare quotes around a common noun: „Wutbürger“, „Frieden will“
        if any(self._gazetteer.heads_organisation(t.text) for t in title):
            return None  # „Berliner Zeitung“: an organisation, typed by the usual rules
        kind = self._listed_type(title) or english_words().get(title[-1].text) or EntityType.MISC
        return NameSpan(tuple(title), kind, strong=kind is not EntityType.MISC)

    def _is_verbal(self, token: Token) -> bool:
        """A finite verb or pronoun: the quotation is a statement; HanTa tags words inside
        quotation marks FM at times, so a lower-case word is checked in its lexicon too."""
        if token.pos in NOT_IN_TITLES:
            return True
        return token.text[:1].islower() and self._lexicon.is_finite_verb(token.text)

    def _is_proper(self, token: Token) -> bool:
        word = token.text
        if token.pos not in ("NE", "FM") or not word[:1].isupper():
            return False
        return not self._lexicon.is_common_word(word)

    def _opens_place_adjective(self, span: NameSpan, tokens: Sequence[Token]) -> bool:
        """ "New Yorker", "Los Angeleser": the name is the start of a place adjective."""
        after = token_index(tokens, span.tokens[-1]) + 1
        if after >= len(tokens) or not is_place_adjective(tokens[after]):
            return False
        place = f"{span_text(span)} {tokens[after].text[:-2]}"
        return self._gazetteer.place_kind(place, proper_noun=True)

    # Step 1: gazetteer phrases ------------------------------------------------------------

    def _phrase_at(self, tokens: Sequence[Token], i: int) -> NameSpan | None:
        if not tokens[i].text[:1].isupper():
            return None  # as `_listed_type` says for every window
        longest = min(MAX_PHRASE_TOKENS, len(tokens) - i)
        pairs = tuple((t.text, t.pos) for t in tokens[i : i + longest])
        for length in range(longest, 0, -1):
            window = tokens[i : i + length]
            kind = self._listed_type(window, pairs[:length])
            if kind is not None:
                span = NameSpan(tuple(window), kind, strong=True)
                return self._organisations.extend(tokens, span)
        return None

    def _listed_type(
        self, window: Sequence[Token], key: tuple[tuple[str, str], ...] | None = None
    ) -> EntityType | None:
        """`_find_listed_type`, kept per (text, tag) window (`key`, built here when not
        given): asked for every token four times."""
        if not window or not window[0].text[:1].isupper():
            return None
        if key is None:
            key = tuple((t.text, t.pos) for t in window)
        if key not in self._listed:
            if len(self._listed) >= _LISTED_CACHE_LIMIT:
                self._listed.clear()
            self._listed[key] = self._find_listed_type(window)
        return self._listed[key]

    def _find_listed_type(self, window: Sequence[Token]) -> EntityType | None:
        name = " ".join(t.text for t in window)
        if not name[:1].isupper() or (len(window) == 1 and name in self._gazetteer.non_names):
            return None
        forms = name_forms(name)
        if any(form in self._gazetteer.organisations for form in forms):
            return EntityType.ORG
        if any(form in self._gazetteer.misc for form in forms):
            return EntityType.MISC
        if len(window) > 1:
            key = inflection_key(name)
            if key in self._gazetteer.organisation_keys:
                return EntityType.ORG
            if key in self._gazetteer.misc_keys:
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
            return self._organisations.adjective_organisation(tokens, i)
        if first > i and end - first > 1 and self._gazetteer.is_first_name(tokens[first].text):
            return None  # "der Deutsche Nico Hülkenberg": a person after an adjective
        i = max(i, first - 2)
        span = NameSpan(tuple(tokens[i:end]))
        return self._organisations.extend(tokens, span)

    def _opens_name(self, tokens: Sequence[Token], i: int) -> bool:
        token = tokens[i]
        return token.text in NAME_ADJECTIVES or is_place_adjective(token)

    def _run_end(self, tokens: Sequence[Token], i: int) -> int:
        end = i
        while end < len(tokens) and self._is_name_token(tokens[end]):
            end += 1
            if end < len(tokens) and self._separates_names(tokens, end):
                break
            particles = end
            while particles < len(tokens) and tokens[particles].text in NAME_PARTICLES:
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
        word = token.text  # all tests must hold; the cheap ones first
        if not word[:1].isupper():
            return False
        if token.pos != "NE" and token.pos != "FM" and not is_acronym(word):
            return False
        if word in self._gazetteer.non_names or self._gazetteer.role_of(word):
            return False
        if not any(c.isalpha() for c in word):
            return False
        # "Down-to-earth-Habitus", "ARD-exclusiv": hyphenated common nouns
        return not any(part[:1].islower() for part in word.split("-")[1:])

    def _unknown_place_at(self, tokens: Sequence[Token], i: int) -> NameSpan | None:
        """ "in Ostermünde", "der Stadt Wettlingen": a capitalised word HanTa does not know,
        after a place preposition or place noun, names a place even when tagged NN."""
        word = tokens[i].text
        if i == 0 or not announces_place(tokens[i - 1]):
            return None
        if not word[:1].isupper() or not word.replace("-", "").isalpha():
            return None
        if word in self._gazetteer.non_names or tokens[i].pos not in ("NN", "NE"):
            return None
        if self._gazetteer.place_kind(word, proper_noun=True):
            if self._lexicon.is_common_word(word):
                return None
            return NameSpan((tokens[i],), EntityType.LOC, strong=True)  # "aus Soltau"
        if self._lexicon.knows(word) or self._is_common_noun(word):
            return None
        if "-" in word and self._lexicon.is_common_word(word.rsplit("-", 1)[1]):
            return None  # "im Ukraine-Konflikt": a common noun with a name in front
        return NameSpan((tokens[i],), EntityType.LOC)

    def _landmark_at(self, tokens: Sequence[Token], i: int) -> NameSpan | None:
        """ "Stösserstraße", "Marksburg", "Erzherzog-Johann-Hütte": a compound ending in a
        street or landmark noun that HanTa's lexicon does not list as a common word."""
        token = tokens[i]
        word = token.text
        if token.pos not in ("NN", "NE") or not word[:1].isupper() or not word[1:2].islower():
            return None
        lowered = word.lower()
        if not lowered.endswith(LANDMARK_ENDINGS):
            return None
        ending = next((e for e in LANDMARK_ENDINGS if lowered.endswith(e)), None)
        if ending is None or len(word) < len(ending) + 3 or not word.replace("-", "").isalpha():
            return None
        if word in self._gazetteer.non_names or self._lexicon.knows(word):
            return None  # "Umgehungsstraße", "Bahnhofstraße": listed or built from known parts
        if self._gazetteer.role_of(word) or self._gazetteer.heads_organisation(word):
            return None
        if self._is_common_modifier(word[: -len(ending)].rstrip("-")):
            return None  # "Lebensweg", "Kirchturm": a common word in front
        return NameSpan((token,), EntityType.LOC)

    def _is_common_modifier(self, modifier: str) -> bool:
        """Whether the front part of a compound is a common word, with or without a linking
        "s", "n", "en" or a dropped "e" ("Lebens-", "Kirch-", "hoch-")."""
        stems = {modifier, modifier.removesuffix("s"), modifier.removesuffix("n"),
                 modifier.removesuffix("en"), modifier + "e"}  # fmt: skip
        return any(
            len(stem) > 2 and self._lexicon.knows(form)
            for stem in stems
            for form in (stem.capitalize(), stem.lower())
        )

    def _person_at(self, tokens: Sequence[Token], i: int) -> NameSpan | None:
        """ "Peter Stein", "Heinrich Gottlob von Miltitz": first names, then one surname."""
        opener = tokens[i].text
        initial = len(opener) == 2 and opener[0].isupper() and opener[1] == "."
        # A first name that is also a noun ("Mark", "Rose") counts before a tagged surname.
        # HanTa tags some unknown first names ADJA ("Juliette"): not a common word, it counts.
        proper = (
            tokens[i].pos in ("NE", "FM")
            or (i + 1 < len(tokens) and tokens[i + 1].pos == "NE" and tokens[i].pos == "NN")
            or not self._lexicon.knows(opener)
        )
        if not initial and not (proper and self._gazetteer.is_first_name(opener)):
            return None
        names = i + 1
        while names < len(tokens) and self._gazetteer.is_first_name(tokens[names].text):
            names += 1
        end = names
        while end < len(tokens) and tokens[end].text in NAME_PARTICLES:
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
        if english_words().get(word) is not None:
            return False  # "Hudson River", "Victoria Street": a foreign name's head noun
        return token.pos in ("NE", "NN", "NNA", "FM", "ADJA", "ADJD") and not (
            self._gazetteer.role_of(word) or self._gazetteer.heads_organisation(word)
        )

    # Step 3: typing -----------------------------------------------------------------------

    def _typed(self, span: NameSpan, tokens: Sequence[Token]) -> NameSpan:
        word = span.tokens[0].text
        if len(span.tokens) == 1 and is_english_word(word) and not self._gazetteer.lists(word):
            return replace(span, type=None)  # "Truth", "Office": English nouns HanTa tags NE
        index = token_index(tokens, span.tokens[0])
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
        if role is not None or (before is not None and before.text in PERSON_CUES):
            return replace(span, type=EntityType.PER, strong=True, role=role)
        last = token_index(tokens, span.tokens[-1])
        after = tokens[last + 1] if last + 1 < len(tokens) else None
        before_von = tokens[index - 2] if index > 1 else None
        return self._typed_by_name(span, (before_von, before, after))

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
        i = token_index(tokens, span.tokens[-1]) + 1
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

    def _typed_by_name(self, span: NameSpan, around: Sequence[Token | None]) -> NameSpan:
        words = [t.text for t in span.tokens]
        if len(words) > 1 and self._gazetteer.is_first_name(words[0]):
            return replace(span, type=EntityType.PER, strong=True)
        forms = name_forms(" ".join(words))
        if any(self._gazetteer.place_kind(name, proper_noun=True) for name in forms):
            return replace(span, type=EntityType.LOC, strong=True)
        if len(words) == 1 and is_acronym(words[0]):
            return replace(span, type=self._acronym_type(words[0]))
        if len(words) == 1 and self._is_common_noun(words[0]):
            return span  # "Heute", "Einfluss", "Vollbrand": common words HanTa took for names
        kind = context_type(words, around)
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
        return not word.lower().endswith(PLACE_ENDINGS) and self._lexicon.is_compound_noun(word)

    def _acronym_type(self, word: str) -> EntityType | None:
        """Capitals: an organisation ("CDU", "FBI") unless a numeral ("II"), a country code
        ("DE") or a shouted common word ("FRIEDEN")."""
        if ROMAN.fullmatch(word) or word in self._gazetteer.country_codes:
            return None
        if len(word) > MAX_ACRONYM and self._lexicon.knows(word.capitalize()):
            return None
        return EntityType.ORG


def _person_first(span: NameSpan | None, person: NameSpan | None) -> NameSpan | None:
    """The person span ("W. Fesenko") over an untyped proper-noun run of the same length."""
    if person is not None and span is not None and span.type is None:
        return person if len(person.tokens) >= len(span.tokens) else span
    return longer(span, person)


def _as_club(span: NameSpan, tokens: Sequence[Token]) -> NameSpan:
    """ "Dortmunds Trainer", "Freiburgs Abwehr": a city's genitive before a squad noun is
    its club."""
    after = token_index(tokens, span.tokens[-1]) + 1
    if span.type is not EntityType.LOC or len(span.tokens) != 1 or after >= len(tokens):
        return span
    if span.tokens[0].text.endswith("s") and tokens[after].text in SQUAD_NOUNS:
        return replace(span, type=EntityType.ORG, strong=True)
    return span


def _mention(text: str, span: NameSpan, canonical: str) -> Mention:
    kind = span.type if span.type is not None else EntityType.PER
    end = span.end
    last = span.tokens[-1].text
    if last.endswith(".") and len(last) > _LONGEST_ABBREVIATION and last[:-1].isalpha():
        end -= 1  # "Italien." at a sentence end the tokeniser took for an abbreviation
        canonical = canonical.removesuffix(".")
    return Mention(span.start, end, text[span.start : end], kind, canonical, span.role)


_LONGEST_ABBREVIATION = 4  # "Jr.", "St.", "Inc." keep their period
