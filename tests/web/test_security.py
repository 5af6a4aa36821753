"""Article text is untrusted: it is escaped everywhere; headers lock the pages down; errors
never show a stack trace."""

from __future__ import annotations

import re

import pytest
from fastapi.testclient import TestClient

from synopse.brief.render import render_html
from synopse.brief.report_json import report_to_dict
from synopse.config import Settings
from synopse.pipeline import analyze
from synopse.store.memory import MemoryRepository
from synopse.web.security import CONTENT_SECURITY_POLICY
from tests.web.conftest import make_client

# markup the hostile article carries; none of it may reach a page as markup
INJECTED = [
    r"<script>alert",
    r"<img src=x",
    r"<svg onload",
    r"<a href=\"javascript:",
    r"onerror=alert\('bild'\)>",
]


@pytest.fixture(scope="module")
def hostile_client(hostile_repository: MemoryRepository) -> TestClient:
    return make_client(hostile_repository)


def _hostile_pages(client: TestClient) -> list[str]:
    stories = client.get("/api/stories").json()["stories"]
    paths = ["/", *(f"/stories/{s['id']}" for s in stories)]
    paths += [f"/articles/{aid}" for s in stories for aid in s["article_ids"]]
    paths += ["/articles/boese_hafen?start=0&end=30", "/entities/Tobias%20Brandt"]
    return paths


def test_the_hostile_article_is_analysed_into_a_story(hostile_client: TestClient) -> None:
    stories = hostile_client.get("/api/stories").json()["stories"]
    assert any("boese_hafen" in s["article_ids"] for s in stories)


def test_no_injected_markup_reaches_any_page(hostile_client: TestClient) -> None:
    for path in _hostile_pages(hostile_client):
        html = hostile_client.get(path).text
        for pattern in INJECTED:
            assert not re.search(pattern, html), (path, pattern)
        scripts = re.findall(r"<script\b[^>]*>", html)
        assert scripts == ['<script src="/static/app.js" defer>'], path


def test_the_injected_text_is_shown_as_text(hostile_client: TestClient) -> None:
    html = hostile_client.get("/articles/boese_hafen").text
    assert "&lt;img src=x onerror=alert(" in html
    assert "&lt;a href=&#34;javascript:alert(" in html
    assert "&lt;script&gt;alert(" in html


def test_the_html_report_escapes_article_text_too(hostile_repository: MemoryRepository) -> None:
    sources = sorted({a["source"] for a in hostile_repository.report()["articles"]})
    report = analyze(sources, Settings())
    html = render_html(report, report_to_dict(report))
    for pattern in INJECTED:
        assert not re.search(pattern, html), pattern


@pytest.mark.parametrize("path", ["/", "/stories/s1", "/api/stories", "/api/nix", "/docs"])
def test_every_response_carries_the_security_headers(client: TestClient, path: str) -> None:
    headers = client.get(path).headers
    assert headers["content-security-policy"] == CONTENT_SECURITY_POLICY
    assert headers["x-content-type-options"] == "nosniff"
    assert headers["referrer-policy"] == "no-referrer"
    assert "'unsafe-inline'" not in CONTENT_SECURITY_POLICY
    assert "script-src 'self'" in CONTENT_SECURITY_POLICY


def test_pages_have_no_inline_script_or_style(client: TestClient) -> None:
    for path in ("/", "/stories/s1", "/articles/rheinblatt_hafenbrand", "/ingest", "/docs"):
        html = client.get(path).text
        assert "<style" not in html and " style=" not in html, path
        assert re.findall(r"<script\b[^>]*>\s*</script>", html) == [
            '<script src="/static/app.js" defer></script>'
        ], path
        assert not re.search(r"\son[a-z]+=", html), path


class _Broken:
    """A store with a bug: every read fails unexpectedly."""

    def __getattr__(self, name: str) -> object:
        def fail(*args: object) -> object:
            raise RuntimeError("geheimer interner Zustand /srv/synopse/db")

        return fail


@pytest.mark.parametrize("path", ["/", "/stories/s1", "/api/stories", "/api/report"])
def test_an_internal_error_is_a_generic_500_without_details(
    path: str, caplog: pytest.LogCaptureFixture
) -> None:
    client = make_client(_Broken())  # type: ignore[arg-type]
    response = client.get(path)
    assert response.status_code == 500
    for secret in ("geheimer", "RuntimeError", "Traceback", "/srv/"):
        assert secret not in response.text
    assert response.headers["content-security-policy"] == CONTENT_SECURITY_POLICY
    assert any("geheimer" in str(r.exc_info) for r in caplog.records if r.exc_info)


def test_the_server_binds_loopback_unless_told_otherwise() -> None:
    assert Settings().web.host == "127.0.0.1"
