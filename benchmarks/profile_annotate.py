"""Time each annotator separately on a directory of articles.

.venv/bin/python benchmarks/profile_annotate.py examples ../shared/seeds --repeat 2
"""

from __future__ import annotations

import argparse
import time
from collections import defaultdict
from collections.abc import Callable
from pathlib import Path
from typing import TypeVar

from synopse.annotate.entities import EntityRecognizer
from synopse.annotate.quantities import find_quantities
from synopse.annotate.quotes import QuoteFinder
from synopse.annotate.times import find_times
from synopse.annotate.tokens import Tokenizer

T = TypeVar("T")


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("paths", nargs="+", type=Path)
    parser.add_argument("--repeat", type=int, default=2)
    args = parser.parse_args()
    files = sorted(f for p in args.paths for f in (p.glob("*.txt") if p.is_dir() else [p]))
    texts = [f.read_text(encoding="utf-8") for f in files]
    tokenizer, entities, quotes = Tokenizer(), EntityRecognizer(), QuoteFinder()
    seconds: dict[str, float] = defaultdict(float)

    def timed(name: str, action: Callable[[], T]) -> T:
        start = time.perf_counter()
        result = action()
        seconds[name] += time.perf_counter() - start
        return result

    for _ in range(args.repeat):
        for text in texts:
            sentences = timed("sentences+tokens+POS", lambda: tokenizer(text))  # noqa: B023
            mentions = timed("entities", lambda: entities(text, sentences))  # noqa: B023
            timed("quotes", lambda: quotes(text, sentences, mentions))  # noqa: B023
            timed("times", lambda: find_times(text, sentences, None))  # noqa: B023
            timed("quantities", lambda: find_quantities(text, sentences))  # noqa: B023
    print(f"{len(texts)} texts, {args.repeat} passes")
    for name, value in seconds.items():
        print(f"{name:>22}: {value:6.2f} s")


if __name__ == "__main__":
    main()
