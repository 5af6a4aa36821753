"""Every page renders from the example corpus, and its links lead where they say."""

from __future__ import annotations

import re
from html.parser import HTMLParser
from urllib.parse import parse_qs, urlsplit

import pytest
from fastapi.testclient import TestClient

from synopse.store.repository import JsonDict


class _Page(HTMLParser):
    """Links, ids and the text of the highlighted element of a page."""

    def __init__(self) -> None:
        super().__init__()
        self.links: list[tuple[str, dict[str, str | None]]] = []
        self.highlighted = ""
        self._in_highlight = 0
        self.sources: list[str] = []

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        values = dict(attrs)
        if tag == "a" and values.get("href"):
            self.links.append((str(values["href"]), values))
        if tag in ("script", "link", "img") and (values.get("src") or values.get("href")):
            self.sources.append(str(values.get("src") or values.get("href")))
        if values.get("id") == "hl" or self._in_highlight:
            self._in_highlight += 1

    def handle_endtag(self, tag: str) -> None:
        if self._in_highlight:
            self._in_highlight -= 1

    def handle_data(self, data: str) -> None:
        if self._in_highlight:
            self.highlighted += data


def parse(html: str) -> _Page:
    page = _Page()
    page.feed(html)
    return page


@pytest.mark.parametrize(
    "path",
    [
        "/",
        "/?q=Hafen",
        "/?outlet=Rheinblatt&date_from=2025-03-01&date_to=2025-03-31",
        "/stories/s1",
        "/stories/s2",
        "/articles/rheinblatt_hafenbrand",
        "/articles/rheinblatt_hafenbrand?story=s2&start=0&end=40",
        "/ingest",
        "/docs",
    ],
)
def test_every_page_renders_as_html(client: TestClient, path: str) -> None:
    response = client.get(path)
    assert response.status_code == 200
    assert response.headers["content-type"].startswith("text/html")
    assert "<h1>" in response.text


def test_the_story_list_links_every_story(client: TestClient, example_report: JsonDict) -> None:
    hrefs = {href for href, _ in parse(client.get("/").text).links}
    assert {f"/stories/{s['id']}" for s in example_report["stories"]} <= hrefs


@pytest.mark.parametrize(
    ("query", "expected_titles"),
    [
        ("q=Lagerhalle", 1),
        ("q=Lagerhalle+Bahn", 0),
        ("entity=Helmstedt", 1),
        ("outlet=Nirgendwo", 0),
    ],
)
def test_the_story_list_filters(client: TestClient, query: str, expected_titles: int) -> None:
    page = client.get(f"/?{query}").text
    assert len(re.findall(r'class="story-title"', page)) == expected_titles


def test_the_story_list_pages_on(client: TestClient) -> None:
    assert 'rel="next"' not in client.get("/").text
    second = client.get("/?q=Hafen&page=2").text
    assert "No story matches." in second and 'rel="prev"' in second
    assert "q=Hafen&amp;page=1" in second


def _citations(client: TestClient, story_id: str) -> list[str]:
    page = parse(client.get(f"/stories/{story_id}").text)
    return [href for href, attrs in page.links if attrs.get("class") == "cite"]


def test_each_briefing_citation_opens_its_sentence_highlighted(
    client: TestClient, example_report: JsonDict
) -> None:
    story = example_report["stories"][0]
    cited = {
        (b["source"]["article_id"], b["source"]["start"]): b["text"] for b in story["briefing"]
    }
    cited |= {
        (s["article_id"], s["start"]): s["text"] for b in story["briefing"] for s in b["support"]
    }
    links = _citations(client, story["id"])
    assert len(links) >= len(story["briefing"])
    for href in links:
        params = parse_qs(urlsplit(href).query)
        assert href.endswith("#hl") and params["story"] == [story["id"]]
        page = parse(client.get(href.removesuffix("#hl")).text)
        article_id = urlsplit(href).path.rsplit("/", 1)[1]
        assert page.highlighted == cited[(article_id, int(params["start"][0]))]


def test_the_story_page_shows_every_section(client: TestClient, example_report: JsonDict) -> None:
    story = example_report["stories"][1]
    html = client.get(f"/stories/{story['id']}").text
    for heading in ("Briefing", "Synopse", "Who said what", "Timeline", "Who is who"):
        assert f"<h3>{heading}</h3>" in html
    assert "Outlets and what each alone contributes" in html
    assert html.count('class="badge ') >= len(story["comparisons"])
    assert f'href="/entities/{story["entities"][0]["name"].replace(" ", "%20")}"' in html


def test_the_article_page_marks_entities_and_quotes_and_lists_removed_furniture(
    client: TestClient, example_report: JsonDict
) -> None:
    article = next(a for a in example_report["articles"] if a["removed"])
    html = client.get(f"/articles/{article['id']}").text
    assert 'class="ent ' in html and '<q class="quote' in html
    assert "<details" in html and f"[{article['removed'][0]['reason']}]" in html


@pytest.mark.parametrize("span", ["start=5&end=2", "start=0&end=999999", "start=3"])
def test_an_out_of_range_highlight_is_ignored(client: TestClient, span: str) -> None:
    response = client.get(f"/articles/rheinblatt_hafenbrand?{span}")
    assert response.status_code == 200 and 'id="hl"' not in response.text


def test_the_entity_page_lists_its_stories_and_quotes(
    client: TestClient, example_report: JsonDict
) -> None:
    quote = next(q for s in example_report["stories"] for q in s["quotes"] if q["speaker_name"])
    html = client.get(f"/entities/{quote['speaker_name']}").text
    assert quote["speaker_name"] in html and "<h3>Stories</h3>" in html
    assert any(quote["text"][:30] in line for line in html.splitlines())


@pytest.mark.parametrize(
    "path", ["/stories/s999", "/articles/gibt-es-nicht", "/entities/Niemand%20Sonst", "/nirgends"]
)
def test_unknown_pages_are_404_pages(client: TestClient, path: str) -> None:
    response = client.get(path)
    assert response.status_code == 404 and response.headers["content-type"].startswith("text/html")


@pytest.mark.parametrize("name", ["app.css", "app.js", "report.css"])
def test_static_files_are_served_from_the_package(client: TestClient, name: str) -> None:
    response = client.get(f"/static/{name}")
    assert response.status_code == 200 and len(response.content) > 100


@pytest.mark.parametrize("name", ["..%2Fapp.py", "templates", "nix.js"])
def test_nothing_else_is_served_as_static(client: TestClient, name: str) -> None:
    assert client.get(f"/static/{name}").status_code == 404


def test_pages_load_nothing_from_other_origins(client: TestClient) -> None:
    for path in ("/", "/stories/s1", "/docs", "/ingest"):
        assert all(src.startswith("/") for src in parse(client.get(path).text).sources)


def test_the_api_docs_page_lists_every_endpoint(client: TestClient) -> None:
    spec = client.get("/openapi.json").json()
    html = client.get("/docs").text
    for path, operations in spec["paths"].items():
        for method in operations:
            assert f"{method.upper()} {path}" in html
