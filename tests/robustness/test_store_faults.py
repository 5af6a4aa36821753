"""A database that refuses writes: a read-only folder, a full disk. The user gets one clear line
naming the store and the problem (exit code 1, no traceback); nothing half-written is kept."""

from __future__ import annotations

import hashlib
import os
import subprocess
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest
from sqlalchemy import event

from synopse.errors import StoreError
from synopse.store.sql import SqlStore
from tests.robustness.corpus import write_corpus
from tests.robustness.store_check import assert_consistent, stored_state, synopse_command

LINDENAU = Path(__file__).parents[1] / "store" / "fixtures" / "lindenau.jsonl"


def _mount(*args: str) -> bool:
    done = subprocess.run(["mount", *args], capture_output=True, check=False)
    return done.returncode == 0


@pytest.fixture
def small_disk(tmp_path: Path) -> Iterator[Path]:
    """A tmpfs of its own (needs `mount`, which root in a sandbox usually has; else skipped)."""
    folder = tmp_path / "disk"
    folder.mkdir()
    if os.geteuid() != 0 or not _mount("-t", "tmpfs", "-o", "size=64m", "tmpfs", str(folder)):
        pytest.skip("cannot mount a tmpfs here (needs root and mount)")
    yield folder
    subprocess.run(["umount", "-l", str(folder)], check=False)


def _make_read_only(folder: Path) -> None:
    """Read-only for real: a remount for root (root ignores file modes), modes otherwise."""
    if os.geteuid() == 0:
        assert _mount("-o", "remount,ro", str(folder)), "remount read-only failed"
    else:
        for path in folder.iterdir():
            path.chmod(0o444)
        folder.chmod(0o555)


def _digest(folder: Path) -> dict[str, str]:
    return {p.name: hashlib.sha256(p.read_bytes()).hexdigest() for p in folder.iterdir()}


@pytest.mark.parametrize("existing", [True, False], ids=["existing store", "new store"])
def test_a_store_in_a_read_only_folder_is_one_clear_error_and_left_untouched(
    small_disk: Path, tmp_path: Path, annotator: Any, existing: bool
) -> None:
    db = small_disk / "synopse.db"
    if existing:
        with SqlStore.open(str(db), annotator=annotator) as store:
            store.ingest([str(LINDENAU)])
    before = _digest(small_disk)
    _make_read_only(small_disk)
    write_corpus(tmp_path / "neu.jsonl", 2)
    command = synopse_command("ingest", str(tmp_path / "neu.jsonl"), "--db", str(db))
    result = subprocess.run(command, capture_output=True, text=True, check=False, timeout=300)
    assert result.returncode == 1
    assert "Traceback" not in result.stderr and len(result.stderr.strip().splitlines()) == 1
    assert str(db) in result.stderr and "read-only" in result.stderr
    assert _digest(small_disk) == before


def _first_lines(path: Path, count: int) -> str:
    return "".join(path.read_text(encoding="utf-8").splitlines(keepends=True)[:count])


def _limit_pages(store: SqlStore, extra_pages: int) -> None:
    """Let the SQLite file grow by `extra_pages` pages at most: a disk that is nearly full."""
    with store.engine.connect() as conn:
        pages = int(conn.exec_driver_sql("PRAGMA page_count").scalar_one())

    def limit(connection: Any, _record: Any) -> None:
        connection.execute(f"PRAGMA max_page_count = {pages + extra_pages}")

    event.listen(store.engine, "connect", limit)
    store.engine.dispose()  # pooled connections would not have the limit


def test_a_full_database_rolls_the_batch_back_and_keeps_the_batches_before(
    tmp_path: Path, annotator: Any
) -> None:
    ids = write_corpus(tmp_path / "meldungen.jsonl", 4)
    first = tmp_path / "erste.jsonl"
    first.write_text(_first_lines(tmp_path / "meldungen.jsonl", 4), encoding="utf-8")
    db = str(tmp_path / "synopse.db")
    with SqlStore.open(db, annotator=annotator, batch_size=4) as store:
        store.ingest([str(first)])
        _limit_pages(store, extra_pages=2)
        with pytest.raises(StoreError, match="the disk is full") as raised:
            store.ingest([str(tmp_path / "meldungen.jsonl")])
    assert db in str(raised.value)
    assert sorted(stored_state(db)["articles"]) == sorted(ids[:4])
    with SqlStore.open(db, annotator=annotator, batch_size=4) as store:
        store.ingest([str(tmp_path / "meldungen.jsonl")])
    assert_consistent(db, ids, tmp_path / "export")


@pytest.mark.slow
def test_a_full_disk_during_a_cli_ingest_is_one_clear_error_and_a_rerun_completes(
    small_disk: Path, tmp_path: Path
) -> None:
    ids = write_corpus(tmp_path / "meldungen.jsonl", 6)
    db = str(small_disk / "synopse.db")
    head = tmp_path / "erste.jsonl"
    head.write_text(_first_lines(tmp_path / "meldungen.jsonl", 4), encoding="utf-8")
    assert (
        subprocess.run(synopse_command("ingest", str(head), "--db", db), check=False).returncode
        == 0
    )
    used = sum(p.stat().st_size for p in small_disk.iterdir())
    assert _mount("-o", f"remount,size={used + 64 * 1024}", str(small_disk))
    command = synopse_command(
        "ingest", str(tmp_path / "meldungen.jsonl"), "--db", db, "--batch-size", "4"
    )
    full = subprocess.run(command, capture_output=True, text=True, check=False, timeout=600)
    assert full.returncode == 1 and "Traceback" not in full.stderr
    assert db in full.stderr and "disk is full" in full.stderr
    assert sorted(stored_state(db)["articles"]) == sorted(ids[:4])
    assert _mount("-o", "remount,size=64m", str(small_disk))
    again = subprocess.run(command, capture_output=True, text=True, check=False, timeout=600)
    assert again.returncode == 0, again.stderr
    assert_consistent(db, ids, tmp_path / "export")
