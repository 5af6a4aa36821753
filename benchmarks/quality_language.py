"""Accuracy, speed and memory of `synopse.clean.language.detect_language` on the devdata.

Labels: wikinews articles and GermEval sentences are German (gold); plain pages get a WEAK label
from their host's top-level domain (.de/.fr/.es/.it/.nl/.pl -> de/fr/es/it/nl/pl) — many .de
pages carry English menus and some are English outright, so that column is a rough guide only.
"long" = a whole article or page, "short" = single lines/sentences of 20-80 characters.
"und" counts as wrong in `acc`; `answered` is the share not "und", `prec` the accuracy on those.

Each accuracy mode (lingua's full n-gram models vs its low-accuracy trigram mode) runs in its
own process so that peak memory (VmHWM) belongs to that mode alone:

    .venv/bin/python benchmarks/quality_language.py            # both modes
    .venv/bin/python benchmarks/quality_language.py --mode low # one mode, this process
"""

from __future__ import annotations

import argparse
import json
import re
import subprocess
import sys
import time
from collections.abc import Iterator
from pathlib import Path
from urllib.parse import urlparse

from synopse.clean import language

DEVDATA = Path(__file__).resolve().parents[1] / ".." / "shared" / "devdata"
TLD_LABELS = {"de": "de", "fr": "fr", "es": "es", "it": "it", "nl": "nl", "pl": "pl"}
SHORT = (20, 80)
THRESHOLDS = (0.0, 0.3, 0.5, 0.7, 0.9)
Sample = tuple[str, str]  # (text, label)


def wikinews() -> Iterator[dict[str, str]]:
    for name in ("train.jsonl", "dev.jsonl"):
        with (DEVDATA / "wikinews-quotes" / name).open(encoding="utf-8") as lines:
            yield from (json.loads(line) for line in lines)


def germeval_sentences() -> list[str]:
    sentences, tokens = [], []
    for line in (DEVDATA / "germeval2014-ner-dev.tsv").read_text(encoding="utf-8").splitlines():
        if line.startswith("#"):
            continue
        if not line.strip():
            if tokens:
                sentences.append(" ".join(tokens))
            tokens = []
            continue
        tokens.append(line.split("\t")[1])
    return sentences


def plain_pages() -> list[Sample]:
    index = json.loads((DEVDATA / "plain-pages" / "index.json").read_text(encoding="utf-8"))
    pages = []
    for name, entry in sorted(index.items()):
        tld = (urlparse(entry["url"]).hostname or "").rsplit(".", 1)[-1]
        if tld in TLD_LABELS:
            text = (DEVDATA / "plain-pages" / name).read_text(encoding="utf-8", errors="replace")
            pages.append((text, TLD_LABELS[tld]))
    return pages


def short_lines(samples: list[Sample], limit: int) -> list[Sample]:
    lines = [
        (line.strip(), label)
        for text, label in samples
        for line in re.split(r"\n|(?<=[.!?])\s+", text)
        if SHORT[0] <= len(line.strip()) <= SHORT[1]
    ]
    return lines[:: max(1, len(lines) // limit)][:limit]


def datasets() -> dict[str, list[Sample]]:
    articles = [(a["text"], "de") for a in wikinews()]
    sentences = [(s, "de") for s in germeval_sentences()]
    pages = plain_pages()
    return {
        "wikinews long (gold de)": articles,
        "wikinews short lines (gold de)": short_lines(articles, 3000),
        "germeval sentences, all (gold de)": sentences,
        "germeval short 20-80 (gold de)": [
            s for s in sentences if SHORT[0] <= len(s[0]) <= SHORT[1]
        ],
        "plain pages long (weak TLD label)": pages,
        "plain pages short lines (weak TLD)": short_lines(pages, 3000),
    }


def score(name: str, samples: list[Sample]) -> None:
    start = time.perf_counter()
    predicted = [language.detect_language(text) for text, _ in samples]
    seconds = time.perf_counter() - start
    right = sum(p == label for p, (_, label) in zip(predicted, samples, strict=True))
    answered = sum(p != language.UNDETERMINED for p in predicted)
    print(
        f"{name:38} n={len(samples):5}  acc={right / len(samples):.3f}  "
        f"answered={answered / len(samples):.3f}  prec={right / max(answered, 1):.3f}  "
        f"{len(samples) / seconds:8.0f} texts/s"
    )


def threshold_sweep(name: str, samples: list[Sample]) -> None:
    scores = language.line_language_scores([text for text, _ in samples])
    cells = []
    for threshold in THRESHOLDS:
        best = [max(s.items(), key=lambda item: item[1]) if s else ("", 0.0) for s in scores]
        kept = [
            (code, (_, label))
            for (code, value), (_, label) in zip(best, samples, strict=True)
            if value >= threshold and value > 0
        ]
        right = sum(code == label for code, (_, label) in kept)
        cells.append(
            f">={threshold:.1f}: acc {right / len(samples):.3f} ans {len(kept) / len(samples):.3f}"
        )
    print(f"  sweep {name:32} " + " | ".join(cells))


def peak_memory_mb() -> float:
    for line in Path("/proc/self/status").read_text().splitlines():
        if line.startswith("VmHWM:"):
            return int(line.split()[1]) / 1024
    return float("nan")


def run_mode(mode: str) -> None:
    language.LOW_ACCURACY = mode == "low"
    start = time.perf_counter()
    language.detect_language("Ein erster Satz, damit die Modelle geladen werden.")
    print(f"mode={mode}: first detection incl. model load {time.perf_counter() - start:.2f} s")
    data = datasets()
    for name, samples in data.items():
        score(name, samples)
    for name in ("wikinews short lines (gold de)", "germeval short 20-80 (gold de)"):
        threshold_sweep(name, data[name])
    print(f"mode={mode}: peak RSS (VmHWM) {peak_memory_mb():.0f} MB (incl. Python + synopse)")


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--mode", choices=("high", "low"))
    args = parser.parse_args()
    if not DEVDATA.is_dir():
        sys.exit(f"{DEVDATA} is not present")
    if args.mode:
        run_mode(args.mode)
        return
    for mode in ("low", "high"):
        subprocess.run([sys.executable, __file__, "--mode", mode], check=True)
        print()


if __name__ == "__main__":
    main()
