"""The quotes of a story across outlets: one story quote per statement, with all its sources.

1. Each article's quote gets its speaker's entity: by the speaker's mention, else by name.
2. Quotes are grouped greedily in article order. A quote joins a group when the speakers agree
   (same entity, or the same surname) and the words agree: the normalised word sequence of
   one contains the other's, or their word sets overlap almost entirely (Dice >= 0.8).
3. A quote from another article by the same speaker whose content words overlap less but
   still clearly (Dice >= 0.4 on word stems) says the same thing in other words — two
   translations of an English original, a quote and its paraphrase. It joins the group, which
   is flagged `wording_differs` so that every wording is shown.
Without a known speaker, only word-for-word matches are grouped: no speaker is guessed.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import dataclass, field

from synopse.model import Article, Entity, Quote, QuoteKind, QuoteSource, StoryQuote

SAME_WORDING = 0.8  # Dice overlap of word sets above which two quotes are the same words
SIMILAR_CONTENT = 0.4  # Dice overlap of content-word stems for "the same thing, other words"
MIN_CONTAINED_WORDS = 3  # a contained quote needs this many words ("Ja" is in everything)
STEM_LENGTH = 5  # crude stemming: "verhandeln"/"Verhandlungen" share "verha"
CONTENT_WORD_LENGTH = 4
_WORD = re.compile(r"\w+")
# Speaker kinds that must match among themselves: verbatim vs. paraphrase.
_FAMILY = {QuoteKind.DIRECT: "direct", QuoteKind.INDIRECT: "other", QuoteKind.REPORTED: "other"}


@dataclass(frozen=True, slots=True)
class _Item:
    article_id: str
    quote: Quote
    entity_id: str | None
    words: tuple[str, ...]


@dataclass
class _Group:
    items: list[_Item] = field(default_factory=list)
    wording_differs: bool = False


def group_story_quotes(
    articles: Sequence[Article], entities: Sequence[Entity]
) -> tuple[StoryQuote, ...]:
    """Every quote of the story's articles, the same statement from several outlets merged."""
    groups: list[_Group] = []
    for item in _items(articles, entities):
        _place(item, groups)
    return tuple(_story_quote(group) for group in groups)


def _items(articles: Sequence[Article], entities: Sequence[Entity]) -> list[_Item]:
    by_position = {(r.article_id, r.start): e.id for e in entities for r in e.mentions}
    by_name = {name: e.id for e in entities for name in (e.name, *e.aliases)}
    items = []
    for article in articles:
        for quote in article.quotes:
            entity_id = None
            if quote.speaker is not None:
                entity_id = by_position.get((article.id, quote.speaker.start))
            if entity_id is None and quote.speaker_name:
                entity_id = by_name.get(quote.speaker_name)
            items.append(_Item(article.id, quote, entity_id, normalised_words(quote.text)))
    return items


def _place(item: _Item, groups: list[_Group]) -> None:
    for group in groups:
        head = group.items[0]
        if not _same_family(head, item) or not _speakers_agree(head, item):
            continue
        if same_words(head.words, item.words):
            group.items.append(item)
            return
        if _says_the_same(group, item):
            group.items.append(item)
            group.wording_differs = True
            return
    groups.append(_Group([item]))


def _says_the_same(group: _Group, item: _Item) -> bool:
    """Another article's quote of the same known speaker with clearly similar content."""
    head = group.items[0]
    return (
        _known_speaker(head, item)
        and _from_other_articles(group, item)
        and content_overlap(head.words, item.words) >= SIMILAR_CONTENT
    )


def _story_quote(group: _Group) -> StoryQuote:
    head = group.items[0]
    entity_id = next((i.entity_id for i in group.items if i.entity_id), None)
    sources = tuple(
        QuoteSource(i.article_id, i.quote.start, i.quote.end, i.quote.text) for i in group.items
    )
    return StoryQuote(head.article_id, head.quote, entity_id, sources, group.wording_differs)


def normalised_words(text: str) -> tuple[str, ...]:
    """Lower-case words without punctuation or quotation marks: „Ja.“ and "ja" are the same."""
    return tuple(w.lower() for w in _WORD.findall(text))


def same_words(a: Sequence[str], b: Sequence[str]) -> bool:
    """Word for word the same: one contains the other, or their word sets barely differ."""
    shorter, longer = sorted((tuple(a), tuple(b)), key=len)
    if not shorter:
        return False
    if len(shorter) >= MIN_CONTAINED_WORDS and _contains(longer, shorter):
        return True
    return _dice(set(a), set(b)) >= SAME_WORDING


def content_overlap(a: Sequence[str], b: Sequence[str]) -> float:
    """Dice overlap of the stems of longer words: similar content in other words scores high."""
    return _dice(_stems(a), _stems(b))


def _stems(words: Sequence[str]) -> set[str]:
    return {w[:STEM_LENGTH] for w in words if len(w) >= CONTENT_WORD_LENGTH}


def _dice(a: set[str], b: set[str]) -> float:
    return 2 * len(a & b) / (len(a) + len(b)) if a and b else 0.0


def _contains(longer: tuple[str, ...], shorter: tuple[str, ...]) -> bool:
    size = len(shorter)
    return any(longer[i : i + size] == shorter for i in range(len(longer) - size + 1))


def _same_family(a: _Item, b: _Item) -> bool:
    return _FAMILY[a.quote.kind] == _FAMILY[b.quote.kind]


def _known_speaker(a: _Item, b: _Item) -> bool:
    return bool((a.entity_id or a.quote.speaker_name) and (b.entity_id or b.quote.speaker_name))


def _speakers_agree(a: _Item, b: _Item) -> bool:
    """Same entity or surname; a quote without a speaker agrees with anyone (words decide)."""
    if a.entity_id and b.entity_id:
        return a.entity_id == b.entity_id
    name_a, name_b = a.quote.speaker_name, b.quote.speaker_name
    if not name_a or not name_b:
        return True
    return name_a.split()[-1].lower() == name_b.split()[-1].lower()


def _from_other_articles(group: _Group, item: _Item) -> bool:
    return all(i.article_id != item.article_id for i in group.items)
