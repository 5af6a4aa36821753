"""The cyclic garbage collector paused for a block of work that keeps what it makes.

Python's cyclic collector runs every 700 new container objects, and each run of its oldest
generation scans every tracked object of the process: with 2,000 annotated articles in memory
that is ≈ 2.6 million objects and ≈ 1 s a pass (docs/performance.md). Work that builds large
results and frees no reference cycle (unpickling kept articles, writing a report) gains
nothing from those passes, so it runs with the collector paused; everything else runs with the
collector as configured.
"""

from __future__ import annotations

import gc
from collections.abc import Iterator
from contextlib import contextmanager


@contextmanager
def collector_paused() -> Iterator[None]:
    """The cyclic garbage collector off for the block (if it was on), on again after it, also
    when the block raises."""
    if not gc.isenabled():
        yield
        return
    gc.disable()
    try:
        yield
    finally:
        gc.enable()
