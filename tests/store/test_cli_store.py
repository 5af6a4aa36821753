"""`synopse ingest`, `synopse export` and `synopse analyze --db` as a user runs them."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from tests.cli.test_cli import synopse
from tests.conftest import EXAMPLES
from tests.report_check import check_report

LINDENAU = str(Path(__file__).parent / "fixtures" / "lindenau.jsonl")


def test_ingest_twice_prints_added_then_unchanged_and_export_writes_the_report(
    db_url: str, tmp_path: Path
) -> None:
    first = synopse("ingest", LINDENAU, "--db", db_url, "--batch-size", "3")
    assert first.returncode == 0, first.stderr
    assert first.stdout.strip() == "4 added, 0 unchanged, 2 stories updated, 0 errors"
    again = synopse("ingest", LINDENAU, "--db", db_url)
    assert again.stdout.strip() == "0 added, 4 unchanged, 0 stories updated, 0 errors"
    exported = synopse("export", "--db", db_url, "--out", str(tmp_path / "out"))
    assert exported.returncode == 0, exported.stderr
    report = json.loads((tmp_path / "out" / "report.json").read_text(encoding="utf-8"))
    check_report(report)
    assert len(report["articles"]) == 4 and len(report["stories"]) == 2
    assert "Karla Brandt" in (tmp_path / "out" / "report.html").read_text(encoding="utf-8")


@pytest.fixture(scope="module")
def filled_db(tmp_path_factory: pytest.TempPathFactory) -> str:
    db = str(tmp_path_factory.mktemp("store") / "s.db")
    assert synopse("ingest", LINDENAU, "--db", db, "--quiet").returncode == 0
    return db


@pytest.mark.parametrize("fmt", ["json", "md", "html"])
def test_export_writes_only_the_format_asked_for(fmt: str, filled_db: str, tmp_path: Path) -> None:
    db = filled_db
    result = synopse("export", "--db", db, "--out", str(tmp_path / "o"), "--format", fmt)
    assert result.returncode == 0, result.stderr
    assert [p.name for p in (tmp_path / "o").iterdir()] == [f"report.{fmt}"]


def test_ingest_records_a_broken_file_and_exits_3(tmp_path: Path) -> None:
    (tmp_path / "leer.txt").write_text("\n\n", encoding="utf-8")
    db = str(tmp_path / "s.db")
    result = synopse("ingest", LINDENAU, str(tmp_path / "leer.txt"), "--db", db)
    assert result.returncode == 3
    assert "leer.txt" in result.stderr
    assert result.stdout.strip() == "4 added, 0 unchanged, 2 stories updated, 1 errors"


def test_export_from_a_missing_store_is_one_clear_line(tmp_path: Path) -> None:
    result = synopse("export", "--db", str(tmp_path / "nichts.db"), "--out", str(tmp_path))
    assert result.returncode == 1
    assert result.stderr.strip().endswith("no such store; fill one with `synopse ingest --db`")


def test_analyze_with_db_writes_the_same_report_and_fills_the_store(tmp_path: Path) -> None:
    db, out = str(tmp_path / "s.db"), tmp_path / "out"
    result = synopse("analyze", str(EXAMPLES), "--out", str(out), "--db", db, "--quiet")
    assert result.returncode == 0, result.stderr
    report = json.loads((out / "report.json").read_text(encoding="utf-8"))
    check_report(report)
    assert len(report["articles"]) == 10 and len(report["stories"]) == 2
    again = synopse("ingest", str(EXAMPLES), "--db", db)
    assert again.stdout.strip() == "0 added, 10 unchanged, 0 stories updated, 0 errors"
