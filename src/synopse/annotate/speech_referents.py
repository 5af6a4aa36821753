"""Who a pronoun, role noun or descriptive noun phrase stands for, within one article.

Speakers are often named once and then referred to as "er", "der US-Präsident", "der
Manager", "die Italienerin", "das Unternehmen" or "die Behörde". `Referents` resolves these
to the canonical name of an earlier mention, and only with evidence:

- a role noun: the person introduced with that role ("Bahn-Chef Richard Lutz" … "der Chef");
- a pronoun or a singular definite person noun ("der Manager", "die Italienerin"): the nearest
  earlier person whose first name does not contradict the grammatical gender;
- an organisation noun ("das Ministerium", "die Bahn"): an earlier organisation whose name
  ends in that noun ("Schulministerium", "Deutsche Bahn"); for class nouns ("das
  Unternehmen", "der Verein", "die Zeitung") the nearest earlier organisation close by.

Anything else stays unknown.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Sequence
from functools import cache
from importlib import resources

from synopse.annotate.speech_phrases import age_of, same_word
from synopse.model import EntityType, Mention, Token

_DATA = "synopse.annotate.data"
FEMININE_PRONOUNS = frozenset({"sie"})
# How far back (characters) a pronoun looks for a subject before settling for any person.
ANTECEDENT_WINDOW = 300
# How far back a descriptive noun ("der Manager", "das Unternehmen") looks for its referent.
DESCRIPTOR_WINDOW = 600
OBJECT_PREPOSITIONS = frozenset(
    {"mit", "von", "vom", "zu", "zum", "bei", "beim", "gegen", "für", "über", "an", "auf",
     "nach", "gegenüber", "ohne", "um", "wie", "als"}
)  # fmt: skip
MASCULINE_ARTICLES = frozenset({"der"})
FEMININE_ARTICLES = frozenset({"die"})
FEMININE_SUFFIX = "in"  # "Präsidentin", "Italienerin"
# Where a person's age is given: "Karl Brandt (54)", "Karl Brandt, 54,", "Brandt ist 54 Jahre
# alt" after the name; "der 54-jährige Karl Brandt", "die 54 Jahre alte Anwältin Jana Roth"
# before it.
AGE_AFTER = re.compile(
    r"\s*(?:\((\d{1,3})\)|,\s*(\d{1,3})\s*,|[^.!?]{0,40}?\b(\d{1,3}) Jahre alt\b)"
)
AGE_BEFORE = re.compile(
    r"(\d{1,3})(?:-jährige[rn]?| Jahre alte[rn]?)\s+(?:[\w-]+\s+)?$", re.IGNORECASE
)
# A name followed by its role: "Jan Kröger, Anwalt der Familie," or "Jana Roth, die Anwältin".
ROLE_AFTER = re.compile(r"\s*,\s*(?:der |die )?([\w-]+)")
# A party in brackets after the name: "Jan Roth (SPD)".
PARTY_AFTER = re.compile(r"\s*\(([\w-]+)\)")
_NOT_HE = frozenset({"female", "mostly_female"})
_NOT_SHE = frozenset({"male", "mostly_male"})


@cache  # read once per process, not for every article
def _load(name: str) -> frozenset[str]:
    text = resources.files(_DATA).joinpath(name).read_text(encoding="utf-8")
    lines = (line.split("#", 1)[0].strip().lower() for line in text.splitlines())
    return frozenset(line for line in lines if line)


@cache
def _load_groups(name: str) -> tuple[frozenset[str], ...]:
    return tuple(frozenset(line.split()) for line in _load(name))


class Referents:
    """The people and organisations of one article that later phrases can refer back to."""

    def __init__(
        self,
        text: str,
        referents: Sequence[Mention],
        organisations: Sequence[Mention],
        genders: Callable[[str], str],
        same_role: Callable[[str, str], bool],
    ) -> None:
        self._text = text
        self._referents = referents
        self._organisations = [m for m in organisations if m.type == EntityType.ORG]
        self._genders = genders
        self._same_role = same_role
        self._person_nouns = _load("speech_person_nouns.txt")
        self._org_nouns = _load("speech_org_nouns.txt")
        self._synonyms = _load_groups("speech_role_synonyms.txt")

    def holder_of(self, role: Token) -> str | None:
        """The person a role noun stands for: a mention with that role, or one named after
        it; "die Präsidentin" is never a man introduced as "Präsident" (nor the reverse)."""
        before = self._people_before(role.start)
        for mention in reversed(before):
            if mention.role and self._role_fits(mention.role, role.text):
                return mention.canonical
        for mention in reversed(before):
            lead = self._text[: mention.start].split()[-1:]
            if lead and self._role_fits(lead[0].strip(",;:"), role.text):
                return mention.canonical
            trail = ROLE_AFTER.match(self._text, mention.end)
            if trail and self._role_fits(trail.group(1), role.text):
                return mention.canonical
        return self._affiliated(role, before)

    def _affiliated(self, role: Token, before: Sequence[Mention]) -> str | None:
        """ "der SPD-Abgeordnete", "die Grünen-Frau": the one person introduced with that
        party ("SPD-Politiker Jan Roth", "Jan Roth (SPD)"); two such people: unknown."""
        prefix, _, head = role.text.rpartition("-")
        if len(prefix) < 2:
            return None
        feminine = head.lower().endswith(FEMININE_SUFFIX) or head.lower() == "frau"
        excluded = _NOT_SHE if feminine else _NOT_HE
        members = {
            m.canonical
            for m in before
            if self._party_of(m, prefix) and self._genders(m.canonical.split()[0]) not in excluded
        }
        return members.pop() if len(members) == 1 else None

    def _party_of(self, mention: Mention, prefix: str) -> bool:
        lead = self._text[: mention.start].split()[-1:]
        labels = [mention.role or "", lead[0] if lead else ""]
        if any(same_word(label.split("-")[0], prefix) for label in labels if "-" in label):
            return True
        bracket = PARTY_AFTER.match(self._text, mention.end)
        return bracket is not None and same_word(bracket.group(1), prefix)

    def of_age(self, article: str, noun: Token) -> str | None:
        """ "der 54-Jährige": the person introduced with that age ("Karl Brandt (54)",
        "der 54-jährige Karl Brandt"); else the latest person whose first name and given age
        do not contradict the noun ("die 24-Jährige" is no Peter, nor someone aged 30)."""
        age = age_of(noun)
        people = [m for m in self._people_before(noun.start) if m.end <= noun.start]
        ages = {m.canonical: a for m in people if (a := self._stated_age(m)) is not None}
        for mention in reversed(people):
            if ages.get(mention.canonical) == age:
                return mention.canonical
        excluded = self._excluded_genders(article.lower(), noun.text)
        for mention in reversed(people):
            if mention.canonical in ages:
                continue  # introduced with another age
            if self._genders(mention.canonical.split()[0]) not in excluded:
                return mention.canonical
        return None

    def _stated_age(self, mention: Mention) -> int | None:
        after = AGE_AFTER.match(self._text, mention.end)
        if after:
            return int(next(group for group in after.groups() if group))
        before = AGE_BEFORE.search(self._text[max(0, mention.start - 50) : mention.start])
        return int(before.group(1)) if before else None

    @staticmethod
    def _excluded_genders(article: str, noun: str) -> frozenset[str]:
        if noun.endswith("n"):
            return frozenset()  # "die 24-Jährigen": plural or oblique, no gender to read
        if article in FEMININE_ARTICLES:
            return _NOT_SHE
        if article in MASCULINE_ARTICLES or noun.endswith("r"):
            return _NOT_HE
        return frozenset()

    def _role_fits(self, given: str, role: str) -> bool:
        feminine = [w.lower().endswith(FEMININE_SUFFIX) for w in (given, role)]
        if feminine[0] != feminine[1]:
            return False
        return self._same_role(given, role) or self._synonymous(given, role, feminine[0])

    def _synonymous(self, given: str, role: str, feminine: bool) -> bool:
        """ "Bürgermeisterin" and "Rathauschefin" name one office (data/speech_role_synonyms)."""
        heads = [
            w.lower().split("-")[-1].removesuffix(FEMININE_SUFFIX if feminine else "")
            for w in (given, role)
        ]
        return any(heads[0] in group and heads[1] in group for group in self._synonyms)

    def last_person(self, token: Token) -> str | None:
        before = [m for m in self._people_before(token.start) if m.end <= token.start]
        return before[-1].canonical if before else None

    def antecedent(self, pronoun: Token) -> str | None:
        """The nearest preceding person whose first name does not contradict the pronoun,
        preferring one that is no object of a preposition ("Selenskyj gab sich nach seinem
        Telefonat mit Trump optimistisch. … erklärte er": er = Selenskyj)."""
        feminine = pronoun.text.lower() in FEMININE_PRONOUNS
        return self._compatible_person(pronoun.start, feminine=feminine, window=None)

    def _compatible_person(
        self, position: int, *, feminine: bool, window: int | None
    ) -> str | None:
        excluded = _NOT_SHE if feminine else _NOT_HE
        compatible = [
            m
            for m in self._people_before(position)
            if self._genders(m.canonical.split()[0]) not in excluded
        ]
        if window is not None:
            compatible = [m for m in compatible if position - m.end <= window]
        if not compatible:
            return None
        recent = [m for m in compatible if position - m.end <= ANTECEDENT_WINDOW]
        free = [m for m in recent if not self._after_preposition(m)]
        return (free or compatible)[-1].canonical

    def described_person(self, article: Token, noun: Token) -> str | None:
        """ "der Manager", "die Italienerin": a singular person noun with a definite article
        stands for the nearest earlier person of that gender, as "er"/"sie" would."""
        word = noun.text.lower().split("-")[-1]
        determiner = article.text.lower()
        if determiner in FEMININE_ARTICLES and word.endswith(FEMININE_SUFFIX):
            feminine = True
        elif determiner in MASCULINE_ARTICLES and not word.endswith(FEMININE_SUFFIX):
            feminine = False
        else:
            return None  # "die Ermittler" is plural; "der Italienerin" is no subject
        base = word.removesuffix(FEMININE_SUFFIX) if feminine else word
        if word not in self._person_nouns and base not in self._person_nouns:
            return None
        return self._compatible_person(noun.start, feminine=feminine, window=DESCRIPTOR_WINDOW)

    def described_organisation(self, noun: Token, *, institution: bool) -> str | None:
        """ "die Bahn" -> an earlier "Deutsche Bahn"; an institution noun ("das Ministerium")
        -> an earlier compound ending in it ("Schulministerium"); a class noun ("das
        Unternehmen") -> the nearest earlier organisation when it is close by. Organisations
        named in quotation marks count ("ein Bericht des „Wall Street Journal“")."""
        word = noun.text.lower()
        organisations = [
            m for m in self._organisations if m.end <= noun.start and m.canonical.lower() != word
        ]
        for mention in reversed(organisations):
            if mention.canonical.lower().split()[-1].endswith(word):
                return mention.canonical
        if institution:
            compound = self._compound_before(noun)
            if compound is not None:
                return compound
        recent = [m for m in organisations if noun.start - m.end <= DESCRIPTOR_WINDOW]
        if (word in self._org_nouns or noun.lemma.lower() in self._org_nouns) and recent:
            return recent[-1].canonical
        return None

    def _compound_before(self, noun: Token) -> str | None:
        """The latest earlier word that is a compound of the noun: "Schulministerium" for
        "das Ministerium", "Gesundheitsbehörde" for "die Behörde"."""
        pattern = re.compile(rf"\b([A-ZÄÖÜ][\w-]+{re.escape(noun.text.lower())})\b")
        found = pattern.findall(self._text[max(0, noun.start - DESCRIPTOR_WINDOW) : noun.start])
        return str(found[-1]) if found else None

    def _people_before(self, position: int) -> list[Mention]:
        return [m for m in self._referents if m.start < position and m.type == EntityType.PER]

    def _after_preposition(self, mention: Mention) -> bool:
        before = self._text[max(0, mention.start - 30) : mention.start].split()
        return bool(before) and before[-1].lower() in OBJECT_PREPOSITIONS
