"""The local engine with several processes: per-article annotation and the per-story stages
run in a process pool; everything that needs the whole batch stays in the calling process.

Each worker process builds its `Annotator` once (the pool's initializer), so models load once
per worker, not once per article. Workers are started with "spawn": a clean interpreter that
does not inherit the caller's threads or open files. Results come back in input order, so the
report equals the single-process one.
"""

from __future__ import annotations

import multiprocessing
from collections.abc import Iterable, Iterator, Sequence
from concurrent.futures import ProcessPoolExecutor

from synopse.annotate.annotator import Annotator
from synopse.clean.dedup import distinct_sources
from synopse.config import Settings
from synopse.model import Article, ErrorRecord, Report, Story
from synopse.pipeline import (
    Progress,
    annotate_one,
    assemble_report,
    build_story,
    group_stories,
)

_CHUNK = 4  # articles per round trip: fewer pickling calls, still an even spread over workers
_worker: dict[str, object] = {}  # the models of this worker process, built once


def analyze_cleaned(
    cleaned: Sequence[Article],
    errors: list[ErrorRecord],
    settings: Settings,
    workers: int,
    progress: Progress | None = None,
) -> Report:
    """Stages 3-7 on cleaned articles with `workers` processes."""
    with _pool(settings, workers) as pool:
        articles = list(_collect(pool.map(_annotate, cleaned, chunksize=_CHUNK), errors))
        if progress:
            for article in cleaned:
                progress(article.source)
        groups = group_stories(distinct_sources(articles), settings)
        jobs = [(f"s{i}", members, settings) for i, members in enumerate(groups, 1)]
        stories: list[Story] = list(pool.map(_build_story, jobs))
    return assemble_report(articles, groups, stories, errors)


def _pool(settings: Settings, workers: int) -> ProcessPoolExecutor:
    return ProcessPoolExecutor(
        max_workers=workers,
        mp_context=multiprocessing.get_context("spawn"),
        initializer=_start_worker,
        initargs=(settings,),
    )


def _start_worker(settings: Settings) -> None:
    _worker["settings"] = settings
    _worker["annotator"] = Annotator(settings.annotate)


def _annotate(article: Article) -> Article | ErrorRecord | None:
    annotator = _worker["annotator"]
    settings = _worker["settings"]
    assert isinstance(annotator, Annotator) and isinstance(settings, Settings)
    return annotate_one(annotator, article, settings)


def _build_story(job: tuple[str, Sequence[Article], Settings]) -> Story:
    return build_story(*job)


def _collect(
    results: Iterable[Article | ErrorRecord | None], errors: list[ErrorRecord]
) -> Iterator[Article]:
    for result in results:
        if isinstance(result, ErrorRecord):
            errors.append(result)
        elif result is not None:
            yield result
