"""Word sets and token shapes the entity rules share (`entities`, `ner_*`).

Long lexicons live in `annotate/data/ner_*.txt`; what is here are short closed classes of
function words and endings that the rules test against.
"""

from __future__ import annotations

import re

from synopse.model import Token

MAX_PHRASE_TOKENS = 4
NAME_PARTICLES = frozenset({
    "von", "van", "der", "de", "da", "del", "di", "du", "bin", "al", "ibn", "ten", "ter", "zu",
    "le", "la", "dos", "y"}
)  # fmt: skip
PERSON_CUES = frozenset({"Herr", "Herrn", "Frau", "Mr.", "Mrs.", "Ms."})
ORG_LINKS = frozenset({"für", "of", "for", "&"})
# Capitalised adjectives that open multi-word names ("Vereinte Nationen", "Deutsche Bank").
NAME_ADJECTIVES = frozenset(
    {
        "Vereinte", "Vereinten", "Vereinigte", "Vereinigten", "Weißes", "Weißen", "Rotes", "Roten",
        "Deutsche", "Deutschen", "Europäische", "Europäischen", "Internationale",
        "Internationalen", "Nationale", "Nationalen", "Freie", "Freien", "Neue", "Neuen",
        "Bayerische", "Bayerischen", "Süddeutsche", "Süddeutschen", "Norddeutsche",
        "Norddeutschen", "Hessische", "Hessischen", "Sächsische", "Sächsischen",
        "Russische", "Russischen", "Amerikanische", "Amerikanischen", "Oberste", "Obersten",
    }
)  # fmt: skip
PLACE_PREPOSITIONS = frozenset({
    "in", "nach", "aus", "im", "bei", "gen", "richtung", "nahe", "zwischen", "entlang",
    "unweit", "nördlich", "südlich", "östlich", "westlich", "nordöstlich", "nordwestlich",
    "südöstlich", "südwestlich", "oberhalb", "unterhalb"}
)  # fmt: skip
ARTICLES = frozenset({
    "der", "die", "das", "des", "dem", "den", "Der", "Die", "Das", "Des", "Dem", "Den"}
)  # fmt: skip
PLACE_ENDINGS = (
    "burg", "stadt", "dorf", "hausen", "heim", "ingen", "furt", "feld", "land", "ien", "reich",
    "berg", "bach", "tal", "hagen", "rode", "stein", "brück", "brücken", "ow", "itz", "münde",
    "kirchen", "hofen", "leben", "stedt", "büttel", "hude", "werder", "weiler", "walde"
)  # fmt: skip
STREET_ENDINGS = (
    "straße", "strasse", "platz", "allee", "gasse", "damm", "ufer", "weg", "markt", "bahnhof",
    "kapelle", "kirche", "kathedrale", "dom", "schloss", "burg", "see", "insel", "tal",
    "gebirge"
)  # fmt: skip
# Endings of street and landmark names ("Lindenstraße", "Marksburg", "Salmhütte").
LANDMARK_ENDINGS = (
    "straße", "strasse", "platz", "allee", "gasse", "damm", "ufer", "weg", "brücke", "hütte",
    "brunnen", "kapelle", "kirche", "burg", "berg", "schloss", "see", "turm", "stadion", "tal",
    "gebirge",
)  # fmt: skip
PLACE_NOUNS = frozenset({
    "Gemeinde", "Stadt", "Dorf", "Ortsteil", "Kreis", "Landkreis", "Region", "Provinz",
    "Bezirk", "Kanton", "Bundesland", "Hauptstadt", "Insel", "Fluss", "Stadtteil"}
)  # fmt: skip
# Endings of nouns that name a kind of place: a name right after one is that place
# ("die Gemeinden Altdorf und …", "der Flughafen Tegel", "im Weinbaugebiet Mosel").
PLACE_NOUN_ENDINGS = (
    "stadt", "städte", "gemeinde", "gemeinden", "dorf", "dörfer", "ortschaft", "ortschaften",
    "ortsteil", "ortsteile", "stadtteil", "stadtteile", "flughafen", "hafen", "bahnhof",
    "provinz", "region", "bezirk", "kanton", "bundesland", "bundesstaat", "insel", "inseln",
    "fluss", "flüsse", "gebirge", "landschaft", "gebiet", "kloster", "station", "stationen",
    "metropole", "weiler", "siedlung", "halbinsel", "vorort", "vororte", "landkreis", "kreis",
)  # fmt: skip
# A name after one of these and "von" is a place: "der Erzbischof von Trient", "in der Nähe
# von Ulm", "Einwohner von …".
TERRITORY_NOUN_ENDINGS = (
    "könig", "königin", "bischof", "herzog", "herzogin", "graf", "gräfin", "fürst",
    "bürgermeister", "bürgermeisterin", "gouverneur", "kaiser", "einwohner", "hauptstadt",
    "prinz", "prinzessin", "emir", "sultan", "nähe", "umgebung", "rand", "zentrum", "norden",
    "süden", "osten", "westen", "stadtrand", "innenstadt",
)  # fmt: skip
SPEECH_VERBS = frozenset({
    "sagen", "sagte", "sagt", "erklären", "erklärte", "betonen", "betonte", "meinen", "meinte",
    "fordern", "forderte", "kritisieren", "kritisierte", "schreiben", "schrieb"}
)  # fmt: skip
COORDINATORS = frozenset({"und", "oder", "sowie", ",", "bzw.", "/"})
OPENING_QUOTES = frozenset({"„", '"', "“", "»", "«", "‚"})
CLOSING_QUOTES = frozenset({"“", '"', "”", "«", "»", "‘"})
MAX_TITLE_TOKENS = 8
# Nouns that announce the title of a work: „…“ after them is MISC ("der Roman „Der Nebelturm“").
WORK_NOUNS = (
    "roman", "film", "buch", "song", "lied", "album", "titel", "serie", "sendung", "stück",
    "oper", "gedicht", "spiel", "ausstellung", "kampagne", "operation", "programm", "single",
)  # fmt: skip
# A finite verb, pronoun or sentence punctuation marks a quoted statement, not a title.
NOT_IN_TITLES = frozenset({"VVFIN", "VAFIN", "VMFIN", "PPER", "PRF", "$,", "$.", "VVIMP"})
MAX_ACRONYM = 5
ROMAN = re.compile(r"[IVXLC]+")
INSTITUTION_PREFIXES = ("Bundes", "Landes", "Staats", "Europa", "EU-", "UN-", "Uno-", "Nato-")


def announces_place(token: Token | None) -> bool:
    """A place preposition ("in", "zwischen", also sentence-initial) or place noun before a name."""
    if token is None:
        return False
    word = token.text
    if word.lower() in PLACE_PREPOSITIONS or word in PLACE_NOUNS:
        return True
    return token.pos == "NN" and word.lower().endswith(PLACE_NOUN_ENDINGS)


def names_territory(token: Token | None) -> bool:
    """A noun whose "von" phrase names a place: "Erzbischof", "Nähe", "Einwohner"."""
    return (
        token is not None
        and token.pos == "NN"
        and token.text.lower().endswith(TERRITORY_NOUN_ENDINGS)
    )


def continues_club(token: Token) -> bool:
    word = token.text
    return (word[:1].isupper() and token.pos in ("NN", "NE", "FM")) or (
        word.isdigit() and len(word) == 2
    )


def is_capitalised_noun(token: Token) -> bool:
    return token.text[:1].isupper() and token.pos in ("NN", "NE", "FM")


def is_acronym(word: str) -> bool:
    if len(word) > 8:
        return False
    letters = [c for c in word if c.isalpha()]
    return len(letters) >= 2 and all(c.isupper() for c in letters) and len(word) <= 8


def is_place_adjective(token: Token) -> bool:
    """ "Münchner", "Frankfurter": capitalised adjectives from place names end in -er."""
    return token.pos == "ADJA" and token.text[:1].isupper() and token.text.endswith("er")


# After a city's genitive these nouns mean its club, not the place: "Dortmunds Trainer".
SQUAD_NOUNS = frozenset({
    "Trainer", "Cheftrainer", "Coach", "Torwart", "Torhüter", "Keeper", "Kapitän", "Stürmer",
    "Verteidiger", "Abwehr", "Offensive", "Mittelfeldspieler", "Sportdirektor", "Sportvorstand",
    "Sportchef", "Manager", "Fans", "Anhänger", "Mannschaft", "Elf", "Kader", "Neuzugang",
    "Angreifer", "Spielmacher", "Torjäger", "Innenverteidiger", "Profis"}
)  # fmt: skip


def may_open_name(token: Token) -> bool:
    """Whether a name can start at `token`: every finder of `EntityRecognizer` needs a
    capitalised word there, except a quoted title, a club after "1." and a place adjective
    HanTa tagged as a lower-case noun ("-er"). A cheap test that skips most tokens."""
    word = token.text
    return (
        word[:1].isupper()
        or word in OPENING_QUOTES
        or word == "1."
        or (token.pos == "NN" and word.endswith("er"))
    )
