"""Names and roles across articles: one person spelled differently (Walz/Waltz), or given roles
that cannot both be true (Werksleiterin/Geschäftsführerin)."""

from __future__ import annotations

from collections.abc import Iterable
from itertools import combinations

from synopse.compare.sentences import sentence_index
from synopse.model import Article, Claim, Comparison, Entity, EntityType, Mention, Status

# Titles that name the same office in different words; any two in one set are compatible roles.
_SAME_OFFICE = (
    frozenset({"präsident", "staatschef", "staatsoberhaupt", "kremlchef", "präsidentin"}),
    frozenset({"kanzler", "bundeskanzler", "regierungschef", "kanzlerin", "bundeskanzlerin"}),
    frozenset({"außenminister", "außenministerin", "chefdiplomat", "chefdiplomatin"}),
)
# Words for where a person stands in the event, not an office: "Amtsinhaber" fits "Bürgermeister".
_STANDING = frozenset(
    {"amtsinhaber", "herausforderer", "kandidat", "spitzenkandidat", "nachfolger", "vorgänger"}
)
_INFLECTION = ("innen", "in", "en", "er", "es", "e", "n", "s")
_MIN_ROLE_STEM = 4

# ---- names and roles -------------------------------------------------------------------------


def _mentions_by_article(entity: Entity) -> dict[str, list[tuple[int, int, str]]]:
    found: dict[str, list[tuple[int, int, str]]] = {}
    for ref in entity.mentions:
        found.setdefault(ref.article_id, []).append((ref.start, ref.end, ref.text))
    return found


def spelling_comparisons(entities: Iterable[Entity], by_id: dict[str, Article]) -> list[Comparison]:
    """Full names an entity is given, one claim per article, when articles disagree."""
    result = []
    for entity in entities:
        if entity.type != EntityType.PER:
            continue
        claims = []
        for article_id, refs in _mentions_by_article(entity).items():
            full = _full_name_mention(by_id[article_id], {(s, e) for s, e, _ in refs})
            if full is not None:
                claims.append(_text_claim(by_id[article_id], full.start, full.end, full.canonical))
        spellings = sorted({c.value for c in claims})
        if len(spellings) > 1:
            result.append(
                Comparison(
                    f"Schreibweise: {entity.name}",
                    Status.DIVERGENT,
                    tuple(claims),
                    divergence="outlets",
                    note=" / ".join(spellings),
                    kind="spelling",
                )
            )
    return result


def _full_name_mention(article: Article, positions: set[tuple[int, int]]) -> Mention | None:
    for mention in article.mentions:
        if (mention.start, mention.end) in positions and len(mention.canonical.split()) > 1:
            return mention
    return None


def role_comparisons(entities: Iterable[Entity], by_id: dict[str, Article]) -> list[Comparison]:
    result = []
    for entity in entities:
        claims = []
        for article_id, refs in _mentions_by_article(entity).items():
            article = by_id[article_id]
            positions = {(s, e) for s, e, _ in refs}
            for m in article.mentions:
                if m.role and (m.start, m.end) in positions:
                    start, end = _role_span(article, m)
                    role = _affiliated(article, start, m.role)
                    claims.append(_text_claim(article, start, end, role))
                    break
        if len({c.article_id for c in claims}) < 2:
            continue
        roles = [c.value for c in claims]
        clash = any(not _compatible_roles(a, b) for a, b in combinations(roles, 2))
        status = Status.DIVERGENT if clash else Status.CONSENSUS
        result.append(
            Comparison(
                f"Rolle: {entity.name}",
                status,
                tuple(claims),
                divergence="outlets" if clash else None,
                note=" / ".join(sorted(set(roles))),
                kind="role",
            )
        )
    return result


def _affiliated(article: Article, role_start: int, role: str) -> str:
    """The role with the country or organisation named in the genitive right before it
    ("Russlands Sondergesandter"), so that it no longer fits "US-Sondergesandte"."""
    before = [m for m in article.mentions if 0 <= role_start - m.end <= 1]
    if before and before[0].type in (EntityType.LOC, EntityType.ORG) and "-" not in role:
        return f"{before[0].canonical}-{role}"
    return role


def _role_span(article: Article, mention: Mention) -> tuple[int, int]:
    """Where the role stands: next to the name in its sentence, else the name itself."""
    assert mention.role is not None
    sentence = article.sentences[sentence_index(article, mention.start)]
    found = article.text.find(mention.role, sentence.start, sentence.end)
    return (found, found + len(mention.role)) if found >= 0 else (mention.start, mention.end)


def _compatible_roles(a: str, b: str) -> bool:
    """Whether two role nouns can both be true: one contains the other once case, hyphens and
    endings are set aside ("Kreml-Sprecher"/"Kremlsprecher", "US-Sondergesandte"/"Sondergesandter"),
    or both name the same office ("Präsident"/"Staatschef"); a standing ("Amtsinhaber") fits any
    office."""
    if _affiliation(a) and _affiliation(b) and _affiliation(a) != _affiliation(b):
        return False
    x, y = _role_stem(a), _role_stem(b)
    if x in _STANDING_STEMS or y in _STANDING_STEMS:
        return True
    # "Russland-Staatschef" holds the office "Staatschef", which fits "Kremlchef".
    u, v = _role_stem(a.rpartition("-")[2]), _role_stem(b.rpartition("-")[2])
    return x in y or y in x or any(u in office and v in office for office in _OFFICE_STEMS)


def _affiliation(role: str) -> str:
    """The country or organisation a hyphenated role names ("US-Sondergesandte" -> "us")."""
    head, _, rest = role.partition("-")
    return _SAME_COUNTRY.get(head.lower(), head.lower()) if rest and head[:1].isupper() else ""


_SAME_COUNTRY = {"usa": "us", "vereinigte staaten": "us", "amerika": "us"}


def _role_stem(role: str) -> str:
    word = role.lower().replace("-", "").replace(" ", "")
    for ending in _INFLECTION:
        if word.endswith(ending) and len(word) - len(ending) >= _MIN_ROLE_STEM:
            return word[: -len(ending)]
    return word


_OFFICE_STEMS = tuple(frozenset(_role_stem(r) for r in office) for office in _SAME_OFFICE)
_STANDING_STEMS = frozenset(_role_stem(r) for r in _STANDING)


def _text_claim(article: Article, start: int, end: int, value: str) -> Claim:
    sentence = article.sentences[sentence_index(article, start)]
    return Claim(
        article.id, start, end, sentence.start, sentence.end, article.text[start:end], value
    )
