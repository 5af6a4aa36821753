"""Annotated articles across process boundaries: pickled once, unpickled without the cyclic
garbage collector in the way.

One annotated article unpickles into a few thousand objects (tokens, mentions, spans, their
strings). While they are created, Python's cyclic collector runs every 700 new objects, and as
the process's heap of kept articles grows its older generations are scanned again and again;
none of it frees anything, since unpickling drops no object and an article holds no reference
cycle. `loads` pauses the collector for the one call (and only if it was running), which makes
loading an article about 2.5-3 times cheaper (`benchmarks/pickle_speed.py`); a pool's calling
process, which gathers every annotated article while its workers run, pauses it for the whole
gathering (`synopse.gcpause.collector_paused`), since what it gathers stays. Everything else
runs with the collector as configured.
"""

from __future__ import annotations

import gc
import pickle
from typing import Any


def dumps(obj: object) -> bytes:
    return pickle.dumps(obj, protocol=pickle.HIGHEST_PROTOCOL)


def loads(blob: bytes) -> Any:
    """`pickle.loads` with the cyclic garbage collector paused for the call."""
    # Not `with collector_paused()`: making that context manager allocates tracked objects
    # while the collector still runs, which triggers the very collections this avoids (a
    # gathering loop of `loads` then costs as much as plain `pickle.loads`; measured).
    if not gc.isenabled():
        return pickle.loads(blob)
    gc.disable()
    try:
        return pickle.loads(blob)
    finally:
        gc.enable()
