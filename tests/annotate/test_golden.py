"""Annotation output on team-written texts equals the reviewed golden files.

A change in any annotator shows up here as a diff; if it is an improvement, regenerate with
`.venv/bin/python tests/golden/regenerate.py` and review the diff of the .expected.json files.
"""

from __future__ import annotations

from pathlib import Path

import pytest

from synopse.annotate.annotator import Annotator
from tests.golden.regenerate import annotate_case, cases, dump


@pytest.mark.parametrize("path", cases(), ids=lambda p: p.stem)
def test_annotation_matches_its_golden_file(annotator: Annotator, path: Path) -> None:
    expected = path.with_suffix(".expected.json").read_text(encoding="utf-8")
    assert dump(annotate_case(annotator, path)) == expected


def test_there_are_golden_cases() -> None:
    assert len(cases()) >= 3
