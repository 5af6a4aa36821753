"""Entity recognition quality on GermEval 2014 (development split): P/R/F1 per type.

Each sentence's text is rebuilt by joining its tokens with spaces, run through `Tokenizer` and
`EntityRecognizer`, and every predicted mention is mapped to the gold tokens by character
offsets. Scoring is entity-level exact match on the OUTER level; gold `*deriv` and `*part`
labels ("deutschen", "EU-Kommission") count as non-entities because synopse does not produce
them; gold OTH is compared with MISC.

Subsets: "wiki" = sentences whose source URL is Wikipedia (the tuning part), "news" = all others
(the check: held-back GermEval news sentences are of this kind), "all" = both.

"Lenient" scoring (`--lenient`) also leaves out every prediction whose span is exactly a gold
`*deriv`/`*part` span ("EU-Kommission" predicted ORG where gold says ORGpart): strict scoring
counts it as a false positive although synopse has no such class; both are reported.

`--errors` prints every false negative and false positive of the chosen subset with its bucket
(see `error_bucket`) and a count table per type and bucket.

    .venv/bin/python benchmarks/quality_ner.py [--subset news|wiki|all] [--lenient] [--errors]
        [path/to/germeval2014-ner-dev.tsv]
"""

from __future__ import annotations

import argparse
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

    @property
    def subset(self) -> str:
        return "news" if self.is_news else "wiki"


SUBSETS = ("all", "news", "wiki")


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
    return {
        (start, end, _GOLD_TYPES[kind])
        for start, end, kind in _gold_spans(tags)
        if kind in _GOLD_TYPES
    }


def derived_spans(tags: Sequence[str]) -> set[tuple[int, int]]:
    """Token spans gold marks `*deriv` or `*part` ("deutschen", "EU-Kommission")."""
    return {(start, end) for start, end, kind in _gold_spans(tags) if kind not in _GOLD_TYPES}


def _gold_spans(tags: Sequence[str]) -> list[tuple[int, int, str]]:
    spans: list[tuple[int, int, str]] = []
    start, kind = -1, ""
    for i, tag in enumerate([*tags, "O"]):
        if (tag == "O" or tag.startswith("B-")) and start >= 0:
            spans.append((start, i, kind))
            start = -1
        if tag.startswith("B-"):
            start, kind = i, tag[2:]
    return spans


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


Result = tuple[GoldSentence, set[Entity], set[Entity]]


def run(path: Path, *, lenient: bool = False) -> list[Result]:
    """Every sentence with its gold and predicted entities."""
    tokenizer, recognizer = Tokenizer(), EntityRecognizer()
    results = []
    for sentence in read_germeval(path):
        predicted = predicted_entities(sentence, tokenizer, recognizer)
        if lenient:
            derived = derived_spans(sentence.tags)
            predicted = {e for e in predicted if (e[0], e[1]) not in derived}
        results.append((sentence, gold_entities(sentence.tags), predicted))
    return results


def evaluate(
    path: Path, *, lenient: bool = False
) -> dict[str, dict[str, tuple[float, float, float]]]:
    """{"all" | "news" | "wiki": {type | "ALL": (precision, recall, f1)}}."""
    return table_of(run(path, lenient=lenient))


def table_of(results: Sequence[Result]) -> dict[str, dict[str, tuple[float, float, float]]]:
    table: dict[str, dict[str, tuple[float, float, float]]] = {}
    for subset in SUBSETS:
        counts = score((g, p) for s, g, p in results if subset in ("all", s.subset))
        table[subset] = {kind: prf(*c) for kind, c in counts.items()}
    return table


def main(argv: Sequence[str]) -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("path", nargs="?", type=Path, default=DEFAULT_PATH)
    parser.add_argument("--subset", choices=SUBSETS, default=None)
    parser.add_argument("--lenient", action="store_true")
    parser.add_argument("--errors", action="store_true")
    args = parser.parse_args(argv[1:])
    if not args.path.exists():
        sys.exit(f"{args.path}: not found; pass the GermEval 2014 dev TSV as the first argument")
    results = run(args.path, lenient=args.lenient)
    subsets = [args.subset] if args.subset else list(SUBSETS)
    print(f"{'subset':<6} {'type':<5} {'P':>6} {'R':>6} {'F1':>6}")
    for subset, rows in table_of(results).items():
        for kind, (p, r, f) in rows.items():
            if subset in subsets:
                print(f"{subset:<6} {kind:<5} {p:6.3f} {r:6.3f} {f:6.3f}")
    if args.errors:
        from ner_errors import print_errors

        print_errors([r for r in results if args.subset in (None, "all", r[0].subset)])


if __name__ == "__main__":
    main(sys.argv)
