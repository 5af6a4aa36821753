"""Read articles from the web: a page URL, or an RSS/Atom feed whose entries are fetched.

  1. the URL is fetched with httpx (timeout, User-Agent and redirect limit from
     `IngestSettings`); redirects are followed here, one by one, so a loop is named as a loop;
  2. the body is streamed and refused once it passes `max_bytes` (after gzip decoding, so a
     small compressed bomb is refused too);
  3. by content type, confirmed by sniffing the first bytes: a feed is parsed with feedparser
     and each entry's link fetched as an article (at most MAX_FEED_ENTRIES); HTML goes to
     `html_to_document` with the final URL after redirects; text/plain is the article as is;
     anything else (images, PDF, JSON) is an InputError naming the URL and the type.

A `Fetcher` keeps one connection pool for a batch; `read_url` uses a shared one per settings.
Every failure (timeout, refused connection, HTTP status, redirect loop, oversized or corrupt
body, wrong type) is an `InputError` naming the URL, yielded in place of the document.
"""

from __future__ import annotations

import atexit
import calendar
import codecs
import email.utils
import hashlib
import re
import threading
from collections.abc import Iterator
from dataclasses import dataclass, replace
from datetime import UTC, datetime
from types import TracebackType
from typing import Any
from urllib.parse import urljoin

import feedparser
import httpx

from synopse.config import IngestSettings
from synopse.errors import InputError
from synopse.ingest.encoding import decode_bytes
from synopse.ingest.files import RawDocument
from synopse.ingest.html import html_to_document
from synopse.ingest.ssrf import check_public_url

MAX_FEED_ENTRIES = 200  # a feed is a list of recent articles; more is a mistake or an archive
ID_HEX_DIGITS = 12

HTML_TYPES = frozenset({"text/html", "application/xhtml+xml"})
FEED_TYPES = frozenset({"application/rss+xml", "application/atom+xml", "application/rdf+xml"})
XML_TYPES = frozenset({"application/xml", "text/xml"})  # a feed or XHTML: sniffed
UNLABELLED_TYPES = frozenset({"", "application/octet-stream", "binary/octet-stream"})
ACCEPT = (
    "text/html,application/xhtml+xml,application/rss+xml,application/atom+xml;q=0.9,"
    "application/xml;q=0.8,text/plain;q=0.7"
)
_FEED_ROOT = re.compile(rb"^(?:\s|<\?xml[^>]*>|<!--.*?-->|<!doctype[^>]*>)*<(?:rss|feed|rdf:rdf)\b",
                        re.IGNORECASE | re.DOTALL)  # fmt: skip
_HTML_START = re.compile(rb"^(?:\s|<!--.*?-->)*<(?:!doctype\s+html|html|head|body)\b",
                         re.IGNORECASE | re.DOTALL)  # fmt: skip
_SNIFF_BYTES = 2048


@dataclass(frozen=True, slots=True)
class Response:
    """A fetched body with what is needed to read it."""

    requested: str
    url: str  # after redirects
    content_type: str  # media type only, lower case ("text/html")
    charset: str | None  # from the Content-Type header
    body: bytes
    fetched: str  # ISO date-time, UTC


class Fetcher:
    """One HTTP client (connection pool) for a batch of URLs; use as a context manager."""

    def __init__(self, settings: IngestSettings | None = None) -> None:
        self.settings = settings or IngestSettings()
        self._client = httpx.Client(
            timeout=self.settings.timeout,
            follow_redirects=False,  # followed in _open, to name loops and count hops
            headers={"User-Agent": self.settings.user_agent, "Accept": ACCEPT},
        )

    def __enter__(self) -> Fetcher:
        return self

    def __exit__(
        self, kind: type[BaseException] | None, exc: BaseException | None, tb: TracebackType | None
    ) -> None:
        self.close()

    def close(self) -> None:
        self._client.close()

    def read(self, url: str) -> Iterator[RawDocument | InputError]:
        """The article at `url`, or each article of the feed at `url`; errors in their place."""
        try:
            response = self.fetch(url)
        except InputError as error:
            yield error
            return
        if kind_of(response) == "feed":
            yield from self._read_feed(response)
        else:
            yield _page_or_error(response, self.settings)

    def fetch(self, url: str) -> Response:
        """The body at `url` after redirects, or an InputError saying why there is none."""
        try:
            response = self._open(url)
            try:
                return _response(url, response, self._capped_body(url, response))
            finally:
                response.close()
        except (httpx.HTTPError, httpx.InvalidURL) as exc:  # InvalidURL is no HTTPError
            raise InputError(url, _transport_problem(exc, self.settings)) from exc

    def _open(self, url: str) -> httpx.Response:
        """The first response that is not a redirect (streamed, not yet read)."""
        visited = [url]
        request = self._client.build_request("GET", url)
        while True:
            if not self.settings.allow_private_urls:
                check_public_url(str(request.url))  # every hop: a redirect may point inside
            response = self._client.send(request, stream=True)
            if not response.is_redirect:
                return _checked_status(url, response)
            response.close()
            request = _next_request(url, response, visited, self.settings.max_redirects)

    def _capped_body(self, url: str, response: httpx.Response) -> bytes:
        limit = self.settings.max_bytes
        declared = response.headers.get("content-length", "")
        if declared.isdigit() and int(declared) > limit:
            raise InputError(url, f"response is {declared} bytes, more than the limit of {limit}")
        body = bytearray()
        for chunk in response.iter_bytes():
            body += chunk
            if len(body) > limit:
                raise InputError(url, f"response is larger than the limit of {limit} bytes")
        return bytes(body)

    def _read_feed(self, feed: Response) -> Iterator[RawDocument | InputError]:
        try:
            parsed = _parse_feed(feed)
        except InputError as error:
            yield error
            return
        entries = parsed.entries
        outlet = _clean(parsed.feed.get("title"))
        for number, entry in enumerate(entries[:MAX_FEED_ENTRIES], start=1):
            yield self._read_entry(feed, number, entry, outlet)
        if len(entries) > MAX_FEED_ENTRIES:
            yield InputError(
                feed.requested,
                f"feed has {len(entries)} entries; read the first {MAX_FEED_ENTRIES}",
            )

    def _read_entry(
        self, feed: Response, number: int, entry: Any, outlet: str | None
    ) -> RawDocument | InputError:
        link = _clean(entry.get("link"))
        if not link:
            return InputError(f"{feed.requested} entry {number}", "feed entry has no link")
        link = urljoin(feed.url, link)
        try:
            response = self.fetch(link)
        except InputError as error:
            return error
        if kind_of(response) == "feed":
            return InputError(link, "feed entry links to another feed, not an article")
        page = _page_or_error(response, self.settings)
        return page if isinstance(page, InputError) else _with_entry_metadata(page, entry, outlet)


def read_url(url: str, settings: IngestSettings) -> Iterator[RawDocument | InputError]:
    """The article at `url`, or the articles of the feed at `url`, with errors in their place.
    Calls with equal settings share one connection pool (closed when the process exits)."""
    yield from shared_fetcher(settings).read(url)


_SHARED: dict[IngestSettings, Fetcher] = {}
_SHARED_LOCK = threading.Lock()


def shared_fetcher(settings: IngestSettings) -> Fetcher:
    with _SHARED_LOCK:
        if settings not in _SHARED:
            _SHARED[settings] = Fetcher(settings)
        return _SHARED[settings]


@atexit.register
def close_shared_fetchers() -> None:
    with _SHARED_LOCK:
        for fetcher in _SHARED.values():
            fetcher.close()
        _SHARED.clear()


# --- fetching ---------------------------------------------------------------------------------


def _checked_status(url: str, response: httpx.Response) -> httpx.Response:
    if response.is_success:
        return response
    response.close()
    where = "" if str(response.url) == url else f" (at {response.url})"
    raise InputError(url, f"HTTP {response.status_code} {response.reason_phrase}{where}")


def _next_request(
    url: str, response: httpx.Response, visited: list[str], max_redirects: int
) -> httpx.Request:
    request = response.next_request
    if request is None:
        raise InputError(url, f"HTTP {response.status_code} redirect without a Location header")
    target = str(request.url)
    if target in visited:
        chain = " -> ".join([*visited[visited.index(target) :], target])
        raise InputError(url, f"redirect loop: {chain}")
    visited.append(target)
    if len(visited) - 1 > max_redirects:
        raise InputError(url, f"more than {max_redirects} redirects (last to {target})")
    return request


def _response(url: str, response: httpx.Response, body: bytes) -> Response:
    media_type, _, _ = response.headers.get("content-type", "").partition(";")
    return Response(
        requested=url,
        url=str(response.url),
        content_type=media_type.strip().lower(),
        charset=response.charset_encoding,
        body=body,
        fetched=datetime.now(UTC).isoformat(timespec="seconds"),
    )


def _transport_problem(exc: httpx.HTTPError | httpx.InvalidURL, settings: IngestSettings) -> str:
    """What went wrong below HTTP, in words (httpx's own message added for the details)."""
    detail = str(exc) or type(exc).__name__
    if isinstance(exc, httpx.TimeoutException):
        return f"no answer within {settings.timeout:g} s ({detail})"
    if isinstance(exc, httpx.ConnectError):
        return f"cannot connect (host unknown, down or refusing: {detail})"
    if isinstance(exc, httpx.DecodingError):
        return f"response body cannot be decoded as its Content-Encoding says ({detail})"
    if isinstance(exc, httpx.UnsupportedProtocol | httpx.InvalidURL):
        return f"not an http(s) URL ({detail})"
    return f"the transfer failed ({type(exc).__name__}: {detail})"


# --- reading the body -------------------------------------------------------------------------


def kind_of(response: Response) -> str:
    """ "feed", "html", "text" or "other": a feed root in the first bytes wins over the header
    (feeds are often served as text/html or text/plain); XML and unlabelled bodies are sniffed."""
    head = response.body[:_SNIFF_BYTES]
    declared = response.content_type
    if _FEED_ROOT.match(head) or declared in FEED_TYPES:
        return "feed"
    if declared in HTML_TYPES:
        return "html"
    if declared in XML_TYPES | UNLABELLED_TYPES and _HTML_START.match(head):
        return "html"
    return "text" if declared == "text/plain" else "other"


def _page_or_error(response: Response, settings: IngestSettings) -> RawDocument | InputError:
    url_id = stable_id(response.url)
    try:
        match kind_of(response):
            case "html":
                page = html_to_document(
                    _html_input(response), doc_id=url_id, source=response.requested,
                    url=response.url, settings=settings,
                )  # fmt: skip
                return replace(page, crawled=response.fetched)
            case "text":
                return _text_document(response, url_id, settings)
            case _:
                return InputError(response.requested, _wrong_type(response))
    except InputError as error:
        return error


def _html_input(response: Response) -> str | bytes:
    """Text decoded by the header's charset (it outranks the page's <meta>), else raw bytes."""
    if response.charset and _known_codec(response.charset):
        return response.body.decode(response.charset, errors="replace")
    return response.body  # no or an unknown label: the page's own declaration decides


def _text_document(response: Response, doc_id: str, settings: IngestSettings) -> RawDocument:
    """The body as the article: by the header's charset, else as a text file is read (UTF-8,
    a Western legacy encoding with a note, or an error for binary and empty bodies)."""
    notes: tuple[str, ...] = ()
    if response.charset and _known_codec(response.charset):
        text = response.body.decode(response.charset, errors="replace").lstrip("\ufeff")
    else:
        text, note = decode_bytes(response.body, response.requested, settings.encoding)
        notes = (note,) if note else ()
    if not text.strip():
        raise InputError(response.requested, "empty response (no text to analyse)")
    return RawDocument(
        doc_id, response.requested, text.replace("\r\n", "\n"), url=response.url,
        crawled=response.fetched, notes=notes,
    )  # fmt: skip


def _known_codec(name: str) -> bool:
    try:
        codecs.lookup(name)
    except LookupError:
        return False
    return True


def _wrong_type(response: Response) -> str:
    declared = response.content_type or "no content type"
    hint = "; save it and pass the file" if "json" in declared else ""
    return f"content type {declared} is not a web page, feed or plain text{hint}"


def stable_id(url: str) -> str:
    """A short id that stays the same for the same URL across runs."""
    return hashlib.sha256(url.encode("utf-8")).hexdigest()[:ID_HEX_DIGITS]


# --- feeds ------------------------------------------------------------------------------------


def _parse_feed(feed: Response) -> Any:
    headers = {"content-type": feed.content_type, "content-location": feed.url}
    parsed = feedparser.parse(feed.body, response_headers=headers)
    if not parsed.entries and parsed.get("bozo"):
        problem = parsed.get("bozo_exception")
        raise InputError(feed.requested, f"not a readable RSS/Atom feed ({problem})")
    if not parsed.entries:
        raise InputError(feed.requested, "feed has no entries")
    return parsed


def _with_entry_metadata(page: RawDocument, entry: Any, feed_title: str | None) -> RawDocument:
    """The feed's title, date and author over the page's (an editor wrote them for exactly this
    article); the feed's title is the outlet only when the page names none."""
    return replace(
        page,
        title=_clean(entry.get("title")) or page.title,
        published=entry_date(entry) or page.published,
        author=_clean(entry.get("author")) or page.author,
        outlet=page.outlet or feed_title,
    )


def entry_date(entry: Any) -> str | None:
    """The entry's publication (else update) time as ISO 8601, keeping the feed's UTC offset."""
    for key in ("published", "updated"):
        raw = _clean(entry.get(key))
        if raw and (iso := _iso_datetime(raw)):
            return iso
        parsed = entry.get(f"{key}_parsed")
        if parsed:
            return datetime.fromtimestamp(calendar.timegm(parsed), UTC).isoformat()
    return None


def _iso_datetime(raw: str) -> str | None:
    try:
        return email.utils.parsedate_to_datetime(raw).isoformat()  # RSS: RFC 822
    except (TypeError, ValueError):
        pass  # not RFC 822; Atom uses RFC 3339
    try:
        return datetime.fromisoformat(raw).isoformat()
    except ValueError:
        return None


def _clean(value: Any) -> str | None:
    return " ".join(value.split()) or None if isinstance(value, str) else None
