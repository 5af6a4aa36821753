"""The web app in a real headless Chromium (Debian's package, driven by Playwright; no browser
download): a briefing citation opens the cited sentence highlighted; hostile text runs nothing.

Set SYNOPSE_UPDATE_SCREENSHOT=1 to write the story page's screenshot to docs/web-story.png.
"""

from __future__ import annotations

import os
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest

from synopse.config import WebSettings
from synopse.store.memory import MemoryRepository
from synopse.store.repository import JsonDict
from synopse.web.app import create_app
from synopse.web.serve import background_server
from tests.conftest import CHROMIUM, CHROMIUM_FLAGS, ROOT

FLAGS = CHROMIUM_FLAGS
pytestmark = [
    pytest.mark.slow,
    pytest.mark.skipif(
        CHROMIUM is None, reason="chromium is not installed (make test installs it)"
    ),
]


@pytest.fixture(scope="module")
def browser() -> Iterator[Any]:
    from playwright.sync_api import sync_playwright

    with sync_playwright() as playwright:
        launched = playwright.chromium.launch(executable_path=CHROMIUM, args=FLAGS)
        yield launched
        launched.close()


@pytest.fixture(scope="module")
def examples_url(example_report: JsonDict) -> Iterator[str]:
    app = create_app(MemoryRepository.from_report(example_report), WebSettings())
    with background_server(app) as url:
        yield url


class Watched:
    """A page with its console errors, page errors and dialogs recorded."""

    def __init__(self, browser: Any) -> None:
        self.page = browser.new_page(viewport={"width": 1280, "height": 900})
        self.problems: list[str] = []
        self.dialogs: list[str] = []
        self.page.on("console", self._console)
        self.page.on("pageerror", lambda error: self.problems.append(str(error)))
        self.page.on("dialog", self._dialog)

    def _console(self, message: Any) -> None:
        if message.type in ("error", "warning"):  # CSP violations are reported as errors
            self.problems.append(message.text)

    def _dialog(self, dialog: Any) -> None:
        self.dialogs.append(dialog.message)
        dialog.dismiss()


def test_a_briefing_citation_opens_the_cited_sentence_highlighted(
    browser: Any, examples_url: str, example_report: JsonDict
) -> None:
    watched = Watched(browser)
    page = watched.page
    story = example_report["stories"][0]
    page.goto(f"{examples_url}/stories/{story['id']}")
    assert page.locator("table.synopse").count() == 1
    first = page.locator("ol.briefing li").first
    _save_screenshot(page)
    first.locator("a.cite").first.click()
    page.wait_for_url("**/articles/**#hl")
    highlighted = page.locator("#hl")
    assert highlighted.inner_text() == story["briefing"][0]["text"]
    assert highlighted.is_visible()
    assert page.evaluate("document.querySelector(':target') === document.getElementById('hl')")
    assert watched.problems == [] and watched.dialogs == []


def test_pages_run_their_script_under_the_policy(browser: Any, examples_url: str) -> None:
    watched = Watched(browser)
    for path in ("/", "/?q=Hafen", "/ingest", "/docs", "/entities/Helmstedt"):
        response = watched.page.goto(examples_url + path)
        assert response is not None and response.status == 200, path
    assert watched.problems == []


def test_hostile_article_text_executes_nothing_in_the_browser(
    browser: Any, hostile_repository: MemoryRepository
) -> None:
    watched = Watched(browser)
    with background_server(create_app(hostile_repository, WebSettings())) as url:
        stories = hostile_repository.report()["stories"]
        paths = [f"/stories/{s['id']}" for s in stories] + ["/articles/boese_hafen", "/"]
        for path in paths:
            watched.page.goto(url + path)
            watched.page.wait_for_load_state("load")
            assert watched.page.locator("script:not([src])").count() == 0, path
            assert watched.page.locator("main img, main svg").count() == 0, path
    assert watched.dialogs == []


def _save_screenshot(page: Any) -> None:
    shot = page.screenshot(full_page=False)
    assert len(shot) > 10_000
    if os.environ.get("SYNOPSE_UPDATE_SCREENSHOT"):
        Path(ROOT / "docs" / "web-story.png").write_bytes(shot)
