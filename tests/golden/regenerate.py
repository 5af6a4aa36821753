"""Regenerate the golden annotation files so that changes show up as diffs in review.

    .venv/bin/python tests/golden/regenerate.py

For every tests/golden/annotate/<case>.txt, writes <case>.expected.json: the output of
`synopse annotate` (stable, sorted JSON). Review the diff before committing it.
"""

from __future__ import annotations

import datetime as dt
import json
from pathlib import Path
from typing import Any

from synopse.annotate.annotator import Annotator
from synopse.cli import annotations_to_dict

GOLDEN = Path(__file__).resolve().parent / "annotate"


def cases() -> list[Path]:
    return sorted(GOLDEN.glob("*.txt"))


def annotate_case(annotator: Annotator, path: Path) -> dict[str, Any]:
    published = json.loads((GOLDEN / "published.json").read_text(encoding="utf-8"))
    day = published.get(path.stem)
    text = path.read_text(encoding="utf-8")
    found = annotator.annotate(text, dt.date.fromisoformat(day) if day else None)
    return annotations_to_dict(found, text)


def dump(data: dict[str, Any]) -> str:
    return json.dumps(data, ensure_ascii=False, indent=1, sort_keys=True) + "\n"


def main() -> None:
    annotator = Annotator()
    for path in cases():
        target = path.with_suffix(".expected.json")
        target.write_text(dump(annotate_case(annotator, path)), encoding="utf-8")
        print(f"wrote {target}")


if __name__ == "__main__":
    main()
