"""Reading a store straight from its tables, to check what a faulty ingest left behind."""

from __future__ import annotations

import json
import subprocess
import sys
from collections import Counter
from pathlib import Path
from typing import Any

from sqlalchemy import create_engine, func, select

from synopse.store import tables as t
from synopse.store.sql import database_url
from tests.report_check import check_report


def synopse_command(*args: str) -> list[str]:
    return [sys.executable, "-m", "synopse.cli", *args]


def count_articles(db: str) -> int:
    engine = create_engine(database_url(db))
    try:
        with engine.connect() as conn:
            return int(conn.scalar(select(func.count()).select_from(t.articles)) or 0)
    finally:
        engine.dispose()


def stored_state(db: str) -> dict[str, Any]:
    """Article ids (with repeats, if any), story membership and ingest run states."""
    engine = create_engine(database_url(db))
    try:
        with engine.connect() as conn:
            return {
                "articles": list(conn.scalars(select(t.articles.c.id))),
                "memberships": list(conn.execute(select(t.story_articles)).mappings()),
                "stories": set(conn.scalars(select(t.stories.c.id))),
                "runs": [
                    tuple(r)
                    for r in conn.execute(select(t.ingest_runs.c.id, t.ingest_runs.c.state))
                ],
            }
    finally:
        engine.dispose()


def assert_consistent(db: str, expected_ids: list[str], out: Path) -> None:
    """Every input stored once, every stored article in exactly one story, every story's
    articles stored, and the exported report valid."""
    state = stored_state(db)
    assert sorted(state["articles"]) == sorted(expected_ids)
    in_stories = Counter(m["article_id"] for m in state["memberships"])
    assert set(in_stories) == set(expected_ids) and set(in_stories.values()) == {1}
    assert {m["story_id"] for m in state["memberships"]} == state["stories"]
    exported = subprocess.run(
        synopse_command("export", "--db", db, "--out", str(out), "--format", "json"),
        capture_output=True,
        text=True,
        check=False,
        timeout=300,
    )
    assert exported.returncode == 0, exported.stderr
    report = json.loads((out / "report.json").read_text(encoding="utf-8"))
    check_report(report)
    assert sorted(a["id"] for a in report["articles"]) == sorted(expected_ids)
