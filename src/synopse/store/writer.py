"""One ingest batch, inside the caller's transaction: new articles in, stories re-grouped.

  1. known articles (same content hash, or same URL) are left alone: ingest is idempotent;
  2. new articles get an id the store does not hold yet, are cleaned together (duplicates,
     recurring lines) and annotated once; their annotation is stored and never recomputed;
  3. the new articles are clustered into the stored stories by the clusterer saved after the
     previous batch; only the stories they joined are analysed again, story ids are stable
     (synopse.store.regroup).
Everything a batch writes goes through one connection in one transaction: if anything fails,
nothing of the batch is kept, and a re-run starts the batch again.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass, field, replace

from sqlalchemy import Connection, insert, select

from synopse.annotate.annotator import Annotator
from synopse.config import Settings
from synopse.model import Article, ErrorRecord
from synopse.pipeline import annotate_articles, clean_batch
from synopse.store import tables as t
from synopse.store.records import article_row, content_hash
from synopse.store.regroup import regroup


@dataclass
class BatchOutcome:
    added: list[str] = field(default_factory=list)
    unchanged: list[str] = field(default_factory=list)
    stories_updated: list[str] = field(default_factory=list)
    errors: list[ErrorRecord] = field(default_factory=list)


def store_batch(
    conn: Connection,
    items: Sequence[Article | ErrorRecord],
    settings: Settings,
    annotator: Annotator,
    run_id: int,
) -> BatchOutcome:
    outcome = BatchOutcome(errors=[i for i in items if isinstance(i, ErrorRecord)])
    fresh, outcome.unchanged = _split_known(conn, [i for i in items if isinstance(i, Article)])
    hashes = {a.id: digest for a, digest in fresh}
    cleaned = clean_batch([a for a, _ in fresh], settings)
    annotated = list(annotate_articles(cleaned, settings, outcome.errors, annotator=annotator))
    if annotated:
        conn.execute(insert(t.articles), [article_row(a, hashes[a.id], run_id) for a in annotated])
        outcome.added = [a.id for a in annotated]
        outcome.stories_updated = regroup(conn, annotated, settings)
    if outcome.errors:
        conn.execute(insert(t.errors), [_error_row(e, run_id) for e in outcome.errors])
    return outcome


def _error_row(error: ErrorRecord, run_id: int) -> dict[str, object]:
    return {
        "run_id": run_id,
        "source": error.source,
        "message": error.message,
        "stage": error.stage,
    }


def _split_known(
    conn: Connection, articles: Sequence[Article]
) -> tuple[list[tuple[Article, str]], list[str]]:
    """(new articles with fresh ids and their hashes, ids of articles the store already has)."""
    digests = [content_hash(a) for a in articles]
    known = _known_ids(conn, digests, [a.url for a in articles if a.url])
    taken = _taken_ids(conn, [a.id for a in articles])
    fresh: list[tuple[Article, str]] = []
    unchanged: list[str] = []
    for article, digest in zip(articles, digests, strict=True):
        stored = known.get(digest) or (known.get(f"url:{article.url}") if article.url else None)
        if stored is not None:
            unchanged.append(stored)
            continue
        new_id = _free_id(article.id, taken)
        fresh.append((replace(article, id=new_id), digest))
        known[digest] = new_id  # the same text twice in one batch is stored once
        if article.url:
            known[f"url:{article.url}"] = new_id
    return fresh, unchanged


def _known_ids(conn: Connection, digests: list[str], urls: list[str]) -> dict[str, str]:
    """Stored article ids by content hash and by "url:<url>"."""
    query = select(t.articles.c.id, t.articles.c.content_hash, t.articles.c.url).where(
        t.articles.c.content_hash.in_(digests) | t.articles.c.url.in_(urls)
    )
    known: dict[str, str] = {}
    for article_id, digest, url in conn.execute(query):
        known[digest] = article_id
        if url:
            known[f"url:{url}"] = article_id
    return known


def _taken_ids(conn: Connection, wanted: list[str]) -> set[str]:
    """Stored ids that the batch's ids (or their numbered variants) could collide with."""
    taken: set[str] = set()
    for article_id in set(wanted):
        pattern = t.articles.c.id.startswith(f"{article_id}-", autoescape=True)
        query = select(t.articles.c.id).where((t.articles.c.id == article_id) | pattern)
        taken.update(conn.scalars(query))
    return taken


def _free_id(article_id: str, taken: set[str]) -> str:
    """The article's own id, or `<id>-<n>` when another stored article already has it."""
    candidate, n = article_id, 1
    while candidate in taken:
        n += 1
        candidate = f"{article_id}-{n}"
    taken.add(candidate)
    return candidate
