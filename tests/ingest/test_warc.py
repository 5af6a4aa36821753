"""Web archives built here with warcio from the HTML fixtures, gzip-compressed and plain."""

from __future__ import annotations

import gzip
import io
from functools import cache
from pathlib import Path

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st
from warcio.archiveiterator import ArchiveIterator
from warcio.statusandheaders import StatusAndHeaders
from warcio.warcwriter import WARCWriter

from synopse.clean.article import to_article
from synopse.config import IngestSettings, Settings
from synopse.errors import InputError
from synopse.ingest.files import RawDocument
from synopse.ingest.warc import read_warc, record_id

HTML = Path(__file__).parent / "fixtures" / "html"
SETTINGS = IngestSettings()
CRAWLED = "2025-03-15T07:12:09Z"
RHEINBLATT_URI = "https://www.rheinblatt.example/koeln/grossbrand-lagerhalle-100.html?utm=feed"
ELBKURIER_URI = "https://elbkurier.example/sachsen/landtag-haushalt"
ALPENBOTE_URI = "https://alpenbote.example/allgaeu/lawinengefahr"

# (record type, URI, HTTP status, HTTP headers, payload); None as status: no HTTP block.
Record = tuple[str, str, str | None, list[tuple[str, str]], bytes]


def _records() -> list[Record]:
    html = "text/html; charset=utf-8"
    return [
        ("request", RHEINBLATT_URI, None, [], b"GET /koeln/ HTTP/1.1\r\nHost: x\r\n\r\n"),
        ("response", RHEINBLATT_URI, "200 OK", [("Content-Type", html)], _page("rheinblatt_brand")),
        ("response", "https://rheinblatt.example/bild.jpg", "200 OK",
         [("Content-Type", "image/jpeg")], b"\xff\xd8\xff\xe0JFIF" + bytes(300)),
        ("response", "https://elbkurier.example/alt", "301 Moved Permanently",
         [("Content-Type", html), ("Location", ELBKURIER_URI)], b"<html>moved</html>"),
        ("response", ELBKURIER_URI, "200 OK",
         [("Content-Type", "text/html"), ("Content-Encoding", "gzip")],
         gzip.compress(_page("elbkurier_haushalt"))),
        ("metadata", ELBKURIER_URI, None, [], b"outlinks: https://elbkurier.example/\n"),
        ("response", "https://elbkurier.example/fehlt", "404 Not Found",
         [("Content-Type", html)], b"<html><body><h1>Seite nicht gefunden</h1></body></html>"),
        ("response", ALPENBOTE_URI, "200 OK",
         [("Content-Type", "text/html; charset=windows-1252")], _page("alpenbote_lawine_cp1252")),
        ("response", "https://stadtanzeiger.example/", "200 OK",
         [("Content-Type", html)], _page("stadtanzeiger_startseite")),
    ]  # fmt: skip


def _page(name: str) -> bytes:
    return (HTML / f"{name}.html").read_bytes()


@cache
def _archive(compressed: bool) -> bytes:
    buffer = io.BytesIO()
    writer = WARCWriter(buffer, gzip=compressed)
    writer.write_record(writer.create_warcinfo_record("test.warc", {"software": "synopse-test"}))
    for kind, uri, status, headers, payload in _records():
        http = StatusAndHeaders(status, headers, protocol="HTTP/1.1") if status else None
        record = writer.create_warc_record(
            uri, kind, payload=io.BytesIO(payload), http_headers=http,
            warc_headers_dict={"WARC-Date": CRAWLED},
        )  # fmt: skip
        writer.write_record(record)
        record.raw_stream.close()  # warcio spools the payload to a temporary file
    return buffer.getvalue()


def _offsets(data: bytes) -> list[int]:
    archive = ArchiveIterator(io.BytesIO(data))
    return [archive.get_record_offset() for _ in archive]


def _write(tmp_path: Path, data: bytes, compressed: bool) -> Path:
    path = tmp_path / ("crawl.warc.gz" if compressed else "crawl.warc")
    path.write_bytes(data)
    return path


def _summary(items: list[RawDocument | InputError]) -> list[str]:
    return [item.source if isinstance(item, RawDocument) else f"error {item}" for item in items]


@pytest.mark.parametrize("compressed", [True, False])
def test_every_html_page_with_status_200_becomes_a_document(
    tmp_path: Path, compressed: bool
) -> None:
    path = _write(tmp_path, _archive(compressed), compressed)
    items = list(read_warc(path, SETTINGS))
    assert _summary(items) == [
        f"{path}#2",
        f"{path}#5",
        f"error {path}#7: HTTP status 404, not an article page (expected 200)",
        f"{path}#8",
        f"{path}#9",  # a front page of teasers: the cleaner finds no article text in it
    ]
    front_page = items[-1]
    assert isinstance(front_page, RawDocument)
    with pytest.raises(InputError, match="no article text left"):
        to_article(front_page, Settings())


@pytest.mark.parametrize("compressed", [True, False])
def test_archived_pages_carry_uri_id_crawl_date_and_page_metadata(
    tmp_path: Path, compressed: bool
) -> None:
    path = _write(tmp_path, _archive(compressed), compressed)
    rheinblatt, elbkurier, _, alpenbote, _ = read_warc(path, SETTINGS)
    assert isinstance(rheinblatt, RawDocument)
    assert isinstance(elbkurier, RawDocument)
    assert isinstance(alpenbote, RawDocument)
    assert (rheinblatt.id, rheinblatt.crawled, rheinblatt.outlet, rheinblatt.published) == (
        record_id(RHEINBLATT_URI), CRAWLED, "Rheinblatt", "2025-03-14",
    )  # fmt: skip
    # The page's canonical link wins over the crawled URI with its tracking parameter.
    assert rheinblatt.url == RHEINBLATT_URI.split("?")[0]
    assert (elbkurier.url, elbkurier.author) == (ELBKURIER_URI, "Tobias Wendland")
    assert "Nach einer mehr als zwölfstündigen Sitzung" in elbkurier.text
    assert "zwischen 45 und 60 €" in alpenbote.text
    assert "Alle Rechte vorbehalten" not in rheinblatt.text


def test_ids_are_short_stable_hashes_of_the_uri() -> None:
    assert record_id(ELBKURIER_URI) == record_id(ELBKURIER_URI)
    assert record_id(ELBKURIER_URI) != record_id(ELBKURIER_URI + "/")
    assert len(record_id(ELBKURIER_URI)) == 12
    assert set(record_id(ELBKURIER_URI)) <= set("0123456789abcdef")


@pytest.mark.parametrize("compressed", [True, False])
def test_truncated_archive_keeps_the_pages_before_the_cut_and_names_the_offset(
    tmp_path: Path, compressed: bool
) -> None:
    data = _archive(compressed)
    alpenbote_offset = _offsets(data)[8]
    path = _write(tmp_path, data[: alpenbote_offset + 700], compressed)
    items = list(read_warc(path, SETTINGS))
    assert _summary(items)[:3] == [
        f"{path}#2",
        f"{path}#5",
        f"error {path}#7: HTTP status 404, not an article page (expected 200)",
    ]
    [error] = items[3:]
    assert isinstance(error, InputError)
    assert error.source == str(path)
    assert f"at byte {alpenbote_offset}, record 8" in error.problem
    assert "the rest of the file was skipped" in error.problem


@pytest.mark.parametrize("compressed", [True, False])
def test_garbage_after_the_last_record_is_an_error_at_its_offset(
    tmp_path: Path, compressed: bool
) -> None:
    data = _archive(compressed)
    junk = gzip.compress(b"kein WARC mehr") if compressed else b"kein WARC mehr\r\n\r\n"
    path = _write(tmp_path, data + junk, compressed)
    *pages, error = read_warc(path, SETTINGS)
    assert len(pages) == 5
    assert isinstance(error, InputError)
    assert f"at byte {len(data)}, record 10;" in error.problem


@pytest.mark.parametrize(
    ("content", "problem"),
    [
        (b"Das ist kein Webarchiv, sondern ein Brief.\n" * 5, "corrupt or truncated archive"),
        (gzip.compress(b"WARC/1.0\r\nWARC-Type: resp"), "corrupt or truncated archive"),
        (b"", "empty archive"),
    ],
)
def test_files_that_are_not_archives_are_errors_at_byte_zero(
    tmp_path: Path, content: bytes, problem: str
) -> None:
    path = tmp_path / "kaputt.warc"
    path.write_bytes(content)
    [error] = read_warc(path, SETTINGS)
    assert isinstance(error, InputError)
    assert error.problem.startswith(problem)
    assert "byte 0" in error.problem or not content


def test_archive_without_html_pages_says_so(tmp_path: Path) -> None:
    buffer = io.BytesIO()
    writer = WARCWriter(buffer, gzip=True)
    writer.write_record(writer.create_warcinfo_record("bilder.warc", {"software": "test"}))
    path = tmp_path / "bilder.warc.gz"
    path.write_bytes(buffer.getvalue())
    [error] = read_warc(path, SETTINGS)
    assert isinstance(error, InputError)
    assert error.problem == "archive holds no HTML pages (expected archived web pages)"


def test_oversized_record_is_an_error_and_reading_goes_on(tmp_path: Path) -> None:
    path = _write(tmp_path, _archive(True), True)
    limit = len(_page("rheinblatt_brand")) - 1  # the other pages are smaller
    items = list(read_warc(path, IngestSettings(max_bytes=limit)))
    first = items[0]
    assert isinstance(first, InputError)
    assert first.problem == f"page is more than the limit of {limit} bytes"
    assert _summary(items[1:2]) == [f"{path}#5"]


def test_missing_archive_is_an_error(tmp_path: Path) -> None:
    [error] = read_warc(tmp_path / "fehlt.warc.gz", SETTINGS)
    assert isinstance(error, InputError)
    assert error.problem.startswith("cannot be read")


@settings(max_examples=50, deadline=None)
@given(compressed=st.booleans(), fraction=st.floats(min_value=0.0, max_value=1.0))
def test_an_archive_cut_anywhere_gives_a_prefix_of_the_documents_and_at_most_one_error(
    tmp_path_factory: pytest.TempPathFactory, compressed: bool, fraction: float
) -> None:
    data = _archive(compressed)
    cut = data[: int(len(data) * fraction)]
    path = _write(tmp_path_factory.mktemp("cut"), cut, compressed)
    whole = _write(tmp_path_factory.mktemp("whole"), data, compressed)
    full = [item.text for item in read_warc(whole, SETTINGS) if isinstance(item, RawDocument)]
    items = list(read_warc(path, SETTINGS))
    texts = [item.text for item in items if isinstance(item, RawDocument)]
    assert texts == full[: len(texts)]
    archive_errors = [i for i in items if isinstance(i, InputError) and i.source == str(path)]
    assert len(archive_errors) <= 1
