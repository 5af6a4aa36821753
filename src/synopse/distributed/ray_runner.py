"""The Ray engine: the pipeline's stages, orchestrated by Ray Data and Ray tasks.

    1. ingest    each input file is read by a worker (`flat_map`); URLs and stdin are read
                 where they are named; ids are made unique on the driver, in input order
    2. clean     per article on the workers (`map_batches`); duplicates and recurring lines on
                 the driver: near-duplicates are searched across all outlets (syndicated
                 copies), so no grouping splits the work, and a MinHash per article is cheap
                 next to annotation (see docs/performance.md)
    3. annotate  `map_batches` with an actor pool: each actor builds one `Annotator`, so the
                 models load once per worker, not per batch
    4. cluster   on the driver, the incremental clusterer fed one block of publication days at
                 a time (synopse.cluster.blocks), with each article's features as its actor
                 computed them: only the assignment to stories is sequential
    5-7.         per story (`map_batches`, one story per row): the story's dating and typing
                 of mentions (`synopse.pipeline.story_members`), link, compare, brief, and
                 the story's sections of report.md and report.html
                 (`synopse.brief.render.story_parts`); only the article fields that dating
                 and typing changed come back, with the story and its sections

Rows cross process boundaries as pickled `Article`s in a binary column: Arrow cannot hold the
nested frozen dataclasses, and pickling keeps every field exactly as the local engine has it.
An annotated article's pickle, as its actor made it, goes on unchanged to its story's row. Each
row carries the index of its input, and results are put back in input order, so the report
equals the local engine's.
"""

from __future__ import annotations

import os
import pickle
from collections.abc import Callable, Iterable, Sequence
from pathlib import Path
from typing import Any

import numpy as np

from synopse.annotate.annotator import Annotator
from synopse.brief.render import story_parts
from synopse.clean.dedup import distinct_sources
from synopse.cluster.blocks import BlockedStoryClusterer
from synopse.cluster.features import ArticleFeatures
from synopse.config import Settings
from synopse.distributed import wire
from synopse.distributed.local import (
    Built,
    StoryBuilt,
    changed_fields,
    remember_headline,
    sent_back,
)
from synopse.errors import ConfigError, InputError, StageError, SynopseError
from synopse.ingest.dispatch import read_unit, read_units, unique_ids
from synopse.ingest.files import RawDocument
from synopse.model import Article, ErrorRecord, Report
from synopse.pipeline import (
    annotate_or_error,
    build_story,
    clean_batch,
    clean_one,
    handle_error,
    ingest_error,
    label_groups,
    load_outlets,
    story_members,
)

Batch = dict[str, np.ndarray[Any, Any]]
BLOB = "blob"  # a pickled Python object per row
INDEX = "index"  # the position of the input the row comes from
BATCH_SIZE = 8  # articles per annotation batch: small, so two actors share short corpora


def analyze_ray(
    paths: Iterable[str],
    settings: Settings,
    address: str | None = None,
    num_workers: int = 2,
) -> Report:
    """All stages on Ray: a local Ray with `num_workers` CPUs, or the cluster at `address`
    ("auto" or "ray://host:port"). The report equals `synopse.pipeline.analyze`'s."""
    _start_ray(address, num_workers)
    errors: list[ErrorRecord] = []
    cleaned = clean_batch(_read_and_clean(list(paths), settings, errors, num_workers), settings)
    articles, pickles, features = _annotate(cleaned, settings, errors, num_workers)
    distinct = distinct_sources(articles)
    clusterer = BlockedStoryClusterer.from_settings(settings.cluster)
    clusterer.fit(distinct, [features[a.id] for a in distinct])
    groups = label_groups(distinct, clusterer.labels_.tolist())
    jobs = [(f"s{i}", [pickles[a.id] for a in members]) for i, members in enumerate(groups, 1)]
    results = _ray_map(jobs, _story_builder(settings), num_workers)
    built = Built([], [], [])
    for members, result in zip(groups, results, strict=True):
        built.add(members, result)
    return built.report(articles, errors)


def _start_ray(address: str | None, num_workers: int) -> None:
    """Ray started offline: no dashboard, no usage statistics, nothing downloaded."""
    os.environ.setdefault("RAY_USAGE_STATS_ENABLED", "0")
    try:
        import ray
    except ImportError as exc:  # ray is an optional extra
        raise ConfigError(
            f"the ray engine needs Ray ({exc}); install it with: pip install 'synopse[ray]'"
        ) from exc

    if not ray.is_initialized():
        if address:
            ray.init(address=address, include_dashboard=False, log_to_driver=False)
        else:
            ray.init(num_cpus=num_workers, include_dashboard=False, log_to_driver=False)
    ray.data.DataContext.get_current().enable_progress_bars = False


def _read_and_clean(
    paths: Sequence[str], settings: Settings, errors: list[ErrorRecord], workers: int
) -> list[Article]:
    units = read_units(paths, settings.ingest)
    raw = list(unique_ids(_ray_map(units, _read_units(settings), workers)))
    cleaned: list[Article] = []
    for item in _ray_map(raw, _clean_items(settings), workers):
        if isinstance(item, Article):
            cleaned.append(item)
        elif (record := ingest_error(item, settings)) is not None:
            errors.append(record)
    return cleaned


def _annotate(
    cleaned: Sequence[Article], settings: Settings, errors: list[ErrorRecord], workers: int
) -> tuple[list[Article], dict[str, bytes], dict[str, ArticleFeatures]]:
    """The annotated articles in input order, each one's pickle as its actor made it, and each
    one's features for the clusterer as its actor computed them."""
    import ray

    if not cleaned:
        return [], {}, {}
    blocks = -(-len(cleaned) // BATCH_SIZE)
    dataset = ray.data.from_items(_rows(cleaned), override_num_blocks=blocks)
    annotated = dataset.map_batches(
        AnnotateBatch,
        fn_constructor_args=(settings,),
        batch_size=BATCH_SIZE,
        batch_format="numpy",
        compute=ray.data.ActorPoolStrategy(size=min(workers, blocks)),
    )
    articles: list[Article] = []
    pickles: dict[str, bytes] = {}
    features: dict[str, ArticleFeatures] = {}
    for article, (result, headline, found) in zip(cleaned, _unpickled(annotated), strict=True):
        remember_headline(headline)  # computed by the actor, for the clusterer on the driver
        if isinstance(result, StageError):
            if (record := handle_error(result, article.source, "annotate", settings)) is not None:
                errors.append(record)
        else:
            loaded: Article = wire.loads(result)
            articles.append(loaded)
            pickles[loaded.id] = result
            features[loaded.id] = found
    return articles, pickles, features


class AnnotateBatch:
    """The annotation UDF of the actor pool: one `Annotator` per actor, for all its batches."""

    def __init__(self, settings: Settings) -> None:
        self._annotator = Annotator(settings.annotate)
        self._settings = settings

    def __call__(self, batch: Batch) -> Batch:
        results = [annotate_or_error(self._annotator, pickle.loads(b)) for b in batch[BLOB]]
        annotated = [sent_back(r, self._settings) for r in results]
        return {BLOB: _blobs(annotated), INDEX: batch[INDEX]}


def _read_units(settings: Settings) -> Callable[[Any], list[Any]]:
    def read(unit: Path | str | InputError) -> list[RawDocument | InputError]:
        return read_unit(unit, settings.ingest)

    return read


def _clean_items(settings: Settings) -> Callable[[Any], list[Any]]:
    outlets = load_outlets(settings)

    def clean(item: RawDocument | InputError) -> list[Article | SynopseError]:
        return [clean_one(item, settings, outlets)]

    return clean


def _story_builder(settings: Settings) -> Callable[[Any], list[StoryBuilt]]:
    def build(job: tuple[str, Sequence[bytes]]) -> list[StoryBuilt]:
        """One story from its articles' pickles, for each article the fields that the story's
        dating and typing changed, and the story's report sections (`story_parts`)."""
        story_id, blobs = job
        originals = [wire.loads(blob) for blob in blobs]
        members = story_members(originals)
        story = build_story(story_id, members, settings)
        changes = [changed_fields(a, b) for a, b in zip(originals, members, strict=True)]
        return [(story, changes, story_parts(story, members))]

    return build


def _ray_map(items: Sequence[Any], function: Callable[[Any], list[Any]], workers: int) -> list[Any]:
    """`function` over `items` as Ray Data batches, in order; it returns a list per item (one
    file holds any number of articles), and the lists are concatenated."""
    import ray

    if not items:
        return []

    def apply(batch: Batch) -> Batch:
        pairs = zip(batch[INDEX], batch[BLOB], strict=True)
        outputs = [(i, out) for i, blob in pairs for out in function(pickle.loads(blob))]
        indices = np.array([i for i, _ in outputs], dtype=np.int64)
        return {BLOB: _blobs([out for _, out in outputs]), INDEX: indices}

    blocks = max(1, min(len(items), workers * 4))
    dataset = ray.data.from_items(_rows(items), override_num_blocks=blocks)
    return list(_unpickled(dataset.map_batches(apply, batch_format="numpy", batch_size=1)))


def _rows(items: Sequence[Any]) -> list[dict[str, Any]]:
    return [{BLOB: pickle.dumps(item), INDEX: i} for i, item in enumerate(items)]


def _blobs(items: Sequence[Any]) -> np.ndarray[Any, Any]:
    blobs = np.empty(len(items), dtype=object)
    blobs[:] = [pickle.dumps(item) for item in items]
    return blobs


def _unpickled(dataset: Any) -> list[Any]:
    """The rows' objects in input order: Ray may finish batches in any order; a stable sort
    on the input index keeps the outputs of one input in the order they were made."""
    rows = sorted(dataset.iter_rows(), key=lambda row: int(row[INDEX]))
    return [wire.loads(row[BLOB]) for row in rows]
