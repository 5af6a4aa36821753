"""Entity recognition and merging on the team's own German gold set (tests/golden/ner).

Sentences: each gold sentence is run on its own through `Tokenizer` and `EntityRecognizer`;
scoring is exact match of (start, end, type), per type, overall, overall without MISC, per domain,
and on the "dev" and "holdout" splits separately (the holdout must never be used for tuning).
Speed counts both stages together.

Stories: every article is annotated with `Annotator` and each story's entities are merged with
`synopse.link.resolve_entities`. Every occurrence of a gold form in the articles (longest form
first, whole words) is mapped to the predicted entity whose mention overlaps it most; occurrences
no mention overlaps count as "not found" and are left out of the merge scores. Merge accuracy is
pairwise: over all pairs of found occurrences in a story, precision is the share of pairs put in
one entity that belong to one gold cluster, recall the share of same-cluster pairs put in one
entity (pairs summed over stories). B-cubed precision/recall are reported beside it.

    .venv/bin/python benchmarks/quality_ner_gold.py
"""

from __future__ import annotations

import json
import re
import time
from collections import Counter
from collections.abc import Callable, Iterable, Sequence
from dataclasses import dataclass, field
from itertools import combinations, pairwise
from pathlib import Path
from typing import Any

GOLD_DIR = Path(__file__).resolve().parents[1] / "tests" / "golden" / "ner"
SENTENCES = GOLD_DIR / "sentences.jsonl"
STORIES = GOLD_DIR / "stories.jsonl"
TYPES = ("PER", "ORG", "LOC", "MISC")
DOMAINS = ("politik", "wirtschaft", "sport", "lokales", "kultur", "wissenschaft")
SPLITS = ("dev", "holdout")

Span = tuple[int, int, str]  # start, end, type
Recognise = Callable[[str], list[Span]]


@dataclass(frozen=True, slots=True)
class GoldSentence:
    id: str
    domain: str
    split: str
    text: str
    entities: tuple[Span, ...]


# --- the checker ------------------------------------------------------------------------------


def span_problems(record: dict[str, Any]) -> list[str]:
    """Everything wrong with one sentence record; empty when it is valid."""
    where = record.get("id", "?")
    problems = [f"{where}: missing {key}" for key in _SENTENCE_KEYS if key not in record]
    if problems:
        return problems
    if record["domain"] not in DOMAINS:
        problems.append(f"{where}: unknown domain {record['domain']!r}")
    if record["split"] not in SPLITS:
        problems.append(f"{where}: unknown split {record['split']!r}")
    text, entities = record["text"], record["entities"]
    problems += [f"{where}: {p}" for e in entities for p in _entity_problems(text, e)]
    problems += [f"{where}: {p}" for p in _overlaps(entities)]
    return problems


_SENTENCE_KEYS = ("id", "domain", "split", "text", "entities")


def _entity_problems(text: str, entity: dict[str, Any]) -> list[str]:
    start, end, surface = entity["start"], entity["end"], entity["text"]
    problems = []
    if not 0 <= start < end <= len(text) or text[start:end] != surface:
        problems.append(f"span {start}:{end} does not slice to {surface!r}")
    if entity["type"] not in TYPES:
        problems.append(f"{surface!r} has unknown type {entity['type']!r}")
    if surface != surface.strip():
        problems.append(f"{surface!r} has surrounding whitespace")
    return problems


def _overlaps(entities: Sequence[dict[str, Any]]) -> list[str]:
    ordered = sorted(entities, key=lambda e: (e["start"], e["end"]))
    return [
        f"{a['text']!r} overlaps {b['text']!r}"
        for a, b in pairwise(ordered)
        if b["start"] < a["end"]
    ]


def story_problems(story: dict[str, Any]) -> list[str]:
    """Everything wrong with one story record: forms that never occur or belong to two clusters."""
    name = story.get("story", "?")
    texts = [a["text"] for a in story["articles"]]
    problems = [] if 3 <= len(texts) <= 5 else [f"{name}: {len(texts)} articles, want 3-5"]
    seen: dict[str, str] = {}
    for cluster in story["clusters"]:
        for form in cluster["forms"]:
            if form in seen:
                problems.append(f"{name}: {form!r} in {seen[form]!r} and {cluster['name']!r}")
            seen[form] = cluster["name"]
    occurring = {form for text in texts for _, _, form in gold_occurrences(text, seen)}
    problems += [f"{name}: {form!r} never occurs" for form in seen if form not in occurring]
    return problems


# --- loading ----------------------------------------------------------------------------------


def read_jsonl(path: Path) -> list[dict[str, Any]]:
    lines = path.read_text(encoding="utf-8").splitlines()
    return [json.loads(line) for line in lines if line.strip()]


def load_sentences(path: Path = SENTENCES) -> list[GoldSentence]:
    return [
        GoldSentence(
            id=r["id"],
            domain=r["domain"],
            split=r["split"],
            text=r["text"],
            entities=tuple((e["start"], e["end"], e["type"]) for e in r["entities"]),
        )
        for r in read_jsonl(path)
    ]


# --- sentence scores --------------------------------------------------------------------------


@dataclass
class Tally:
    tp: Counter[str] = field(default_factory=Counter)
    fp: Counter[str] = field(default_factory=Counter)
    fn: Counter[str] = field(default_factory=Counter)

    def add(self, gold: Iterable[Span], predicted: Iterable[Span]) -> None:
        gold_set, predicted_set = set(gold), set(predicted)
        self.tp.update(t for _, _, t in gold_set & predicted_set)
        self.fp.update(t for _, _, t in predicted_set - gold_set)
        self.fn.update(t for _, _, t in gold_set - predicted_set)

    def prf(self, types: Sequence[str] = TYPES) -> dict[str, float]:
        tp = sum(self.tp[t] for t in types)
        return _prf(tp, sum(self.fp[t] for t in types), sum(self.fn[t] for t in types))


def _prf(tp: int, fp: int, fn: int) -> dict[str, float]:
    precision = tp / (tp + fp) if tp + fp else 0.0
    recall = tp / (tp + fn) if tp + fn else 0.0
    f1 = 2 * precision * recall / (precision + recall) if precision + recall else 0.0
    return {"p": round(precision, 3), "r": round(recall, 3), "f1": round(f1, 3), "n": tp + fn}


def figures(tally: Tally, untyped: Tally) -> dict[str, Any]:
    return {
        **{t: tally.prf((t,)) for t in TYPES},
        "overall": tally.prf(),
        "per_org_loc": tally.prf(("PER", "ORG", "LOC")),
        "untyped": untyped.prf(("SPAN",)),
    }


def score_sentences(
    sentences: Sequence[GoldSentence], predictions: Sequence[list[Span]]
) -> dict[str, Any]:
    """Figures on all sentences, on each split and in each domain."""
    groups: dict[str, tuple[Tally, Tally]] = {}
    for sentence, predicted in zip(sentences, predictions, strict=True):
        for key in ("all", sentence.split, f"domain:{sentence.domain}"):
            tally, untyped = groups.setdefault(key, (Tally(), Tally()))
            tally.add(sentence.entities, predicted)
            untyped.add(_untyped(sentence.entities), _untyped(predicted))
    scores = {key: figures(*pair) for key, pair in groups.items() if ":" not in key}
    scores["domains"] = {
        d: figures(*groups[f"domain:{d}"]) for d in DOMAINS if f"domain:{d}" in groups
    }
    return scores


def _untyped(spans: Iterable[Span]) -> list[Span]:
    return [(start, end, "SPAN") for start, end, _ in spans]


def recogniser() -> tuple[Recognise, Callable[[], int]]:
    """A function that finds entities in a text, and a counter of the tokens it has seen."""
    from synopse.annotate.entities import EntityRecognizer
    from synopse.annotate.tokens import Tokenizer

    tokenizer, recognizer = Tokenizer(), EntityRecognizer()
    seen = [0]

    def recognise(text: str) -> list[Span]:
        sentences = tokenizer(text)
        seen[0] += sum(len(s.tokens) for s in sentences)
        return [(m.start, m.end, str(m.type)) for m in recognizer(text, sentences)]

    return recognise, lambda: seen[0]


def run_sentences(sentences: Sequence[GoldSentence]) -> dict[str, Any]:
    recognise, tokens_seen = recogniser()
    recognise("Aufwärmen: Olaf Scholz besucht Berlin.")  # models load lazily; keep out of timing
    warm = tokens_seen()
    began = time.perf_counter()
    predictions = [recognise(s.text) for s in sentences]
    seconds = time.perf_counter() - began
    scores = score_sentences(sentences, predictions)
    scores["speed"] = {
        "sentences_per_s": round(len(sentences) / seconds, 1),
        "tokens_per_s": round((tokens_seen() - warm) / seconds, 1),
    }
    return scores


# --- story merging ----------------------------------------------------------------------------


Occurrence = tuple[int, int, str]  # start, end, gold form


def gold_occurrences(text: str, forms: Iterable[str]) -> list[Occurrence]:
    """Whole-word occurrences of the forms, longest form first, never overlapping."""
    taken: list[Occurrence] = []
    for form in sorted(forms, key=lambda f: (-len(f), f)):
        for match in re.finditer(rf"(?<!\w){re.escape(form)}(?!\w)", text):
            if all(match.end() <= s or match.start() >= e for s, e, _ in taken):
                taken.append((match.start(), match.end(), form))
    return sorted(taken)


@dataclass
class MergeTally:
    occurrences: int = 0
    found: int = 0
    pairs: Counter[str] = field(default_factory=Counter)  # both, gold_same, predicted_same
    bcubed_p: list[float] = field(default_factory=list)
    bcubed_r: list[float] = field(default_factory=list)
    false_merges: list[str] = field(default_factory=list)
    missed_merges: list[str] = field(default_factory=list)

    def result(self) -> dict[str, Any]:
        pairs = self.pairs
        return {
            "found": self.found,
            "occurrences": self.occurrences,
            "pairwise_p": _ratio(pairs["both"], pairs["predicted_same"]),
            "pairwise_r": _ratio(pairs["both"], pairs["gold_same"]),
            "bcubed_p": _ratio(sum(self.bcubed_p), len(self.bcubed_p)),
            "bcubed_r": _ratio(sum(self.bcubed_r), len(self.bcubed_r)),
            "false_merges": sorted(set(self.false_merges)),
            "missed_merges": sorted(set(self.missed_merges)),
        }


def _ratio(part: float, whole: float) -> float:
    return round(part / whole, 3) if whole else 1.0


Labelled = tuple[str, str, str]  # gold cluster, predicted entity id, surface


def story_labels(
    story: dict[str, Any], articles: Sequence[Any], entities: Sequence[Any]
) -> tuple[list[Labelled], int]:
    """(gold cluster, predicted entity, surface) for every found occurrence, and all occurrences."""
    cluster_of = {form: c["name"] for c in story["clusters"] for form in c["forms"]}
    owners = [(ref, e.id) for e in entities for ref in e.mentions]
    labelled: list[Labelled] = []
    total = 0
    for article in articles:
        mine = [(ref, eid) for ref, eid in owners if ref.article_id == article.id]
        for start, end, form in gold_occurrences(article.text, cluster_of):
            total += 1
            owner = _best_overlap(mine, start, end)
            if owner is not None:
                labelled.append((cluster_of[form], owner, form))
    return labelled, total


def _best_overlap(owners: Sequence[tuple[Any, str]], start: int, end: int) -> str | None:
    """The entity id whose mention overlaps [start, end) most; None when no mention does."""
    best, best_overlap = None, 0
    for ref, entity_id in owners:
        overlap = min(end, ref.end) - max(start, ref.start)
        if overlap > best_overlap:
            best, best_overlap = entity_id, overlap
    return best


def tally_story(labelled: Sequence[Labelled], tally: MergeTally) -> None:
    for (gold_a, pred_a, form_a), (gold_b, pred_b, form_b) in combinations(labelled, 2):
        tally.pairs["gold_same"] += gold_a == gold_b
        tally.pairs["predicted_same"] += pred_a == pred_b
        tally.pairs["both"] += gold_a == gold_b and pred_a == pred_b
        pair = " / ".join(sorted((form_a, form_b)))
        if pred_a == pred_b and gold_a != gold_b:
            tally.false_merges.append(pair)
        if gold_a == gold_b and pred_a != pred_b:
            tally.missed_merges.append(pair)
    for gold, predicted, _ in labelled:
        same_pred = [g for g, p, _ in labelled if p == predicted]
        same_gold = [p for g, p, _ in labelled if g == gold]
        tally.bcubed_p.append(same_pred.count(gold) / len(same_pred))
        tally.bcubed_r.append(same_gold.count(predicted) / len(same_gold))


def run_stories(stories: Sequence[dict[str, Any]]) -> dict[str, Any]:
    from synopse.annotate.annotator import Annotator
    from synopse.link import resolve_entities
    from synopse.model import Article

    annotate = Annotator()
    tally = MergeTally()
    for story in stories:
        articles = [
            annotate(Article(id=a["id"], source=f"gold:{a['id']}", text=a["text"]))
            for a in story["articles"]
        ]
        labelled, total = story_labels(story, articles, resolve_entities(articles, story["story"]))
        tally.occurrences += total
        tally.found += len(labelled)
        tally_story(labelled, tally)
    return tally.result()


# --- report -----------------------------------------------------------------------------------


def measure() -> dict[str, Any]:
    """All figures: {"sentences": {...}, "stories": {...}}."""
    return {
        "sentences": run_sentences(load_sentences()),
        "stories": run_stories(read_jsonl(STORIES)),
    }


def _row(name: str, prf: dict[str, float]) -> str:
    return f"  {name:<14} P {prf['p']:.3f}  R {prf['r']:.3f}  F1 {prf['f1']:.3f}  (n={prf['n']})"


def print_figures(title: str, scores: dict[str, Any]) -> None:
    print(title)
    for key in (*TYPES, "overall", "per_org_loc", "untyped"):
        print(_row(key, scores[key]))


def main() -> None:
    results = measure()
    sentences = results["sentences"]
    for split in ("all", "dev", "holdout"):
        print_figures(f"sentences, {split}:", sentences[split])
    print("per domain (overall):")
    for domain, scores in sentences["domains"].items():
        print(_row(domain, scores["overall"]))
    speed = sentences["speed"]
    print(f"speed: {speed['tokens_per_s']} tokens/s, {speed['sentences_per_s']} sentences/s")
    stories = results["stories"]
    print(f"stories: {stories['found']}/{stories['occurrences']} gold occurrences found")
    print(f"  pairwise P {stories['pairwise_p']:.3f}  R {stories['pairwise_r']:.3f}")
    print(f"  B-cubed  P {stories['bcubed_p']:.3f}  R {stories['bcubed_r']:.3f}")
    print("  false merges:", "; ".join(stories["false_merges"]) or "none")
    print("  missed merges:", "; ".join(stories["missed_merges"]) or "none")


if __name__ == "__main__":
    main()
