"""Read plain-text and Markdown articles from files and directories.

One file is one article; its first meaningful line is the headline (found by the cleaner).
Errors name the file and the problem; a batch yields them in place of the document so the
caller can record them and go on.
"""

from __future__ import annotations

import re
import sys
from collections.abc import Iterable, Iterator
from dataclasses import dataclass, replace
from pathlib import Path

from synopse.config import IngestSettings
from synopse.errors import InputError
from synopse.ingest.encoding import decode_bytes
from synopse.model import RemovedLine

STDIN = "-"
_ID_UNSAFE = re.compile(r"[^\w.-]+")


@dataclass(frozen=True, slots=True)
class RawDocument:
    """One article as read, before cleaning. `text` is plain text, one block per line (HTML is
    already reduced to its main text); metadata the input carries is passed on as found."""

    id: str
    source: str  # path, URL, "path#record" for records inside a JSON or WARC file, or <stdin>
    text: str
    title: str | None = None
    url: str | None = None
    published: str | None = None  # ISO date (or partial) of publication
    outlet: str | None = None
    author: str | None = None
    crawled: str | None = None  # ISO date-time the page was fetched or archived
    removed: tuple[RemovedLine, ...] = ()  # what the extractor dropped, with reasons
    notes: tuple[str, ...] = ()  # how it was read, when that matters ("decoded as cp1252 …")


def discover(paths: Iterable[str], settings: IngestSettings) -> Iterator[Path | InputError]:
    """Files to read, in a stable order; a missing path or an empty directory is an error."""
    for name in paths:
        path = Path(name)
        if not path.exists():
            yield InputError(name, "no such file or directory")
        elif path.is_dir():
            files = sorted(
                p
                for p in path.rglob("*")
                if p.is_file() and p.name.lower().endswith(settings.extensions)
            )
            if not files:
                wanted = ", ".join(settings.extensions)
                yield InputError(name, f"directory holds no article files ({wanted})")
            yield from files
        else:
            yield path


def read_paths(
    paths: Iterable[str], settings: IngestSettings | None = None
) -> Iterator[RawDocument | InputError]:
    """Each path's documents, or the error that stopped one of them; `-` reads stdin."""
    settings = settings or IngestSettings()
    seen: set[str] = set()
    for item in _with_stdin(paths, settings):
        if isinstance(item, InputError):
            yield item
            continue
        try:
            document = item if isinstance(item, RawDocument) else read_document(item, settings)
        except InputError as error:
            yield error
            continue
        yield _unique(document, seen)


def _with_stdin(
    paths: Iterable[str], settings: IngestSettings
) -> Iterator[Path | RawDocument | InputError]:
    for name in paths:
        if name == STDIN:
            yield RawDocument(
                "stdin", "<stdin>", decode(sys.stdin.buffer.read(), "<stdin>", settings)
            )
        else:
            yield from discover([name], settings)


def read_text(path: Path, settings: IngestSettings) -> Iterator[RawDocument | InputError]:
    """A plain-text or Markdown article: one file, one document."""
    try:
        yield read_document(path, settings)
    except InputError as error:
        yield error


def read_document(path: Path, settings: IngestSettings | None = None) -> RawDocument:
    settings = settings or IngestSettings()
    source = str(path)
    try:
        size = path.stat().st_size
        if size > settings.max_bytes:
            raise InputError(
                source, f"file is {size} bytes, more than the limit of {settings.max_bytes}"
            )
        data = path.read_bytes()
    except OSError as exc:
        raise InputError(source, f"cannot be read ({exc.strerror or exc})") from exc
    text, note = decode_bytes(data, source, settings.encoding)
    return RawDocument(_ID_UNSAFE.sub("_", path.stem), source, text, notes=(note,) if note else ())


def decode(data: bytes, source: str, settings: IngestSettings) -> str:
    """Bytes to text, refusing empty, binary and wrongly encoded input with a clear message;
    unambiguous Western legacy encodings (cp1252, latin-1) are decoded."""
    return decode_bytes(data, source, settings.encoding)[0]


def _unique(document: RawDocument, seen: set[str]) -> RawDocument:
    base, n = document.id, 1
    while document.id in seen:
        n += 1
        document = replace(document, id=f"{base}-{n}")
    seen.add(document.id)
    return document
