"""The /ingest status page over a database store (found by the load test: it answered 500,
because a database store counts a run's added articles and errors where the in-memory store
lists them)."""

from __future__ import annotations

from pathlib import Path

import pytest
from fastapi.testclient import TestClient
from sqlalchemy import insert

from synopse.config import WebSettings
from synopse.store import tables as t
from synopse.store.sql import SqlStore
from synopse.web.app import create_app


@pytest.mark.parametrize(
    ("state", "added", "errors"), [("done", 7, 0), ("failed", 3, 2), ("interrupted", 0, 0)]
)
def test_the_ingest_page_shows_the_runs_of_a_database_store(
    tmp_path: Path, state: str, added: int, errors: int
) -> None:
    with SqlStore.open(str(tmp_path / "s.db")) as store:
        with store.engine.begin() as conn:
            row = {"started": "2025-03-01T08:00:00+00:00", "state": state, "done": added}
            row |= {"total": added, "added": added, "errors": errors, "sources": "[]"}
            conn.execute(insert(t.ingest_runs).values(**row))
        page = TestClient(create_app(store, WebSettings())).get("/ingest")
    assert page.status_code == 200
    run_row = page.text.split('<tr class="run ')[1].split("</tr>")[0]
    assert run_row.startswith(state) and f"<td>{added}</td>" in run_row
