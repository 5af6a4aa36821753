"""CPU time of sentence splitting, tokenization and tagging (`annotate.tokens.Tokenizer`) on
the cleaned articles of some inputs: SoMaJo alone, then the whole tokenizer (SoMaJo + HanTa).

    .venv/bin/python benchmarks/tokenize_speed.py /tmp/c500p --limit 500

To compare with older code run it with PYTHONPATH pointing at that code's src (e.g.
`git archive COMMIT src | tar -x -C /tmp/base`), alternating runs: the host is shared.
Each run uses a fresh `Tokenizer` (cold word caches), as a worker process does.
"""

from __future__ import annotations

import argparse
import re
import time

from synopse.annotate.tokens import Tokenizer
from synopse.config import Settings
from synopse.pipeline import ingest_and_clean

_PARAGRAPH = re.compile(r"[^\n]+")


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("paths", nargs="+")
    parser.add_argument("--limit", type=int, default=500, help="articles per input path")
    args = parser.parse_args()
    settings = Settings().with_embeddings("none")
    texts = []
    for path in args.paths:
        texts.extend(a.text for a in ingest_and_clean([path], settings)[0][: args.limit])

    somajo = Tokenizer()._somajo
    start = time.process_time()
    for text in texts:
        for paragraph in _PARAGRAPH.findall(text):
            if paragraph.strip():
                for _ in somajo.tokenize_text([paragraph]):
                    pass
    somajo_seconds = time.process_time() - start

    tokenizer = Tokenizer()
    start = time.process_time()
    tokens = sum(len(s.tokens) for text in texts for s in tokenizer(text))
    seconds = time.process_time() - start
    print(
        f"{len(texts)} articles, {tokens} tokens: SoMaJo {somajo_seconds:.2f} CPU-s, "
        f"tokens + tags {seconds:.2f} CPU-s ({1000 * seconds / len(texts):.1f} ms per article)"
    )


if __name__ == "__main__":
    main()
