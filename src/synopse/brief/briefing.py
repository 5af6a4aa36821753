"""The extractive briefing: sentences taken unchanged from the articles, each citing every
article that says the same.

A sentence scores by how many other articles carry an aligned sentence (consensus first),
plus a bonus for standing early in its article (news puts the essentials first). Sentences
too short or long, questions and headings are skipped; a sentence too similar to one already
chosen is redundant. Chosen sentences are shown in publication order of their articles.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Sequence

from synopse.compare.align import SentenceAligner, SentenceKey, Support
from synopse.model import Article, BriefingSentence, QuoteKind, Sentence, SourceRef

_MIN_WORDS, _MAX_WORDS = 8, 60
_REDUNDANT = 0.3
_LEAD_SENTENCES = 4
_QUOTE_PAIRS = (("„", "“"), ("»", "«"), ("‚", "‘"))
_QUOTE_MARKS = frozenset("\"„“”»«‚‘›‹'")


def choose_briefing(
    articles: Sequence[Article], aligner: SentenceAligner, max_sentences: int = 7
) -> tuple[BriefingSentence, ...]:
    quoted = {a.id: _direct_quote_spans(a) for a in articles}
    candidates = [
        (key, sentence, aligner.support(key))
        for key, sentence in zip(aligner.keys_, aligner.sentences_, strict=True)
        if _usable(sentence) and not _mostly_quoted(sentence, quoted[key[0]])
    ]
    candidates.sort(key=lambda c: -_score(*c))
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
    article_id: str, sentence: Sentence, support: dict[str, Support]
) -> BriefingSentence:
    ranked = sorted(support, key=lambda a: -support[a].score)
    return BriefingSentence(
        SourceRef(article_id, sentence.start, sentence.end),
        (article_id, *ranked),
        tuple(SourceRef(a, support[a].sentence.start, support[a].sentence.end) for a in ranked),
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
    words = [t for t in sentence.tokens if any(c.isalnum() for c in t.text)]
    text = sentence.text.rstrip("“”\"«»‘’' )")
    return _MIN_WORDS <= len(words) <= _MAX_WORDS and text.endswith((".", "!")) and "?" not in text


def _score(key: SentenceKey, sentence: Sentence, support: dict[str, Support]) -> float:
    lead = 1.0 if key[1] < _LEAD_SENTENCES else 0.0
    # A sentence that opens with a quotation needs the sentence before it to say who speaks.
    quoted = 1.5 if sentence.text[:1] in _QUOTE_MARKS else 0.0
    return len(support) + sum(s.score for s in support.values()) * 0.5 + lead - quoted
