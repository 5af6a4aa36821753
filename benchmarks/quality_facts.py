"""Quality of quantity and time extraction on the team-written golden set.

    .venv/bin/python benchmarks/quality_facts.py             # tests/golden/annotate/facts.jsonl
    .venv/bin/python benchmarks/quality_facts.py --wikinews  # + wikinews counts, 50-hit sample

Figures are printed for the whole set and for its "holdout" split: sentences written before the
rules were tuned on the rest (rows marked "split": "holdout"; every other row is "tune"). The
holdout stays honest only while nobody tunes on it -- fixes it shows are counted against it.
Its one clean reading, taken before any rule was changed for the 2025 expansion (118 expressions:
74 quantities, 44 times), cannot be re-run and is recorded here:
    quantities  exact F1 0.980  overlap F1 0.993  value accuracy 0.959 (71/74)
    times       exact F1 0.966  overlap F1 0.989  value accuracy 0.930 (40/43)
    together    exact F1 0.975  overlap F1 0.992  value accuracy 0.949 (111/117)
Span figures: a prediction is a true positive when it has the gold span exactly ("exact") or
overlaps it ("overlap"). Value accuracy: share of overlap-matched items whose values agree
(quantities: value, unit, qualifier, low, high; times: value, precision).
The wikinews run has no labels: it prints counts and a random sample to check by hand.
"""

from __future__ import annotations

import argparse
import datetime as dt
import json
import math
import random
from collections.abc import Sequence
from pathlib import Path
from typing import Any

from synopse.annotate.quantities import find_quantities
from synopse.annotate.times import find_times
from synopse.annotate.tokens import Tokenizer

ROOT = Path(__file__).resolve().parents[1]
GOLDEN = ROOT / "tests" / "golden" / "annotate" / "facts.jsonl"
WIKINEWS = ROOT / ".." / "shared" / "devdata" / "wikinews-quotes" / "dev.jsonl"
QUANTITY_FIELDS = ("value", "unit", "qualifier", "low", "high")
TIME_FIELDS = ("value", "precision")


def gold_spans(text: str, items: Sequence[dict[str, Any]]) -> list[tuple[int, int, dict[str, Any]]]:
    """Gold items located in `text`, each found after the previous one with the same text."""
    spans: list[tuple[int, int, dict[str, Any]]] = []
    searched_from: dict[str, int] = {}
    for item in items:
        start = text.find(item["text"], searched_from.get(item["text"], 0))
        if start < 0:
            raise ValueError(f"{GOLDEN.name}: {item['text']!r} not in {text!r}")
        searched_from[item["text"]] = start + 1
        spans.append((start, start + len(item["text"]), item))
    return spans


def same(expected: object, found: object) -> bool:
    if isinstance(expected, int | float) and isinstance(found, int | float):
        return math.isclose(expected, found, rel_tol=1e-6, abs_tol=1e-6)
    return expected == found


class Score:
    def __init__(self) -> None:
        self.gold = self.found = self.exact = self.overlap = self.values_right = 0

    def add(
        self,
        gold: list[tuple[int, int, dict[str, Any]]],
        found: Sequence[Any],
        fields: Sequence[str],
    ) -> None:
        self.gold += len(gold)
        self.found += len(found)
        for start, end, item in gold:
            hits = [f for f in found if f.start < end and start < f.end]
            self.exact += any(f.start == start and f.end == end for f in hits)
            if hits:
                self.overlap += 1
                self.values_right += all(same(item[k], getattr(hits[0], k)) for k in fields)

    def lines(self, name: str) -> list[str]:
        out = [f"{name}: gold {self.gold}, found {self.found}"]
        for label, tp in (("exact span", self.exact), ("overlapping span", self.overlap)):
            p = tp / self.found if self.found else 0.0
            r = tp / self.gold if self.gold else 0.0
            f1 = 2 * p * r / (p + r) if p + r else 0.0
            out.append(f"  {label:17s} P {p:.3f}  R {r:.3f}  F1 {f1:.3f}")
        accuracy = self.values_right / self.overlap if self.overlap else 0.0
        out.append(
            f"  value accuracy    {accuracy:.3f} ({self.values_right}/{self.overlap} matched)"
        )
        return out


def published_anchor(published: str | None) -> dt.date | str | None:
    """A full ISO date becomes a date; a partial one ("2025-02", "2025") stays a string."""
    if published is None or len(published) < len("2025-01-01"):
        return published
    return dt.date.fromisoformat(published[:10])


def golden(tokenizer: Tokenizer, split: str | None) -> None:
    quantities, times, both = Score(), Score(), Score()
    rows = [json.loads(line) for line in GOLDEN.read_text(encoding="utf-8").splitlines()]
    chosen = [r for r in rows if split is None or r.get("split", "tune") == split]
    for row in chosen:
        text, sentences = row["text"], tokenizer(row["text"])
        gold_q, gold_t = gold_spans(text, row["quantities"]), gold_spans(text, row["times"])
        found_q = find_quantities(text, sentences)
        found_t = find_times(text, sentences, published_anchor(row["published"]))
        quantities.add(gold_q, found_q, QUANTITY_FIELDS)
        times.add(gold_t, found_t, TIME_FIELDS)
        both.add(gold_q, found_q, QUANTITY_FIELDS)
        both.add(gold_t, found_t, TIME_FIELDS)
    print(f"\n{split or 'whole set'}: {len(chosen)} sentences of {GOLDEN.relative_to(ROOT)}")
    lines = quantities.lines("quantities") + times.lines("times") + both.lines("together")
    print("\n".join(lines))


def wikinews(tokenizer: Tokenizer, sample_size: int = 50) -> None:
    if not WIKINEWS.exists():
        print(f"wikinews: {WIKINEWS} absent, skipped")
        return
    hits: list[str] = []
    articles = [json.loads(line) for line in WIKINEWS.read_text(encoding="utf-8").splitlines()]
    for article in articles:
        text, sentences = article["text"], tokenizer(article["text"])
        published = (
            dt.date.fromisoformat(article["published"][:10]) if article.get("published") else None
        )
        for q in find_quantities(text, sentences):
            found = f"{q.value} {q.unit} {q.qualifier} [{q.low}, {q.high}] {q.counted}"
            hits.append(f"Q {_context(text, q.start, q.end)} -> {found}")
        for t in find_times(text, sentences, published):
            found = f"{t.value} {t.precision} (published {published})"
            hits.append(f"T {_context(text, t.start, t.end)} -> {found}")
    n_q = sum(h.startswith("Q") for h in hits)
    counts = f"{n_q} quantities, {len(hits) - n_q} time expressions"
    print(f"wikinews dev: {len(articles)} articles, {counts}")
    for hit in random.Random(7).sample(hits, min(sample_size, len(hits))):
        print("  " + hit)


def _context(text: str, start: int, end: int, width: int = 40) -> str:
    before = text[max(0, start - width) : start].replace("\n", " ")
    after = text[end : end + width].replace("\n", " ")
    return f"…{before}[[{text[start:end]}]]{after}…"


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--wikinews", action="store_true", help="also run over wikinews dev")
    args = parser.parse_args()
    tokenizer = Tokenizer()
    for split in (None, "holdout", "tune"):
        golden(tokenizer, split)
    if args.wikinews:
        wikinews(tokenizer)


if __name__ == "__main__":
    main()
