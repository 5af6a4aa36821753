"""Hostile input through the whole pipeline: no crash, offsets valid, every failure recorded
with the file it came from, and the good articles of the batch kept."""

from __future__ import annotations

import json
import subprocess
import sys
from dataclasses import replace
from pathlib import Path

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from synopse.brief.report_json import report_to_dict
from synopse.config import CleanSettings, Settings
from synopse.pipeline import analyze
from tests.report_check import check_report

GOOD = (
    "Hafen wird ausgebaut\n\nDer Stadtrat von Rostock hat am Dienstag den Ausbau des Hafens "
    "beschlossen. Bürgermeisterin Jana Ohm sagte, die Arbeiten begännen im Frühjahr."
)
RECORD = replace(Settings(), on_error="record")
NESTED = "<html><body>" + "<div>" * 5000 + "<p>Tief im Stapel steht ein Satz.</p>" + "</div>" * 5000
HOSTILE: dict[str, bytes] = {
    "controls.txt": ("Titel\n\n" + "".join(map(chr, range(1, 32))) + " Der Rat tagte.").encode(),
    "zero-width.txt": "Ti\u200btel\n\nDer\u200d Minister\u2060 sagte\ufeff heute etwas.".encode(),
    "bidi.txt": "Titel\n\nDer Rat \u202etagte\u202c in مدينة und in Αθήνα und 東京.".encode(),
    "empty-lines.txt": b"\n" * 500,
    "long-line.txt": b"Wort " * 70_000,
    "nested.html": NESTED.encode(),
    "unclosed.html": b"<html><body><div><p>Der Rat von Kiel tagte lange. <b><i><span>" * 40,
    "bad-utf8.txt": b"Titel\n\nDer B\xfcrgermeister sagte \xff\xfe etwas.",
    "wrong-types.jsonl": b'{"text": 5}\n{"text": {"a": 1}}\n[1, 2]\nnull\n{"text": "Der Rat t',
    "nul.txt": b"Titel\n\nDer Rat\x00 tagte.",
}


def _analyse(folder: Path) -> dict[str, object]:
    data = report_to_dict(analyze([str(folder)], RECORD))
    check_report(data)
    return data


@pytest.mark.parametrize("name", sorted(HOSTILE))
def test_a_hostile_file_is_analysed_or_named_in_an_error_and_the_good_article_survives(
    tmp_path: Path, name: str
) -> None:
    (tmp_path / "good.txt").write_text(GOOD, encoding="utf-8")
    (tmp_path / name).write_bytes(HOSTILE[name])
    data = _analyse(tmp_path)
    sources = [a["source"] for a in data["articles"]]  # type: ignore[attr-defined]
    errors = [e["source"] for e in data["errors"]]  # type: ignore[attr-defined]
    assert any(s.endswith("good.txt") for s in sources)
    assert any(name in s for s in sources + errors)
    assert all(name in e["message"] for e in data["errors"])  # type: ignore[attr-defined]


def test_an_input_longer_than_an_article_is_refused_with_the_limit_named(tmp_path: Path) -> None:
    (tmp_path / "dump.txt").write_bytes(b"Wort " * 70_000)
    small = replace(RECORD, clean=CleanSettings(max_article_chars=100_000))
    report = analyze([str(tmp_path)], small)
    assert not report.articles
    assert "max_article_chars" in report.errors[0].message


@settings(
    max_examples=25, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture]
)
@given(st.text(alphabet=st.characters(exclude_categories=["Cs"]), max_size=400))
def test_any_unicode_text_is_analysed_or_recorded_with_valid_offsets(
    tmp_path: Path, text: str
) -> None:
    path = tmp_path / "random.txt"
    path.write_text(f"Titel\n\n{text}", encoding="utf-8")
    data = _analyse(path)
    assert len(data["articles"]) + len(data["errors"]) == 1  # type: ignore[arg-type]


_TAGS = st.sampled_from(["div", "p", "span", "article", "table", "td", "script", "b", "li"])


@st.composite
def _html(draw: st.DrawFn) -> str:
    parts = []
    for _ in range(draw(st.integers(0, 60))):
        tag = draw(_TAGS)
        parts.append(draw(st.sampled_from([f"<{tag}>", f"</{tag}>", draw(st.text(max_size=30))])))
    return "<html><body>" + "".join(parts)


@settings(
    max_examples=25, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture]
)
@given(_html())
def test_any_tag_soup_is_analysed_or_recorded(tmp_path: Path, page: str) -> None:
    path = tmp_path / "soup.html"
    path.write_text(page, encoding="utf-8")
    data = _analyse(path)
    assert len(data["articles"]) + len(data["errors"]) == 1  # type: ignore[arg-type]


def _peak_rss_kb(*args: str) -> int:
    """Peak resident memory of `synopse args...` run in a child process of a fresh process."""
    probe = (
        "import resource, subprocess, sys; "
        "subprocess.run(sys.argv[1:], stdout=subprocess.DEVNULL, check=True); "
        "print(resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss)"
    )
    command = [sys.executable, "-c", probe, sys.executable, "-m", "synopse.cli", *args]
    done = subprocess.run(command, capture_output=True, text=True, check=True, timeout=900)
    return int(done.stdout.strip())


def _jsonl(path: Path, lines: int) -> Path:
    body = " ".join(["Der Stadtrat beriet am Montag lange über den neuen Haushalt."] * 60)
    with path.open("w", encoding="utf-8") as stream:
        for i in range(lines):
            record = {"id": f"m{i}", "title": f"Meldung {i}", "text": f"{body} Nummer {i}."}
            stream.write(json.dumps(record, ensure_ascii=False) + "\n")
    return path


@pytest.mark.slow
def test_memory_stays_flat_when_a_jsonl_grows_tenfold(tmp_path: Path) -> None:
    small = _peak_rss_kb("extract", "--jsonl", str(_jsonl(tmp_path / "small.jsonl", 300)))
    large = _peak_rss_kb("extract", "--jsonl", str(_jsonl(tmp_path / "large.jsonl", 3000)))
    # 3,000 records are 11 MB of text: held at once, they would add far more than 15 MB
    assert large - small < 15_000, (small, large)
