from __future__ import annotations

import gzip
import socket
from collections.abc import Iterator
from dataclasses import replace
from pathlib import Path

import pytest
from hypothesis import given
from hypothesis import strategies as st

from synopse.config import IngestSettings
from synopse.errors import InputError
from synopse.ingest import web
from synopse.ingest.files import RawDocument
from synopse.ingest.web import Fetcher, Response, kind_of, read_url, stable_id
from tests.ingest.httpserver import LocalServer, Reply, http_server

__all__ = ["http_server"]  # the fixture, imported so pytest finds it

FIXTURES = Path(__file__).parent / "fixtures" / "web"
# a generous timeout: a loaded CI machine must not turn a slow local answer into a failure;
# the timeout test below uses its own short one against a server that waits far longer
SETTINGS = IngestSettings(
    timeout=10.0, max_bytes=50_000, max_redirects=3, user_agent="synopse-test"
)
HTML = (("Content-Type", "text/html; charset=utf-8"),)


def fixture(name: str, server: LocalServer | None = None) -> bytes:
    text = (FIXTURES / name).read_text(encoding="utf-8")
    return (text.replace("{base}", server.base) if server else text).encode("utf-8")


def page(name: str) -> Reply:
    return Reply(body=fixture(name), headers=HTML)


@pytest.fixture
def fetcher() -> Iterator[Fetcher]:
    with Fetcher(SETTINGS) as shared:
        yield shared


def only_error(items: list[RawDocument | InputError]) -> InputError:
    (error,) = items
    assert isinstance(error, InputError), error
    return error


def only_document(items: list[RawDocument | InputError]) -> RawDocument:
    (document,) = items
    assert isinstance(document, RawDocument), document
    return document


def with_articles(server: LocalServer) -> None:
    server.route("/artikel/faehre", page("faehre.html"))
    server.route("/artikel/schwimmbad", page("schwimmbad.html"))


# --- pages ------------------------------------------------------------------------------------


def test_an_html_article_is_fetched_with_its_metadata(http_server: LocalServer) -> None:
    url = http_server.route("/artikel/faehre", page("faehre.html"))
    document = only_document(list(read_url(url, SETTINGS)))
    assert "pendelt eine elektrisch betriebene Fähre" in document.text
    assert "Impressum" not in document.text
    assert document.title == "Neue Fähre verbindet Kiel und die Probstei"
    assert (document.outlet, document.url, document.source) == ("Küstenbote", url, url)
    assert document.id == stable_id(url) and len(document.id) == 12
    assert document.crawled is not None and document.crawled.endswith("+00:00")
    assert http_server.requests[0][1]["User-Agent"] == "synopse-test"


def test_a_plain_text_response_is_the_article(http_server: LocalServer, fetcher: Fetcher) -> None:
    reply = Reply(body=(FIXTURES / "meldung.txt").read_bytes(),
                  headers=(("Content-Type", "text/plain; charset=utf-8"),))  # fmt: skip
    url = http_server.route("/meldung", reply)
    document = only_document(list(fetcher.read(url)))
    assert document.text.startswith("Kurzmeldung: Die Brücke über den Kanal")
    assert "\r" not in document.text and document.url == url


def test_a_cp1252_text_without_charset_is_decoded_with_a_note(
    http_server: LocalServer, fetcher: Fetcher
) -> None:
    text = (
        "Die Brücke über den Kanal ist bis Freitag gesperrt. Umleitungen für Autos sind "
        "ausgeschildert, Fußgänger können die Fähre nutzen. Die Stadt begründet die Sperrung "
        "mit Schäden am Geländer, die nach dem Sturm der vergangenen Woche entdeckt wurden.\n"
    )
    reply = Reply(body=text.encode("cp1252"), headers=(("Content-Type", "text/plain"),))
    document = only_document(list(fetcher.read(http_server.route("/alt", reply))))
    assert (document.text, document.notes) == (text, ("decoded as cp1252 (not valid UTF-8)",))


def test_a_gzip_encoded_page_is_decoded(http_server: LocalServer, fetcher: Fetcher) -> None:
    headers = (*HTML, ("Content-Encoding", "gzip"))
    url = http_server.route(
        "/gz", Reply(body=gzip.compress(fixture("faehre.html")), headers=headers)
    )
    assert "elektrisch betriebene Fähre" in only_document(list(fetcher.read(url))).text


def test_an_unlabelled_html_body_is_recognised_by_its_first_bytes(
    http_server: LocalServer, fetcher: Fetcher
) -> None:
    url = http_server.route("/ohne-typ", Reply(body=fixture("schwimmbad.html")))
    assert "Freibad am Stadtpark" in only_document(list(fetcher.read(url))).text


# --- redirects --------------------------------------------------------------------------------


def redirect(to: str) -> Reply:
    return Reply(302, headers=(("Location", to),))


def test_a_redirect_chain_ends_at_the_article_with_its_final_url(
    http_server: LocalServer, fetcher: Fetcher
) -> None:
    start = http_server.route("/kurz", redirect("/weiter"))
    http_server.route("/weiter", redirect(http_server.url("/artikel/faehre")))
    with_articles(http_server)
    document = only_document(list(fetcher.read(start)))
    assert document.url == http_server.url("/artikel/faehre")
    assert document.source == start
    assert document.id == stable_id(http_server.url("/artikel/faehre"))


def test_a_redirect_loop_is_named_as_a_loop(http_server: LocalServer, fetcher: Fetcher) -> None:
    start = http_server.route("/a", redirect("/b"))
    http_server.route("/b", redirect("/a"))
    error = only_error(list(fetcher.read(start)))
    assert error.source == start
    assert error.problem == f"redirect loop: {start} -> {http_server.url('/b')} -> {start}"


def test_more_redirects_than_allowed_is_an_error(
    http_server: LocalServer, fetcher: Fetcher
) -> None:
    for n in range(5):
        http_server.route(f"/hop{n}", redirect(f"/hop{n + 1}"))
    error = only_error(list(fetcher.read(http_server.url("/hop0"))))
    assert error.problem == f"more than 3 redirects (last to {http_server.url('/hop4')})"


# --- failures ---------------------------------------------------------------------------------


@pytest.mark.parametrize(("status", "words"), [(404, "Not Found"), (500, "Internal Server Error")])
def test_an_http_error_status_is_named(
    http_server: LocalServer, fetcher: Fetcher, status: int, words: str
) -> None:
    url = http_server.route("/kaputt", Reply(status, b"Fehler", HTML))
    error = only_error(list(fetcher.read(url)))
    assert (error.source, error.problem) == (url, f"HTTP {status} {words}")


def test_a_slow_server_times_out(http_server: LocalServer) -> None:
    url = http_server.route("/langsam", Reply(body=fixture("faehre.html"), headers=HTML, delay=30))
    with Fetcher(replace(SETTINGS, timeout=0.5)) as impatient:
        error = only_error(list(impatient.read(url)))
    assert error.problem.startswith("no answer within 0.5 s")


def test_a_refused_connection_is_an_error(fetcher: Fetcher) -> None:
    with socket.socket() as probe:  # a port that was free a moment ago and has no listener
        probe.bind(("127.0.0.1", 0))
        port = probe.getsockname()[1]
    error = only_error(list(fetcher.read(f"http://127.0.0.1:{port}/")))
    assert error.problem.startswith("cannot connect")


@pytest.mark.parametrize("url", ["ftp://127.0.0.1/artikel", "http://", "http://[::1"])
def test_a_url_that_is_not_http_is_an_error(fetcher: Fetcher, url: str) -> None:
    error = only_error(list(fetcher.read(url)))
    assert (error.source, error.problem.startswith("not an http(s) URL")) == (url, True)


def test_a_redirect_to_another_scheme_is_refused(
    http_server: LocalServer, fetcher: Fetcher
) -> None:
    url = http_server.route("/weg", redirect("ftp://127.0.0.1/datei"))
    assert only_error(list(fetcher.read(url))).problem.startswith("not an http(s) URL")


@pytest.mark.parametrize("send_length", [True, False], ids=["declared", "streamed"])
def test_a_response_over_the_size_limit_is_refused(
    http_server: LocalServer, fetcher: Fetcher, send_length: bool
) -> None:
    body = b"<html><body>" + b"<p>Zu lang.</p>" * 10_000 + b"</body></html>"
    url = http_server.route("/gross", Reply(body=body, headers=HTML, send_length=send_length))
    error = only_error(list(fetcher.read(url)))
    assert "more than the limit of 50000" in error.problem or (
        "larger than the limit of 50000 bytes" in error.problem
    )


def test_a_small_gzip_body_that_unpacks_past_the_limit_is_refused(
    http_server: LocalServer, fetcher: Fetcher
) -> None:
    bomb = gzip.compress(b" " * 2_000_000)
    headers = (*HTML, ("Content-Encoding", "gzip"))
    url = http_server.route("/bombe", Reply(body=bomb, headers=headers))
    assert len(bomb) < SETTINGS.max_bytes
    error = only_error(list(fetcher.read(url)))
    assert error.problem == "response is larger than the limit of 50000 bytes"


def test_an_invalid_gzip_body_is_a_clear_error(http_server: LocalServer, fetcher: Fetcher) -> None:
    headers = (*HTML, ("Content-Encoding", "gzip"))
    url = http_server.route("/kaputt.gz", Reply(body=b"das ist kein gzip" * 20, headers=headers))
    error = only_error(list(fetcher.read(url)))
    assert error.problem.startswith("response body cannot be decoded as its Content-Encoding says")


@pytest.mark.parametrize(
    ("content_type", "body"),
    [
        ("image/png", b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR"),
        ("application/pdf", b"%PDF-1.7\n%\xe2\xe3\xcf\xd3\n"),
        ("application/json", b'{"text": "Der Rat tagt."}'),
    ],
)
def test_a_response_of_the_wrong_type_names_url_and_type(
    http_server: LocalServer, fetcher: Fetcher, content_type: str, body: bytes
) -> None:
    url = http_server.route("/datei", Reply(body=body, headers=(("Content-Type", content_type),)))
    error = only_error(list(fetcher.read(url)))
    assert error.source == url
    assert error.problem.startswith(f"content type {content_type} is not a web page, feed")


def test_an_html_page_without_an_article_is_an_error(
    http_server: LocalServer, fetcher: Fetcher
) -> None:
    url = http_server.route("/leer", Reply(body=b"<html><body></body></html>", headers=HTML))
    assert "no main text" in only_error(list(fetcher.read(url))).problem


# --- feeds ------------------------------------------------------------------------------------


@pytest.mark.parametrize(
    "content_type", ["application/rss+xml", "text/xml", "text/html", "application/octet-stream"]
)
def test_an_rss_feed_yields_its_articles_and_the_error_of_a_dead_link(
    http_server: LocalServer, fetcher: Fetcher, content_type: str
) -> None:
    with_articles(http_server)
    reply = Reply(body=fixture("rss.xml", http_server), headers=(("Content-Type", content_type),))
    faehre, gone, bad = list(fetcher.read(http_server.route("/feed.xml", reply)))
    assert isinstance(faehre, RawDocument) and isinstance(bad, RawDocument)
    assert (faehre.title, faehre.published, faehre.author) == (
        "Elektrofähre nimmt Betrieb auf",
        "2025-05-14T08:30:00+02:00",
        "Hanna Brodersen",
    )
    assert faehre.outlet == "Küstenbote"  # the page names itself
    assert bad.outlet == "Küstenbote – Kiel"  # the page does not: the feed's title
    assert bad.url == http_server.url("/artikel/schwimmbad")  # a relative link resolved
    assert isinstance(gone, InputError)
    assert (gone.source, gone.problem) == (
        http_server.url("/artikel/geloescht"),
        "HTTP 404 Not Found",
    )


def test_an_atom_feed_yields_its_articles_with_entry_metadata(
    http_server: LocalServer, fetcher: Fetcher
) -> None:
    with_articles(http_server)
    reply = Reply(body=fixture("atom.xml", http_server),
                  headers=(("Content-Type", "application/atom+xml"),))  # fmt: skip
    document, gone = list(fetcher.read(http_server.route("/atom", reply)))
    assert isinstance(document, RawDocument) and isinstance(gone, InputError)
    assert (document.title, document.published, document.author, document.outlet) == (
        "Freibad am Stadtpark öffnet früher",
        "2025-05-12T11:15:00+02:00",
        "Jonas Albrecht",
        "Stadtspiegel",
    )
    assert "Das Freibad am Stadtpark öffnet am kommenden Samstag" in document.text


def test_a_feed_is_read_up_to_the_entry_cap_and_says_so(
    http_server: LocalServer, fetcher: Fetcher, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr(web, "MAX_FEED_ENTRIES", 1)
    with_articles(http_server)
    reply = Reply(body=fixture("rss.xml", http_server), headers=(("Content-Type", "text/xml"),))
    url = http_server.route("/feed", reply)
    document, note = list(fetcher.read(url))
    assert isinstance(document, RawDocument)
    assert isinstance(note, InputError) and note.problem == "feed has 3 entries; read the first 1"


@pytest.mark.parametrize(
    ("body", "problem"),
    [
        (b"<rss version='2.0'><channel><title>Leer</title></channel></rss>", "feed has no entries"),
        (b"<rss><channel><title>kaputt</rss>", "not a readable RSS/Atom feed"),
    ],
)
def test_a_feed_without_usable_entries_is_an_error(
    http_server: LocalServer, fetcher: Fetcher, body: bytes, problem: str
) -> None:
    reply = Reply(body=body, headers=(("Content-Type", "application/rss+xml"),))
    error = only_error(list(fetcher.read(http_server.route("/feed", reply))))
    assert error.problem.startswith(problem)


def test_a_feed_entry_without_a_link_is_an_error_and_the_rest_go_on(
    http_server: LocalServer, fetcher: Fetcher
) -> None:
    with_articles(http_server)
    body = (
        "<rss version='2.0'><channel><title>Bote</title>"
        "<item><title>Ohne Link</title></item>"
        f"<item><title>Mit Link</title><link>{http_server.url('/artikel/faehre')}</link></item>"
        "</channel></rss>"
    ).encode()
    url = http_server.route("/feed", Reply(body=body, headers=(("Content-Type", "text/xml"),)))
    error, document = list(fetcher.read(url))
    assert isinstance(error, InputError) and error.source == f"{url} entry 1"
    assert isinstance(document, RawDocument) and document.title == "Mit Link"


# --- pure parts -------------------------------------------------------------------------------


@given(body=st.binary(max_size=300), content_type=st.sampled_from(
    ["", "text/html", "text/plain", "text/xml", "image/png", "application/rss+xml"]))  # fmt: skip
def test_any_body_gets_exactly_one_kind(body: bytes, content_type: str) -> None:
    response = Response("http://a.example/", "http://a.example/", content_type, None, body, "")
    assert kind_of(response) in {"feed", "html", "text", "other"}


@given(url=st.text())
def test_the_id_of_a_url_is_stable_and_short(url: str) -> None:
    assert stable_id(url) == stable_id(url)
    assert len(stable_id(url)) == 12 and set(stable_id(url)) <= set("0123456789abcdef")


@pytest.mark.parametrize(
    ("entry", "expected"),
    [
        ({"published": "Wed, 14 May 2025 08:30:00 +0200"}, "2025-05-14T08:30:00+02:00"),
        ({"updated": "2025-05-12T11:15:00Z"}, "2025-05-12T11:15:00+00:00"),
        ({"published": "14. Mai", "published_parsed": (2025, 5, 14, 6, 30, 0, 2, 134, 0)},
         "2025-05-14T06:30:00+00:00"),
        ({}, None),
    ],
)  # fmt: skip
def test_entry_dates_become_iso_with_their_offset(
    entry: dict[str, object], expected: str | None
) -> None:
    assert web.entry_date(entry) == expected
