"""What to tell the user when the database refuses a write: which store, and why, in words."""

from __future__ import annotations

import os
from pathlib import Path

from sqlalchemy import Engine
from sqlalchemy.exc import SQLAlchemyError

# Substrings of SQLite / PostgreSQL messages, and what they mean for the user.
_CAUSES = (
    (("readonly", "read-only", "read only"), "the database or its directory is read-only"),
    (("disk is full", "no space left", "disk full"), "the disk is full"),
    (("unable to open database",), "the database file cannot be opened"),
)


def store_name(engine: Engine) -> str:
    """The SQLite file's path, or the URL without its password."""
    url = engine.url
    if url.get_backend_name() == "sqlite" and url.database:
        return url.database
    return url.render_as_string(hide_password=True)


def _not_writable_hint(path: str) -> str:
    """For SQLite: whether the file or its folder is read-only (SQLite needs both: WAL)."""
    file = Path(path)
    for place in (file, file.parent):
        if place.exists() and not os.access(place, os.W_OK):
            return f"; {place} is read-only (SQLite writes the file and, next to it, its journal)"
    return ""


def describe(engine: Engine, exc: SQLAlchemyError) -> str:
    """One line: the cause in words when known, then the driver's own first line."""
    detail = str(getattr(exc, "orig", None) or exc).splitlines()[0]
    cause = next((said for keys, said in _CAUSES if any(k in detail.lower() for k in keys)), "")
    hint = _not_writable_hint(store_name(engine)) if engine.dialect.name == "sqlite" else ""
    return f"{cause or 'database error'} ({detail}){hint}"
