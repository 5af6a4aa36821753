"""A throw-away PostgreSQL server from Debian's binaries, for the tests and the benchmarks.

It runs from a temporary data directory on a free port of 127.0.0.1 with trust
authentication, as the `postgres` user when we are root (initdb refuses root), and
`stop_server` deletes it again.
"""

from __future__ import annotations

import os
import shutil
import socket
import subprocess
import tempfile
from pathlib import Path

PG_USER = "synopse"


class ServerUnavailable(RuntimeError):
    """PostgreSQL cannot be started here (not installed, or root without runuser)."""


def pg_bin(name: str) -> str | None:
    # Debian keeps the server binaries off PATH; the newest installed major version wins.
    found = sorted(Path("/usr/lib/postgresql").glob(f"*/bin/{name}"))
    return str(found[-1]) if found else shutil.which(name)


def _as_server_user(command: list[str]) -> list[str]:
    return ["runuser", "-u", "postgres", "--", *command] if os.geteuid() == 0 else command


def _free_port() -> int:
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return int(probe.getsockname()[1])


def start_server() -> tuple[str, Path]:
    """(URL of the server's `postgres` database, its directory for `stop_server`)."""
    initdb, pg_ctl = pg_bin("initdb"), pg_bin("pg_ctl")
    if initdb is None or pg_ctl is None:
        raise ServerUnavailable("PostgreSQL server binaries not installed (`make postgres`)")
    if os.geteuid() == 0 and shutil.which("runuser") is None:
        raise ServerUnavailable("running as root without runuser: cannot start PostgreSQL")
    base = Path(tempfile.mkdtemp(prefix="synopse-pg-"))
    if os.geteuid() == 0:
        shutil.chown(base, "postgres")
    data, port = str(base / "data"), _free_port()
    init = [initdb, "-D", data, "-A", "trust", "-U", PG_USER, "-E", "UTF8", "--no-sync"]
    options = f"-p {port} -k {base} -c listen_addresses=127.0.0.1 -c fsync=off"
    start = [pg_ctl, "-D", data, "-o", options, "-l", str(base / "log"), "-w", "start"]
    try:
        subprocess.run(_as_server_user(init), check=True, capture_output=True)
        subprocess.run(_as_server_user(start), check=True, capture_output=True)
    except subprocess.CalledProcessError as exc:
        stop_server(base)
        raise ServerUnavailable(f"PostgreSQL did not start: {exc.stderr!r}") from exc
    return f"postgresql://{PG_USER}@127.0.0.1:{port}/postgres", base


def stop_server(base: Path) -> None:
    pg_ctl = pg_bin("pg_ctl")
    if pg_ctl and (base / "data" / "postmaster.pid").exists():
        stop = [pg_ctl, "-D", str(base / "data"), "-m", "immediate", "-w", "stop"]
        subprocess.run(_as_server_user(stop), check=False, capture_output=True)
    shutil.rmtree(base, ignore_errors=True)


def create_database(server_url: str, name: str) -> str:
    import psycopg

    with psycopg.connect(server_url, autocommit=True) as conn:
        conn.execute(f"CREATE DATABASE {name}")
    return server_url.rsplit("/", 1)[0] + f"/{name}"
