"""Candidates for the briefing sections beyond "what happened": where accounts differ, who said
what, the story's own days, who is who and what each outlet alone reports.

Each picker returns `BriefingSentence`s best first; `briefing.compose_briefing` takes from the
lists in turn. Every candidate is a whole sentence of an article (trimmed later at most by a
dateline), citing the articles that carry the same claim, quote or date.
"""

from __future__ import annotations

import bisect
from collections.abc import Mapping, Sequence

from synopse.model import (
    Article,
    BriefingSentence,
    Claim,
    Comparison,
    Entity,
    QuoteKind,
    Sentence,
    SourceRef,
    Status,
    StoryQuote,
    TimelineEntry,
)

# Spelling and role differences are "who is who" matters, not accounts that differ.
_DIFFER_KINDS = ("figure", "date", "statement", "denial")
_MAX_WORDS = 60


class SentenceIndex:
    """Finds the sentence of an article that holds a given offset."""

    def __init__(self, articles: Sequence[Article]) -> None:
        self._sentences = {a.id: a.sentences for a in articles}
        self._starts = {a.id: [s.start for s in a.sentences] for a in articles}

    def at(self, article_id: str, offset: int) -> Sentence | None:
        i = bisect.bisect_right(self._starts.get(article_id, []), offset) - 1
        sentences = self._sentences.get(article_id, ())
        if i < 0 or offset >= sentences[i].end:
            return None
        return sentences[i]


def cited(section: str, refs: Sequence[SourceRef]) -> BriefingSentence:
    """A briefing sentence from its source ref and one ref per other supporting article."""
    first, others = refs[0], _one_per_article(refs[1:], exclude=refs[0].article_id)
    return BriefingSentence(
        first, (first.article_id, *(r.article_id for r in others)), tuple(others), section
    )


def _one_per_article(refs: Sequence[SourceRef], exclude: str) -> list[SourceRef]:
    seen = {exclude}
    kept = []
    for ref in refs:
        if ref.article_id not in seen:
            seen.add(ref.article_id)
            kept.append(ref)
    return kept


# ---- what happened: agreement found by the comparison stage ---------------------------------


def agreeing_sentences(
    comparisons: Sequence[Comparison], index: SentenceIndex
) -> dict[tuple[str, int], dict[str, Sentence]]:
    """For each claim sentence of a consensus comparison, the other articles' sentences in the
    same group: the comparison stage pairs paraphrases that lexical alignment misses."""
    agreeing: dict[tuple[str, int], dict[str, Sentence]] = {}
    for comparison in comparisons:
        if comparison.status is not Status.CONSENSUS or comparison.kind in ("role", "spelling"):
            continue
        for claim in comparison.claims:
            others = agreeing.setdefault((claim.article_id, claim.sentence_start), {})
            for other in comparison.claims:
                sentence = index.at(other.article_id, other.sentence_start)
                if other.article_id != claim.article_id and sentence is not None:
                    others.setdefault(other.article_id, sentence)
    return agreeing


# ---- where accounts differ -------------------------------------------------------------------


def differ_candidates(comparisons: Sequence[Comparison]) -> list[BriefingSentence]:
    """One sentence per side of each divergent comparison, figures and dates first."""
    divergent = [c for c in comparisons if c.status is Status.DIVERGENT and c.kind in _DIFFER_KINDS]
    divergent.sort(key=lambda c: (_DIFFER_KINDS.index(c.kind), -_article_count(c.claims)))
    return [side for c in divergent for side in _two_sides(c)]


def _article_count(claims: Sequence[Claim]) -> int:
    return len({c.article_id for c in claims})


def _two_sides(comparison: Comparison) -> list[BriefingSentence]:
    groups: dict[str, list[Claim]] = {}
    for claim in comparison.claims:
        groups.setdefault(claim.value, []).append(claim)
    if len(groups) < 2:
        return []
    ranked = sorted(groups.values(), key=lambda g: -_article_count(g))
    first = ranked[0]
    other = next((g for g in ranked[1:] if not _overlaps(first[0], g[0])), ranked[1])
    return [cited("differ", [_claim_sentence(c) for c in side]) for side in (first, other)]


def _overlaps(a: Claim, b: Claim) -> bool:
    if None in (a.low, a.high, b.low, b.high):
        return a.value == b.value
    return a.low <= b.high and b.low <= a.high  # type: ignore[operator]  # None excluded above


def _claim_sentence(claim: Claim) -> SourceRef:
    return SourceRef(claim.article_id, claim.sentence_start, claim.sentence_end)


# ---- who said what ---------------------------------------------------------------------------


def quote_candidates(
    quotes: Sequence[StoryQuote], entities: Sequence[Entity], index: SentenceIndex
) -> list[BriefingSentence]:
    """Key quotes, one per speaker: carried by the most outlets, by the most named speakers;
    the sentence must hold the speaker's name so it reads on its own."""
    weight = {e.id: len(e.mentions) for e in entities}
    spoken = [q for q in quotes if q.speaker_entity_id and q.quote.speaker]
    spoken.sort(key=lambda q: (-len(q.sources), -weight.get(q.speaker_entity_id or "", 0)))
    chosen: dict[str, BriefingSentence] = {}
    for quote in spoken:
        speaker = quote.speaker_entity_id or ""
        sentence = _quote_sentence(quote, index)
        if speaker not in chosen and sentence is not None:
            chosen[speaker] = sentence
    return list(chosen.values())


def _quote_sentence(quote: StoryQuote, index: SentenceIndex) -> BriefingSentence | None:
    q, speaker = quote.quote, quote.quote.speaker
    sentence = index.at(quote.article_id, q.start)
    if sentence is None or speaker is None or (q.kind is QuoteKind.REPORTED and not q.cue):
        return None
    holds = sentence.start <= speaker.start and speaker.end <= sentence.end
    if not holds or q.end > sentence.end or len(sentence.text.split()) > _MAX_WORDS:
        return None
    refs = [SourceRef(quote.article_id, sentence.start, sentence.end)]
    for source in quote.sources:
        other = index.at(source.article_id, source.start)
        if other is not None:
            refs.append(SourceRef(source.article_id, other.start, other.end))
    return cited("quotes", refs)


# ---- the story's own days --------------------------------------------------------------------


def timeline_candidates(timeline: Sequence[TimelineEntry]) -> list[BriefingSentence]:
    """The story's own dated days (not background), the most widely reported first."""
    own = [t for t in timeline if not t.background and t.precision == "day" and t.refs]
    own.sort(key=lambda t: (-len({r.article_id for r in t.refs}), t.date))
    return [cited("timeline", list(t.refs)) for t in own]


# ---- who is who ------------------------------------------------------------------------------


def who_candidates(
    articles: Sequence[Article], entities: Sequence[Entity]
) -> list[tuple[str, Sentence]]:
    """Sentences naming the most prominent people with their roles, richest first."""
    weight = {name: len(e.mentions) for e in entities for name in (e.name, *e.aliases)}
    scored: list[tuple[float, str, Sentence]] = []
    for article in articles:
        roles = [m for m in article.mentions if m.role]
        for sentence in article.sentences:
            inside = [m for m in roles if sentence.start <= m.start < sentence.end]
            score = sum(1 + weight.get(m.canonical, 0) / 10 for m in inside)
            if score:
                scored.append((score, article.id, sentence))
    scored.sort(key=lambda x: -x[0])
    return [(article_id, sentence) for _, article_id, sentence in scored]


# ---- what each outlet alone reports ----------------------------------------------------------


def sources_candidates(
    comparisons: Sequence[Comparison], outlets: Mapping[str, str]
) -> list[BriefingSentence]:
    """Per outlet the first statement only it reports, outlets taking turns."""
    singles: dict[str, list[SourceRef]] = {}
    for c in comparisons:
        if c.status is Status.SINGLE and c.kind == "statement" and c.claims:
            claim = c.claims[0]
            singles.setdefault(outlets.get(claim.article_id, ""), []).append(_claim_sentence(claim))
    rounds = range(max(map(len, singles.values()), default=0))
    turns = [refs[i] for i in rounds for refs in singles.values() if i < len(refs)]
    return [cited("sources", [ref]) for ref in turns]
