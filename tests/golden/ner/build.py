"""Regenerate sentences.jsonl from the marked-up sources in source/<domain>.txt.

The sources are what annotators edit: one sentence per line, every entity written as
`{surface|T}` with T one of P, O, L, M (PER, ORG, LOC, MISC); `#` lines are comments. This
script strips the markup, computes character offsets and assigns the split: 7 of every 20
sentences (35 %) are "holdout" and must never be used for tuning.

    .venv/bin/python tests/golden/ner/build.py
"""

from __future__ import annotations

import json
import re
from pathlib import Path

HERE = Path(__file__).resolve().parent
SOURCES = HERE / "source"
SENTENCES = HERE / "sentences.jsonl"
DOMAINS = ("politik", "wirtschaft", "sport", "lokales", "kultur", "wissenschaft")
TYPE_CODES = {"P": "PER", "O": "ORG", "L": "LOC", "M": "MISC"}
_MARK = re.compile(r"\{([^{}|]+)\|([POLM])\}")
# Positions (index mod 20) that go to the holdout: spread evenly, 7 of 20 = 35 %.
_HOLDOUT_SLOTS = frozenset({1, 4, 7, 10, 13, 16, 19})


def parse_line(line: str) -> tuple[str, list[dict[str, object]]]:
    """The plain sentence and its entity spans from one marked-up line."""
    parts: list[str] = []
    entities: list[dict[str, object]] = []
    length, last = 0, 0
    for match in _MARK.finditer(line):
        parts.append(line[last : match.start()])
        length += match.start() - last
        surface = match.group(1)
        entities.append(
            {
                "start": length,
                "end": length + len(surface),
                "text": surface,
                "type": TYPE_CODES[match.group(2)],
            }
        )
        parts.append(surface)
        length += len(surface)
        last = match.end()
    parts.append(line[last:])
    text = "".join(parts)
    if "{" in text or "}" in text:
        raise ValueError(f"unbalanced or malformed markup in: {line!r}")
    return text, entities


def source_lines(domain: str) -> list[str]:
    lines = (SOURCES / f"{domain}.txt").read_text(encoding="utf-8").splitlines()
    return [line.strip() for line in lines if line.strip() and not line.startswith("#")]


def build() -> list[dict[str, object]]:
    records: list[dict[str, object]] = []
    for domain in DOMAINS:
        for number, line in enumerate(source_lines(domain), 1):
            text, entities = parse_line(line)
            split = "holdout" if len(records) % 20 in _HOLDOUT_SLOTS else "dev"
            records.append(
                {
                    "id": f"{domain[:3]}-{number:03d}",
                    "domain": domain,
                    "split": split,
                    "text": text,
                    "entities": entities,
                }
            )
    return records


def render(records: list[dict[str, object]]) -> str:
    return "".join(json.dumps(r, ensure_ascii=False) + "\n" for r in records)


if __name__ == "__main__":
    records = build()
    SENTENCES.write_text(render(records), encoding="utf-8")
    mentions = sum(len(list(r["entities"])) for r in records if isinstance(r["entities"], list))
    print(f"{len(records)} sentences, {mentions} entity mentions -> {SENTENCES}")
