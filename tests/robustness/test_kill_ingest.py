"""`kill -9` during `synopse ingest`, for real, then a re-run: nothing lost, nothing twice."""

from __future__ import annotations

import os
import signal
import socket
import subprocess
import time
from collections.abc import Callable
from pathlib import Path

import pytest
from sqlalchemy import insert
from sqlalchemy.exc import SQLAlchemyError

from synopse.store import tables as t
from synopse.store.runs import mark_interrupted
from synopse.store.sql import SqlStore
from tests.robustness.corpus import write_corpus
from tests.robustness.store_check import (
    assert_consistent,
    count_articles,
    stored_state,
    synopse_command,
)

BATCH = 4
EVENTS = 10  # × 4 outlets = 40 articles, 10 batches


def _kill_after_first_batch(ingest: subprocess.Popen[bytes], db: str) -> None:
    """Wait until a batch is committed, then SIGKILL the ingest (it is in the next batch)."""
    deadline = time.monotonic() + 600  # a safety net for a hung child, not a timing assertion
    while ingest.poll() is None and time.monotonic() < deadline:
        try:
            stored = count_articles(db)
        except SQLAlchemyError:  # the ingest has not created the tables yet
            stored = 0
        if stored >= BATCH:
            ingest.send_signal(signal.SIGKILL)
            ingest.wait()
            return
        time.sleep(0.05)
    pytest.fail(f"the ingest ended (code {ingest.returncode}) before it could be killed")


@pytest.mark.slow
def test_an_ingest_killed_mid_batch_and_run_again_loses_and_doubles_nothing(
    db_url: str, tmp_path: Path
) -> None:
    corpus = tmp_path / "meldungen.jsonl"
    ids = write_corpus(corpus, EVENTS)
    command = synopse_command("ingest", str(corpus), "--db", db_url, "--batch-size", str(BATCH))
    ingest = subprocess.Popen(command, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    _kill_after_first_batch(ingest, db_url)
    assert ingest.returncode == -signal.SIGKILL
    kept = count_articles(db_url)
    assert BATCH <= kept < len(ids) and kept % BATCH == 0  # whole batches only
    assert stored_state(db_url)["runs"] == [(1, "running")]
    again = subprocess.run(command, capture_output=True, text=True, check=False, timeout=900)
    assert again.returncode == 0, again.stderr
    assert again.stdout.startswith(f"{len(ids) - kept} added, {kept} unchanged,")
    assert_consistent(db_url, ids, tmp_path / "export")
    assert stored_state(db_url)["runs"] == [(1, "interrupted"), (2, "done")]


def _dead_pid() -> int:
    child = subprocess.Popen(["true"])
    child.wait()
    return child.pid


@pytest.mark.parametrize(
    ("owner", "state"),
    [
        (lambda: f"running as pid {_dead_pid()} on {socket.gethostname()}", "interrupted"),
        (lambda: f"running as pid {os.getpid()} on {socket.gethostname()}", "running"),
        (lambda: f"running as pid {_dead_pid()} on another-host.example", "running"),
        (lambda: None, "running"),
    ],
    ids=["process gone", "process alive", "other host", "owner unknown"],
)
def test_a_new_ingest_marks_only_runs_whose_process_is_gone_as_interrupted(
    tmp_path: Path, owner: Callable[[], str | None], state: str
) -> None:
    with SqlStore.open(str(tmp_path / "s.db")) as store, store.engine.begin() as conn:
        row = {"started": "2025-01-01T00:00:00+00:00", "state": "running", "done": 4}
        row |= {"total": 4, "added": 4, "errors": 0, "sources": "[]", "message": owner()}
        conn.execute(insert(t.ingest_runs).values(**row))
        assert mark_interrupted(conn, "2025-01-01T00:01:00+00:00") == (
            [1] if state != "running" else []
        )
    assert stored_state(str(tmp_path / "s.db"))["runs"] == [(1, state)]
