"""Quote finding and speakers measured on the team-written gold set (tests/golden/quotes).

    .venv/bin/python benchmarks/quality_quotes_gold.py [dev|holdout|holdout2|holdout3|all]

A predicted quote matches a gold quote of the same kind when their character overlap is at
least half of the shorter one. Speaker accuracy is measured on matched gold quotes: the
predicted speaker name agrees with the gold name (one's surname or head word is a word of the
other, up to an inflection ending, or one is an abbreviation of the other: see
`abbreviates`; `--no-abbreviations` turns that off), and a gold "unknown" speaker wants no
name. Speaker
accuracy is also broken down by how the gold speaker is named (name, role, pronoun,
institution, unknown). Mentions come from synopse's own entity recogniser.
"""

from __future__ import annotations

import argparse
import json
import sys
from collections.abc import Sequence
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from synopse.annotate.entities import EntityRecognizer
from synopse.annotate.quotes import QuoteFinder
from synopse.annotate.tokens import Tokenizer
from synopse.model import Quote

GOLD = Path(__file__).resolve().parents[1] / "tests" / "golden" / "quotes"
KINDS = ("direct", "indirect", "reported")
SPEAKER_KINDS = ("name", "role", "pronoun", "institution", "unknown")
SPLITS = ("dev", "holdout", "holdout2", "holdout3")


@dataclass
class Tally:
    predicted: int = 0
    predicted_matched: int = 0
    gold: int = 0
    gold_matched: int = 0
    speaker_right: int = 0

    @property
    def precision(self) -> float:
        return self.predicted_matched / self.predicted if self.predicted else 0.0

    @property
    def recall(self) -> float:
        return self.gold_matched / self.gold if self.gold else 0.0

    @property
    def f1(self) -> float:
        p, r = self.precision, self.recall
        return 2 * p * r / (p + r) if p + r else 0.0

    @property
    def speaker(self) -> float:
        return self.speaker_right / self.gold_matched if self.gold_matched else 0.0


@dataclass
class Scores:
    kinds: dict[str, Tally] = field(default_factory=lambda: {k: Tally() for k in (*KINDS, "any")})
    speakers: dict[str, Tally] = field(default_factory=lambda: {k: Tally() for k in SPEAKER_KINDS})


def load(split: str) -> list[dict[str, Any]]:
    names = SPLITS if split == "all" else (split,)
    articles = []
    for name in names:
        path = GOLD / f"{name}.jsonl"
        lines = path.read_text(encoding="utf-8").splitlines()
        articles += [json.loads(line) for line in lines if line.strip()]
    return articles


def matches(quote: Quote, gold: dict[str, Any], *, any_kind: bool = False) -> bool:
    if not any_kind and quote.kind.value != gold["kind"]:
        return False
    overlap = min(quote.end, gold["end"]) - max(quote.start, gold["start"])
    shorter = min(quote.end - quote.start, gold["end"] - gold["start"])
    return bool(shorter > 0 and overlap * 2 >= shorter)


def _words(name: str) -> list[str]:
    words = [w.strip(".,").lower() for w in name.replace("-", " ").split()]
    return [w[:-1] if w.endswith("s") and len(w) > 4 else w for w in words if len(w) > 2]


def _same_word(a: str, b: str) -> bool:
    shorter, longer = sorted((a, b), key=len)
    return longer.startswith(shorter) and len(longer) - len(shorter) <= 2


ARTICLES = frozenset({"der", "die", "das", "des", "dem", "den"})


def abbreviates(short: str, name: str) -> bool:
    """One word of two to eight letters, two of them capitals, that abbreviates the name: its
    letters are the initials of all the name's words ("LfU" - "Landesamt für Umwelt"), or its
    capitals are the initials of the name's capitalised words ("KVB" - "Kassenärztliche
    Vereinigung Bayerns"); words split at spaces and hyphens ("RKI" - "Robert-Koch-Institut"),
    a leading article ignored. A general rule of the benchmark, not of one split: a speaker
    named by the abbreviation its text introduces is the same institution."""
    parts = short.split()
    if len(parts) == 2 and parts[0].lower() in ARTICLES:
        parts = parts[1:]  # "die WHO"
    short = parts[0] if len(parts) == 1 else ""
    if not (2 <= len(short) <= 8 and short.isalpha() and sum(c.isupper() for c in short) >= 2):
        return False
    words = [w for w in name.replace("-", " ").split() if w.strip('.,„“"')]
    while words and words[0].lower() in ARTICLES:
        words = words[1:]
    if len(words) < 2:
        return False
    initials = "".join(w[0] for w in words).lower()
    capitals = "".join(w[0] for w in words if w[0].isupper()).lower()
    return short.lower() == initials or "".join(c for c in short if c.isupper()).lower() == capitals


def same_speaker(predicted: str | None, gold: str | None, *, abbreviations: bool = True) -> bool:
    if gold is None or predicted is None:
        return gold is None and predicted is None
    if abbreviations and (abbreviates(predicted, gold) or abbreviates(gold, predicted)):
        return True
    mine, theirs = _words(predicted), _words(gold)
    if not mine or not theirs:
        return False
    return any(_same_word(mine[-1], w) for w in theirs) or any(
        _same_word(theirs[-1], w) for w in mine
    )


def score(
    scores: Scores,
    predicted: Sequence[Quote],
    golds: Sequence[dict[str, Any]],
    *,
    abbreviations: bool = True,
) -> None:
    for kind in (*KINDS, "any"):
        tally = scores.kinds[kind]
        relax = kind == "any"
        mine = [q for q in predicted if relax or q.kind.value == kind]
        theirs = [g for g in golds if relax or g["kind"] == kind]
        tally.predicted += len(mine)
        tally.gold += len(theirs)
        tally.predicted_matched += sum(
            any(matches(q, g, any_kind=relax) for g in theirs) for q in mine
        )
        for gold in theirs:
            hits = [q for q in mine if matches(q, gold, any_kind=relax)]
            right = bool(hits) and same_speaker(
                hits[0].speaker_name, gold["speaker"], abbreviations=abbreviations
            )
            tally.gold_matched += bool(hits)
            tally.speaker_right += right
            if relax:
                by_kind = scores.speakers[gold["speaker_kind"]]
                by_kind.gold += 1
                by_kind.gold_matched += bool(hits)
                by_kind.speaker_right += right


def measure(
    articles: Sequence[dict[str, Any]],
    *,
    verbose: bool = False,
    abbreviations: bool = True,
    only: str | None = None,
) -> Scores:
    tokenizer, recognizer, finder = Tokenizer(), EntityRecognizer(), QuoteFinder()
    scores = Scores()
    for article in articles:
        text = article["text"]
        sentences = tokenizer(text)
        predicted = finder(text, sentences, recognizer(text, sentences))
        score(scores, predicted, article["quotes"], abbreviations=abbreviations)
        if verbose:
            explain(article, predicted, abbreviations=abbreviations, only=only)
    return scores


def explain(
    article: dict[str, Any],
    predicted: Sequence[Quote],
    *,
    abbreviations: bool = True,
    only: str | None = None,
) -> None:
    """Misses, false alarms and wrong speakers, for error analysis (--verbose); with `only`,
    the misses and wrong speakers of that speaker kind ("institution")."""
    for gold in article["quotes"]:
        if only is not None and gold["speaker_kind"] != only:
            continue
        hits = [q for q in predicted if matches(q, gold)]
        if not hits:
            print(f"MISS {article['id']} {gold['kind']}: {gold['text'][:70]}", file=sys.stderr)
        elif not same_speaker(hits[0].speaker_name, gold["speaker"], abbreviations=abbreviations):
            print(
                f"SPKR {article['id']} {gold['speaker_kind']} gold={gold['speaker']} "
                f"got={hits[0].speaker_name} ({hits[0].speaker.text if hits[0].speaker else None})",
                file=sys.stderr,
            )
    for quote in predicted if only is None else ():
        if not any(matches(quote, g) for g in article["quotes"]):
            print(f"FALSE {article['id']} {quote.kind.value}: {quote.text[:70]}", file=sys.stderr)


def report(name: str, scores: Scores) -> None:
    print(f"\n{name}")
    print(f"{'kind':<12}{'gold':>6}{'pred':>6}{'P':>8}{'R':>8}{'F1':>8}{'speaker':>10}")
    for kind, t in scores.kinds.items():
        print(
            f"{kind:<12}{t.gold:>6}{t.predicted:>6}{t.precision:>8.3f}{t.recall:>8.3f}"
            f"{t.f1:>8.3f}{t.speaker:>10.3f}"
        )
    print(f"\n{'speaker kind':<14}{'gold':>6}{'found':>7}{'speaker':>10}")
    for kind, t in scores.speakers.items():
        print(f"{kind:<14}{t.gold:>6}{t.gold_matched:>7}{t.speaker:>10.3f}")


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("split", nargs="?", default="dev", choices=(*SPLITS, "all"))
    parser.add_argument("--verbose", action="store_true", help="list misses on stderr")
    parser.add_argument(
        "--no-abbreviations",
        action="store_true",
        help="do not count an abbreviation of the gold name (or the reverse) as the same speaker",
    )
    parser.add_argument(
        "--institutions", action="store_true", help="with --verbose: only institution speakers"
    )
    args = parser.parse_args()
    articles = load(args.split)
    count = sum(len(a["quotes"]) for a in articles)
    scores = measure(
        articles,
        verbose=args.verbose,
        abbreviations=not args.no_abbreviations,
        only="institution" if args.institutions else None,
    )
    report(f"gold {args.split}: {len(articles)} articles, {count} quotes", scores)


if __name__ == "__main__":
    main()
