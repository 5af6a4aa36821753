"""Noun phrases and clauses around a speech cue: word-level helpers for `speech.py`.

Everything here looks at the STTS tags and words of one sentence's tokens only.
"""

from __future__ import annotations

from collections.abc import Sequence

from synopse.model import Token

FINITE_VERB_TAGS = frozenset({"VVFIN", "VAFIN", "VMFIN"})
NOUN_TAGS = frozenset({"NN", "NE"})
DETERMINER_TAGS = frozenset({"ART", "ADJA", "PPOSAT", "PIAT", "PDAT"})
# A name in quotation marks: an outlet or organisation ("laut „Computerwoche“").
TITLE_CLOSERS = {"„": "“”", "»": "«", "«": "»", "“": "”", '"': '"'}
MAX_TITLE_WORDS = 5
TITLE_TAGS = frozenset({"NE", "NN", "FM", "ADJA", "ART", "APPR", "APPRART", "KON", "CARD"})
# Head nouns of phrases that carry or count statements but make none: a web page is its
# owner's ("auf der Internetseite des Unternehmens"), a result has no speaker ("laut
# vorläufigem Endergebnis").
PAGE_NOUNS = frozenset(
    {
        "internetseite", "internetseiten", "webseite", "webseiten", "website", "homepage",
        "internetauftritt", "startseite", "onlineausgabe",
    }
)  # fmt: skip
RESULT_NOUNS = frozenset(
    {"ergebnis", "endergebnis", "zwischenergebnis", "wahlergebnis", "auszählung"}
)
# Endings of abstract nouns (actions, states, qualities) that cannot speak, and the common
# speaking bodies that share them ("die Regierung", "die Zeitung", "die Mehrheit").
ABSTRACT_ENDINGS = ("ung", "heit", "keit", "ismus", "nis")
SPEAKING_ABSTRACTS = (
    "regierung", "zeitung", "stiftung", "verwaltung", "vereinigung", "bewegung", "führung",
    "leitung", "versammlung", "vertretung", "bevölkerung", "mehrheit", "minderheit",
    "öffentlichkeit", "bündnis", "forschung", "innung", "direktion",
)  # fmt: skip
# Capitalised words that name no one, however a tagger or recogniser reads them.
NON_NAME_WORDS = frozenset(
    {
        "januar", "februar", "märz", "april", "mai", "juni", "juli", "august", "september",
        "oktober", "november", "dezember", "demnach",
    }
)  # fmt: skip
# Words that may stand between a determiner and its noun without changing the case.
CASE_FILLER_TAGS = frozenset({"CARD", "ADV", "ADJD"})
INDEFINITE_DETERMINERS = frozenset({"ein", "eine", "einer", "einem", "einen", "eines"})


# Tags HanTa gives "der 52-Jährige": a noun, or a nominalised adjective.
AGE_NOUN_TAGS = frozenset({"NN", "NNA", "ADJA", "ADJD"})
# "der CDU-Mann", "die Grünen-Frau": heads that make a party or club prefix a person noun.
AFFILIATION_HEADS = frozenset({"mann", "frau"})


def is_passive(tokens: Sequence[Token], cue: int) -> bool:
    """A participle cue with a form of "werden" in its clause: "Er wird beschuldigt, …"."""
    if tokens[cue].pos != "VVPP":
        return False
    start = max((i + 1 for i in range(cue) if tokens[i].pos == "$,"), default=0)
    end = next((i for i in range(cue, len(tokens)) if tokens[i].pos in {"$,", "$."}), len(tokens))
    return any(t.lemma.lower() == "werden" and t.pos.startswith("VA") for t in tokens[start:end])


# Speech verbs whose object is the person addressed: "Kritiker werfen der Ministerin vor, …",
# "Die UN hatten die EU gebeten, …". With a noun phrase before the finite verb, that phrase is
# the speaker and a name after the verb is the addressee, however near the cue it stands.
ADDRESSEE_VERBS = frozenset(
    {
        "vorwerfen", "vorhalten", "auffordern", "aufrufen", "bitten", "ersuchen", "ermahnen",
        "drängen", "beschuldigen", "anweisen",
    }
)  # fmt: skip
# Words that open a Vorfeld holding no subject ("Dem Minister warf …", "Ihm warf …").
NOMINATIVE_PRONOUNS = frozenset({"er", "ich", "wir", "du"})
NO_SUBJECT_OPENERS = frozenset({"dem", "den", "des", "einem", "einen", "ihm", "ihn", "ihnen"})
# Tags that cannot stand in a noun-phrase Vorfeld: verbs, subordinators, relatives, adverbs.
# Subordinators that open a clause with its finite verb last ("Während X erklärte, …").
VERB_FINAL_OPENERS = frozenset(
    {"während", "nachdem", "als", "weil", "obwohl", "bevor", "sobald", "seit", "seitdem"}
)
NOT_NOUN_PHRASE_TAGS = frozenset({"KOUS", "KOUI", "PRELS", "PRELAT", "PWAV", "PWS", "PROAV"})


def noun_vorfeld_end(tokens: Sequence[Token], cue: int) -> int:
    """Where the finite verb stands when the cue's clause opens with a noun phrase (its
    subject): "Die Vereinten Nationen hatten die EU gebeten" -> 3. 0 otherwise."""
    finite = next((i for i in range(cue + 1) if tokens[i].pos in FINITE_VERB_TAGS), None)
    if not finite or tokens[0].text.lower() in NO_SUBJECT_OPENERS:
        return 0
    between = tokens[finite:cue]
    if any(t.pos == "$," for t in between) or (
        between and tokens[cue].pos in FINITE_VERB_TAGS and not any(t.pos == "KON" for t in between)
    ):
        return 0  # the finite verb belongs to another clause ("Sie sei …, sagte X")
    if tokens[0].pos in {"APPR", "APPRART", "ADV", "KON", "PIS"} | NOT_NOUN_PHRASE_TAGS:
        return 0
    if any(t.pos.startswith("V") or t.pos in NOT_NOUN_PHRASE_TAGS for t in tokens[:finite]):
        return 0
    if finite + 1 < len(tokens) and tokens[finite + 1].text.lower() in NOMINATIVE_PRONOUNS:
        return 0  # "Die Bürger forderte er auf, …": an object opens, the subject follows
    return finite


def is_genitive_attribute(tokens: Sequence[Token], first: int) -> bool:
    """A phrase opened by "der"/"des" right after a noun: that noun's genitive attribute
    ("Taucher der Wasserschutzpolizei", "ein Analyst der Landesbank")."""
    return (
        0 < first < len(tokens)
        and tokens[first].text.lower() in {"der", "des"}
        and tokens[first - 1].pos == "NN"
    )


def ends_statement(tokens: Sequence[Token], cue: int) -> bool:
    """The cue opens a clause right after a comma that closes a clause with its own finite
    verb ("Sie sei erschüttert, sagte die Bürgermeisterin"): the words before are what was
    said. Not after an apposition or a relative clause ("Scherf (SPD), warnte …")."""
    if cue < 2 or tokens[cue - 1].pos != "$,":
        return False
    before = tokens[: cue - 1]
    return any(t.pos in FINITE_VERB_TAGS for t in before) and not any(
        t.pos in {"PRELS", "PRELAT", "KOUS"} for t in before
    )


def subject_follows_report(tokens: Sequence[Token], cue: int) -> bool:
    """A finite cue after a finished clause with its subject right after it ("Er starb am
    Sonntag, teilte die Stiftung mit"): the clause before is what was said, so nobody in it
    is the speaker. Not a coordinated verb without its own subject ("bestätigten …, teilten
    jedoch mit"), not a cue after an apposition ("Sandra Boser (GRÜNE), erklärte:")."""
    return (
        ends_statement(tokens, cue)
        and tokens[cue].pos in FINITE_VERB_TAGS
        and cue + 1 < len(tokens)
        and tokens[cue + 1].pos in {"ART", "NE", "PPER", "PDS", "PIAT", "PPOSAT"}
    )


def opens_verb_final_clause(tokens: Sequence[Token], cue: int) -> bool:
    """The cue ends a subordinate clause that opens the sentence ("Während die Ministerin
    erklärte, …", "Nachdem der Trainer gesagt hatte, …"): its subject stands between the
    subordinator and the verb. Not the preposition "während" before a verb-second clause
    ("Während der Sitzung sagte X")."""
    if cue < 2 or tokens[0].text.lower() not in VERB_FINAL_OPENERS:
        return False
    rest = cue + 1
    while rest < len(tokens) and tokens[rest].pos.startswith("V"):
        rest += 1  # "gesagt hatte"
    return (rest == len(tokens) or tokens[rest].pos == "$,") and not any(
        t.pos == "$," or t.pos in FINITE_VERB_TAGS for t in tokens[1:cue]
    )


def adverbial_vorfeld_end(tokens: Sequence[Token], cue: int) -> int:
    """Where a sentence-opening prepositional phrase ends, when the finite cue follows it
    ("Um 10 Uhr MEZ meldete die Agentur"): nothing in it is the subject. 0 otherwise."""
    if (
        cue == 0
        or tokens[0].pos not in {"APPR", "APPRART"}
        or tokens[cue].pos not in FINITE_VERB_TAGS
    ):
        return 0
    if any(t.pos in FINITE_VERB_TAGS or t.pos == "$," for t in tokens[:cue]):
        return 0
    return cue


def quoted_title_end(tokens: Sequence[Token], index: int) -> int | None:
    """The closing mark of a short name in quotation marks opening at `index` ("der „Hessische
    Turnverband“", "laut „Computerwoche“"): up to five words, no verb, no clause, one noun."""
    if tokens[index].text not in TITLE_CLOSERS:
        return None
    closers = TITLE_CLOSERS[tokens[index].text]
    for end in range(index + 2, min(len(tokens), index + MAX_TITLE_WORDS + 2)):
        if tokens[end].text in closers:
            inner = tokens[index + 1 : end]
            if inner[0].text[:1].isupper() and _title_words(inner):
                return end
            return None
    return None


def inside_quoted_title(tokens: Sequence[Token], index: int) -> bool:
    """A word of a quoted name ("der „Berliner Zeitung“"): seen only as part of the name."""
    for opening in range(max(0, index - MAX_TITLE_WORDS), index):
        end = quoted_title_end(tokens, opening)
        if end is not None and end >= index:
            return True
    return False


def _title_words(inner: Sequence[Token]) -> bool:
    return (
        all(t.pos in TITLE_TAGS or t.text[:1].isupper() for t in inner)
        and any(t.pos in NOUN_TAGS | {"FM"} for t in inner)
        and not any(t.pos.startswith("V") or t.pos.startswith("$") for t in inner)
    )


def is_carrier(phrase: Sequence[Token]) -> bool:
    """A noun phrase whose head is a web page or a result."""
    nouns = [t for t in phrase if t.pos in NOUN_TAGS]
    return bool(nouns) and nouns[-1].text.lower() in PAGE_NOUNS | RESULT_NOUNS


def is_abstract(phrase: Sequence[Token]) -> bool:
    """A noun phrase whose head is an abstract noun ("die Entscheidung", "keine
    Gewissheit"), not one of the bodies that speak ("die Bundesregierung")."""
    nouns = [t.text.lower() for t in phrase if t.pos == "NN"]
    if not nouns:
        return False
    head = nouns[-1]
    return head.endswith(ABSTRACT_ENDINGS) and not head.endswith(SPEAKING_ABSTRACTS)


def is_age_noun(token: Token) -> bool:
    """ "41-Jährige", "24-Jähriger": news refers back to a person named earlier by age. HanTa
    often tags the nominalised adjective ADJA; the capital "J" tells it from "52-jährige"."""
    return token.pos in AGE_NOUN_TAGS and token.text.rstrip("rn").endswith("-Jährige")


def is_affiliation_noun(token: Token) -> bool:
    """ "der CDU-Mann", "die SPD-Frau": a person named by party or club, not by office."""
    prefix, _, head = token.text.rpartition("-")
    return token.pos == "NN" and prefix[:1].isupper() and head.lower() in AFFILIATION_HEADS


def is_person_label(token: Token) -> bool:
    """An age or affiliation noun, which refers back to a person like a role noun does."""
    return is_age_noun(token) or is_affiliation_noun(token)


def age_of(token: Token) -> int | None:
    """The age an age noun names: "52-Jährige" -> 52."""
    digits = token.text.split("-", 1)[0]
    return int(digits) if digits.isdigit() else None


def is_possessor(tokens: Sequence[Token], index: int) -> bool:
    """A genitive name before a noun ("Hannovers Trainer", "Russlands Staatschef")."""
    token = tokens[index]
    following = tokens[index + 1] if index + 1 < len(tokens) else None
    return (
        token.pos == "NE"
        and token.text.endswith("s")
        and following is not None
        and following.pos == "NN"
    )


def is_bracketed_affiliation(tokens: Sequence[Token], index: int) -> bool:
    """A party, club or age in brackets right after a name ("Petra Lindner (CDU) sagte"):
    it describes the person before it and is never the speaker itself."""
    if index < 2 or tokens[index - 1].text != "(" or tokens[index - 2].pos != "NE":
        return False
    return any(token.text == ")" for token in tokens[index + 1 : index + 4])


def head_name(phrase: Sequence[Token]) -> str | None:
    """The head noun of a source phrase, genitive "s" dropped; None when indefinite."""
    if not phrase or phrase[0].text.lower() in INDEFINITE_DETERMINERS:
        return None
    nouns = [t for t in phrase if t.pos in NOUN_TAGS]
    if not nouns:
        return None
    head = nouns[-1] if phrase[0].pos in DETERMINER_TAGS | {"APPRART"} else nouns[0]
    if head.pos == "NN" and head.text.endswith("es") and head.lemma == head.text[:-2]:
        return head.lemma  # "des Amtes" -> "Amt"
    return without_genitive(head.text)


def source_phrase(tokens: Sequence[Token], from_end: bool) -> Sequence[Token]:
    """The noun phrase a marker governs: up to the first verb or comma (or back from the end)."""
    stops = {i for i, t in enumerate(tokens) if t.pos in {"$,", "$."} or t.pos.startswith("V")}
    if from_end:
        return tokens[max(stops, default=-1) + 1 :]
    return tokens[: min(stops, default=len(tokens))]


def phrase_start(tokens: Sequence[Token], index: int) -> int:
    while index > 0 and tokens[index - 1].pos in DETERMINER_TAGS:
        index -= 1
    return index


def case_start(tokens: Sequence[Token], index: int) -> int:
    """Where the words that decide a noun's case begin: back over determiners, numbers and
    adverbs between them ("den 18 Mitarbeitern", "den derzeit schwachen Dollar")."""
    while index > 0 and tokens[index - 1].pos in DETERMINER_TAGS | CASE_FILLER_TAGS:
        index -= 1
    while index < len(tokens) - 1 and tokens[index].pos in CASE_FILLER_TAGS:
        index += 1  # an adverb opening the run belongs to the clause ("sagte gestern Merkel")
    return index


def is_postnominal_genitive(tokens: Sequence[Token], index: int, name: str | None) -> bool:
    """A one-word name in the genitive right after a noun ("zum Rücktritt Hartmanns"): it
    belongs to that noun and is no subject. Callers rule out titles ("Ministerin Weber")."""
    token = tokens[index]
    if index == 0 or token.pos != "NE" or not token.text.endswith("s"):
        return False
    following = tokens[index + 1] if index + 1 < len(tokens) else None
    if following is not None and following.pos == "NE":
        return False
    if tokens[index - 1].pos != "NN":
        return False
    return name is None or token.text not in name.split()


def without_article(tokens: Sequence[Token], text: str) -> str:
    words = [t for t in tokens if t.pos != "ART"] or list(tokens)
    return text[words[0].start : words[-1].end]


def without_genitive(name: str) -> str:
    if name.endswith("nis"):  # "Bündnis", "Ergebnis": no genitive ending
        return name
    return name[:-1] if name.endswith("s") and len(name) > 3 and name[-2] not in "sxz" else name


def same_role(given: str, role: str) -> bool:
    """ "Bundeskanzler" is a "Kanzler", "Verkehrsminister" a "Minister" (or inflected forms)."""
    given, role = given.lower(), role.lower()
    stem = role[:-2] if len(role) > 6 else role
    return same_word(given, role) or (given.endswith(role) or stem in given[-len(role) - 2 :])


def same_word(a: str, b: str) -> bool:
    """Equal up to an inflection ending: "US-Präsidenten" ~ "US-Präsident"."""
    a, b = a.lower(), b.lower()
    shorter, longer = sorted((a, b), key=len)
    return bool(shorter) and longer.startswith(shorter) and len(longer) - len(shorter) <= 2
