"""The extractive briefing: sentences taken from the articles (at most a leading dateline or
bullet trimmed), each citing every article that says the same, in sections: what happened
(consensus first), where accounts differ, who said what, the story's own days, who is who and
what an outlet alone reports (`compose_briefing`; `choose_briefing` is "what happened" alone).

A sentence scores by how many other articles carry an aligned sentence (consensus first),
plus a bonus for standing early in its article (news puts the essentials first). Sentences
too short or long, questions and headings are skipped; a sentence too similar to one already
chosen is redundant. Chosen sentences are shown in publication order of their articles.
"""

from __future__ import annotations

import datetime as dt
import re
from collections.abc import Mapping, Sequence
from dataclasses import dataclass, replace
from typing import overload

from synopse.brief.briefing_sections import (
    SentenceIndex,
    agreeing_sentences,
    differ_candidates,
    quote_candidates,
    sources_candidates,
    timeline_candidates,
    who_candidates,
)
from synopse.compare.align import SentenceAligner, SentenceKey, Support
from synopse.model import (
    Article,
    BriefingSentence,
    Comparison,
    Entity,
    QuoteKind,
    Sentence,
    SourceRef,
    StoryQuote,
    TimelineEntry,
)

_MIN_WORDS, _MAX_WORDS = 8, 60
_REDUNDANT = 0.3
_LEAD_SENTENCES = 4
_QUOTE_PAIRS = (("„", "“"), ("»", "«"), ("‚", "‘"))
_QUOTE_MARKS = frozenset("\"„“”»«‚‘›‹'")


SECTIONS = ("happened", "differ", "quotes", "timeline", "who", "sources")
# Which section gets the next slot while sentences remain: the essentials first, then breadth;
# past the end of this list every slot goes to "what happened".
_SLOT_ORDER = (
    "happened", "differ", "differ", "quotes", "timeline", "happened",
    "who", "happened", "quotes", "sources", "timeline", "differ", "differ",
)  # fmt: skip
# The order sections are filled in: both sides of a divergence and the key quotes before "what
# happened" could take one of their sentences (or a paraphrase) as a consensus sentence.
_FILL_ORDER = ("differ", "quotes", "happened", "timeline", "who", "sources")
_AGREEING_SCORE = 0.45  # an agreeing sentence counts like a just-aligned one
_BULLET = "•·-–*▪► "
# A letter or digit: re's \w in Unicode mode is str.isalnum() plus "_" (CPython's sre).
_ALNUM = re.compile(r"[^\W_]")
_DATELINE = re.compile(r"[A-ZÄÖÜ][\w./]*(?: [A-ZÄÖÜ][\w./]*){0,3}(?: \([^)]{1,30}\))? [–-] (?=\S)")


@dataclass(frozen=True, slots=True)
class StoryParts:
    """What the other stages found in the story, as far as the briefing draws on it."""

    comparisons: Sequence[Comparison] = ()
    quotes: Sequence[StoryQuote] = ()
    entities: Sequence[Entity] = ()
    timeline: Sequence[TimelineEntry] = ()


def compose_briefing(
    articles: Sequence[Article],
    aligner: SentenceAligner,
    parts: StoryParts,
    max_sentences: int = 10,
) -> tuple[BriefingSentence, ...]:
    """At most `max_sentences` cited sentences, by section in the order of `SECTIONS`."""
    candidates = _section_candidates(articles, aligner, parts)
    quotas = _quotas({k: len(v) for k, v in candidates.items()}, max_sentences)
    keys = _sentence_keys(articles)
    chosen: dict[str, list[BriefingSentence]] = {k: [] for k in SECTIONS}
    taken: list[SentenceKey] = []
    for section in _FILL_ORDER:
        for candidate in candidates[section]:
            if len(chosen[section]) == quotas[section]:
                break
            key = keys[(candidate.ref.article_id, candidate.ref.start)]
            if not _redundant(key, taken, aligner, section == "differ"):
                taken.append(key)
                chosen[section].append(candidate)
    chosen["happened"] = _in_publication_order(chosen["happened"], articles)
    texts = {a.id: a for a in articles}
    return tuple(_trimmed(b, texts[b.ref.article_id]) for k in SECTIONS for b in chosen[k])


def _section_candidates(
    articles: Sequence[Article], aligner: SentenceAligner, parts: StoryParts
) -> dict[str, Sequence[BriefingSentence]]:
    index = SentenceIndex(articles)
    outlets = {a.id: a.outlet or a.id for a in articles}
    texts = {a.id: a for a in articles}
    position = {(a.id, s.start): i for a in articles for i, s in enumerate(a.sentences)}
    who = [
        _briefing_sentence(aid, s, aligner.support((aid, position[(aid, s.start)])), "who")
        for aid, s in who_candidates(articles, parts.entities)
        if _usable(s)
    ]
    return {
        "happened": _Happened(
            _ranked(articles, aligner, agreeing_sentences(parts.comparisons, index))
        ),
        "differ": differ_candidates(parts.comparisons),
        "quotes": quote_candidates(parts.quotes, parts.entities, index),
        "timeline": timeline_candidates(parts.timeline),
        "who": who,
        "sources": [
            b
            for b in sources_candidates(parts.comparisons, outlets)
            if _reads_alone(texts[b.ref.article_id].text[b.ref.start : b.ref.end])
        ],
    }


class _Happened(Sequence[BriefingSentence]):
    """The ranked "what happened" candidates, each made when first asked for: a story ranks
    all its usable sentences and the briefing takes a few."""

    def __init__(self, ranked: list[tuple[SentenceKey, Sentence, dict[str, Support]]]) -> None:
        self._ranked = ranked
        self._made: dict[int, BriefingSentence] = {}

    def __len__(self) -> int:
        return len(self._ranked)

    @overload
    def __getitem__(self, index: int) -> BriefingSentence: ...

    @overload
    def __getitem__(self, index: slice) -> Sequence[BriefingSentence]: ...

    def __getitem__(self, index: int | slice) -> BriefingSentence | Sequence[BriefingSentence]:
        if isinstance(index, slice):
            return [self[i] for i in range(len(self))[index]]
        index = range(len(self))[index]  # negative counts from the end; IndexError past it
        if index not in self._made:
            key, sentence, support = self._ranked[index]
            self._made[index] = _briefing_sentence(key[0], sentence, support)
        return self._made[index]


def _reads_alone(text: str) -> bool:
    """Not a quotation whose speaker comes later, nor a piece of a longer one."""
    return text[:1] not in _QUOTE_MARKS and not _starts_or_ends_mid_quote(text)


def _quotas(available: dict[str, int], max_sentences: int) -> dict[str, int]:
    quotas = dict.fromkeys(SECTIONS, 0)
    order = [*_SLOT_ORDER, *["happened"] * max(0, max_sentences)]
    for section in order:
        if sum(quotas.values()) == max_sentences:
            break
        if quotas[section] < available[section]:
            quotas[section] += 1
    if quotas["differ"] % 2 and quotas["happened"] < available["happened"]:
        # a divergence shows both sides or none
        quotas["differ"] -= 1
        quotas["happened"] += 1
    return quotas


def _sentence_keys(articles: Sequence[Article]) -> dict[tuple[str, int], SentenceKey]:
    return {(a.id, s.start): (a.id, i) for a in articles for i, s in enumerate(a.sentences)}


def _redundant(
    key: SentenceKey, taken: list[SentenceKey], aligner: SentenceAligner, sides: bool
) -> bool:
    """Said already by a chosen sentence; the sides of a divergence are alike by nature, so
    for them only the very same sentence counts."""
    if sides:
        return key in taken
    return any(key == other or aligner.similarity(key, other) >= _REDUNDANT for other in taken)


def _in_publication_order(
    chosen: list[BriefingSentence], articles: Sequence[Article]
) -> list[BriefingSentence]:
    order = {a.id: (a.published_day or dt.date.max, i) for i, a in enumerate(articles)}
    return sorted(chosen, key=lambda b: (order[b.ref.article_id], b.ref.start))


def _trimmed(sentence: BriefingSentence, article: Article) -> BriefingSentence:
    """Without a leading bullet or, in an article's first sentence, its dateline
    ("Helmstedt – "); the offsets stay exact."""
    ref = sentence.ref
    text = article.text[ref.start : ref.end]
    start = ref.start + len(text) - len(text.lstrip(_BULLET))
    if ref.start == (article.sentences[0].start if article.sentences else -1):
        match = _DATELINE.match(article.text, start, ref.end)
        start = match.end() if match else start
    if start >= ref.end or not article.text[start].isalnum():
        return sentence
    return replace(sentence, ref=SourceRef(ref.article_id, start, ref.end))


def _ranked(
    articles: Sequence[Article],
    aligner: SentenceAligner,
    agreeing: Mapping[tuple[str, int], Mapping[str, Sentence]] | None = None,
) -> list[tuple[SentenceKey, Sentence, dict[str, Support]]]:
    """Usable sentences, best aligned consensus first; the support they cite is widened by the
    sentences the comparison stage groups with them (`agreeing`). Those groups are looser than
    alignment, so they add citations but do not rank."""
    quoted = {a.id: _direct_quote_spans(a) for a in articles}
    candidates = [
        (key, sentence, aligner.support(key))
        for key, sentence in zip(aligner.keys_, aligner.sentences_, strict=True)
        if _usable(sentence) and not _mostly_quoted(sentence, quoted[key[0]])
    ]
    candidates.sort(key=lambda c: -_score(*c))
    agreeing = agreeing or {}
    return [
        (key, sentence, _widened(support, agreeing.get((key[0], sentence.start), {})))
        for key, sentence, support in candidates
    ]


def _widened(support: dict[str, Support], agreeing: Mapping[str, Sentence]) -> dict[str, Support]:
    """Aligned support plus agreeing sentences of articles not aligned, at the threshold score."""
    extra = {a: Support(_AGREEING_SCORE, s) for a, s in agreeing.items() if a not in support}
    return support | extra


def choose_briefing(
    articles: Sequence[Article], aligner: SentenceAligner, max_sentences: int = 7
) -> tuple[BriefingSentence, ...]:
    """ "What happened" alone: the best-supported sentences, non-redundant, in publication
    order."""
    candidates = _ranked(articles, aligner)
    chosen: list[tuple[SentenceKey, Sentence, dict[str, Support]]] = []
    for key, sentence, support in candidates:
        if len(chosen) == max_sentences:
            break
        if all(aligner.similarity(key, other) < _REDUNDANT for other, _, _ in chosen):
            chosen.append((key, sentence, support))
    order = {a.id: (a.published_day or dt.date.max, i) for i, a in enumerate(articles)}
    chosen.sort(key=lambda c: (order[c[0][0]], c[0][1]))
    return tuple(_briefing_sentence(key[0], sentence, support) for key, sentence, support in chosen)


def _briefing_sentence(
    article_id: str, sentence: Sentence, support: dict[str, Support], section: str = "happened"
) -> BriefingSentence:
    ranked = sorted(support, key=lambda a: -support[a].score)
    return BriefingSentence(
        SourceRef(article_id, sentence.start, sentence.end),
        (article_id, *ranked),
        tuple(SourceRef(a, support[a].sentence.start, support[a].sentence.end) for a in ranked),
        section,
    )


def _direct_quote_spans(article: Article) -> list[tuple[int, int]]:
    return [(q.start, q.end) for q in article.quotes if q.kind is QuoteKind.DIRECT]


def _mostly_quoted(sentence: Sentence, spans: list[tuple[int, int]]) -> bool:
    """A sentence that is mostly someone's words ("Wir sprachen über …") needs its speaker."""
    inside = sum(max(0, min(e, sentence.end) - max(s, sentence.start)) for s, e in spans)
    return inside > 0.5 * (sentence.end - sentence.start)


def _starts_or_ends_mid_quote(text: str) -> bool:
    """A sentence cut out of a longer quotation has unbalanced quotation marks."""
    paired = any(text.count(open_) != text.count(close) for open_, close in _QUOTE_PAIRS)
    return paired or text.count('"') % 2 == 1


def _usable(sentence: Sentence) -> bool:
    if _starts_or_ends_mid_quote(sentence.text):
        return False
    words = sum(1 for t in sentence.tokens if _ALNUM.search(t.text))
    text = sentence.text.rstrip("“”\"«»‘’' )")
    return _MIN_WORDS <= words <= _MAX_WORDS and text.endswith((".", "!")) and "?" not in text


def _score(key: SentenceKey, sentence: Sentence, support: dict[str, Support]) -> float:
    lead = 1.0 if key[1] < _LEAD_SENTENCES else 0.0
    # A sentence that opens with a quotation needs the sentence before it to say who speaks.
    quoted = 1.5 if sentence.text[:1] in _QUOTE_MARKS else 0.0
    return len(support) + sum(s.score for s in support.values()) * 0.5 + lead - quoted
