"""The HTML report opens in a real headless Chromium and its citation links resolve."""

from __future__ import annotations

import re
import subprocess
from html.parser import HTMLParser
from pathlib import Path

import pytest

from tests.cli.test_cli import synopse
from tests.conftest import CHROMIUM, CHROMIUM_FLAGS, EXAMPLES

FLAGS = ["--headless", *CHROMIUM_FLAGS]


class _Ids(HTMLParser):
    def __init__(self) -> None:
        super().__init__()
        self.ids: set[str] = set()
        self.links: list[str] = []

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        values = dict(attrs)
        if values.get("id"):
            self.ids.add(str(values["id"]))
        if tag == "a" and (values.get("href") or "").startswith("#"):
            self.links.append(str(values["href"])[1:])


@pytest.fixture(scope="module")
def html_report(tmp_path_factory: pytest.TempPathFactory) -> Path:
    out = tmp_path_factory.mktemp("html")
    result = synopse("analyze", str(EXAMPLES), "--out", str(out), "--quiet")
    assert result.returncode == 0, result.stderr
    return out / "report.html"


@pytest.mark.slow
@pytest.mark.skipif(CHROMIUM is None, reason="chromium is not installed (make test installs it)")
def test_the_html_report_renders_in_headless_chromium(html_report: Path, tmp_path: Path) -> None:
    assert CHROMIUM is not None
    profile = tmp_path / "profile"
    dom = subprocess.run(
        [CHROMIUM, *FLAGS, f"--user-data-dir={profile}", "--dump-dom", html_report.as_uri()],
        capture_output=True,
        text=True,
        timeout=120,
        check=True,
    ).stdout
    parser = _Ids()
    parser.feed(dom)
    assert re.search(r"<h2>[^<]+</h2>", dom), "no story headings rendered"
    assert 'class="synopse"' in dom
    missing = [link for link in parser.links if link not in parser.ids]
    assert parser.links and not missing, missing[:5]
    shot = tmp_path / "report.png"
    subprocess.run(
        [
            CHROMIUM,
            *FLAGS,
            f"--user-data-dir={profile}",
            f"--screenshot={shot}",
            "--window-size=1280,900",
            html_report.as_uri(),
        ],
        capture_output=True,
        timeout=120,
        check=True,
    )
    assert shot.stat().st_size > 10_000


def test_the_html_report_draws_the_timeline_and_who_appears_with_whom(html_report: Path) -> None:
    page = html_report.read_text(encoding="utf-8")
    titles = re.findall(r'<svg [^>]*role="img"[^>]*><title id="([^"]+)-title">', page)
    assert any(t.endswith("-tl") for t in titles)
    assert any(t.endswith("-net") for t in titles)
    assert any(t.endswith("-cov") for t in titles)
    assert "Who appears with whom" in (html_report.parent / "report.md").read_text(encoding="utf-8")
