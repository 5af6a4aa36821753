"""Read plain-text and Markdown articles from files and directories.

One file is one article; its first meaningful line is the headline (found by the cleaner).
Errors name the file and the problem; a batch yields them in place of the document so the
caller can record them and go on.
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Iterator
from dataclasses import dataclass
from pathlib import Path

from synopse.config import IngestSettings
from synopse.errors import InputError
from synopse.ingest.encoding import decode_bytes
from synopse.model import RemovedLine

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
    # True when `text` is already an article body (an HTML extractor's output, a JSON field):
    # the cleaner then only drops furniture lines and does not look for the article's extent.
    extracted: bool = False


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
