"""Twenty clients against a real `synopse serve --db` process while `synopse ingest` writes
into the same SQLite store: every answer whole, the new articles visible at the end."""

from __future__ import annotations

import subprocess
import time
from pathlib import Path

import httpx
import pytest

from tests.conftest import EXAMPLES
from tests.robustness.corpus import write_corpus
from tests.robustness.load import hammer, serving, site_paths
from tests.robustness.store_check import synopse_command

CLIENTS = 20
SHORT_SECONDS = 10  # the benchmark's long mode runs 60 s
SAFETY_NET_SECONDS = 900  # stops a hung run; no assertion is made on time


@pytest.fixture(scope="module")
def example_store(tmp_path_factory: pytest.TempPathFactory) -> str:
    db = str(tmp_path_factory.mktemp("load") / "synopse.db")
    made = subprocess.run(
        synopse_command("ingest", str(EXAMPLES), "--db", db, "--quiet"),
        capture_output=True,
        text=True,
        check=False,
        timeout=900,
    )
    assert made.returncode == 0, made.stderr
    return db


@pytest.mark.slow
def test_twenty_clients_reading_while_an_ingest_writes_get_only_whole_answers(
    example_store: str, tmp_path: Path
) -> None:
    new_ids = write_corpus(tmp_path / "neu.jsonl", 3)
    ingest_command = synopse_command(
        "ingest", str(tmp_path / "neu.jsonl"), "--db", example_store, "--batch-size", "4"
    )
    with serving(example_store) as base:
        paths = site_paths(base)
        ingest = subprocess.Popen(ingest_command, stdout=subprocess.DEVNULL)
        began = time.monotonic()

        def keep_going() -> bool:
            elapsed = time.monotonic() - began
            return elapsed < SAFETY_NET_SECONDS and (
                elapsed < SHORT_SECONDS or ingest.poll() is None
            )

        result = hammer(base, paths, CLIENTS, keep_going)
        assert ingest.wait() == 0
        assert result.failures == []
        assert len(result.latencies) >= CLIENTS
        for article_id in new_ids:
            assert httpx.get(f"{base}/api/articles/{article_id}", timeout=30).status_code == 200
        listed = httpx.get(f"{base}/api/stories", params={"q": "Lindgart"}, timeout=30).json()
        assert listed["stories"]
