"""Stores for the tests: a SQLite file and a real PostgreSQL server started for the session.

The PostgreSQL server is Debian's (`make test` installs the `postgresql` package when it is
missing). It runs from a temporary data directory on a free port of 127.0.0.1 with trust
authentication, as the `postgres` user when the tests run as root (initdb refuses root), and
is stopped and deleted when the session ends. Every test gets a database of its own.
"""

from __future__ import annotations

import itertools
import os
import shutil
import socket
import subprocess
import tempfile
from collections.abc import Callable, Iterator
from pathlib import Path
from typing import Any

import pytest

from synopse.config import Settings
from synopse.store.sql import SqlStore
from tests.conftest import EXAMPLES

PG_USER = "synopse"
BACKENDS = ["sqlite", "postgresql"]
FIXTURES = Path(__file__).parent / "fixtures"
_database_numbers = itertools.count(1)
OpenStore = Callable[..., SqlStore]


def _pg_bin(name: str) -> str | None:
    # Debian keeps the server binaries off PATH; the newest installed major version wins.
    found = sorted(Path("/usr/lib/postgresql").glob(f"*/bin/{name}"))
    return str(found[-1]) if found else shutil.which(name)


def _as_server_user(command: list[str]) -> list[str]:
    if os.geteuid() != 0:
        return command
    return ["runuser", "-u", "postgres", "--", *command]


def _free_port() -> int:
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return int(probe.getsockname()[1])


def _start_server(base: Path, port: int) -> None:
    initdb, pg_ctl = _pg_bin("initdb"), _pg_bin("pg_ctl")
    if initdb is None or pg_ctl is None:
        pytest.skip("PostgreSQL server binaries not installed (make test installs them)")
    if os.geteuid() == 0:
        shutil.chown(base, "postgres")
    data = str(base / "data")
    run = _as_server_user
    subprocess.run(
        run([initdb, "-D", data, "-A", "trust", "-U", PG_USER, "-E", "UTF8", "--no-sync"]),
        check=True,
        capture_output=True,
    )
    options = f"-p {port} -k {base} -c listen_addresses=127.0.0.1 -c fsync=off"
    start = [pg_ctl, "-D", data, "-o", options, "-l", str(base / "log"), "-w", "start"]
    subprocess.run(run(start), check=True, capture_output=True)


@pytest.fixture(scope="session")
def postgres_server() -> Iterator[str]:
    """The URL of a fresh PostgreSQL server (its `postgres` database)."""
    if os.geteuid() == 0 and shutil.which("runuser") is None:
        pytest.skip("running as root without runuser: cannot start PostgreSQL")
    base = Path(tempfile.mkdtemp(prefix="synopse-pg-"))
    port = _free_port()
    try:
        _start_server(base, port)
        yield f"postgresql://{PG_USER}@127.0.0.1:{port}/postgres"
    finally:
        pg_ctl = _pg_bin("pg_ctl")
        if pg_ctl and (base / "data" / "postmaster.pid").exists():
            stop = [pg_ctl, "-D", str(base / "data"), "-m", "immediate", "-w", "stop"]
            subprocess.run(_as_server_user(stop), check=False, capture_output=True)
        shutil.rmtree(base, ignore_errors=True)


def _create_database(server_url: str) -> str:
    import psycopg

    name = f"store_test_{next(_database_numbers)}"
    with psycopg.connect(server_url, autocommit=True) as conn:
        conn.execute(f"CREATE DATABASE {name}")
    return server_url.rsplit("/", 1)[0] + f"/{name}"


def _empty_database(request: pytest.FixtureRequest, folder: Path) -> str:
    if request.param == "sqlite":
        return str(folder / "synopse.db")
    return _create_database(request.getfixturevalue("postgres_server"))


@pytest.fixture(params=BACKENDS)
def db_url(request: pytest.FixtureRequest, tmp_path: Path) -> str:
    """A database URL (or SQLite path) with nothing in it, for each backend."""
    return _empty_database(request, tmp_path)


@pytest.fixture(scope="module", params=BACKENDS)
def lindenau_store(
    request: pytest.FixtureRequest, tmp_path_factory: pytest.TempPathFactory, annotator: Any
) -> Iterator[SqlStore]:
    """A store holding the Lindenau fixture (two stories, two outlets), shared by read tests."""
    url = _empty_database(request, tmp_path_factory.mktemp("lindenau"))
    store = SqlStore.open(url, annotator=annotator)
    store.ingest([str(FIXTURES / "lindenau.jsonl")])
    yield store
    store.close()


@pytest.fixture(scope="session")
def example_analysis() -> dict[str, Any]:
    """report.json of `analyze` on the example corpus, to compare the store's report with."""
    from synopse.brief.report_json import report_to_dict
    from synopse.pipeline import analyze

    return report_to_dict(analyze([str(EXAMPLES)], Settings()))


@pytest.fixture
def open_store(db_url: str, annotator: Any) -> Iterator[OpenStore]:
    """Opens stores on the test's database, sharing the session's annotator (models load once)."""
    opened: list[SqlStore] = []

    def open_(**options: Any) -> SqlStore:
        store = SqlStore.open(db_url, annotator=annotator, **options)
        opened.append(store)
        return store

    yield open_
    for store in opened:
        store.close()
