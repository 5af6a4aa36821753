"""Read web archives (.warc, .warc.gz): every archived HTML page is one document.

A record becomes a document when it is a `response` with HTTP status 200 and an HTML content
type; its main text and metadata come from `html_to_document`. Skipped silently, because they
are not articles by their type: requests, metadata, warcinfo, revisit, resource and conversion
records; responses that are not HTML (images, scripts, style sheets, JSON, PDF); redirects and
"304 not modified" answers (the page they point to is its own record). An HTML response with
any other status (404, 500) is an error naming the record: a crawl that fetched error pages
should say so in the report.

A corrupt or truncated archive yields one InputError with the byte offset where reading
stopped; the documents read before it are kept.
"""

from __future__ import annotations

import hashlib
import zlib
from collections.abc import Iterator
from dataclasses import replace
from pathlib import Path
from typing import IO, Any

from warcio.archiveiterator import ArchiveIterator
from warcio.exceptions import ArchiveLoadFailed
from warcio.statusandheaders import StatusAndHeadersParserException

from synopse.config import IngestSettings
from synopse.errors import InputError
from synopse.ingest.files import RawDocument
from synopse.ingest.html import html_to_document

WARC_SUFFIXES = (".warc", ".warc.gz")
HTML_CONTENT_TYPES = frozenset({"text/html", "application/xhtml+xml"})
_ARCHIVE_ERRORS = (
    ArchiveLoadFailed,
    StatusAndHeadersParserException,
    zlib.error,
    EOFError,
    ValueError,
    # warcio trips over records cut inside their header (a missing WARC-Target-URI reaches
    # `None.startswith`): in a truncated archive these mean "corrupt", not a bug of ours.
    AttributeError,
    IndexError,
    TypeError,
)


class _BrokenRecord(Exception):
    """A record that is not WARC or that the file ends inside of."""


def read_warc(path: Path, settings: IngestSettings) -> Iterator[RawDocument | InputError]:
    """Documents of the archive's HTML pages in archive order, errors in place of bad records."""
    source = str(path)
    try:
        stream = path.open("rb")
        size = path.stat().st_size
    except OSError as exc:
        yield InputError(source, f"cannot be read ({exc.strerror or exc})")
        return
    with stream:
        yield from _archive_items(stream, size, source, settings)


def record_id(uri: str) -> str:
    """A short id that is the same for the same URI in every run and every archive."""
    return hashlib.sha1(uri.encode("utf-8"), usedforsecurity=False).hexdigest()[:12]


def _archive_items(
    stream: IO[bytes], size: int, source: str, settings: IngestSettings
) -> Iterator[RawDocument | InputError]:
    if size == 0:
        yield InputError(source, "empty archive (no records; expected a WARC file)")
        return
    archive = ArchiveIterator(stream)
    done, pages, start = 0, 0, archive.offset  # start: where the record being read begins
    try:
        for record in archive:
            _require_warc_header(record)
            items = list(_record_items(record, f"{source}#{done}", settings))
            _require_complete(archive, record)  # before yielding: a cut-off page is no article
            done, start, pages = done + 1, archive.offset, pages + len(items)
            yield from items
    except (*_ARCHIVE_ERRORS, _BrokenRecord) as exc:
        problem = f"corrupt or truncated archive ({_first_line(exc)})"
        yield InputError(source, _stopped_at(start, done, problem))
        return
    if archive.offset < size:  # gzip members that end early stop warcio without an error
        yield InputError(source, _stopped_at(archive.offset, done, "unreadable data"))
    elif pages == 0:
        yield InputError(source, "archive holds no HTML pages (expected archived web pages)")


def _require_warc_header(record: Any) -> None:
    # warcio reads almost anything as some record (text lines become ARC records): only a
    # WARC header with its mandatory Content-Length counts as a record here.
    if record.format != "warc":
        raise _BrokenRecord("not a WARC record header")
    if record.length is None:
        raise _BrokenRecord("the record header is cut off")


def _require_complete(archive: ArchiveIterator, record: Any) -> None:
    archive.read_to_end()
    missing = getattr(record.raw_stream, "limit", 0)
    if missing > 0:
        raise _BrokenRecord(f"the record lacks {missing} of its bytes")


def _first_line(exc: Exception) -> str:
    lines = [line.strip() for line in str(exc).splitlines() if line.strip()]
    return lines[0] if lines else type(exc).__name__  # warcio's messages run over many lines


def _stopped_at(offset: int, index: int, problem: str) -> str:
    return (
        f"{problem} at byte {offset}, record {index}; the records before it were read, "
        "the rest of the file was skipped (expected a complete WARC file)"
    )


def _record_items(
    record: Any, source: str, settings: IngestSettings
) -> Iterator[RawDocument | InputError]:
    if record.rec_type != "response" or record.http_headers is None:
        return
    content_type = record.http_headers.get_header("Content-Type") or "text/html"
    mime, charset = _media_type(content_type)
    status = record.http_headers.get_statuscode() or ""
    if mime not in HTML_CONTENT_TYPES or status.startswith("3"):
        return
    if status != "200":
        yield InputError(source, f"HTTP status {status}, not an article page (expected 200)")
        return
    try:
        yield _record_document(record, source, charset, settings)
    except InputError as error:
        yield error


def _record_document(
    record: Any, source: str, charset: str | None, settings: IngestSettings
) -> RawDocument:
    payload = record.content_stream().read(settings.max_bytes + 1)
    if len(payload) > settings.max_bytes:
        raise InputError(source, f"page is more than the limit of {settings.max_bytes} bytes")
    uri = record.rec_headers.get_header("WARC-Target-URI") or ""
    document = html_to_document(
        _decode_by_header(payload, charset), doc_id=record_id(uri), source=source,
        url=uri or None, settings=settings,
    )  # fmt: skip
    return replace(document, crawled=record.rec_headers.get_header("WARC-Date") or None)


def _media_type(content_type: str) -> tuple[str, str | None]:
    """("text/html", "utf-8") from "text/html; charset=UTF-8"."""
    mime, *params = (part.strip() for part in content_type.split(";"))
    charset = next(
        (
            p.split("=", 1)[1].strip("\"' ").lower()
            for p in params
            if p.lower().startswith("charset=")
        ),
        None,
    )
    return mime.lower(), charset or None


def _decode_by_header(payload: bytes, charset: str | None) -> str | bytes:
    """The HTTP header's charset wins over the page's own (as in browsers) when it decodes;
    otherwise the bytes go on to the page's declaration and detection."""
    if charset:
        try:
            return payload.decode(charset)
        except (UnicodeDecodeError, LookupError):
            pass  # a wrong header: html_to_document tries the page's declaration, then detection
    return payload
