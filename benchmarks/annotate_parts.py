"""CPU time of the annotators after tokenization (entities, quotes, times, quantities, facts),
each on its own, and a digest of their output, on articles tokenized once beforehand.

    .venv/bin/python benchmarks/annotate_parts.py /tmp/c500p --tokens /tmp/c500p-tokens.pkl

Tokenization (SoMaJo + HanTa) is left out: it is timed by `annotate_identity.py` and
`profile_pipeline.py`. `--tokens` keeps the tokenized articles in a pickle, so that runs of two
versions of the code (PYTHONPATH=...) time the same input; delete it when the tokenizer
changes. The digest (SHA-256 of the repr of every article's mentions, quotes, times,
quantities and facts) must not change with a pure speed change.
"""

from __future__ import annotations

import argparse
import datetime as dt
import hashlib
import pickle
import time
from pathlib import Path

from synopse.annotate.annotator import _anchor
from synopse.annotate.backends import make_recognizer
from synopse.annotate.facts import find_facts
from synopse.annotate.quantities import find_quantities
from synopse.annotate.quotes import QuoteFinder
from synopse.annotate.times import find_times
from synopse.annotate.tokens import Tokenizer
from synopse.config import Settings
from synopse.model import Sentence
from synopse.pipeline import ingest_and_clean

Tokenized = list[tuple[str, dt.date | str | None, tuple[Sentence, ...]]]
PARTS = ("entities", "quotes", "times", "quantities", "facts")


def tokenized(paths: list[str], cache: Path | None, settings: Settings) -> Tokenized:
    if cache is not None and cache.exists():
        loaded: Tokenized = pickle.loads(cache.read_bytes())
        return loaded
    tokenizer = Tokenizer()
    articles = [a for path in paths for a in ingest_and_clean([path], settings)[0]]
    found = [(a.text, _anchor(a.published), tokenizer(a.text)) for a in articles]
    if cache is not None:
        cache.write_bytes(pickle.dumps(found))
    return found


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("paths", nargs="+")
    parser.add_argument("--tokens", type=Path, help="pickle of the tokenized articles")
    parser.add_argument("--repeat", type=int, default=1)
    args = parser.parse_args()
    settings = Settings().with_embeddings("none")
    articles = tokenized(args.paths, args.tokens, settings)
    entities, quotes = make_recognizer(settings.annotate.ner), QuoteFinder()
    seconds = dict.fromkeys(PARTS, 0.0)
    digest = hashlib.sha256()
    for run in range(args.repeat):
        for text, published, sentences in articles:
            clock = [time.process_time()]
            mentions = entities(text, sentences)
            clock.append(time.process_time())
            found_quotes = quotes(text, sentences, mentions)
            clock.append(time.process_time())
            found_times = find_times(text, sentences, published)
            clock.append(time.process_time())
            quantities = find_quantities(text, sentences)
            clock.append(time.process_time())
            facts = find_facts(sentences, mentions, found_quotes, quantities, found_times)
            clock.append(time.process_time())
            for part, start, end in zip(PARTS, clock, clock[1:], strict=False):
                seconds[part] += end - start
            if run == 0:
                parts = (mentions, found_quotes, found_times, quantities, facts)
                digest.update(repr(parts).encode("utf-8"))
    each = " ".join(f"{part} {value / args.repeat:.2f}" for part, value in seconds.items())
    total = sum(seconds.values()) / args.repeat
    print(f"{len(articles)} articles, CPU-s: {each}, total {total:.2f}")
    print(f"digest {digest.hexdigest()}")


if __name__ == "__main__":
    main()
