"""Many clients against a real `synopse serve` process: the pages and API calls they make, and
what came back. Used by tests/robustness/test_load.py (short) and benchmarks/load_serve.py."""

from __future__ import annotations

import json
import socket
import subprocess
import sys
import threading
import time
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from dataclasses import dataclass, field
from urllib.parse import quote

import httpx


@dataclass
class LoadResult:
    """Every request's latency (seconds) and every failure, as "path: what went wrong"."""

    latencies: list[float] = field(default_factory=list)
    failures: list[str] = field(default_factory=list)
    lock: threading.Lock = field(default_factory=threading.Lock)

    def record(self, seconds: float, failure: str | None) -> None:
        with self.lock:
            self.latencies.append(seconds)
            if failure is not None:
                self.failures.append(failure)

    def percentile(self, share: float) -> float:
        ordered = sorted(self.latencies)
        return ordered[min(len(ordered) - 1, int(share * len(ordered)))] if ordered else 0.0


def _free_port() -> int:
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return int(probe.getsockname()[1])


@contextmanager
def serving(db: str) -> Iterator[str]:
    """`synopse serve --db db` in its own process on a free port; yields its base URL."""
    port = _free_port()
    command = [sys.executable, "-m", "synopse.cli", "serve", "--db", db, "--port", str(port)]
    server = subprocess.Popen(command, stdout=subprocess.DEVNULL, stderr=subprocess.PIPE)
    base = f"http://127.0.0.1:{port}"
    try:
        _wait_until_up(server, base)
        yield base
    finally:
        server.terminate()
        server.communicate(timeout=60)


def _wait_until_up(server: subprocess.Popen[bytes], base: str) -> None:
    for _ in range(600):
        if server.poll() is not None:
            raise RuntimeError(f"synopse serve ended: {server.communicate()[1].decode()}")
        try:
            httpx.get(f"{base}/api/outlets", timeout=5).raise_for_status()
            return
        except httpx.TransportError:
            time.sleep(0.1)
    raise RuntimeError(f"synopse serve did not answer on {base}")


def site_paths(base: str) -> list[str]:
    """The story list, every story and article (page and API), entity pages, outlets, runs."""
    stories = httpx.get(f"{base}/api/stories", timeout=30).json()["stories"]
    paths = ["/", "/api/stories", "/api/outlets", "/ingest", "/api/ingest/runs", "/?q=Hafen"]
    for summary in stories:
        story = httpx.get(f"{base}/api/stories/{summary['id']}", timeout=30).json()
        paths += [f"/stories/{story['id']}", f"/api/stories/{story['id']}"]
        paths += [f"/articles/{a}" for a in story["article_ids"]]
        paths += [f"/api/articles/{a}" for a in story["article_ids"]]
        paths += [f"/entities/{quote(e['name'])}" for e in story["entities"][:3]]
    return paths


def complete(response: httpx.Response) -> str | None:
    """None when the response is whole; else what is wrong with it."""
    if response.status_code != 200:
        return f"status {response.status_code}"
    if response.headers.get("content-type", "").startswith("application/json"):
        try:
            json.loads(response.content)
        except ValueError:
            return "truncated JSON"
        return None
    return None if response.text.rstrip().endswith("</html>") else "truncated HTML"


def _client_loop(
    base: str, paths: list[str], start: int, keep_going: Callable[[], bool], result: LoadResult
) -> None:
    with httpx.Client(base_url=base, timeout=60) as client:
        turn = start
        while keep_going():
            path = paths[turn % len(paths)]
            began = time.perf_counter()
            try:
                failure = complete(client.get(path))
            except httpx.HTTPError as exc:
                failure = f"{type(exc).__name__}: {exc}"
            result.record(
                time.perf_counter() - began, None if failure is None else f"{path}: {failure}"
            )
            turn += 1


def hammer(base: str, paths: list[str], clients: int, keep_going: Callable[[], bool]) -> LoadResult:
    """`clients` threads, each with its own connection, cycle through `paths` (each starting
    elsewhere) while `keep_going()` is true."""
    result = LoadResult()
    threads = [
        threading.Thread(target=_client_loop, args=(base, paths, i * 7, keep_going, result))
        for i in range(clients)
    ]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()
    return result
