"""Story-page latency of `synopse serve` for a 50-article story, against the real uvicorn server.

The story is built from the example corpus: the five warehouse-fire articles, each copied
under ten outlet names (an outlet map names them), analysed by the real pipeline — so the
story has 50 articles, each with its entities, quotes and claims. The page is then fetched
over HTTP on 127.0.0.1 a few hundred times.

    .venv/bin/python benchmarks/web_latency.py [--requests 300] [--uncached | --db]

--uncached hands out a fresh copy of the story on every read, as a database store does, so
every request renders the page (the in-memory store's page cache never hits). --db ingests the
corpus into a SQLite store (`SqlStore`) and serves from it, as `synopse serve --db` does.
"""

from __future__ import annotations

import argparse
import statistics
import tempfile
import time
from dataclasses import replace
from pathlib import Path
from typing import Any

import httpx

from synopse.config import Settings
from synopse.store.memory import MemoryRepository
from synopse.web.app import create_app
from synopse.web.serve import background_server

EXAMPLES = Path(__file__).resolve().parents[1] / "examples"
COPIES = 10


def fifty_article_corpus(directory: Path) -> Settings:
    lines = ["[outlets]"]
    for source in sorted(EXAMPLES.glob("*_hafenbrand.txt")):
        for copy in range(COPIES):
            prefix = f"outlet{copy:02d}{source.stem.split('_')[0].replace('-', '')}"
            (directory / f"{prefix}_{source.name}").write_text(source.read_text("utf-8"), "utf-8")
            lines.append(f'"{prefix}" = "{source.stem.split("_")[0]} {copy:02d}"')
    outlets = directory / "outlets.toml"
    outlets.write_text("\n".join(lines) + "\n", encoding="utf-8")
    settings = Settings()
    return replace(settings, ingest=replace(settings.ingest, outlets_file=str(outlets)))


class FreshCopies:
    """The repository, but every story read is a new dict (as a database store returns)."""

    def __init__(self, repository: MemoryRepository) -> None:
        self._repository = repository

    def story(self, story_id: str) -> dict[str, Any]:
        return dict(self._repository.story(story_id))

    def __getattr__(self, name: str) -> Any:
        return getattr(self._repository, name)


def percentile(values: list[float], share: float) -> float:
    ordered = sorted(values)
    return ordered[min(len(ordered) - 1, round(share * (len(ordered) - 1)))]


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--requests", type=int, default=300)
    parser.add_argument("--uncached", action="store_true", help="render on every request")
    parser.add_argument("--db", action="store_true", help="serve from a SQLite store")
    args = parser.parse_args()
    with tempfile.TemporaryDirectory() as tmp:
        corpus = Path(tmp) / "corpus"
        corpus.mkdir()
        settings = fifty_article_corpus(corpus)
        started = time.perf_counter()
        served: Any = _repository(corpus, settings, Path(tmp), args.db)
        analysed = time.perf_counter() - started
        _measure(served, settings, analysed, args)


def _repository(corpus: Path, settings: Settings, tmp: Path, db: bool) -> Any:
    if not db:
        return MemoryRepository.from_paths([str(corpus)], settings)
    from synopse.store.sql import SqlStore

    store = SqlStore.open(str(tmp / "latency.db"), settings)
    store.ingest([str(corpus)])
    return store


def _measure(repository: Any, settings: Settings, analysed: float, args: Any) -> None:
    story = max(repository.report()["stories"], key=lambda s: len(s["article_ids"]))
    served: Any = FreshCopies(repository) if args.uncached else repository
    with background_server(create_app(served, settings.web)) as url, httpx.Client() as client:
        page = f"{url}/stories/{story['id']}"
        size = len(client.get(page).content)
        timings = []
        for _ in range(args.requests):
            begin = time.perf_counter()
            response = client.get(page)
            timings.append((time.perf_counter() - begin) * 1000)
            response.raise_for_status()
    print(
        f"story {story['id']}: {len(story['article_ids'])} articles, "
        f"{len(story['comparisons'])} comparisons, {len(story['quotes'])} quotes, "
        f"{len(story['entities'])} entities; page {size / 1024:.0f} KiB; analysis {analysed:.1f} s"
    )
    print(
        f"{args.requests} requests: p50 {percentile(timings, 0.5):.1f} ms, "
        f"p95 {percentile(timings, 0.95):.1f} ms, max {max(timings):.1f} ms, "
        f"mean {statistics.mean(timings):.1f} ms (goal p95 < 100 ms)"
    )


if __name__ == "__main__":
    main()
