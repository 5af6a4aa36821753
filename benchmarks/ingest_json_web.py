"""JSON(L) and web ingest on real articles: fidelity, throughput, memory.

.venv/bin/python benchmarks/ingest_json_web.py [--pages 200]

1. JSONL: every record of ../shared/devdata/wikinews-quotes/*.jsonl through `read_json`;
   counts records whose text, title, date and id arrive unchanged; records/s; peak memory
   (tracemalloc) against the file size, to show the file is streamed.
2. The same records as one .json array (parsed whole).
3. Web: the first --pages articles served as HTML pages by a local HTTP/1.1 server and listed
   in an RSS feed; the feed is read with `Fetcher`. Reports paragraphs of the original text
   found in the extracted text (recall), feed metadata that arrived, and articles/s.
"""

from __future__ import annotations

import argparse
import html
import json
import tempfile
import threading
import time
import tracemalloc
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path
from typing import Any

from synopse.config import IngestSettings
from synopse.errors import InputError
from synopse.ingest.files import RawDocument
from synopse.ingest.jsonl import read_json
from synopse.ingest.web import Fetcher

DEVDATA = Path(__file__).resolve().parents[1] / ".." / "shared" / "devdata" / "wikinews-quotes"
SETTINGS = IngestSettings(timeout=10.0)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--pages", type=int, default=200)
    args = parser.parse_args()
    files = sorted(DEVDATA.glob("*.jsonl"))
    if not files:
        raise SystemExit(f"{DEVDATA} is not present")
    records = [json.loads(line) for f in files for line in f.open(encoding="utf-8")]
    jsonl_figures(files, records)
    json_array_figures(records)
    web_figures(records[: args.pages])


def jsonl_figures(files: list[Path], records: list[dict[str, Any]]) -> None:
    start = time.perf_counter()
    items = [item for f in files for item in read_json(f, SETTINGS)]
    seconds = time.perf_counter() - start
    tracemalloc.start()  # a second pass that keeps nothing: what reading itself holds
    for f in files:
        for _ in read_json(f, SETTINGS):
            pass
    peak = tracemalloc.get_traced_memory()[1]
    tracemalloc.stop()
    size = sum(f.stat().st_size for f in files)
    print(f"JSONL  {len(records)} records in {len(files)} files ({size / 1e6:.1f} MB)")
    print(f"  documents {count_documents(items)}, errors {len(items) - count_documents(items)}")
    print(f"  unchanged text/title/date/id: {fidelity(items, records)}")
    print(f"  {len(items) / seconds:,.0f} records/s; peak memory {peak / 1e6:.1f} MB")


def json_array_figures(records: list[dict[str, Any]]) -> None:
    with tempfile.TemporaryDirectory() as folder:
        path = Path(folder) / "export.json"
        path.write_text(json.dumps({"articles": records}, ensure_ascii=False), encoding="utf-8")
        start = time.perf_counter()
        items = list(read_json(path, SETTINGS))
        seconds = time.perf_counter() - start
    print(f"JSON   {len(records)} records as one array")
    print(f"  unchanged text/title/date/id: {fidelity(items, records)}")
    print(f"  {len(items) / seconds:,.0f} records/s")


def count_documents(items: list[RawDocument | InputError]) -> int:
    return sum(isinstance(item, RawDocument) for item in items)


def fidelity(items: list[RawDocument | InputError], records: list[dict[str, Any]]) -> str:
    same = sum(
        isinstance(item, RawDocument)
        and (item.text, item.title, item.published, item.id)
        == (r["text"], r["title"], r.get("published"), str(r["id"]))
        for item, r in zip(items, records, strict=True)
    )
    return f"{same}/{len(records)}"


# --- web --------------------------------------------------------------------------------------


def web_figures(records: list[dict[str, Any]]) -> None:
    routes = {f"/artikel/{r['id']}": page(r) for r in records}
    with serving(routes) as base:
        routes["/feed.xml"] = feed(records, base)
        runs = {}
        for pooled in (True, False):
            start = time.perf_counter()
            runs[pooled] = read_feed(base + "/feed.xml", pooled)
            seconds = time.perf_counter() - start
            label = "one pooled client" if pooled else "a client per URL"
            print(f"WEB    RSS feed of {len(records)} pages, {label}: "
                  f"{len(records) / seconds:,.1f} articles/s")  # fmt: skip
    items = runs[True]
    print(f"  documents {count_documents(items)}, errors {len(items) - count_documents(items)}")
    found, total = paragraph_recall(items, records, base)
    print(f"  original paragraphs found in the extracted text: {found}/{total} "
          f"({found / total:.3f})")  # fmt: skip
    print(f"  feed title and date arrived: {feed_metadata(items, records)}/{len(records)}")


def read_feed(url: str, pooled: bool) -> list[RawDocument | InputError]:
    if pooled:
        with Fetcher(SETTINGS) as fetcher:
            return list(fetcher.read(url))
    items: list[RawDocument | InputError] = []
    with Fetcher(SETTINGS) as feed_fetcher:
        links = [i.url for i in feed_fetcher.read(url) if isinstance(i, RawDocument) and i.url]
    for link in links:
        with Fetcher(SETTINGS) as fetcher:
            items.extend(fetcher.read(link))
    return items


def paragraphs(text: str) -> list[str]:
    return [" ".join(p.split()) for p in text.split("\n") if p.strip()]


def paragraph_recall(
    items: list[RawDocument | InputError], records: list[dict[str, Any]], base: str
) -> tuple[int, int]:
    extracted = {i.url: " ".join(i.text.split()) for i in items if isinstance(i, RawDocument)}
    found = total = 0
    for record in records:
        text = extracted.get(f"{base}/artikel/{record['id']}", "")
        for paragraph in paragraphs(record["text"]):
            total += 1
            found += paragraph in text
    return found, total


def feed_metadata(items: list[RawDocument | InputError], records: list[dict[str, Any]]) -> int:
    by_title = {r["title"]: r for r in records}
    return sum(
        isinstance(i, RawDocument)
        and i.title in by_title
        and (i.published or "").startswith(by_title[i.title]["published"])
        for i in items
    )


def page(record: dict[str, Any]) -> bytes:
    body = "".join(f"<p>{html.escape(p)}</p>\n" for p in paragraphs(record["text"]))
    return (
        '<!doctype html><html lang="de"><head><meta charset="utf-8">'
        f"<title>{html.escape(record['title'])} – Wikinews</title></head><body>"
        '<nav class="menu"><a href="/">Start</a> <a href="/politik">Politik</a></nav>'
        f"<article><h1>{html.escape(record['title'])}</h1>\n{body}</article>"
        '<footer class="footer">Impressum · Datenschutz</footer></body></html>'
    ).encode()


def feed(records: list[dict[str, Any]], base: str) -> bytes:
    items = "".join(
        f"<item><title>{html.escape(r['title'])}</title>"
        f"<link>{base}/artikel/{r['id']}</link><pubDate>{rfc822(r['published'])}</pubDate></item>"
        for r in records
    )
    return f"<?xml version='1.0'?><rss version='2.0'><channel><title>Wikinews</title>{items}" \
        "</channel></rss>".encode()  # fmt: skip


def rfc822(day: str) -> str:
    return time.strftime("%a, %d %b %Y 12:00:00 +0000", time.strptime(day[:10], "%Y-%m-%d"))


class serving:  # lower case: used as `with serving(routes) as base`, like a function
    def __init__(self, routes: dict[str, bytes]) -> None:
        self.server = ThreadingHTTPServer(("127.0.0.1", 0), handler(routes))
        self.server.daemon_threads = True
        self.thread = threading.Thread(target=self.server.serve_forever, args=(0.01,))

    def __enter__(self) -> str:
        self.thread.start()
        host, port = self.server.server_address[:2]
        return f"http://{host!s}:{port}"

    def __exit__(self, *exc: object) -> None:
        self.server.shutdown()
        self.server.server_close()
        self.thread.join()


def handler(routes: dict[str, bytes]) -> type[BaseHTTPRequestHandler]:
    class Handler(BaseHTTPRequestHandler):
        protocol_version = "HTTP/1.1"  # keep-alive, so connection pooling can show
        wbufsize = 1 << 16  # headers and body in one send: no delayed-ACK stall per request

        def do_GET(self) -> None:
            body = routes.get(self.path)
            self.send_response(200 if body else 404)
            kind = "application/rss+xml" if self.path.endswith(".xml") else "text/html"
            self.send_header("Content-Type", f"{kind}; charset=utf-8")
            self.send_header("Content-Length", str(len(body or b"")))
            self.end_headers()
            self.wfile.write(body or b"")

        def log_message(self, format: str, *args: object) -> None:
            pass

    return Handler


if __name__ == "__main__":
    main()
