"""One ingest batch, inside the caller's transaction: new articles in, stories re-grouped.

  1. known articles (same content hash, or same URL) are left alone: ingest is idempotent;
  2. new articles get an id the store does not hold yet, are cleaned together (duplicates,
     recurring lines) and annotated once; their annotation is stored and never recomputed;
  3. all stored articles are grouped into stories with the pipeline's own clustering; each
     group keeps the id of the stored story it shares most articles with, so story ids are
     stable; only stories whose articles changed are analysed again.
Everything a batch writes goes through one connection in one transaction: if anything fails,
nothing of the batch is kept, and a re-run starts the batch again.
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Sequence
from dataclasses import dataclass, field, replace

from sqlalchemy import Connection, delete, func, insert, select, update

from synopse.annotate.annotator import Annotator
from synopse.brief.report_json import article_to_dict
from synopse.clean.dedup import distinct_sources
from synopse.config import Settings
from synopse.model import Article, ErrorRecord
from synopse.pipeline import (
    annotate_articles,
    build_story,
    clean_batch,
    group_stories,
)
from synopse.store import tables as t
from synopse.store.codec import from_json, to_json
from synopse.store.records import article_row, content_hash, dumps, entity_rows, story_row


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
        outcome.stories_updated = regroup(conn, settings)
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


def regroup(conn: Connection, settings: Settings) -> list[str]:
    """Stages 4-7 over every stored article; the ids of the stories created or re-analysed."""
    stored = _stored_articles(conn)
    originals = {a.id: a for a in stored}
    groups = group_stories(distinct_sources(stored), settings)
    old = _story_members(conn)
    ids = _stable_ids(groups, old, _next_story_seq(conn))
    changed = [i for i, group in enumerate(groups) if old.get(ids[i]) != [a.id for a in group]]
    _delete_stories(conn, [sid for sid in old if sid not in ids or ids.index(sid) in changed])
    for rank, story_id in enumerate(ids):
        if rank in changed:
            _write_story(conn, (story_id, rank), groups[rank], originals, settings)
        else:
            conn.execute(update(t.stories).where(t.stories.c.id == story_id).values(rank=rank))
    return [ids[i] for i in changed]


def _stored_articles(conn: Connection) -> list[Article]:
    rows = conn.execute(select(t.articles.c.id, t.articles.c.data).order_by(t.articles.c.seq))
    return [from_json(Article, data, f"article {article_id}") for article_id, data in rows]


def _story_members(conn: Connection) -> dict[str, list[str]]:
    rows = conn.execute(
        select(t.story_articles.c.story_id, t.story_articles.c.article_id).order_by(
            t.story_articles.c.story_id, t.story_articles.c.position
        )
    )
    members: dict[str, list[str]] = {}
    for story_id, article_id in rows:
        members.setdefault(story_id, []).append(article_id)
    return members


def _next_story_seq(conn: Connection) -> int:
    return int(conn.scalar(select(func.coalesce(func.max(t.stories.c.seq), 0))) or 0) + 1


def _stable_ids(
    groups: Sequence[Sequence[Article]], old: dict[str, list[str]], next_seq: int
) -> list[str]:
    """Each group takes the id of the unclaimed stored story it shares most articles with
    (the larger groups choose first); a group sharing none gets a new id."""
    story_of = {article_id: sid for sid, members in old.items() for article_id in members}
    claimed: set[str] = set()
    ids: list[str] = []
    for group in groups:
        overlap = Counter(story_of[a.id] for a in group if a.id in story_of)
        choices = [(-n, _seq(sid), sid) for sid, n in overlap.items() if sid not in claimed]
        if choices:
            story_id = min(choices)[2]
        else:
            story_id, next_seq = f"s{next_seq}", next_seq + 1
        claimed.add(story_id)
        ids.append(story_id)
    return ids


def _seq(story_id: str) -> int:
    return int(story_id.removeprefix("s"))


def _delete_stories(conn: Connection, story_ids: list[str]) -> None:
    if not story_ids:
        return
    for table in (t.entity_names, t.entities, t.story_articles):
        conn.execute(delete(table).where(table.c.story_id.in_(story_ids)))
    conn.execute(delete(t.stories).where(t.stories.c.id.in_(story_ids)))


def _write_story(
    conn: Connection,
    place: tuple[str, int],
    members: Sequence[Article],
    originals: dict[str, Article],
    settings: Settings,
) -> None:
    story_id, rank = place
    story = build_story(story_id, members, settings)
    conn.execute(insert(t.stories), [story_row(_seq(story_id), rank, story, members)])
    conn.execute(
        insert(t.story_articles),
        [{"story_id": story_id, "article_id": a.id, "position": i} for i, a in enumerate(members)],
    )
    entities, names = entity_rows(story)
    if entities:
        conn.execute(insert(t.entities), entities)
        conn.execute(insert(t.entity_names), names)
    for article in members:
        _save_dating(conn, article, redated=article is not originals[article.id])


def _save_dating(conn: Connection, article: Article, redated: bool) -> None:
    """Keep the article as its story dated it (times resolved against the story's month)."""
    dated = to_json(article) if redated else None
    conn.execute(
        update(t.articles)
        .where(t.articles.c.id == article.id)
        .values(dated=dated, record=dumps(article_to_dict(article)))
    )
