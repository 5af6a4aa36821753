"""What story clustering looks at in one article: weighted lemmas, entity names, day, headline.

Terms are the content lemmas of the body plus the headline's words counted twice (the headline
names the event), with sublinear term frequency. Entity keys are the last word of each canonical
name, lower-cased, so "Sabine Roth" and "Roth" meet. Numbers are kept: a score or a percentage
("3:1", "46,3") separates two matches or two elections better than any word.

Names are the specific places and people an article names (persons and places that are not
countries, states or regions), as name keys: the last word of the canonical name and each part
of a hyphenated one, lower-cased, without a final "s" ("Kornwedes", "Hameln-Pyrmont"). Two
reports of one kind in different towns with different people share none of them
(synopse.cluster.similarity, `distinct_names_factor`).
"""

from __future__ import annotations

import datetime as dt
import math
import re
from collections import Counter
from dataclasses import dataclass

from synopse.annotate.gazetteer import gazetteer
from synopse.annotate.tokens import content_lemmas
from synopse.model import Article, EntityType, Mention, pickled_by_fields

_HEADLINE_WEIGHT = 2
_WORD = re.compile(r"\w[\w-]*")
# The lead sentences embedded with the headline: the event is named there, and the model's
# window is small (512 tokens), so the rest of the article would only blur the vector.
_LEAD_SENTENCES = 2
_MAX_EMBEDDED_CHARS = 600
_NAME_TYPES = frozenset({EntityType.PER, EntityType.LOC})
_SHORTEST_GENITIVE = 3  # "Hans" -> "han" is harmless: both sides lose the same "s"


@pickled_by_fields  # computed in pool workers, unpickled by the clusterer's process
@dataclass(frozen=True, slots=True)
class ArticleFeatures:
    article_id: str
    day: dt.date | None
    term_weights: dict[str, float]  # sublinear tf per term, before IDF
    entities: dict[str, float]  # entity key -> sublinear mention count
    headline_and_lead: str
    names: frozenset[str] = frozenset()  # keys of the specific places and people it names
    names_a_place: bool = False  # whether a town or city is among them


def article_features(article: Article) -> ArticleFeatures:
    return ArticleFeatures(
        article_id=article.id,
        day=article.published_day,
        term_weights=_term_weights(article),
        entities=_entity_weights(article),
        headline_and_lead=headline_and_lead(article),
        names=specific_names(article),
        names_a_place=any(m.type is EntityType.LOC for m in specific_mentions(article)),
    )


def specific_names(article: Article) -> frozenset[str]:
    """Name keys of the persons and places named, except countries, states and regions: those
    are shared by unrelated events and named differently by outlets ("USA", "Amerika")."""
    keys: set[str] = set()
    for mention in specific_mentions(article):
        keys.update(name_keys(mention.canonical.strip()))
    return frozenset(keys)


def specific_mentions(article: Article) -> list[Mention]:
    places = gazetteer()
    broad = places.countries | (places.strong_places - places.places)
    return [
        m
        for m in article.mentions
        if m.type in _NAME_TYPES and m.canonical.strip() and m.canonical.strip() not in broad
    ]


def name_keys(name: str) -> set[str]:
    """ "Hameln-Pyrmont" -> {"hameln", "pyrmont"}; "Kornwedes" -> {"kornwede"}."""
    last = name.split()[-1].lower()
    return {_without_genitive(part) for part in last.split("-") if len(part) > 1}


def _without_genitive(key: str) -> str:
    return key[:-1] if key.endswith("s") and len(key) > _SHORTEST_GENITIVE else key


def headline_and_lead(article: Article) -> str:
    """The headline and the first sentences: what one embedding per article is made of."""
    lead = " ".join(s.text for s in article.sentences[:_LEAD_SENTENCES])
    if not lead:
        lead = article.text[:_MAX_EMBEDDED_CHARS]
    text = f"{article.title}. {lead}" if article.title else lead
    return text[:_MAX_EMBEDDED_CHARS]


def _term_weights(article: Article) -> dict[str, float]:
    counts = Counter(w for s in article.sentences for w in content_lemmas(s.tokens))
    for word in _WORD.findall(article.title.lower()):
        counts[word] += _HEADLINE_WEIGHT
    return {term: 1.0 + math.log(count) for term, count in counts.items() if len(term) > 1}


def _entity_weights(article: Article) -> dict[str, float]:
    counts = Counter(_entity_key(m.canonical) for m in article.mentions if m.canonical.strip())
    for key in [k for k in counts if k.endswith("s") and k[:-1] in counts]:
        counts[key[:-1]] += counts.pop(key)  # a genitive the annotator left ("Kaltenbachs")
    return {key: 1.0 + math.log(count) for key, count in counts.items()}


def _entity_key(canonical: str) -> str:
    return canonical.split()[-1].lower() if canonical.split() else canonical.lower()
