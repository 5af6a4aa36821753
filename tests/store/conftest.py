"""Stores for the tests: a SQLite file and a real PostgreSQL server started for the session.

The PostgreSQL server is Debian's (`make test` installs the `postgresql` package when it is
missing; see tests/store/postgres.py); it is stopped and deleted when the session ends. Every
test gets a database of its own.
"""

from __future__ import annotations

import itertools
from collections.abc import Callable, Iterator
from pathlib import Path
from typing import Any

import pytest

from synopse.config import Settings
from synopse.store.sql import SqlStore
from tests.conftest import EXAMPLES
from tests.store.postgres import ServerUnavailable, create_database, start_server, stop_server

BACKENDS = ["sqlite", "postgresql"]
FIXTURES = Path(__file__).parent / "fixtures"
_database_numbers = itertools.count(1)
OpenStore = Callable[..., SqlStore]


@pytest.fixture(scope="session")
def postgres_server() -> Iterator[str]:
    """The URL of a fresh PostgreSQL server (its `postgres` database)."""
    try:
        url, base = start_server()
    except ServerUnavailable as reason:
        pytest.skip(str(reason))
    yield url
    stop_server(base)


def _empty_database(request: pytest.FixtureRequest, folder: Path) -> str:
    if request.param == "sqlite":
        return str(folder / "synopse.db")
    server = request.getfixturevalue("postgres_server")
    return create_database(server, f"store_test_{next(_database_numbers)}")


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
