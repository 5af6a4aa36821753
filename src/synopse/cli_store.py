"""The `synopse` commands around a store: ingest, export and serve."""

from __future__ import annotations

from dataclasses import replace
from pathlib import Path

import click

from synopse.cli_options import (
    config_option,
    encoding_option,
    err_console,
    exit_for,
    map_option,
    on_error_option,
    outlets_option,
    settings_from_options,
)
from synopse.config import load_settings
from synopse.store.commands import FORMATS, export_report, run_ingest
from synopse.store.commands import summary_line as ingest_summary_line
from synopse.store.sql import DEFAULT_BATCH_SIZE, DEFAULT_DB


@click.command()
@click.argument("paths", nargs=-1)
@click.option(
    "--db",
    metavar="URL",
    help="Serve a database store: sqlite:///synopse.db or "
    "postgresql://user@host/name (written by `synopse ingest`).",
)
@click.option(
    "--report",
    "report_file",
    type=click.Path(dir_okay=False, path_type=Path),
    help="Serve a report.json written by `synopse analyze`.",
)
@click.option(
    "--host",
    help="Address to listen on (default 127.0.0.1: this machine only; [web] host in the config).",
)
@click.option("--port", type=click.IntRange(1, 65535), help="Port (default 8000; [web] port).")
@config_option
def serve(
    paths: tuple[str, ...],
    db: str | None,
    report_file: Path | None,
    host: str | None,
    port: int | None,
    config: Path | None,
) -> None:
    """Browse stories in a web app with an HTTP API.

    The store is one of: PATHS (files, directories, URLs, feeds — analysed now and held in
    memory), --report FILE (a report.json) or --db URL (a database). Pages: / (stories,
    with search and filters), /stories/ID, /articles/ID, /entities/NAME, /ingest (status);
    the API is under /api (reference at /docs, OpenAPI at /openapi.json).

    POST /api/ingest adds articles (JSON {"sources": [URL, ...]} or uploaded files) and needs
    `Authorization: Bearer TOKEN` with the token of `[web] token` or the SYNOPSE_TOKEN
    environment variable; without a token, writes are disabled. URL ingest refuses loopback,
    private and link-local addresses unless `[web] allow_private_urls = true`.
    """
    from synopse.web.serve import open_repository, run_server, server_settings

    settings = server_settings(load_settings(config))
    web = replace(settings.web, host=host or settings.web.host, port=port or settings.web.port)
    settings = replace(settings, web=web)
    run_server(open_repository(paths, db, report_file, settings), settings)


db_option = click.option(
    "--db",
    metavar="URL",
    default=DEFAULT_DB,
    show_default=True,
    help="The store: a SQLite file path, or postgresql://user:password@host/database.",
)


@click.command()
@click.argument("sources", nargs=-1, required=True)
@db_option
@config_option
@encoding_option
@map_option
@outlets_option
@on_error_option
@click.option(
    "--batch-size",
    type=click.IntRange(min=1),
    default=DEFAULT_BATCH_SIZE,
    show_default=True,
    help="Inputs per transaction: an interruption loses at most the batch in progress, "
    "which a re-run reads again.",
)
@click.option("--quiet", is_flag=True, help="Print nothing but errors.")
def ingest(
    sources: tuple[str, ...],
    db: str,
    config: Path | None,
    encoding: str | None,
    field_map: str | None,
    outlets: Path | None,
    on_error: str | None,
    batch_size: int,
    quiet: bool,
) -> None:
    """Add articles to a store and update the stories they belong to.

    SOURCES are files, directories, URLs of pages or RSS/Atom feeds, as for `analyze`. Ingest
    is incremental and idempotent: an article the store already holds (same outlet and text,
    or same URL) is left unchanged, new articles are annotated once, and only the stories
    whose articles changed are analysed again; story ids stay stable. Prints one line:
    added / unchanged / stories updated / errors. Failed inputs are recorded in the store.
    """
    settings = settings_from_options(config, on_error, encoding, field_map, outlets)
    summary = run_ingest(sources, settings, db, batch_size)
    for error in summary.errors:
        err_console.print(f"synopse: {error.message}", markup=False)
    if not quiet:
        click.echo(ingest_summary_line(summary))
    exit_for(summary.errors, len(summary.added) + len(summary.unchanged))


@click.command()
@db_option
@click.option(
    "--out",
    "out_dir",
    type=click.Path(file_okay=False, path_type=Path),
    required=True,
    help="Directory for the report files (created if missing).",
)
@click.option(
    "--format",
    "fmt",
    type=click.Choice(FORMATS),
    help="Write only report.json, report.md or report.html (default: all three).",
)
def export(db: str, out_dir: Path, fmt: str | None) -> None:
    """Write the report of everything in a store: report.json (the documented contract),
    report.md and report.html, rendered exactly as `analyze` renders them."""
    for path in export_report(db, out_dir, fmt):
        click.echo(str(path.resolve()))
