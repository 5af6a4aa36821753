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

from synopse.compare.align import SentenceAligner, SentenceKey
from synopse.model import Article, BriefingSentence, Sentence, SourceRef

_MIN_WORDS, _MAX_WORDS = 8, 60
_REDUNDANT = 0.3
_LEAD_SENTENCES = 4
_QUOTE_MARKS = frozenset("\"„“”»«‚‘›‹'")


def choose_briefing(
    articles: Sequence[Article], aligner: SentenceAligner, max_sentences: int = 7
) -> tuple[BriefingSentence, ...]:
    candidates = [
        (key, sentence, aligner.support(key))
        for key, sentence in zip(aligner.keys_, aligner.sentences_, strict=True)
        if _usable(sentence)
    ]
    candidates.sort(key=lambda c: -_score(*c))
    chosen: list[tuple[SentenceKey, Sentence, dict[str, float]]] = []
    for key, sentence, support in candidates:
        if len(chosen) == max_sentences:
            break
        if all(aligner.similarity(key, other) < _REDUNDANT for other, _, _ in chosen):
            chosen.append((key, sentence, support))
    order = {a.id: (a.published_day or dt.date.max, i) for i, a in enumerate(articles)}
    chosen.sort(key=lambda c: (order[c[0][0]], c[0][1]))
    return tuple(
        BriefingSentence(
            SourceRef(key[0], sentence.start, sentence.end),
            (key[0], *sorted(support, key=lambda a: -support[a])),
        )
        for key, sentence, support in chosen
    )


def _usable(sentence: Sentence) -> bool:
    words = [t for t in sentence.tokens if any(c.isalnum() for c in t.text)]
    text = sentence.text.rstrip("“”\"«»‘’' )")
    return _MIN_WORDS <= len(words) <= _MAX_WORDS and text.endswith((".", "!")) and "?" not in text


def _score(key: SentenceKey, sentence: Sentence, support: dict[str, float]) -> float:
    lead = 1.0 if key[1] < _LEAD_SENTENCES else 0.0
    # A sentence that opens with a quotation needs the sentence before it to say who speaks.
    quoted = 1.5 if sentence.text[:1] in _QUOTE_MARKS else 0.0
    return len(support) + sum(support.values()) * 0.5 + lead - quoted
