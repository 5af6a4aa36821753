"""Read articles from JSON and JSON Lines exports (scrapers, news-please, APIs).

Accepted shapes:
  * `.jsonl` / `.ndjson`: one article object per line, read line by line (a file of any size
    is streamed; each line is capped at `IngestSettings.max_bytes`);
  * `.json`: an array of article objects, an object holding such an array under "articles",
    "items" or "data", or one article object. (A `.json` file that turns out to hold one
    object per line is read as JSON Lines.)

Each article field is taken from the first input field present (`DEFAULT_FIELDS`):

    title      title, headline, name
    text       text, body, content, article, maintext          (required)
    url        url, link, href
    published  date, published, published_at, pubDate, datePublished, date_publish
    outlet     outlet, source, publisher, site_name, source_domain   ({"name": ...} allowed)
    author     author, authors, byline                 (a list is joined with ", ")
    id         id, guid, uuid                          (else "<file stem>-<line or index>")
    crawled    crawled, crawled_at, date_download

`IngestSettings.field_map` (CLI: `--map title=headline,text=body.content`) names the input
field for an article field instead; a dotted path reads into nested objects. Numbers are
accepted for `id`, and for `published`/`crawled` as Unix timestamps. A text that is an HTML
page or fragment is reduced to its main text by `html_to_document`; the record's own
metadata wins over what the page says.

A record that cannot be used (not an object, no text, a field of the wrong type, bad JSON on
its line) becomes an `InputError` whose source is `path:line` (JSON Lines) or `path#index`
(JSON); the batch goes on.
"""

from __future__ import annotations

import json
import re
from collections.abc import Iterator, Mapping
from dataclasses import replace
from datetime import UTC, datetime
from pathlib import Path
from typing import IO, Any

from synopse.config import IngestSettings
from synopse.errors import ConfigError, InputError
from synopse.ingest.files import RawDocument
from synopse.ingest.html import html_to_document

DEFAULT_FIELDS: dict[str, tuple[str, ...]] = {
    "title": ("title", "headline", "name"),
    "text": ("text", "body", "content", "article", "maintext"),
    "url": ("url", "link", "href"),
    "published": (
        *("date", "published", "published_at", "pubDate", "datePublished", "date_publish"),
    ),
    "outlet": ("outlet", "source", "publisher", "site_name", "source_domain"),
    "author": ("author", "authors", "byline"),
    "id": ("id", "guid", "uuid"),
    "crawled": ("crawled", "crawled_at", "date_download"),
}
WRAPPER_KEYS = ("articles", "items", "data")
JSON_LINES_SUFFIXES = (".jsonl", ".ndjson")
# A .json file is parsed whole (the json module cannot stream); larger exports belong in JSONL.
MAX_JSON_FILE_BYTES = 200_000_000

_ID_UNSAFE = re.compile(r"[^\w.-]+")
_HTML_TAG = re.compile(r"<(?:!doctype\s|/?[a-z][a-z0-9]*(?:\s[^<>]*)?/?>)", re.IGNORECASE)
_READ_CHUNK = 1 << 16
# "2025-01-08 06:45:00" (SQL style, common in scraper exports) -> ISO 8601 with a "T"
_SPACED_DATETIME = re.compile(r"^(\d{4}-\d{2}-\d{2}) (\d{2}:\d{2})")
FieldPaths = dict[str, tuple[tuple[str, ...], ...]]


# --- field map --------------------------------------------------------------------------------


def parse_field_map(spec: str) -> tuple[tuple[str, str], ...]:
    """`"title=headline,text=body.content"` as (article field, input path) pairs."""
    pairs: list[tuple[str, str]] = []
    for item in filter(None, (part.strip() for part in spec.split(","))):
        field, equals, path = (s.strip() for s in item.partition("="))
        if not equals or not field or not path:
            raise ConfigError(f"--map: {item!r} is not FIELD=INPUT_FIELD (e.g. title=headline)")
        pairs.append((field, path))
    return check_field_map(tuple(pairs))


def check_field_map(pairs: tuple[tuple[str, str], ...]) -> tuple[tuple[str, str], ...]:
    """The pairs unchanged, or a ConfigError naming an unknown or repeated article field."""
    seen: set[str] = set()
    for field, path in pairs:
        if field not in DEFAULT_FIELDS:
            valid = ", ".join(DEFAULT_FIELDS)
            raise ConfigError(
                f"field map: unknown article field {field!r}; expected one of {valid}"
            )
        if field in seen:
            raise ConfigError(f"field map: article field {field!r} is mapped twice")
        if not all(path.split(".")):
            raise ConfigError(f"field map: {field}={path!r} has an empty part in its path")
        seen.add(field)
    return pairs


def field_paths(field_map: tuple[tuple[str, str], ...]) -> FieldPaths:
    """For each article field, the input paths to try in order (a mapped field: only its own)."""
    paths: FieldPaths = {
        field: tuple((name,) for name in names) for field, names in DEFAULT_FIELDS.items()
    }
    for field, path in check_field_map(field_map):
        paths[field] = ((path,), tuple(path.split("."))) if "." in path else ((path,),)
    return paths


# --- reading files ----------------------------------------------------------------------------


def read_json(path: Path, settings: IngestSettings) -> Iterator[RawDocument | InputError]:
    """Every article of a .json, .jsonl or .ndjson file, or the error that stopped a record."""
    paths = field_paths(settings.field_map)
    if path.name.lower().endswith(JSON_LINES_SUFFIXES):
        yield from _read_json_lines(path, paths, settings)
    else:
        yield from _read_json_document(path, paths, settings)


def _read_json_lines(
    path: Path, paths: FieldPaths, settings: IngestSettings
) -> Iterator[RawDocument | InputError]:
    records = 0
    try:
        with path.open("rb") as stream:
            for number, line in enumerate(_capped_lines(stream, settings.max_bytes), start=1):
                if line is None or line.strip():
                    records += 1
                    yield _line_record(line, path, number, paths, settings)
    except OSError as exc:
        yield InputError(str(path), f"cannot be read ({exc.strerror or exc})")
        return
    if not records:
        yield InputError(str(path), f"holds no article records; {_EXPECTED_LINES}")


def _capped_lines(stream: IO[bytes], max_bytes: int) -> Iterator[bytes | None]:
    """Each line of `stream`; None in place of a line longer than `max_bytes`, which is skipped
    without being held in memory."""
    while line := stream.readline(max_bytes + 1):
        if len(line) <= max_bytes or line.endswith(b"\n"):
            yield line
            continue
        while (rest := stream.readline(_READ_CHUNK)) and not rest.endswith(b"\n"):
            pass  # drain the rest of the overlong line
        yield None


def _line_record(
    line: bytes | None, path: Path, number: int, paths: FieldPaths, settings: IngestSettings
) -> RawDocument | InputError:
    source = f"{path}:{number}"
    if line is None:
        return InputError(source, f"line is longer than the limit of {settings.max_bytes} bytes")
    try:
        text = line.decode(settings.encoding).rstrip("\r\n")
        record = json.loads(text.removeprefix("\ufeff") if number == 1 else text)
    except UnicodeDecodeError as exc:
        return InputError(source, f"not {settings.encoding.upper()} (byte offset {exc.start})")
    except json.JSONDecodeError as exc:
        return InputError(source, f"invalid JSON at column {exc.colno}: {exc.msg}")
    return record_to_document(record, source, f"{path.stem}-{number}", paths, settings)


def _read_json_document(
    path: Path, paths: FieldPaths, settings: IngestSettings
) -> Iterator[RawDocument | InputError]:
    source = str(path)
    try:
        data = _load_json(path, settings)
    except InputError as error:
        yield error
        return
    except _JsonLinesAfterAll:
        yield from _read_json_lines(path, paths, settings)
        return
    records, single = _records(data, source)
    if not records:
        yield InputError(source, f"holds no article records; {_EXPECTED_SHAPE}")
    for index, record in enumerate(records):
        where = source if single else f"{path}#{index}"
        yield record_to_document(record, where, f"{path.stem}-{index}", paths, settings)


class _JsonLinesAfterAll(Exception):
    """A .json file holding one JSON value per line."""


def _load_json(path: Path, settings: IngestSettings) -> Any:
    source = str(path)
    try:
        if path.stat().st_size > MAX_JSON_FILE_BYTES:
            raise InputError(
                source, f"JSON file is larger than {MAX_JSON_FILE_BYTES} bytes; export it as JSONL"
            )
        return json.loads(path.read_bytes().decode(settings.encoding).removeprefix("\ufeff"))
    except OSError as exc:
        raise InputError(source, f"cannot be read ({exc.strerror or exc})") from exc
    except UnicodeDecodeError as exc:
        raise InputError(
            source, f"not {settings.encoding.upper()} (byte 0x{exc.object[exc.start]:02x} at "
            f"offset {exc.start}); re-encode the file or pass --encoding",
        ) from exc  # fmt: skip
    except json.JSONDecodeError as exc:
        if exc.msg == "Extra data" and exc.colno == 1:
            raise _JsonLinesAfterAll from exc
        raise InputError(
            source, f"invalid JSON at line {exc.lineno}, column {exc.colno}: {exc.msg}"
        ) from exc


def _records(data: Any, source: str) -> tuple[list[Any], bool]:
    """(records, whether the file is one article object)."""
    if isinstance(data, list):
        return data, False
    if isinstance(data, dict):
        for key in WRAPPER_KEYS:
            if isinstance(data.get(key), list):
                return data[key], False
        return [data], True
    return [InputError(source, _EXPECTED_SHAPE)], True


_EXPECTED_SHAPE = (
    "expected an array of article objects, an object with an "
    + "/".join(WRAPPER_KEYS)
    + " array, or one article object"
)
_EXPECTED_LINES = "expected one article object per line"


# --- one record -------------------------------------------------------------------------------


def record_to_document(
    record: Any, source: str, fallback_id: str, paths: FieldPaths, settings: IngestSettings
) -> RawDocument | InputError:
    """One JSON record as a RawDocument, or the InputError that names what is wrong with it."""
    if isinstance(record, InputError):
        return record
    if not isinstance(record, dict):
        return InputError(source, f"record is {_kind(record)}; expected an article object")
    try:
        fields = {name: _field(record, name, paths[name]) for name in DEFAULT_FIELDS}
        text = _text(fields.pop("text"), paths["text"])
    except _FieldError as error:
        return InputError(source, str(error))
    document = RawDocument(
        _ID_UNSAFE.sub("_", fields["id"] or fallback_id), source, text, title=fields["title"],
        url=fields["url"], published=fields["published"], outlet=fields["outlet"],
        author=fields["author"], crawled=fields["crawled"], extracted=True,
    )  # fmt: skip
    return _from_html(document, settings) if _is_html(text) else document


class _FieldError(Exception):
    pass


def _field(record: Mapping[str, Any], name: str, paths: tuple[tuple[str, ...], ...]) -> str | None:
    """The first candidate that holds a non-blank value; a value of the wrong type is an error
    even when a later candidate would do (the record is not what the user thinks it is)."""
    for path in paths:
        value = _lookup(record, path)
        text = None if value is None else _as_string(value, name, ".".join(path))
        if text and text.strip():
            return text
    return None


def _lookup(record: Mapping[str, Any], path: tuple[str, ...]) -> Any:
    value: Any = record
    for key in path:
        if not isinstance(value, dict):
            return None
        value = value.get(key)
    return value


def _text(text: str | None, paths: tuple[tuple[str, ...], ...]) -> str:
    if text is None:
        looked = ", ".join(dict.fromkeys(".".join(path) for path in paths))
        raise _FieldError(f"article text is missing or empty (looked for {looked})")
    return text.replace("\r\n", "\n")


def _as_string(value: Any, name: str, key: str) -> str | None:
    """The field's value as text; lists of names are joined, {"name": ...} objects unwrapped."""
    if isinstance(value, str):
        if name in ("published", "crawled"):
            return _SPACED_DATETIME.sub(r"\1T\2", value.strip())
        return value if name == "text" else value.strip()
    if isinstance(value, dict) and name in ("outlet", "author") and "name" in value:
        return _as_string(value["name"], name, f"{key}.name")
    if isinstance(value, list) and name == "author":
        names = [_as_string(item, name, key) for item in value]
        return ", ".join(n for n in names if n) or None
    is_number = isinstance(value, int | float) and not isinstance(value, bool)
    if is_number and name == "id":
        return str(value)
    if is_number and name in ("published", "crawled"):
        return _from_timestamp(value, key)
    label = repr(key) if key == name else f"{key!r} ({name})"
    raise _FieldError(f"field {label} is {_kind(value)}; expected {_EXPECTED[name]}")


_EXPECTED = {
    "title": "a string",
    "text": "a string",
    "url": "a string",
    "published": "an ISO date string or a Unix timestamp",
    "crawled": "an ISO date string or a Unix timestamp",
    "outlet": 'a string or {"name": ...}',
    "author": 'a string, {"name": ...} or a list of them',
    "id": "a string or a number",
}


def _from_timestamp(value: float, key: str) -> str:
    seconds = value / 1000 if value > 1e11 else value  # millisecond timestamps are common too
    try:
        return datetime.fromtimestamp(seconds, UTC).isoformat(timespec="seconds")
    except (OverflowError, OSError, ValueError) as exc:
        raise _FieldError(f"field {key!r} is not a usable Unix timestamp ({value})") from exc


def _kind(value: Any) -> str:
    kinds = {dict: "an object", list: "an array", bool: "a boolean", str: "a string"}
    if value is None:
        return "null"
    return kinds.get(type(value), "a number" if isinstance(value, int | float) else "unknown")


def _is_html(text: str) -> bool:
    return text.lstrip().startswith("<") and len(_HTML_TAG.findall(text, 0, 20_000)) >= 2


def _from_html(document: RawDocument, settings: IngestSettings) -> RawDocument | InputError:
    """The page's main text and metadata, with the record's own metadata kept over the page's."""
    try:
        page = html_to_document(
            document.text, doc_id=document.id, source=document.source, url=document.url,
            settings=settings,
        )  # fmt: skip
    except InputError as error:
        return error
    known = {
        name: getattr(document, name)
        for name in ("title", "url", "published", "outlet", "author", "crawled")
        if getattr(document, name) is not None
    }
    return replace(page, **known)
