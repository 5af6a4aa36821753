"""Every input format through the `synopse` command, as a user runs it."""

from __future__ import annotations

import io
import json
from pathlib import Path

from warcio.statusandheaders import StatusAndHeaders
from warcio.warcwriter import WARCWriter

from tests.cli.test_cli import synopse
from tests.ingest.httpserver import LocalServer, Reply, http_server
from tests.report_check import check_report

__all__ = ["http_server"]  # the fixture, imported so pytest finds it
FIXTURES = Path(__file__).resolve().parents[1] / "ingest" / "fixtures"


def _extract(*args: str) -> list[dict[str, object]]:
    result = synopse("extract", "--jsonl", *args)
    assert result.returncode == 0, result.stderr
    return [json.loads(line) for line in result.stdout.splitlines()]


def _warc(path: Path, pages: dict[str, bytes]) -> Path:
    with path.open("wb") as out:
        writer = WARCWriter(out, gzip=True)
        for uri, payload in pages.items():
            headers = StatusAndHeaders("200 OK", [("Content-Type", "text/html; charset=utf-8")],
                                       protocol="HTTP/1.1")  # fmt: skip
            record = writer.create_warc_record(uri, "response", payload=io.BytesIO(payload),
                                               http_headers=headers)  # fmt: skip
            writer.write_record(record)
            record.raw_stream.close()  # warcio spools the payload to a temporary file
    return path


def test_extract_reads_an_html_page_with_its_metadata() -> None:
    [article] = _extract(str(FIXTURES / "html" / "rheinblatt_brand.html"))
    assert article["title"] == "Großbrand in Kölner Lagerhalle: Feuerwehr warnt Anwohner"
    assert (article["outlet"], article["published"], article["language"]) == (
        "Rheinblatt",
        "2025-03-14",
        "de",
    )
    assert "Ursache noch unklar" in str(article["text"])
    assert "Wir verwenden Cookies" not in str(article["text"])
    assert any(r["reason"] == "cookie" for r in article["removed"])  # type: ignore[attr-defined]


def test_extract_maps_nested_json_fields_with_map() -> None:
    articles = _extract(
        "--map",
        "title=meta.headline,text=body.content,outlet=meta.source.name,published=meta.when",
        str(FIXTURES / "json" / "nested.jsonl"),
    )  # fmt: skip
    assert articles[0]["title"] == "Landtag debattiert über Schulbau"
    assert (articles[0]["outlet"], articles[0]["published"]) == ("Elbkurier", "2025-03-11")
    assert str(articles[0]["text"]).startswith("Der Landtag hat am Dienstag")


def test_analyze_reads_a_web_archive_and_a_feed_from_a_local_server(
    tmp_path: Path, http_server: LocalServer
) -> None:
    page = (FIXTURES / "html" / "rheinblatt_brand.html").read_bytes()
    archive = _warc(tmp_path / "crawl.warc.gz", {"https://www.rheinblatt.example/brand": page})
    base = http_server.base
    feed = (FIXTURES / "web" / "rss.xml").read_text(encoding="utf-8").replace("{base}", base)
    http_server.route(
        "/feed.xml", Reply(body=feed.encode(), headers=(("Content-Type", "application/rss+xml"),))
    )
    for name in ("faehre", "schwimmbad"):
        body = (FIXTURES / "web" / f"{name}.html").read_bytes()
        http_server.route(
            f"/artikel/{name}",
            Reply(body=body, headers=(("Content-Type", "text/html; charset=utf-8"),)),
        )
    out = tmp_path / "out"
    result = synopse("analyze", str(archive), f"{base}/feed.xml", "--out", str(out), "--quiet")
    report = json.loads((out / "report.json").read_text(encoding="utf-8"))
    check_report(report)
    urls = {a["url"] for a in report["articles"]}
    assert f"{base}/artikel/faehre" in urls
    assert any("rheinblatt" in (u or "") for u in urls)
    assert result.returncode in (0, 3), result.stderr  # the feed may list a page that 404s
    assert all(e["source"].startswith(base) for e in report["errors"])


def test_an_outlet_map_names_outlets_by_file_prefix(tmp_path: Path) -> None:
    article = tmp_path / "kb_meldung.txt"
    article.write_text(
        "Hafen bekommt neues Terminal\n\nDas neue Terminal im Kieler Hafen soll 2027 fertig sein, "
        "teilte die Hafengesellschaft am Montag mit.\n", encoding="utf-8",
    )  # fmt: skip
    outlets = tmp_path / "outlets.toml"
    outlets.write_text('[outlets]\n"kb_" = "Küstenbote"\n', encoding="utf-8")
    [record] = _extract("--outlets", str(outlets), str(article))
    assert record["outlet"] == "Küstenbote"


def test_a_bad_field_map_is_a_clear_error() -> None:
    result = synopse("extract", "--map", "titel=headline", str(FIXTURES / "json" / "array.json"))
    assert result.returncode == 1
    assert "titel" in result.stderr and "Traceback" not in result.stderr
