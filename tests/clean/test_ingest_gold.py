"""Quality gate on the team's ingest gold set (tests/golden/ingest), and the gold set's checker.

Floors sit slightly below the figures measured with benchmarks/quality_ingest.py; raise them when
ingest or the cleaner improve, never lower them silently.
"""

from __future__ import annotations

import importlib.util
import json
import sys
import tempfile
from collections import Counter
from html import escape
from pathlib import Path
from types import ModuleType
from typing import Any

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

REPO = Path(__file__).resolve().parents[2]
GOLD = REPO / "tests" / "golden" / "ingest"
F1_FLOOR_TXT_GERMAN = 0.92  # measured 0.938
F1_FLOOR_TXT_ALL = 0.90  # measured 0.919
# Measured 0.934 through synopse.ingest.html.read_html + pipeline.to_article before the .html
# dispatcher was wired (trafilatura alone: 0.968, the goal); the gate skips until then.
F1_FLOOR_HTML = 0.92
MINIMUM_CASES = {"txt": 24, "html": 16, "de": 26, "en": 7, "fr": 7}


def load_benchmark() -> ModuleType:
    name = "quality_ingest"
    if name in sys.modules:
        return sys.modules[name]
    spec = importlib.util.spec_from_file_location(name, REPO / "benchmarks" / "quality_ingest.py")
    assert spec is not None and spec.loader is not None
    module = importlib.util.module_from_spec(spec)
    sys.modules[name] = module  # dataclasses look their module up while being created
    spec.loader.exec_module(module)
    return module


BENCHMARK = load_benchmark()
CASES = BENCHMARK.load_cases(GOLD)


@pytest.fixture(scope="module")
def measurement() -> Any:
    return BENCHMARK.measure(GOLD)


def write_case(folder: Path, page: str, suffix: str, keep: list[str], drop: list[str]) -> Any:
    (folder / f"case.{suffix}").write_text(page, encoding="utf-8")
    expected = {"language": "de", "title": "Titel", "keep": keep, "drop": drop, "notes": ""}
    (folder / "case.expected.json").write_text(json.dumps(expected), encoding="utf-8")
    return BENCHMARK.load_cases(folder)[0]


# ---------------------------------------------------------------- the gold set and its checker


@pytest.mark.parametrize("case", CASES, ids=[case.name for case in CASES])
def test_gold_entries_are_visible_lines_of_their_page(case: Any) -> None:
    assert BENCHMARK.check_case(case) == []


def test_gold_set_covers_both_formats_and_three_languages() -> None:
    counts = Counter(case.format for case in CASES) + Counter(case.language for case in CASES)
    assert all(counts[key] >= minimum for key, minimum in MINIMUM_CASES.items())


@pytest.mark.parametrize("case", CASES, ids=[case.name for case in CASES])
def test_gold_articles_are_between_120_and_700_words(case: Any) -> None:
    assert 120 <= sum(len(line.split()) for line in case.keep) <= 700


def test_checker_flags_an_entry_missing_from_a_plain_text_page(tmp_path: Path) -> None:
    case = write_case(tmp_path, "Titel\nEin Absatz.\n", "txt", ["Kein Absatz."], [])
    assert BENCHMARK.check_case(case) == [
        "keep entry is not within one visible line: 'Kein Absatz.'"
    ]


def test_checker_flags_an_html_entry_that_spans_two_blocks(tmp_path: Path) -> None:
    page = "<html><body><h1>Titel</h1><p>Erster Satz.</p><p>Zweiter Satz.</p></body></html>"
    case = write_case(tmp_path, page, "html", ["Erster Satz. Zweiter Satz."], [])
    assert len(BENCHMARK.check_case(case)) == 1


def test_checker_ignores_script_text_of_html_pages(tmp_path: Path) -> None:
    page = "<html><body><h1>Titel</h1><script>var menu = 'Menü';</script><p>Text.</p></body></html>"
    case = write_case(tmp_path, page, "html", ["Text."], ["var menu = 'Menü';"])
    assert BENCHMARK.check_case(case) == [
        "drop entry is not within one visible line: \"var menu = 'Menü';\""
    ]


def test_checker_flags_a_drop_entry_that_is_part_of_the_article(tmp_path: Path) -> None:
    case = write_case(
        tmp_path, "Titel\nPolitik\nDie Politik ruht.\n", "txt", ["Die Politik ruht."], ["Politik"]
    )
    assert "drop entry 'Politik' occurs in kept text" in BENCHMARK.check_case(case)


def test_checker_flags_a_drop_entry_that_is_also_part_of_a_longer_furniture_line(
    tmp_path: Path,
) -> None:
    page = "Titel\nFacebook\nDer Text.\nTeilen auf Facebook\n"
    case = write_case(tmp_path, page, "txt", ["Der Text."], ["Facebook", "Teilen auf Facebook"])
    assert BENCHMARK.check_case(case) == [
        "drop entry 'Facebook' also occurs inside another line, so it would score ambiguously"
    ]


LINE = st.text(
    st.characters(blacklist_categories=("Cs", "Cc", "Zl", "Zp")), min_size=1, max_size=40
)


@settings(max_examples=40, deadline=None)
@given(st.lists(LINE.filter(lambda text: text.strip()), min_size=1, max_size=6, unique=True))
def test_every_text_written_into_an_html_paragraph_counts_as_visible(lines: list[str]) -> None:
    body = "".join(f"<p>{escape(line)}</p>" for line in lines)
    with tempfile.TemporaryDirectory() as folder:
        case = write_case(Path(folder), f"<html><body>{body}</body></html>", "html", lines, [])
        problems = BENCHMARK.check_case(case)
    assert not [problem for problem in problems if "not within one visible line" in problem]


@given(st.lists(LINE, max_size=6), st.lists(LINE, max_size=6))
def test_output_of_exactly_the_kept_lines_scores_full_recall(
    keep: list[str], drop: list[str]
) -> None:
    case = BENCHMARK.GoldCase("c", Path("c.txt"), "txt", "de", "T", tuple(keep), tuple(drop))
    counts, _ = BENCHMARK.score(case, "\n".join(keep), "test")
    assert (counts.tp, counts.fn, counts.tp + counts.fn) == (len(keep), 0, len(keep))


# ---------------------------------------------------------------- quality gate


@pytest.mark.slow
def test_synopse_keeps_article_text_of_german_browser_copied_pages(measurement: Any) -> None:
    assert measurement.counts[("synopse", "txt", "de")].figures()[2] >= F1_FLOOR_TXT_GERMAN
    assert measurement.counts[("synopse", "txt", "all")].figures()[2] >= F1_FLOOR_TXT_ALL


@pytest.mark.slow
def test_synopse_keeps_article_text_and_drops_furniture_of_html_pages(measurement: Any) -> None:
    if measurement.html_problem:
        pytest.skip(f"html not supported yet: {measurement.html_problem}")
    assert measurement.counts[("synopse", "html", "all")].figures()[2] >= F1_FLOOR_HTML
