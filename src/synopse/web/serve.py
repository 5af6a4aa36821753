"""`synopse serve`: open a repository (paths, a report.json, or a database) and run uvicorn."""

from __future__ import annotations

import contextlib
import json
import threading
import time
from collections.abc import Iterator, Sequence
from dataclasses import replace
from pathlib import Path

import uvicorn
from starlette.types import ASGIApp

from synopse.config import Settings
from synopse.errors import ConfigError, InputError
from synopse.store.memory import MemoryRepository
from synopse.store.repository import Repository
from synopse.web.app import create_app


def open_repository(
    paths: Sequence[str], db: str | None, report_file: Path | None, settings: Settings
) -> Repository:
    """The one store the options name: PATHs analysed now, a report.json, or a database URL."""
    given = [bool(paths), db is not None, report_file is not None]
    if sum(given) != 1:
        raise ConfigError("serve: give PATHs to analyse, --report FILE or --db URL (exactly one)")
    if db is not None:
        return _database(db)
    if report_file is not None:
        return MemoryRepository.from_report(read_report(report_file), settings)
    return MemoryRepository.from_paths(paths, settings)


def read_report(path: Path) -> dict[str, object]:
    try:
        data = json.loads(path.read_text(encoding="utf-8"))
    except (OSError, UnicodeDecodeError, json.JSONDecodeError) as exc:
        raise InputError(str(path), f"cannot read the report ({exc})") from exc
    if not isinstance(data, dict) or not {"articles", "stories", "errors"} <= data.keys():
        raise InputError(str(path), "not a synopse report.json (articles, stories, errors)")
    return data


def _database(url: str) -> Repository:
    try:
        from synopse.store.sql import SqlStore  # type: ignore[import-not-found,unused-ignore]
    except ImportError as exc:  # the database store is an optional part of this build
        raise ConfigError(f"--db {url}: database store not available ({exc})") from exc
    repository: Repository = SqlStore.open(url)
    return repository


def server_settings(settings: Settings) -> Settings:
    """URL ingest from clients may reach only public addresses unless configured otherwise."""
    ingest = replace(settings.ingest, allow_private_urls=settings.web.allow_private_urls)
    return replace(settings, ingest=ingest)


def run_server(repository: Repository, settings: Settings) -> None:
    web = settings.web
    uvicorn.run(
        create_app(repository, web),
        host=web.host,
        port=web.port,
        log_level="info",
        server_header=False,
        proxy_headers=False,
    )


@contextlib.contextmanager
def background_server(app: ASGIApp, host: str = "127.0.0.1") -> Iterator[str]:
    """Serve `app` with uvicorn on a free port in a thread; yields the base URL (tests and
    benchmarks use it to talk to a real server)."""
    config = uvicorn.Config(app, host=host, port=0, log_level="warning", lifespan="off")
    server = uvicorn.Server(config)
    thread = threading.Thread(target=server.run, name="synopse-web", daemon=True)
    thread.start()
    while not server.started:
        if not thread.is_alive():
            raise ConfigError(f"the web server could not start on {host}")
        time.sleep(0.01)
    port = server.servers[0].sockets[0].getsockname()[1]
    try:
        yield f"http://{host}:{port}"
    finally:
        server.should_exit = True
        thread.join(timeout=10)
