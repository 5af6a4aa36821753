"""Quality of ingest + clean on the team's own gold set (tests/golden/ingest).

Each gold case is a page as a newsroom user would feed it (`<case>.txt`, browser-copied, or
`<case>.html`) next to `<case>.expected.json`: language, title, the lines that must be kept
(article paragraphs, subheadings, list items) and the lines that must go (furniture), plus the
kind of each line, so misses can be counted by pattern.

Scoring as in devdata/README (the trafilatura evaluation): collapse whitespace; a `keep` line
found in the output (title + body) is a true positive, a missing one a false negative; a `drop`
line found is a false positive. synopse is read through its public path,
`read_articles([path], Settings())`; for HTML, trafilatura alone is scored as the baseline.

    .venv/bin/python benchmarks/quality_ingest.py [--misses N] [--cases] [--check]
"""

from __future__ import annotations

import argparse
import json
import re
import sys
from collections import Counter
from collections.abc import Iterable
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import lxml.html
import trafilatura

from synopse.config import Settings
from synopse.model import Article, ErrorRecord
from synopse.pipeline import read_articles
from synopse.scoring import Counts

GOLD = Path(__file__).resolve().parents[1] / "tests" / "golden" / "ingest"
FORMATS = ("txt", "html")
LANGUAGES = frozenset({"de", "en", "fr", "es", "it", "nl", "pl"})
SYNOPSE = "synopse"
BASELINES = {"trafilatura": False, "trafilatura-precision": True}  # name -> favor_precision
# Elements that start a new visible line in a browser; text in HIDDEN elements is never shown.
BLOCK_TAGS = frozenset(
    [
        "address",
        "article",
        "aside",
        "blockquote",
        "br",
        "button",
        "dd",
        "details",
        "div",
        "dl",
        "dt",
        "fieldset",
        "figcaption",
        "figure",
        "footer",
        "form",
        "h1",
        "h2",
        "h3",
        "h4",
        "h5",
        "h6",
        "header",
        "hr",
        "label",
        "li",
        "main",
        "nav",
        "ol",
        "p",
        "pre",
        "section",
        "summary",
        "table",
        "td",
        "th",
        "tr",
        "ul",
    ]
)
HIDDEN_TAGS = frozenset({"head", "script", "style", "noscript", "template", "title", "textarea"})
MARKUP = re.compile(r"<(html|body|div|p|head)\b|</(p|div|html)>", re.IGNORECASE)


def collapse(text: str) -> str:
    return re.sub(r"\s+", " ", text).strip()


@dataclass(frozen=True)
class GoldCase:
    name: str
    path: Path
    format: str
    language: str
    title: str
    keep: tuple[str, ...]
    drop: tuple[str, ...]
    kinds: dict[str, str] = field(default_factory=dict)


def load_cases(gold: Path = GOLD) -> list[GoldCase]:
    """Every gold page with its expectations, txt and html alike, sorted by name."""
    cases = []
    for expected in sorted(gold.glob("*.expected.json")):
        name = expected.name.removesuffix(".expected.json")
        pages = [gold / f"{name}.{fmt}" for fmt in FORMATS if (gold / f"{name}.{fmt}").is_file()]
        if len(pages) != 1:
            raise ValueError(f"{expected}: expected exactly one {name}.txt or {name}.html")
        data = json.loads(expected.read_text(encoding="utf-8"))
        cases.append(
            GoldCase(
                name,
                pages[0],
                pages[0].suffix.lstrip("."),
                data["language"],
                data["title"],
                tuple(data["keep"]),
                tuple(data["drop"]),
                data.get("kinds", {}),
            )
        )
    return cases


# ---------------------------------------------------------------- the checker


def visible_lines(case: GoldCase) -> list[str]:
    """The page's visible text, one collapsed block per line, as a browser would show it."""
    raw = case.path.read_text(encoding="utf-8")
    if case.format == "txt":
        lines: Iterable[str] = raw.splitlines()
    else:
        pieces: list[str] = []
        _collect_text(lxml.html.document_fromstring(raw), pieces)
        lines = "".join(pieces).split("\n")
    return [line for line in (collapse(text) for text in lines) if line]


def _collect_text(element: Any, pieces: list[str]) -> None:
    tag = element.tag if isinstance(element.tag, str) else None  # comments have no str tag
    if tag is not None and tag not in HIDDEN_TAGS:
        block = tag in BLOCK_TAGS
        pieces.append("\n" if block else "")
        pieces.append(element.text or "")
        for child in element:
            _collect_text(child, pieces)
        pieces.append("\n" if block else "")
    pieces.append(element.tail or "")


def check_case(case: GoldCase) -> list[str]:
    """Problems with a case's expectations: entries not on the page, or that score ambiguously."""
    lines = visible_lines(case)
    problems = [f"language {case.language!r} unknown"] if case.language not in LANGUAGES else []
    if not any(collapse(case.title) in line for line in lines):
        problems.append(f"title not on the page: {case.title!r}")
    for label, entries in (("keep", case.keep), ("drop", case.drop)):
        for entry in entries:
            if not any(collapse(entry) in line for line in lines):
                problems.append(f"{label} entry is not within one visible line: {entry!r}")
        if duplicates := [e for e, n in Counter(entries).items() if n > 1]:
            problems.append(f"{label} entries repeated: {duplicates}")
    problems += _overlaps(case)
    problems += [
        f"drop entry {entry!r} also occurs inside another line, so it would score ambiguously"
        for entry in case.drop
        if _inside_other_lines(collapse(entry), lines)
    ]
    problems += [
        f"kind given for an unknown entry: {e!r}"
        for e in case.kinds
        if e not in {*case.keep, *case.drop}
    ]
    return problems


def _overlaps(case: GoldCase) -> list[str]:
    """A drop entry inside a kept line (or the reverse) would be counted whatever the cleaner
    does, so it must not be in the gold set."""
    kept = [collapse(e) for e in (*case.keep, case.title)]
    dropped = [collapse(e) for e in case.drop]
    return [
        f"drop entry {d!r} occurs in kept text" for d in dropped if any(d in k for k in kept)
    ] + [
        f"keep entry {k!r} occurs in a drop entry"
        for k in kept[:-1]
        if any(k in d for d in dropped)
    ]


def _inside_other_lines(entry: str, lines: list[str]) -> bool:
    """Whether the entry is on several lines, one of them longer: kept text of that longer line
    would count as the entry's false positive. (HTML share bars put several entries on one line.)"""
    holding = [line for line in lines if entry in line]
    return len(holding) > 1 and any(line != entry for line in holding)


def check_gold(gold: Path = GOLD) -> list[str]:
    return [f"{case.name}: {problem}" for case in load_cases(gold) for problem in check_case(case)]


# ---------------------------------------------------------------- scoring


@dataclass(frozen=True)
class Miss:
    system: str
    format: str
    case: str
    verdict: str  # "FN": a keep line missing; "FP": a drop line present
    kind: str
    text: str


@dataclass
class Measurement:
    counts: dict[tuple[str, str, str], Counts] = field(default_factory=dict)  # system, fmt, lang
    titles: Counter[tuple[str, bool]] = field(default_factory=Counter)  # (format, correct)
    languages: Counter[tuple[str, bool]] = field(default_factory=Counter)
    misses: list[Miss] = field(default_factory=list)
    per_case: dict[tuple[str, str], Counts] = field(default_factory=dict)  # (system, case)
    html_problem: str | None = None  # why synopse's HTML figures are missing

    def add(self, system: str, case: GoldCase, counts: Counts) -> None:
        for language in ("all", case.language):
            self.counts.setdefault((system, case.format, language), Counts()).add(counts)
        self.per_case[(system, case.name)] = counts


def score(case: GoldCase, output: str, system: str) -> tuple[Counts, list[Miss]]:
    counts, misses = Counts(), []
    found = collapse(output)
    for entry in case.keep:
        if collapse(entry) in found:
            counts.tp += 1
        else:
            counts.fn += 1
            misses.append(_miss(system, case, "FN", entry))
    for entry in case.drop:
        if collapse(entry) in found:
            counts.fp += 1
            misses.append(_miss(system, case, "FP", entry))
        else:
            counts.tn += 1
    return counts, misses


def _miss(system: str, case: GoldCase, verdict: str, entry: str) -> Miss:
    return Miss(system, case.format, case.name, verdict, case.kinds.get(entry, "?"), entry)


def read_with_synopse(path: Path) -> Article | ErrorRecord:
    items = list(read_articles([str(path)], Settings()))
    if len(items) != 1:
        return ErrorRecord(str(path), f"expected one article, got {len(items)} items")
    return items[0]


def html_problem(cases: list[GoldCase]) -> str | None:
    """Why synopse cannot read the gold HTML yet (None when it can): the probe page must not
    come back with its markup as text, nor raise."""
    probe = next((case for case in cases if case.format == "html"), None)
    if probe is None:
        return "no HTML gold cases"
    try:
        item = read_with_synopse(probe.path)
    except Exception as exc:  # a half-wired reader must not stop the txt figures
        return f"reading {probe.path.name} raised {type(exc).__name__}: {exc}"
    if isinstance(item, ErrorRecord):  # read as HTML but failed: scored as a miss, not skipped
        return None
    if MARKUP.search(item.title + "\n" + item.text):
        return "read_articles returns the page's markup as plain text"
    return None


def measure(gold: Path = GOLD) -> Measurement:
    """Counts per system, format and language, title and language accuracy, and every miss."""
    cases = load_cases(gold)
    result = Measurement(html_problem=html_problem(cases))
    for case in cases:
        if case.format == "txt" or result.html_problem is None:
            _measure_synopse(case, result)
        if case.format == "html":
            _measure_baselines(case, result)
    return result


def _measure_synopse(case: GoldCase, result: Measurement) -> None:
    item = read_with_synopse(case.path)
    if isinstance(item, ErrorRecord):
        output, title, language = "", "", "?"
    else:
        output, title, language = item.title + "\n" + item.text, item.title, item.language
    counts, misses = score(case, output, SYNOPSE)
    result.add(SYNOPSE, case, counts)
    result.misses += misses
    result.titles[(case.format, collapse(title) == collapse(case.title))] += 1
    result.languages[(case.format, language == case.language)] += 1


def _measure_baselines(case: GoldCase, result: Measurement) -> None:
    html = case.path.read_text(encoding="utf-8")
    for name, precision in BASELINES.items():
        output = trafilatura.extract(html, include_comments=False, favor_precision=precision)
        counts, misses = score(case, output or "", name)
        result.add(name, case, counts)
        result.misses += misses


# ---------------------------------------------------------------- report


def figures_line(label: str, counts: Counts) -> str:
    precision, recall, f1 = counts.figures()
    return (
        f"{label:34s} P={precision:.3f} R={recall:.3f} F1={f1:.3f} "
        f"tp={counts.tp} fn={counts.fn} fp={counts.fp} tn={counts.tn}"
    )


def print_figures(result: Measurement) -> None:
    for (system, fmt, language), counts in sorted(result.counts.items()):
        print(figures_line(f"{system} {fmt} {language}", counts))
    if result.html_problem:
        print(f"synopse html: html not supported yet ({result.html_problem})")
    for label, counter in (
        ("title accuracy", result.titles),
        ("language accuracy", result.languages),
    ):
        for fmt in FORMATS:
            right, total = counter[(fmt, True)], counter[(fmt, True)] + counter[(fmt, False)]
            if total:
                print(f"{label} {fmt}: {right}/{total} = {right / total:.3f}")


def print_patterns(result: Measurement, system: str = SYNOPSE, top: int = 10) -> None:
    """The most common misses of one system, by format, verdict and kind of line."""
    patterns = Counter((m.format, m.verdict, m.kind) for m in result.misses if m.system == system)
    examples = {(m.format, m.verdict, m.kind): m for m in reversed(result.misses)}
    print(f"most common misses of {system} (format, verdict, kind of line: count, example):")
    for key, count in patterns.most_common(top):
        example = examples[key]
        print(f"  {' '.join(key):38s} {count:3d}  {example.case}: {example.text[:70]!r}")


def print_cases(result: Measurement) -> None:
    for (system, case), counts in sorted(result.per_case.items()):
        print(figures_line(f"{system} {case}", counts))


def print_misses(result: Measurement, cases: int) -> None:
    shown: list[str] = []
    for miss in result.misses:
        if miss.system != SYNOPSE or (miss.case not in shown and len(shown) >= cases):
            continue
        if miss.case not in shown:
            shown.append(miss.case)
            print(miss.case)
        print(f"  {miss.verdict} [{miss.kind}] {miss.text!r}")


def main() -> int:
    parser = argparse.ArgumentParser(description=(__doc__ or "").splitlines()[0])
    parser.add_argument("--misses", type=int, default=0, help="print synopse's misses of N cases")
    parser.add_argument("--cases", action="store_true", help="print figures per case")
    parser.add_argument("--check", action="store_true", help="only validate the gold set")
    args = parser.parse_args()
    if problems := check_gold():
        print("gold set problems:\n" + "\n".join(problems))
        return 1
    if args.check:
        print(f"gold set ok: {len(load_cases())} cases")
        return 0
    result = measure()
    print_figures(result)
    print_patterns(result)
    if args.cases:
        print_cases(result)
    print_misses(result, args.misses)
    return 0


if __name__ == "__main__":
    sys.exit(main())
