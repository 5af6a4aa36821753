"""Who runs an ingest, so that a later ingest can tell a run killed with `kill -9` (its row
still says "running") from one that is still going on in another process."""

from __future__ import annotations

import os
import re
import socket

from sqlalchemy import Connection, select, update

from synopse.store import tables as t

# While a run is running, its `message` names its process; a finished run replaces it.
_OWNER = re.compile(r"^running as pid (\d+) on (.+)$")


def owner_message() -> str:
    return f"running as pid {os.getpid()} on {socket.gethostname()}"


def _process_is_gone(message: str | None) -> bool:
    """True only when the run's process is known to be dead: started on this host, and its pid
    no longer exists. Runs of other hosts (a shared PostgreSQL) cannot be checked: kept."""
    owner = _OWNER.match(message or "")
    if owner is None or owner.group(2) != socket.gethostname():
        return False
    try:
        os.kill(int(owner.group(1)), 0)
    except ProcessLookupError:
        return True
    except PermissionError:  # alive, under another user
        return False
    return False


def mark_interrupted(conn: Connection, finished: str) -> list[int]:
    """Mark the "running" runs whose process has died as "interrupted"; their ids."""
    running = conn.execute(
        select(t.ingest_runs.c.id, t.ingest_runs.c.message).where(
            t.ingest_runs.c.state == "running"
        )
    )
    stale = [run_id for run_id, message in running if _process_is_gone(message)]
    if stale:
        message = "interrupted: its process ended without finishing the run"
        conn.execute(
            update(t.ingest_runs)
            .where(t.ingest_runs.c.id.in_(stale))
            .values(state="interrupted", finished=finished, message=message)
        )
    return stale
