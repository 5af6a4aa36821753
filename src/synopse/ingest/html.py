"""Read HTML pages: main text by trafilatura, metadata from the page, the rest as `removed`.

`html_to_document` is the core shared by HTML files, WARC records and fetched URLs:

  1. bytes are decoded by the charset the page declares, else the configured encoding, else
     what charset_normalizer detects (a wrong declaration falls through, never crashes);
  2. the page is parsed once; trafilatura extracts the main text (headings and paragraphs, one
     per line; no comments) and htmldate, called by trafilatura, the publication date;
  3. title, outlet and canonical URL come from the page's meta tags (see `_page_metadata`);
  4. every visible block of the page that is not in the main text becomes a `RemovedLine`
     whose reason names the furniture it sat in (menu, footer, cookie, comment-form, ...).
"""

from __future__ import annotations

import codecs
import copy
import re
from collections.abc import Iterator
from dataclasses import dataclass
from datetime import date
from pathlib import Path
from typing import Any
from urllib.parse import urljoin, urlsplit

import charset_normalizer
import trafilatura
from lxml import etree  # type: ignore[import-untyped]  # lxml ships no stubs
from lxml.html import HtmlElement  # type: ignore[import-untyped]  # as above
from trafilatura.utils import load_html

from synopse.config import IngestSettings
from synopse.errors import InputError
from synopse.ingest.files import RawDocument
from synopse.model import RemovedLine

MAX_REMOVED_LINES = 200  # a summary of what was dropped, not a second copy of the page
HTML_SUFFIXES = (".html", ".htm")

_DECLARED_CHARSET = re.compile(rb"""<meta[^>]+charset\s*=\s*["']?\s*([\w.:-]+)""", re.IGNORECASE)
_XML_ENCODING = re.compile(rb"""<\?xml[^>]+encoding\s*=\s*["']([\w.:-]+)""", re.IGNORECASE)
# Browsers read these labels as windows-1252 (WHATWG Encoding Standard), and so do pages.
_WINDOWS_1252_LABELS = frozenset({"iso-8859-1", "iso8859-1", "latin-1", "latin1", "ascii"})
_BOMS = (
    (codecs.BOM_UTF8, "utf-8-sig"),
    (codecs.BOM_UTF16_LE, "utf-16"),
    (codecs.BOM_UTF16_BE, "utf-16"),
)
_HTML_TAG = re.compile(
    r"<(?:!doctype\s+html|html|head|body|meta|title|div|p|article|main|section|h[1-6]|span|a"
    r"|table|ul|ol|li|br|nav|header|footer)[\s/>]",
    re.IGNORECASE,
)
_DOCUMENT_TAG = re.compile(r"<(?:html|body|head)[\s>]", re.IGNORECASE)
_TITLE_SEPARATORS = (" | ", " – ", " — ", " - ", " · ", " :: ", " « ")
_INVISIBLE_TAGS = ("script", "style", "noscript", "template", "svg", "head")
_BLOCK_TAGS = (
    *("p", "div", "section", "article", "main", "header", "footer", "nav", "aside", "form"),
    *("h1", "h2", "h3", "h4", "h5", "h6", "ul", "ol", "li", "dl", "dt", "dd"),
    *("table", "tr", "td", "th", "figure", "figcaption", "blockquote", "pre", "address"),
    *("fieldset", "details", "summary", "label", "button"),
)


@dataclass(frozen=True, slots=True)
class _FurnitureRule:
    """A block inside an element with one of `tags`, or whose class/id/role contains one of
    `markers`, was dropped as `reason`."""

    reason: str
    tags: frozenset[str]
    markers: tuple[str, ...]


# Checked from the block outwards, nearest element first, rules in this order at each level.
_FURNITURE_RULES = (
    _FurnitureRule("cookie", frozenset(), ("cookie", "consent", "gdpr", "privacy-banner")),
    _FurnitureRule(
        "comment-form",
        frozenset({"textarea"}),
        ("comment", "kommentar", "respond", "reply", "discussion", "leserbrief"),
    ),
    _FurnitureRule("menu", frozenset({"nav", "menu"}), ("nav", "menu", "breadcrumb", "sitemap")),
    _FurnitureRule(
        "footer", frozenset({"footer"}), ("footer", "colophon", "impressum", "copyright")
    ),
    _FurnitureRule(
        "teaser", frozenset({"aside"}), ("teaser", "related", "recommend", "empfehl", "sidebar")
    ),
    _FurnitureRule("caption", frozenset({"figcaption", "figure"}), ("caption", "bildunterschrift")),
    _FurnitureRule("share", frozenset(), ("share", "social", "teilen")),
    _FurnitureRule(
        "metadata",
        frozenset({"time"}),
        ("byline", "dateline", "author", "story-meta", "article-meta"),
    ),
)
_DEFAULT_REASON = "html-boilerplate"
_MIN_SUBSTRING = 25  # characters a block needs to count as kept when found inside a line


def html_to_document(
    html: str | bytes, *, doc_id: str, source: str, url: str | None, settings: IngestSettings
) -> RawDocument:
    """One page as a RawDocument; raises InputError for empty, non-HTML or article-less pages.

    `published` is the page's *publication* date (htmldate with original_date=True), not its
    last modification: synopse orders reports and clusters stories by when an outlet first
    said something, and a typo fix or a live-blog update must not move an article in time.
    The search is not extensive (no guessing from arbitrary dates in the text), so a page
    without a dated meta tag, <time> element or dated URL gets None rather than a wrong date.
    """
    text = _decoded(html, source, settings)
    tree = _parsed(text, source)
    extraction = _extract(tree, source, url)
    meta = _page_metadata(tree, url, getattr(extraction, "sitename", None))
    lines = _main_lines(extraction.text or "", meta.title)
    if not lines:
        raise InputError(source, "no main text found in the page (expected an article)")
    return RawDocument(
        id=doc_id,
        source=source,
        text="\n".join(lines),
        title=meta.title,
        url=meta.url,
        published=extraction.date or None,
        outlet=meta.outlet,
        author=extraction.author or None,
        removed=removed_blocks(tree, "\n".join(lines), meta.title),
        extracted=True,
    )


def read_html(path: Path, settings: IngestSettings) -> Iterator[RawDocument | InputError]:
    """The article of one .html/.htm file (id = file stem), or the error that stopped it."""
    source = str(path)
    try:
        yield html_to_document(
            _read_capped(path, settings), doc_id=path.stem, source=source, url=None,
            settings=settings,
        )  # fmt: skip
    except InputError as error:
        yield error


def _read_capped(path: Path, settings: IngestSettings) -> bytes:
    source = str(path)
    try:
        size = path.stat().st_size
        if size > settings.max_bytes:
            raise InputError(
                source, f"page is {size} bytes, more than the limit of {settings.max_bytes}"
            )
        return path.read_bytes()
    except OSError as exc:
        raise InputError(source, f"cannot be read ({exc.strerror or exc})") from exc


# --- decoding and parsing -------------------------------------------------------------------


def _decoded(html: str | bytes, source: str, settings: IngestSettings) -> str:
    if len(html) > settings.max_bytes:
        unit = "bytes" if isinstance(html, bytes) else "characters"
        raise InputError(
            source, f"page is {len(html)} {unit}, more than the limit of {settings.max_bytes}"
        )
    text = html if isinstance(html, str) else decode_html_bytes(html, settings.encoding)
    text = text.removeprefix("\ufeff")
    if not text.strip():
        raise InputError(source, "empty page (no HTML to read)")
    if "\x00" in text[:8192] or not _HTML_TAG.search(text):
        raise InputError(source, "not HTML (no HTML tags found; expected a web page)")
    return text


def decode_html_bytes(data: bytes, fallback: str = "utf-8") -> str:
    """The page's text: by its BOM or declared charset if that decodes cleanly, else by
    `fallback`, else by detection (charset_normalizer) or windows-1252; undecodable bytes
    become U+FFFD rather than an error."""
    for encoding in (_bom_encoding(data), _declared_encoding(data[:4096]), fallback):
        if encoding:
            try:
                return data.decode(encoding)
            except (UnicodeDecodeError, LookupError):
                continue  # a wrong or unknown declaration: try the next candidate
    best = charset_normalizer.from_bytes(data[:200_000]).best()
    # Without a language behind it (short pages) detection guesses wildly, often a CJK codec;
    # browsers in German-speaking locales fall back to windows-1252 there, and so do we.
    encoding = best.encoding if best is not None and best.coherence > 0 else "cp1252"
    return data.decode(encoding, errors="replace")


def _bom_encoding(data: bytes) -> str | None:
    return next((name for bom, name in _BOMS if data.startswith(bom)), None)


def _declared_encoding(head: bytes) -> str | None:
    match = _DECLARED_CHARSET.search(head) or _XML_ENCODING.search(head)
    if match is None:
        return None
    label = match.group(1).decode("ascii", errors="replace").strip().lower()
    return "cp1252" if label in _WINDOWS_1252_LABELS else label


def _parsed(text: str, source: str) -> HtmlElement:
    if not _DOCUMENT_TAG.search(text):
        # A fragment (a feed's content, a record's snippet): trafilatura only reads documents.
        text = f"<html><body>{text}</body></html>"
    try:
        tree = load_html(text)
    except (ValueError, etree.LxmlError, RecursionError) as exc:
        raise InputError(source, f"not HTML (the parser gave up: {exc})") from exc
    if tree is None or not isinstance(tree, HtmlElement):
        raise InputError(source, "not HTML (the parser found no document)")
    return tree


def _extract(tree: HtmlElement, source: str, url: str | None) -> Any:
    # Recall first: trafilatura's precision mode drops list items and paragraphs split only by
    # <br><br>; the furniture cleaner that runs next removes the teasers it would have caught
    # (team gold set: F1 0.934 with precision mode, see docs/quality.md for the figure without).
    try:
        extraction = trafilatura.bare_extraction(
            tree, url=url, favor_precision=False, include_comments=False, include_tables=True,
            with_metadata=True, date_extraction_params=_date_params(),
        )  # fmt: skip
    except (ValueError, etree.LxmlError, RecursionError) as exc:
        raise InputError(source, f"the page could not be read as HTML ({exc})") from exc
    if extraction is None:
        raise InputError(source, "no main text found in the page (expected an article)")
    return extraction


def _date_params() -> dict[str, Any]:
    """Passed by trafilatura to htmldate.find_date: publication date, no extensive search."""
    return {
        "extensive_search": False,
        "original_date": True,
        "max_date": date.today().isoformat(),
    }


def _main_lines(text: str, title: str | None) -> list[str]:
    """One block per line; a first line repeating the title goes (the title has its field),
    so that `text` is the body whether or not trafilatura kept the h1."""
    lines = [" ".join(line.split()) for line in text.splitlines() if line.strip()]
    if lines and title and _key(lines[0]) == _key(title):
        return lines[1:]
    return lines


# --- metadata ---------------------------------------------------------------------------------


@dataclass(frozen=True, slots=True)
class _PageMetadata:
    title: str | None
    outlet: str | None
    url: str | None


def _page_metadata(tree: HtmlElement, url: str | None, sitename: str | None) -> _PageMetadata:
    """Title from og:title, <title> or the first h1; outlet from og:site_name or a publisher
    meta tag; a " | Outlet" suffix of the title is cut off when it names the outlet."""
    page_url = _canonical_url(tree, url)
    outlet = _meta(tree, "og:site_name") or _publisher(tree) or _named_site(sitename)
    h1 = _first_text(tree, "//h1")
    raw_title = _meta(tree, "og:title") or _first_text(tree, "//title") or h1
    title, suffix = _split_title_suffix(raw_title, outlet, h1, page_url)
    return _PageMetadata(title, outlet or suffix, page_url)


def _meta(tree: HtmlElement, name: str) -> str | None:
    for element in tree.xpath("//meta[@property=$n or @name=$n]", n=name):
        content = " ".join(str(element.get("content", "")).split())
        if content:
            return content
    return None


def _publisher(tree: HtmlElement) -> str | None:
    for name in ("publisher", "dc.publisher", "DC.publisher", "article:publisher"):
        value = _meta(tree, name)
        if value and not value.startswith(("http://", "https://")):  # often a Facebook URL
            return value
    return None


def _named_site(sitename: str | None) -> str | None:
    """trafilatura's site name (JSON-LD publisher, title), unless it is a host name: its last
    resort is the URL's host, which the dispatcher adds itself."""
    return sitename if sitename and "." not in sitename else None


def _first_text(tree: HtmlElement, xpath: str) -> str | None:
    for element in tree.xpath(xpath):
        text = " ".join(element.text_content().split())
        if text:
            return text
    return None


def _split_title_suffix(
    title: str | None, outlet: str | None, h1: str | None, page_url: str | None
) -> tuple[str | None, str | None]:
    """(title, outlet named by its suffix): "Brand in Köln | Rheinblatt" loses its suffix when
    the suffix is the outlet, the URL's host, or what is left over when the rest is the h1."""
    if not title:
        return None, None
    for separator in _TITLE_SEPARATORS:
        head, found, tail = title.rpartition(separator)
        if not found or not head.strip():
            continue
        names = (outlet, _host(page_url))
        if any(name and _key(tail) == _key(name) for name in names):
            return head.strip(), tail.strip()
        if h1 and _key(head) == _key(h1):
            return head.strip(), tail.strip()
    return title, None


def _key(name: str) -> str:
    """A site name or host for comparison: "www.Rhein-Blatt.de" and "Rheinblatt" agree."""
    lowered = name.casefold().removeprefix("www.")
    if re.fullmatch(r"[\w.-]+\.[a-z]{2,}", lowered):
        lowered = lowered.rsplit(".", 1)[0]
    return re.sub(r"\W|_", "", lowered)


def _host(url: str | None) -> str | None:
    return urlsplit(url).hostname if url else None


def _canonical_url(tree: HtmlElement, url: str | None) -> str | None:
    links = tree.xpath("//link[contains(concat(' ', normalize-space(@rel), ' '), ' canonical ')]")
    candidates = [link.get("href") for link in links] + [_meta(tree, "og:url")]
    for href in candidates:
        absolute = urljoin(url or "", href.strip()) if href else ""
        if urlsplit(absolute).scheme in ("http", "https") and urlsplit(absolute).hostname:
            return absolute
    return url


# --- what trafilatura dropped -----------------------------------------------------------------


def removed_blocks(
    tree: HtmlElement, kept_text: str, title: str | None = None
) -> tuple[RemovedLine, ...]:
    """Visible text blocks of the page that are not in `kept_text`, each with the kind of
    furniture it sat in; at most MAX_REMOVED_LINES (a summary, not a second page)."""
    kept_lines = frozenset(kept_text.splitlines())
    kept = " ".join(kept_text.split())
    removed: list[RemovedLine] = []
    seen: set[str] = set()
    for block, text in _leaf_blocks(tree):
        # Short blocks ("Köln") are only kept as whole lines: as substrings they hide in prose.
        if text in seen or text in kept_lines or (len(text) >= _MIN_SUBSTRING and text in kept):
            continue
        seen.add(text)
        reason = "title" if text == title else _furniture_reason(block)
        removed.append(RemovedLine(text, reason))
        if len(removed) == MAX_REMOVED_LINES:
            break
    return tuple(removed)


def _leaf_blocks(tree: HtmlElement) -> Iterator[tuple[HtmlElement, str]]:
    """Block elements holding no other block, with their visible text, in document order."""
    visible = copy.deepcopy(tree)  # the caller's tree stays whole
    etree.strip_elements(visible, *_INVISIBLE_TAGS, with_tail=False)
    for element in visible.iter(*_BLOCK_TAGS):
        if _is_hidden(element) or any(True for _ in element.iterdescendants(*_BLOCK_TAGS)):
            continue
        text = " ".join(element.text_content().split())
        if text:
            yield element, text


def _is_hidden(element: HtmlElement) -> bool:
    for node in (element, *element.iterancestors()):
        if node.tag in _INVISIBLE_TAGS or node.get("hidden") is not None:
            return True
        if node.get("aria-hidden") == "true":
            return True
    return False


def _furniture_reason(block: HtmlElement) -> str:
    for node in (block, *block.iterancestors()):
        markers = " ".join(str(node.get(a, "")) for a in ("class", "id", "role")).casefold()
        for rule in _FURNITURE_RULES:
            if node.tag in rule.tags or any(m in markers for m in rule.markers):
                return rule.reason
    return _DEFAULT_REASON
