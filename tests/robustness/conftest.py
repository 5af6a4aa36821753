"""The store tests' database fixtures (a SQLite file, a real PostgreSQL), for the fault tests."""

from tests.store.conftest import db_url, postgres_server

__all__ = ["db_url", "postgres_server"]
