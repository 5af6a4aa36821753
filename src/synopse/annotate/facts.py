"""Fact records: each quantity and each resolved date, joined to its sentence, the entities
in that sentence, a short predicate and the party it is attributed to.

Predicate: the noun the value modifies when one follows it ("eine 14-jährige Haftstrafe" ->
"Haftstrafe"); otherwise the nearest noun before the value in its clause and the nearest full
verb ("die Sitzung habe gut drei Stunden gedauert" -> "Sitzung dauern"). Names are not
predicates. A heuristic over POS tags, not a parse.

Attribution: the speaker of a quote or report that contains the value ("sie habe drei
Stunden gedauert" inside "Die Stadt bestätigte …"), else of one that starts in the same
sentence ("laut Polizei", "sagte Trump"); none without such evidence.
"""

from __future__ import annotations

import bisect
from collections.abc import Callable, Sequence

from synopse.model import Fact, Mention, Quantity, Quote, Sentence, TimeExpression, Token

_SENTENCE_END = frozenset({".", "!", "?"})
_CLAUSE_END = frozenset({",", ";", ":", "–", "—", ".", "!", "?", "(", ")", "„", "“", '"', "»", "«"})


def find_facts(
    sentences: Sequence[Sentence],
    mentions: Sequence[Mention],
    quotes: Sequence[Quote],
    quantities: Sequence[Quantity],
    times: Sequence[TimeExpression],
) -> tuple[Fact, ...]:
    starts = [s.start for s in sentences]
    values = [(q.start, q.end) for q in quantities] + [(t.start, t.end) for t in times]
    facts = [
        _quantity_fact(q, _sentence(sentences, starts, q.start), mentions, quotes, values)
        for q in quantities
        if q.unit or q.counted
    ]
    facts += [
        _time_fact(t, _sentence(sentences, starts, t.start), mentions, quotes, values)
        for t in times
        if t.value is not None
    ]
    return tuple(sorted(facts, key=lambda f: (f.start, f.end)))


def _sentence(sentences: Sequence[Sentence], starts: list[int], offset: int) -> Sentence:
    return sentences[max(0, bisect.bisect_right(starts, offset) - 1)]


def _quantity_fact(
    q: Quantity,
    sentence: Sentence,
    mentions: Sequence[Mention],
    quotes: Sequence[Quote],
    values: Sequence[tuple[int, int]],
) -> Fact:
    return Fact(
        start=q.start, end=q.end, text=q.text, kind="quantity", value=describe(q),
        sentence_start=sentence.start, sentence_end=sentence.end,
        predicate=predicate(sentence, q.start, q.end, exclude=q.counted, values=values),
        entities=_entities(sentence, mentions),
        attributed_to=attribution(quotes, sentence, q.start, q.end),
        unit=q.unit, counted=q.counted, low=q.low, high=q.high,
    )  # fmt: skip


def _time_fact(
    t: TimeExpression,
    sentence: Sentence,
    mentions: Sequence[Mention],
    quotes: Sequence[Quote],
    values: Sequence[tuple[int, int]],
) -> Fact:
    return Fact(
        start=t.start, end=t.end, text=t.text, kind="time", value=t.value or "",
        sentence_start=sentence.start, sentence_end=sentence.end,
        predicate=predicate(sentence, t.start, t.end, values=values),
        entities=_entities(sentence, mentions),
        attributed_to=attribution(quotes, sentence, t.start, t.end), precision=t.precision,
    )  # fmt: skip


def describe(quantity: Quantity) -> str:
    """The value readably: the amount when exact, else the interval, with unit or noun."""
    amount = quantity.normalized if quantity.normalized is not None else quantity.value
    unit = quantity.counted or quantity.unit or ""
    if quantity.low == quantity.high and amount is not None:
        return f"{amount:g} {unit}".strip()
    low = "…" if quantity.low is None else f"{quantity.low:g}"
    high = "…" if quantity.high is None else f"{quantity.high:g}"
    return f"{low}–{high} {unit}".strip()


def predicate(
    sentence: Sentence,
    start: int,
    end: int,
    exclude: str | None = None,
    values: Sequence[tuple[int, int]] = (),
) -> str:
    """What the value at [start, end) measures or dates, as "noun verb" lemmas; the words of
    other values (`values`: their spans) are never the noun ("40 Millionen Euro")."""
    tokens = list(sentence.tokens)
    if tokens:  # only the other values that overlap the sentence's tokens can remove some
        first_start = min(t.start for t in tokens)
        last_start = max(t.start for t in tokens)
        others = [(s, e) for s, e in values if s != start and s <= last_start and e > first_start]
        if others:
            tokens = [t for t in tokens if not _within(t, others)]
    inside = [i for i, t in enumerate(tokens) if start <= t.start < end]
    if not inside:
        return ""
    first, last = inside[0], inside[-1]
    after = last + 1
    if after < len(tokens) and tokens[after].pos == "NN" and tokens[after].lemma != exclude:
        return tokens[after].lemma
    before = range(first - 1, -1, -1)
    # "Die Stadt bestätigte die Sitzung, sie habe drei Stunden gedauert": a pronoun
    # subject refers back, so the nearest earlier noun of the sentence stands in for it.
    noun = _nearest(tokens, before, _is_noun) or _nearest(tokens, before, _is_noun, _SENTENCE_END)
    verb = _nearest(tokens, range(after, len(tokens)), lambda t: t.pos.startswith("VV"))
    verb = verb or _nearest(tokens, range(first - 1, -1, -1), lambda t: t.pos.startswith("VV"))
    return " ".join(t.lemma for t in (noun, verb) if t is not None)


def _within(token: Token, spans: Sequence[tuple[int, int]]) -> bool:
    return any(s <= token.start < e for s, e in spans)


def _is_noun(token: Token) -> bool:
    return token.pos == "NN"


def _nearest(
    tokens: Sequence[Token],
    indexes: range,
    wanted: Callable[[Token], bool],
    boundaries: frozenset[str] = _CLAUSE_END,
) -> Token | None:
    """The first wanted token in `indexes` order, not crossing a boundary."""
    for i in indexes:
        if tokens[i].text in boundaries:
            return None
        if wanted(tokens[i]):
            return tokens[i]
    return None


def _entities(sentence: Sentence, mentions: Sequence[Mention]) -> tuple[str, ...]:
    names = (m.canonical for m in mentions if sentence.start <= m.start < sentence.end)
    return tuple(dict.fromkeys(names))


def attribution(quotes: Sequence[Quote], sentence: Sentence, start: int, end: int) -> str | None:
    for quote in quotes:
        if quote.start <= start and end <= quote.end and quote.speaker_name:
            return quote.speaker_name
    for quote in quotes:
        if quote.speaker_name and sentence.start <= quote.start < sentence.end:
            return quote.speaker_name
    return None
