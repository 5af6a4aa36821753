"""Quality of `synopse.clean` on browser-copied web pages (devdata/plain-pages).

Scoring as in the trafilatura evaluation: collapse whitespace; a `with` segment found in the
output (title + body) is a true positive, a missing one a false negative; a `without` segment
found is a false positive. A page counts as German when its host ends in .de/.at/.ch or when
German function words make up at least 8 % of its words and outnumber English ones.

`--half a` scores only the even-numbered pages (0000.txt, 0002.txt, ...), `--half b` the odd
ones: tune rules on half a, and keep a change only if half b does not get worse. Without
`--half`, the figures of both halves are printed under the whole.

    .venv/bin/python benchmarks/quality_clean.py [--errors N] [--german-only] [--half {a,b}]
"""

from __future__ import annotations

import argparse
import json
import re
import sys
from pathlib import Path
from urllib.parse import urlparse

from synopse.clean import clean_text
from synopse.scoring import Counts

PAGES = Path(__file__).resolve().parents[1] / ".." / "shared" / "devdata" / "plain-pages"
GERMAN_TLDS = frozenset({"de", "at", "ch"})
GERMAN_MARKERS = frozenset(
    [
        "der",
        "die",
        "das",
        "und",
        "ist",
        "nicht",
        "mit",
        "sich",
        "auch",
        "auf",
        "für",
        "von",
        "zu",
        "den",
        "dem",
        "ein",
        "eine",
        "wird",
        "sind",
    ]
)
ENGLISH_MARKERS = frozenset(
    [
        "the",
        "and",
        "is",
        "not",
        "with",
        "of",
        "to",
        "for",
        "that",
        "this",
        "are",
        "was",
        "on",
        "in",
        "be",
        "by",
        "it",
        "as",
    ]
)


def collapse(text: str) -> str:
    return re.sub(r"\s+", " ", text).strip()


def is_german(url: str, raw: str) -> bool:
    host = urlparse(url).netloc.split(":")[0]
    if host.rsplit(".", 1)[-1] in GERMAN_TLDS:
        return True
    words = re.findall(r"\w+", raw.lower())
    german = sum(word in GERMAN_MARKERS for word in words)
    english = sum(word in ENGLISH_MARKERS for word in words)
    return german >= 0.08 * max(1, len(words)) and german > english


def score_page(output: str, entry: dict[str, list[str]]) -> tuple[Counts, list[str]]:
    counts, misses = Counts(), []
    for segment in entry["with"]:
        if collapse(segment) in output:
            counts.tp += 1
        else:
            counts.fn += 1
            misses.append(f"  FN {segment!r}")
    for segment in entry["without"]:
        if collapse(segment) in output:
            counts.fp += 1
            misses.append(f"  FP {segment!r}")
        else:
            counts.tn += 1
    return counts, misses


def half_of(name: str) -> str:
    """'a' for an even page number (0000.txt), 'b' for an odd one (0001.txt)."""
    return "a" if int(Path(name).stem) % 2 == 0 else "b"


def measure(
    pages: Path, german_only: bool = False, errors: int = 0, half: str | None = None
) -> dict[str, Counts]:
    """Counts over every page and over the German ones, also per half ("all a", "german b")
    unless `half` restricts the pages to one; prints the misses of `errors` pages."""
    index = json.loads((pages / "index.json").read_text(encoding="utf-8"))
    totals = {"all": Counts(), "german": Counts()}
    if half is None:
        totals.update({f"{group} {h}": Counts() for group in ("all", "german") for h in "ab"})
    shown = 0
    for name, entry in sorted(index.items()):
        if half is not None and half_of(name) != half:
            continue
        raw = (pages / name).read_text(encoding="utf-8")
        german = is_german(entry["url"], raw)
        if german_only and not german:
            continue
        cleaned = clean_text(raw)
        counts, misses = score_page(collapse(cleaned.title + "\n" + cleaned.body), entry)
        groups = ["all", "german"] if german else ["all"]
        for group in groups:
            totals[group].add(counts)
            if half is None:
                totals[f"{group} {half_of(name)}"].add(counts)
        if misses and shown < errors:
            shown += 1
            print(f"{name} {entry['url']}\n" + "\n".join(misses))
    return totals


def main() -> int:
    parser = argparse.ArgumentParser(description=(__doc__ or "").splitlines()[0])
    parser.add_argument("--errors", type=int, default=0, help="print misses of N pages")
    parser.add_argument("--german-only", action="store_true")
    parser.add_argument("--half", choices=("a", "b"), help="a: even page numbers, b: odd")
    args = parser.parse_args()
    if not (PAGES / "index.json").is_file():
        print(f"no devdata at {PAGES}; nothing measured")
        return 1
    totals = measure(PAGES, args.german_only, args.errors, args.half)
    for label, counts in totals.items():
        precision, recall, f1 = counts.figures()
        pages = counts.tp + counts.fn + counts.fp + counts.tn
        print(
            f"{label:8s} P={precision:.3f} R={recall:.3f} F1={f1:.3f} "
            f"tp={counts.tp} fn={counts.fn} fp={counts.fp} segments={pages}"
        )
    return 0


if __name__ == "__main__":
    sys.exit(main())
