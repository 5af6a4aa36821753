"""The cyclic garbage collector kept off what a batch keeps.

Python's cyclic collector runs every 700 new container objects, and each run of its oldest
generation scans every tracked object of the process: with 2,000 annotated articles in memory
that is ≈ 2.6 million objects and ≈ 1 s a pass (docs/performance.md). Two ways out, both for
work that keeps most of what it makes:

- `collector_paused`: the collector off for a block that frees no reference cycle at all
  (unpickling kept articles, writing a report);
- `survivors_frozen` (and `freeze_survivors` for a pool's worker, for its whole life): the
  collector on, but what survived a pass of its oldest generation is frozen (`gc.freeze`), so
  the next pass scans only what is new since. Annotation does leave reference cycles behind
  (≈ 2,000 objects per article), which the passes still find and free.

Everything else runs with the collector as configured.
"""

from __future__ import annotations

import gc
from collections.abc import Iterator
from contextlib import contextmanager

_OLDEST = 2  # the collector's oldest generation, as its callbacks number it


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


def _freeze_after_full_pass(phase: str, info: dict[str, int]) -> None:
    if phase == "stop" and info["generation"] == _OLDEST:
        gc.freeze()


def freeze_survivors() -> None:
    """For the rest of this process, whatever survives a pass of the collector's oldest
    generation is frozen right after it. For a process that keeps what it makes until it ends
    (a pool's worker); anywhere else, `survivors_frozen`. Calling it again changes nothing."""
    if _freeze_after_full_pass not in gc.callbacks:
        gc.callbacks.append(_freeze_after_full_pass)


def freeze_kept() -> None:
    """Inside `survivors_frozen` (or after `freeze_survivors`): freeze everything now, right
    after a block that kept all it made (gathering a pool's results with the collector paused),
    which the collector's next passes would otherwise scan generation by generation to find
    nothing. Anywhere else nothing happens."""
    if _freeze_after_full_pass in gc.callbacks:
        gc.freeze()


@contextmanager
def survivors_frozen() -> Iterator[None]:
    """The block runs with what survives a pass of the collector's oldest generation frozen
    right after it, and everything is unfrozen at its end, also when it raises. Blocks nest
    (the outermost one unfreezes); inside `freeze_survivors` a block changes nothing.

    What a pass found reachable and the block drops later is freed as usual once nothing
    refers to it; only a reference cycle among such objects waits for the end of the block
    (5,133 objects after 2,000 annotated articles, docs/performance.md). Objects the caller
    froze itself before the block are unfrozen with the block's."""
    if _freeze_after_full_pass in gc.callbacks:
        yield
        return
    gc.callbacks.append(_freeze_after_full_pass)
    try:
        yield
    finally:
        gc.callbacks.remove(_freeze_after_full_pass)
        gc.unfreeze()
