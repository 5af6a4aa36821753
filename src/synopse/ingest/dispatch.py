"""Route every input to the reader for its kind: files by suffix, directories recursively,
URLs (pages and feeds) over HTTP, `-` from stdin.

A reader yields documents and, in place of an item it cannot read, the `InputError` that
names it; the batch goes on. Ids are made unique across the whole batch.
"""

from __future__ import annotations

import re
import sys
from collections.abc import Callable, Iterable, Iterator
from dataclasses import replace
from pathlib import Path

from synopse.config import IngestSettings
from synopse.errors import InputError
from synopse.ingest.files import RawDocument, decode, discover, read_text
from synopse.ingest.html import html_to_document, read_html
from synopse.ingest.jsonl import read_json
from synopse.ingest.warc import read_warc
from synopse.ingest.web import read_url

STDIN = "-"
Reader = Callable[[Path, IngestSettings], Iterator[RawDocument | InputError]]
# Longest suffix first: ".warc.gz" before ".gz"-less ".warc".
READERS: tuple[tuple[str, Reader], ...] = (
    (".warc.gz", read_warc),
    (".warc", read_warc),
    (".html", read_html),
    (".htm", read_html),
    (".jsonl", read_json),
    (".ndjson", read_json),
    (".json", read_json),
)
_URL = re.compile(r"^https?://", re.IGNORECASE)
_LOOKS_LIKE_HTML = re.compile(r"^\s*(<!doctype html|<html|<head|<body)", re.IGNORECASE)


def read_paths(
    paths: Iterable[str], settings: IngestSettings | None = None
) -> Iterator[RawDocument | InputError]:
    """Every document in `paths`, or the error that stopped an item."""
    settings = settings or IngestSettings()
    seen: set[str] = set()
    for name in paths:
        for item in _read_one(name, settings):
            yield item if isinstance(item, InputError) else _unique(item, seen)


def read_units(paths: Iterable[str], settings: IngestSettings) -> list[Path | str | InputError]:
    """The inputs `read_paths` reads, in its order, as units that can be read independently:
    files (by `read_unit` on any worker), URLs and stdin (read where they are named), or the
    error that names a missing input. Ids are made unique afterwards by `unique_ids`."""
    units: list[Path | str | InputError] = []
    for name in paths:
        units.extend([name] if name == STDIN or _URL.match(name) else discover([name], settings))
    return units


def read_unit(
    unit: Path | str | InputError, settings: IngestSettings
) -> list[RawDocument | InputError]:
    """The documents of one unit of `read_units`, ids not yet unique across the batch."""
    if isinstance(unit, InputError):
        return [unit]
    if isinstance(unit, Path):
        return list(reader_for(unit)(unit, settings))
    return list(_read_one(unit, settings))


def unique_ids(items: Iterable[RawDocument | InputError]) -> Iterator[RawDocument | InputError]:
    """The items with ids made unique in this order, as `read_paths` makes them."""
    seen: set[str] = set()
    for item in items:
        yield item if isinstance(item, InputError) else _unique(item, seen)


def reader_for(path: Path) -> Reader:
    """The reader for a file; plain text for .txt, .md and any other suffix given explicitly."""
    name = path.name.lower()
    return next((reader for suffix, reader in READERS if name.endswith(suffix)), read_text)


def _read_one(name: str, settings: IngestSettings) -> Iterator[RawDocument | InputError]:
    if name == STDIN:
        yield from _read_stdin(settings)
    elif _URL.match(name):
        yield from read_url(name, settings)
    else:
        for item in discover([name], settings):
            if isinstance(item, InputError):
                yield item
            else:
                yield from reader_for(item)(item, settings)


def _read_stdin(settings: IngestSettings) -> Iterator[RawDocument | InputError]:
    try:
        text = decode(sys.stdin.buffer.read(), "<stdin>", settings)
        if _LOOKS_LIKE_HTML.match(text):
            yield html_to_document(
                text, doc_id="stdin", source="<stdin>", url=None, settings=settings
            )
        else:
            yield RawDocument("stdin", "<stdin>", text)
    except InputError as error:
        yield error


def _unique(document: RawDocument, seen: set[str]) -> RawDocument:
    base, n = document.id, 1
    while document.id in seen:
        n += 1
        document = replace(document, id=f"{base}-{n}")
    seen.add(document.id)
    return document
