"""What story clustering looks at in one article: weighted lemmas, entity names, day, headline.

Terms are the content lemmas of the body plus the headline's words counted twice (the headline
names the event), with sublinear term frequency. Entity keys are the last word of each canonical
name, lower-cased, so "Sabine Roth" and "Roth" meet. Numbers are kept: a score or a percentage
("3:1", "46,3") separates two matches or two elections better than any word.
"""

from __future__ import annotations

import datetime as dt
import math
import re
from collections import Counter
from dataclasses import dataclass

from synopse.annotate.tokens import content_lemmas
from synopse.model import Article

_HEADLINE_WEIGHT = 2
_WORD = re.compile(r"\w[\w-]*")
# The lead sentences embedded with the headline: the event is named there, and the model's
# window is small (512 tokens), so the rest of the article would only blur the vector.
_LEAD_SENTENCES = 2
_MAX_EMBEDDED_CHARS = 600


@dataclass(frozen=True, slots=True)
class ArticleFeatures:
    article_id: str
    day: dt.date | None
    term_weights: dict[str, float]  # sublinear tf per term, before IDF
    entities: dict[str, float]  # entity key -> sublinear mention count
    headline_and_lead: str


def article_features(article: Article) -> ArticleFeatures:
    return ArticleFeatures(
        article_id=article.id,
        day=article.published_day,
        term_weights=_term_weights(article),
        entities=_entity_weights(article),
        headline_and_lead=headline_and_lead(article),
    )


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
