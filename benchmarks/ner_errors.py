"""Error buckets for `quality_ner.py --errors`: why each false negative / false positive arose.

Buckets (per gold type for misses, per predicted type for false alarms):
- type: the same span was found with another type;
- boundary: an overlapping span of the same type was found (too long or too short);
- boundary+type: an overlapping span of another type;
- missed-1 / missed-n: nothing overlaps a one-token / longer gold name;
- on-deriv/part: a false alarm on a span gold marks `*deriv`/`*part` ("EU-Kommission");
- spurious-1 / spurious-n: a false alarm where gold has no name at all.
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Sequence
from typing import Any

Entity = tuple[int, int, str]


def _overlaps(a: Entity, b: Entity) -> bool:
    return a[0] < b[1] and b[0] < a[1]


def error_bucket(entity: Entity, others: set[Entity]) -> str:
    """Why `entity` (a miss, or a false alarm) has no exact partner among `others`."""
    start, end, kind = entity
    if any(o[0] == start and o[1] == end for o in others):
        return "type"
    near = [o for o in others if _overlaps(o, entity)]
    if any(o[2] == kind for o in near):
        return "boundary"
    if near:
        return "boundary+type"
    return "missed"


def _size(entity: Entity) -> str:
    return "1" if entity[1] - entity[0] == 1 else "n"


def _text(tokens: Sequence[str], entity: Entity) -> str:
    if entity[0] < 0:
        return "<inside a token>"
    return " ".join(tokens[entity[0] : entity[1]])


def print_errors(results: Sequence[tuple[Any, set[Entity], set[Entity]]]) -> None:
    from quality_ner import derived_spans

    counts: Counter[tuple[str, str, str]] = Counter()
    for sentence, gold, predicted in results:
        derived = derived_spans(sentence.tags)
        for entity in sorted(gold - predicted):
            bucket = error_bucket(entity, predicted)
            if bucket == "missed":
                bucket = f"missed-{_size(entity)}"
            counts["FN", entity[2], bucket] += 1
            print(f"FN {entity[2]:<4} {bucket:<13} {_text(sentence.tokens, entity)!r}")
        for entity in sorted(predicted - gold):
            bucket = error_bucket(entity, gold)
            if bucket == "missed":
                on_derived = any(entity[0] < e and s < entity[1] for s, e in derived)
                bucket = "on-deriv/part" if on_derived else f"spurious-{_size(entity)}"
            counts["FP", entity[2], bucket] += 1
            print(f"FP {entity[2]:<4} {bucket:<13} {_text(sentence.tokens, entity)!r}")
    print("\nkind type bucket          count")
    for (kind, type_, bucket), n in sorted(counts.items()):
        print(f"{kind:<4} {type_:<4} {bucket:<15} {n:5d}")
