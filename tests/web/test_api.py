"""The HTTP API: reads mirror report.json; ingest needs the token and runs in the background."""

from __future__ import annotations

import time

import pytest
from fastapi.testclient import TestClient

from synopse.store.memory import MemoryRepository
from synopse.store.repository import JsonDict
from tests.store.articles import BRIDGE_LATER
from tests.web.conftest import TOKEN, make_client

AUTH = {"Authorization": f"Bearer {TOKEN}"}


def test_the_report_endpoint_is_the_whole_report(
    client: TestClient, example_report: JsonDict
) -> None:
    assert client.get("/api/report").json() == example_report


@pytest.mark.parametrize("index", [0, 1])
def test_a_story_is_its_report_entry(
    client: TestClient, example_report: JsonDict, index: int
) -> None:
    story = example_report["stories"][index]
    assert client.get(f"/api/stories/{story['id']}").json() == story


def test_an_article_is_its_report_entry(client: TestClient, example_report: JsonDict) -> None:
    article = example_report["articles"][3]
    assert client.get(f"/api/articles/{article['id']}").json() == article


@pytest.mark.parametrize(
    ("query", "count"),
    [
        ("", 2),
        ("?q=Lagerhalle", 1),
        ("?entity=Helmstedt", 1),
        ("?date_from=2025-03-18", 1),
        ("?date_to=2025-03-01", 0),
        ("?limit=1", 1),
        ("?offset=1", 1),
        ("?offset=5", 0),
    ],
)
def test_stories_are_filtered_by_query_parameters(
    client: TestClient, query: str, count: int
) -> None:
    body = client.get(f"/api/stories{query}").json()
    assert len(body["stories"]) == count


@pytest.mark.parametrize(
    "query", ["?limit=0", "?limit=100000", "?offset=-1", "?date_from=gestern", "?q=" + "x" * 300]
)
def test_invalid_query_parameters_are_422_with_the_reason(client: TestClient, query: str) -> None:
    response = client.get(f"/api/stories{query}")
    assert response.status_code == 422 and "query." in response.json()["detail"]


def test_outlets_and_entities_are_listed(client: TestClient, example_report: JsonDict) -> None:
    outlets = client.get("/api/outlets").json()["outlets"]
    assert outlets == sorted({a["outlet"] for a in example_report["articles"]})
    name = example_report["stories"][0]["entities"][0]["name"]
    entity = client.get(f"/api/entities/{name}").json()
    assert entity["name"] == name and entity["stories"][0]["story_id"] == "s1"


@pytest.mark.parametrize(
    "path", ["/api/stories/s999", "/api/articles/nix", "/api/entities/Niemand", "/api/nix"]
)
def test_unknown_records_are_404_json(client: TestClient, path: str) -> None:
    response = client.get(path)
    assert response.status_code == 404 and "detail" in response.json()


@pytest.mark.parametrize(
    ("headers", "status"),
    [
        ({}, 401),
        ({"Authorization": "Bearer falsch"}, 401),
        ({"Authorization": f"Basic {TOKEN}"}, 401),
        ({"Authorization": f"Bearer {TOKEN}x"}, 401),
    ],
)
def test_ingest_needs_the_right_bearer_token(
    client: TestClient, headers: dict[str, str], status: int
) -> None:
    response = client.post(
        "/api/ingest", json={"sources": ["https://example.org/"]}, headers=headers
    )
    assert response.status_code == status
    assert response.headers.get("www-authenticate") == "Bearer"


def test_without_a_configured_token_writes_are_disabled(
    repository: MemoryRepository, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.delenv("SYNOPSE_TOKEN", raising=False)
    closed = make_client(repository, token="")
    response = closed.post("/api/ingest", json={"sources": ["https://example.org/"]}, headers=AUTH)
    assert response.status_code == 403 and "disabled" in response.json()["detail"]


def test_the_token_can_come_from_the_environment(
    repository: MemoryRepository, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setenv("SYNOPSE_TOKEN", "aus-der-umgebung")
    closed = make_client(repository, token="")
    response = closed.post(
        "/api/ingest",
        json={"sources": ["http://127.0.0.1/"]},
        headers={"Authorization": "Bearer aus-der-umgebung"},
    )
    assert response.status_code == 400  # authorised; then refused for the private address


@pytest.mark.parametrize(
    ("body", "problem"),
    [
        ({"sources": ["http://127.0.0.1:8000/api/report"]}, "non-public"),
        ({"sources": ["http://10.0.0.8/artikel"]}, "non-public"),
        ({"sources": ["http://169.254.169.254/latest/meta-data/"]}, "non-public"),
        ({"sources": ["http://[::1]/"]}, "non-public"),
        ({"sources": ["http://localhost/"]}, "non-public"),
        ({"sources": ["/etc/passwd"]}, "only http(s) URLs"),
        ({"sources": ["file:///etc/passwd"]}, "only http(s) URLs"),
        ({"sources": []}, "between 1 and"),
        ({"quellen": ["https://example.org/"]}, "expected a JSON object"),
        (["https://example.org/"], "expected a JSON object"),
    ],
)
def test_ingest_refuses_private_targets_and_anything_but_urls(
    client: TestClient, body: object, problem: str
) -> None:
    response = client.post("/api/ingest", json=body, headers=AUTH)
    assert response.status_code == 400 and problem in response.json()["detail"]


def test_malformed_json_is_a_400(client: TestClient) -> None:
    response = client.post(
        "/api/ingest",
        content=b"{sources: nope",
        headers=AUTH | {"Content-Type": "application/json"},
    )
    assert response.status_code == 400 and "not valid JSON" in response.json()["detail"]


def test_another_content_type_is_415(client: TestClient) -> None:
    response = client.post(
        "/api/ingest", content=b"x", headers=AUTH | {"Content-Type": "text/plain"}
    )
    assert response.status_code == 415


def _wait_for_run(client: TestClient) -> JsonDict:
    for _ in range(3000):  # up to 5 min: a safety net for a loaded machine, not a timing check
        runs = client.get("/api/ingest/runs").json()["runs"]
        if runs and runs[0]["state"] != "running":
            return dict(runs[0])
        time.sleep(0.1)
    raise AssertionError("the ingest did not finish")


@pytest.mark.slow
def test_uploaded_files_are_ingested_in_the_background(client: TestClient) -> None:
    files = [("files", ("../../landesecho_bruecke.txt", BRIDGE_LATER.encode(), "text/plain"))]
    response = client.post("/api/ingest", files=files, headers=AUTH)
    assert response.status_code == 202 and response.json()["sources"] == 1
    run = _wait_for_run(client)
    assert run["state"] == "done" and run["added"] == ["landesecho_bruecke"]
    assert client.get("/api/articles/landesecho_bruecke").json()["title"].startswith("Sanierung")
    assert '<tr class="run done">' in client.get("/ingest").text


def test_an_oversized_upload_is_413(repository: MemoryRepository) -> None:
    small = make_client(repository, max_upload_bytes=1000)
    files = [("files", ("gross.txt", b"Wort " * 400, "text/plain"))]
    response = small.post("/api/ingest", files=files, headers=AUTH)
    assert response.status_code == 413 and "gross.txt" in response.json()["detail"]


@pytest.mark.parametrize("chunked", [False, True])
def test_an_oversized_request_body_is_413(repository: MemoryRepository, chunked: bool) -> None:
    small = make_client(repository, max_request_bytes=2000)
    body = b'{"sources": ["' + b"a" * 5000 + b'"]}'
    content = iter([body[:1000], body[1000:]]) if chunked else body
    response = small.post(
        "/api/ingest", content=content, headers=AUTH | {"Content-Type": "application/json"}
    )
    assert response.status_code == 413


def test_a_read_only_store_takes_no_ingest(repository: MemoryRepository) -> None:
    class ReadOnly:
        def __getattr__(self, name: str) -> object:
            if name in ("ingest", "ingest_runs"):
                raise AttributeError(name)
            return getattr(repository, name)

    client = make_client(ReadOnly())  # type: ignore[arg-type]
    response = client.post("/api/ingest", json={"sources": ["https://example.org/"]}, headers=AUTH)
    assert response.status_code == 405
    assert "read-only" in client.get("/ingest").text
