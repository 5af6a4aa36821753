"""Annotation output before and after a speed change must be identical: this writes a digest
of every article's annotations, or compares with one written before.

    .venv/bin/python benchmarks/annotate_identity.py /tmp/c500 ../shared/seeds examples \
        --limit 300 --write out/annotations-before.json
    ... change the code ...
    .venv/bin/python benchmarks/annotate_identity.py /tmp/c500 ../shared/seeds examples \
        --limit 300 --compare out/annotations-before.json

Each directory contributes at most `--limit` articles (after ingest and clean). The digest
is the SHA-256 of the repr of the annotations (sentences with tokens, mentions, quotes, times,
quantities, facts) per article, so any changed offset, tag, lemma or mention shows. Prints
the annotation CPU time too.
"""

from __future__ import annotations

import argparse
import hashlib
import json
import sys
import time
from pathlib import Path

from synopse.annotate.annotator import shared_annotator
from synopse.config import Settings
from synopse.model import Article
from synopse.pipeline import annotate_articles, ingest_and_clean


def digests(paths: list[str], limit: int) -> tuple[dict[str, str], float]:
    settings = Settings().with_embeddings("none")
    annotator = shared_annotator(settings.annotate)
    cleaned: list[Article] = []
    for path in paths:
        cleaned.extend(ingest_and_clean([path], settings)[0][:limit])
    start = time.process_time()
    articles = list(annotate_articles(cleaned, settings, [], annotator=annotator))
    seconds = time.process_time() - start
    return {f"{a.source}#{a.id}": _digest(a) for a in articles}, seconds


def _digest(article: Article) -> str:
    parts = (article.sentences, article.mentions, article.quotes, article.times)
    parts += (article.quantities, article.facts)
    return hashlib.sha256(repr(parts).encode("utf-8")).hexdigest()


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("paths", nargs="+")
    parser.add_argument("--limit", type=int, default=300)
    group = parser.add_mutually_exclusive_group(required=True)
    group.add_argument("--write", type=Path)
    group.add_argument("--compare", type=Path)
    args = parser.parse_args()
    found, seconds = digests(args.paths, args.limit)
    each = seconds / len(found)
    print(f"{len(found)} articles annotated in {seconds:.1f} CPU-s ({each:.4f} each)")
    if args.write:
        args.write.write_text(json.dumps(found, indent=0, sort_keys=True), encoding="utf-8")
        return
    before = json.loads(args.compare.read_text(encoding="utf-8"))
    changed = sorted(k for k in before.keys() | found.keys() if before.get(k) != found.get(k))
    print(f"{len(changed)} of {len(before)} articles differ")
    for key in changed[:20]:
        print("  differs:", key)
    sys.exit(1 if changed else 0)


if __name__ == "__main__":
    main()
