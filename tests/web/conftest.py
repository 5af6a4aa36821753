# ruff: noqa: E501  (article paragraphs are one line each, as in the inputs synopse reads)
"""Fixtures for the web tests: the example corpus analysed once, an app over it, hostile text."""

from __future__ import annotations

import copy
from pathlib import Path

import pytest
from fastapi.testclient import TestClient

from synopse.brief.report_json import report_to_dict
from synopse.config import Settings, WebSettings
from synopse.pipeline import analyze
from synopse.store.memory import MemoryRepository
from synopse.store.repository import JsonDict
from synopse.web.app import create_app
from tests.conftest import EXAMPLES

TOKEN = "geheimes-token-fuer-tests"

# An invented article whose text tries every way into a page: script tags, event handlers,
# javascript: links, attribute breakouts. It must come out as text, never as markup.
HOSTILE = {
    "boese_hafen.txt": """<script>alert('titel')</script> Brand im Hafen von Nordheim

Veröffentlicht: 05.03.2025, 08:00 Uhr

Nordheim. Am Hafen von Nordheim hat am Dienstag eine Lagerhalle gebrannt <img src=x onerror=alert('bild')>. Feuerwehrsprecher Tobias Brandt sagte: „<script>alert('zitat')</script> Das Feuer ist gelöscht.“

Mehr dazu unter <a href="javascript:alert('link')">javascript:alert('link')</a> und "><svg onload=alert('svg')>.

© 2025 Nordheimer Zeitung
""",
    "nordbote_hafen.txt": """Lagerhalle in Nordheim ausgebrannt

Veröffentlicht: 05.03.2025, 09:30 Uhr

Nordheim. In Nordheim ist am Dienstag eine Lagerhalle am Hafen ausgebrannt. Feuerwehrsprecher Tobias Brandt sagte, das Feuer sei gelöscht.

© 2025 Nordbote
""",
}


@pytest.fixture(scope="session")
def example_report() -> JsonDict:
    return report_to_dict(analyze([str(EXAMPLES)], Settings()))


@pytest.fixture(scope="session")
def hostile_repository(tmp_path_factory: pytest.TempPathFactory) -> MemoryRepository:
    directory = tmp_path_factory.mktemp("hostile")
    for name, text in HOSTILE.items():
        (directory / name).write_text(text, encoding="utf-8")
    return MemoryRepository.from_paths([str(directory)], Settings())


def make_client(repository: MemoryRepository, **web: object) -> TestClient:
    settings = WebSettings(**({"token": TOKEN} | web))  # type: ignore[arg-type]
    return TestClient(create_app(repository, settings), raise_server_exceptions=False)


@pytest.fixture()
def repository(example_report: JsonDict) -> MemoryRepository:
    return MemoryRepository.from_report(copy.deepcopy(example_report))


@pytest.fixture()
def client(repository: MemoryRepository) -> TestClient:
    return make_client(repository)


def write_files(directory: Path, files: dict[str, str]) -> list[Path]:
    directory.mkdir(parents=True, exist_ok=True)
    for name, text in files.items():
        (directory / name).write_text(text, encoding="utf-8")
    return [directory / name for name in files]
