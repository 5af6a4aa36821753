"""The local engine with several processes: per-article annotation and the per-story stages
run in a process pool; everything that needs the whole batch stays in the calling process.

Each worker process builds its `Annotator` once (the pool's initializer), so models load once
per worker, not once per article. Workers are started with "spawn": a clean interpreter that
does not inherit the caller's threads or open files. Results come back in input order, so the
report equals the single-process one.
"""

from __future__ import annotations

import multiprocessing
from collections.abc import Sequence
from concurrent.futures import ProcessPoolExecutor
from typing import Any

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
_worker: dict[str, Any] = {}  # the models of this worker process, built once


def analyze_cleaned(
    cleaned: Sequence[Article],
    errors: list[ErrorRecord],
    settings: Settings,
    workers: int,
    progress: Progress | None = None,
) -> Report:
    """Stages 3-7 on cleaned articles with `workers` processes."""
    with worker_pool(settings, workers) as pool:
        articles = annotate_in_pool(pool, cleaned, errors, progress)
        groups = group_stories(distinct_sources(articles), settings)
        stories = stories_in_pool(pool, groups, settings)
    return assemble_report(articles, groups, stories, errors)


def annotate_in_pool(
    pool: ProcessPoolExecutor,
    cleaned: Sequence[Article],
    errors: list[ErrorRecord],
    progress: Progress | None = None,
) -> list[Article]:
    """Stage 3 in the pool, results in input order; failures handled as in one process."""
    articles: list[Article] = []
    results = pool.map(_annotate, cleaned, chunksize=_CHUNK)
    for article, result in zip(cleaned, results, strict=True):
        if isinstance(result, ErrorRecord):
            errors.append(result)
        elif result is not None:
            articles.append(result)
        if progress:
            progress(article.source)
    return articles


def stories_in_pool(
    pool: ProcessPoolExecutor, groups: Sequence[Sequence[Article]], settings: Settings
) -> list[Story]:
    """Stages 5-7, one story per task, in story order."""
    jobs = [(f"s{i}", members, settings) for i, members in enumerate(groups, 1)]
    return list(pool.map(_build_story, jobs))


def worker_pool(settings: Settings, workers: int) -> ProcessPoolExecutor:
    """Processes that each build their models once, on start."""
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
    return annotate_one(_worker["annotator"], article, _worker["settings"])


def _build_story(job: tuple[str, Sequence[Article], Settings]) -> Story:
    return build_story(*job)
