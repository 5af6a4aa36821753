"""Entity recognition quality on GermEval 2014 (development split): P/R/F1 per type.

Each sentence's text is rebuilt by joining its tokens with spaces, run through `Tokenizer` and
`EntityRecognizer`, and every predicted mention is mapped to the gold tokens by character
offsets. Scoring is entity-level exact match on the OUTER level; gold `*deriv` and `*part`
labels ("deutschen", "EU-Kommission") count as non-entities because synopse does not produce
them; gold OTH is compared with MISC.

    .venv/bin/python benchmarks/quality_ner.py [path/to/germeval2014-ner-dev.tsv]
"""

from __future__ import annotations

import sys
from collections import Counter
from collections.abc import Iterator, Sequence
from dataclasses import dataclass
from pathlib import Path

from synopse.annotate.entities import EntityRecognizer
from synopse.annotate.tokens import Tokenizer

DEVDATA = Path(__file__).resolve().parents[1] / ".." / "shared" / "devdata"
DEFAULT_PATH = DEVDATA / "germeval2014-ner-dev.tsv"
TYPES = ("PER", "ORG", "LOC", "MISC")
_GOLD_TYPES = {"PER": "PER", "ORG": "ORG", "LOC": "LOC", "OTH": "MISC"}

Entity = tuple[int, int, str]  # first token, last token + 1, type


@dataclass(frozen=True, slots=True)
class GoldSentence:
    url: str
    tokens: tuple[str, ...]
    tags: tuple[str, ...]

    @property
    def is_news(self) -> bool:
        return "wikipedia.org" not in self.url


def read_germeval(path: Path) -> list[GoldSentence]:
    sentences: list[GoldSentence] = []
    url, tokens, tags = "", [], []
    for line in [*path.read_text(encoding="utf-8").splitlines(), ""]:
        if line.startswith("#\t"):
            url = line.split("\t")[1]
        elif line.strip():
            fields = line.split("\t")
            tokens.append(fields[1])
            tags.append(fields[2])
        elif tokens:
            sentences.append(GoldSentence(url, tuple(tokens), tuple(tags)))
            tokens, tags = [], []
    return sentences


def gold_entities(tags: Sequence[str]) -> set[Entity]:
    entities: set[Entity] = set()
    start, kind = -1, ""
    for i, tag in enumerate([*tags, "O"]):
        if (tag == "O" or tag.startswith("B-")) and start >= 0:
            if kind in _GOLD_TYPES:
                entities.add((start, i, _GOLD_TYPES[kind]))
            start = -1
        if tag.startswith("B-"):
            start, kind = i, tag[2:]
    return entities


def token_offsets(tokens: Sequence[str]) -> list[tuple[int, int]]:
    offsets, position = [], 0
    for token in tokens:
        offsets.append((position, position + len(token)))
        position += len(token) + 1
    return offsets


def predicted_entities(
    sentence: GoldSentence, tokenizer: Tokenizer, recognizer: EntityRecognizer
) -> set[Entity]:
    text = " ".join(sentence.tokens)
    offsets = token_offsets(sentence.tokens)
    starts = {start: i for i, (start, _) in enumerate(offsets)}
    ends = {end: i + 1 for i, (_, end) in enumerate(offsets)}
    found: set[Entity] = set()
    for mention in recognizer(text, tokenizer(text)):
        if mention.start in starts and mention.end in ends:
            found.add((starts[mention.start], ends[mention.end], str(mention.type)))
        else:  # a mention inside a gold token can never match; keep it as a false positive
            found.add((-mention.start - 1, -mention.end - 1, str(mention.type)))
    return found


def score(pairs: Iterator[tuple[set[Entity], set[Entity]]]) -> dict[str, tuple[int, int, int]]:
    counts: dict[str, Counter[str]] = {kind: Counter() for kind in (*TYPES, "ALL")}
    for gold, predicted in pairs:
        for kind in TYPES:
            g = {e for e in gold if e[2] == kind}
            p = {e for e in predicted if e[2] == kind}
            for bucket in (kind, "ALL"):
                counts[bucket].update(tp=len(g & p), fp=len(p - g), fn=len(g - p))
    return {k: (c["tp"], c["fp"], c["fn"]) for k, c in counts.items()}


def prf(tp: int, fp: int, fn: int) -> tuple[float, float, float]:
    precision = tp / (tp + fp) if tp + fp else 0.0
    recall = tp / (tp + fn) if tp + fn else 0.0
    f1 = 2 * precision * recall / (precision + recall) if precision + recall else 0.0
    return precision, recall, f1


def evaluate(path: Path) -> dict[str, dict[str, tuple[float, float, float]]]:
    """{"all" | "news": {type | "ALL": (precision, recall, f1)}}."""
    tokenizer, recognizer = Tokenizer(), EntityRecognizer()
    sentences = read_germeval(path)
    results = [
        (s, gold_entities(s.tags), predicted_entities(s, tokenizer, recognizer)) for s in sentences
    ]
    table: dict[str, dict[str, tuple[float, float, float]]] = {}
    for subset, keep in (("all", lambda s: True), ("news", lambda s: s.is_news)):
        counts = score((g, p) for s, g, p in results if keep(s))
        table[subset] = {kind: prf(*c) for kind, c in counts.items()}
    return table


def main(argv: Sequence[str]) -> None:
    path = Path(argv[1]) if len(argv) > 1 else DEFAULT_PATH
    if not path.exists():
        sys.exit(f"{path}: not found; pass the GermEval 2014 dev TSV as the first argument")
    table = evaluate(path)
    print(f"{'subset':<6} {'type':<5} {'P':>6} {'R':>6} {'F1':>6}")
    for subset, rows in table.items():
        for kind, (p, r, f) in rows.items():
            print(f"{subset:<6} {kind:<5} {p:6.3f} {r:6.3f} {f:6.3f}")


if __name__ == "__main__":
    main(sys.argv)
