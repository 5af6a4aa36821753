"""Stages 4-7 after an ingest batch, inside the batch's transaction.

`regroup` is incremental: the clusterer saved after the previous batch
(`synopse.store.cluster_state`) takes the batch's new articles with `partial_fit`; each joins
an open story or starts one, and earlier decisions are never revisited. Only the stories that
received an article are analysed again (their stored members decoded, stages 5-7 run); the
others only get their new rank. So a batch reads the stories it touches, not the store.

Semantics, exactly: a batch's articles are placed, in publication order, into the stories
still open after the batches before it. A story is open while its last article lies within
`max_days_apart` days of the newest publication day seen (a story of undated articles stays
open). Batches that arrive in time order therefore give the stories one batch of everything
gives (what `analyze` gives). An article older than that window cannot join a story that has
closed: it starts a story of its own, where re-clustering everything would have put it into
the old story (tests/store/test_incremental.py shows both cases).

`rebuild` clusters every stored article at once, keeps story ids by overlap, and saves the
state: for the first batch, a store made before the state existed, or changed [cluster]
settings.
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Sequence

from sqlalchemy import Connection, bindparam, delete, func, insert, select, update

from synopse.brief.report_json import article_to_dict
from synopse.clean.dedup import distinct_sources
from synopse.cluster import StoryClusterer
from synopse.config import Settings
from synopse.model import Article
from synopse.pipeline import build_story, story_groups
from synopse.store import cluster_state
from synopse.store import tables as t
from synopse.store.cluster_state import SavedClusterer
from synopse.store.codec import from_json, to_json
from synopse.store.records import dumps, entity_rows, story_row

_IN_CHUNK = 500  # ids per IN (...) query


def regroup(conn: Connection, fresh: Sequence[Article], settings: Settings) -> list[str]:
    """Clusters the batch's new (already inserted) articles into the stored stories; the ids
    of the stories created or re-analysed."""
    saved = cluster_state.load(conn, settings.cluster)
    if saved is None:
        return rebuild(conn, settings)
    articles = distinct_sources(fresh)
    index = saved.clusterer.index_
    index.document_frequency = cluster_state.load_frequencies(
        conn, cluster_state.batch_terms(articles)
    )
    stored_terms = set(index.document_frequency)
    saved.clusterer.partial_fit(articles)
    cluster_state.save_frequencies(conn, index.document_frequency, stored_terms)
    joined = _new_members_by_story(saved, articles, _next_story_seq(conn))
    cluster_state.save(conn, saved, settings.cluster)
    for story_id, added in joined.items():
        _reanalyse(conn, story_id, added, settings)
    _update_ranks(conn)
    return list(joined)


def _new_members_by_story(
    saved: SavedClusterer, articles: Sequence[Article], next_seq: int
) -> dict[str, list[Article]]:
    """The batch's articles by the id of the story they joined; new stories get new ids."""
    joined: dict[str, list[Article]] = {}
    for article, label in zip(articles, saved.clusterer.labels_.tolist(), strict=True):
        if label not in saved.story_ids:
            saved.story_ids[label], next_seq = f"s{next_seq}", next_seq + 1
        joined.setdefault(saved.story_ids[label], []).append(article)
    return joined


def _reanalyse(conn: Connection, story_id: str, added: list[Article], settings: Settings) -> None:
    """Stages 5-7 on the story's stored members and its new ones (stored first: input order)."""
    stored_ids = _story_members(conn, [story_id]).get(story_id, [])
    stored = _decode_articles(conn, stored_ids)
    originals = [*stored, *added]
    [members] = story_groups(originals, [0] * len(originals))
    _delete_stories(conn, [story_id])
    _write_story(conn, (story_id, 0), members, {a.id: a for a in originals}, settings)


def _update_ranks(conn: Connection) -> None:
    """Report order, as `story_groups` orders stories: most articles first, then by the id of
    the story's first article. Only ranks that changed are written."""
    first = t.story_articles
    query = select(t.stories.c.id, t.stories.c.rank, t.stories.c.article_count, first.c.article_id)
    query = query.join(first, (first.c.story_id == t.stories.c.id) & (first.c.position == 0))
    rows = sorted(conn.execute(query), key=lambda r: (-r.article_count, r.article_id))
    changes = [{"sid": r.id, "new_rank": k} for k, r in enumerate(rows) if r.rank != k]
    if changes:
        statement = update(t.stories).where(t.stories.c.id == bindparam("sid"))
        conn.execute(statement.values(rank=bindparam("new_rank")), changes)


def rebuild(conn: Connection, settings: Settings) -> list[str]:
    """Stages 4-7 over every stored article, story ids kept by overlap; saves the clusterer
    state for the next batches. The ids of the stories created or re-analysed."""
    stored = _stored_articles(conn)
    originals = {a.id: a for a in stored}
    articles = distinct_sources(stored)
    clusterer = StoryClusterer.from_settings(settings.cluster).fit(articles)
    labels = clusterer.labels_.tolist()
    groups = story_groups(articles, labels)
    old = _story_members(conn)
    ids = _stable_ids(groups, old, _next_story_seq(conn))
    changed = [i for i, group in enumerate(groups) if old.get(ids[i]) != [a.id for a in group]]
    _delete_stories(conn, [sid for sid in old if sid not in ids or ids.index(sid) in changed])
    for rank, story_id in enumerate(ids):
        if rank in changed:
            _write_story(conn, (story_id, rank), groups[rank], originals, settings)
        else:
            conn.execute(update(t.stories).where(t.stories.c.id == story_id).values(rank=rank))
    label_of = dict(zip((a.id for a in articles), labels, strict=True))
    story_ids = {label_of[group[0].id]: ids[i] for i, group in enumerate(groups)}
    cluster_state.replace_frequencies(conn, clusterer.index_.document_frequency)
    cluster_state.save(conn, SavedClusterer(clusterer, story_ids), settings.cluster)
    return [ids[i] for i in changed]


def _stored_articles(conn: Connection) -> list[Article]:
    rows = conn.execute(select(t.articles.c.id, t.articles.c.data).order_by(t.articles.c.seq))
    return [from_json(Article, data, f"article {article_id}") for article_id, data in rows]


def _decode_articles(conn: Connection, article_ids: Sequence[str]) -> list[Article]:
    """The stored (annotated, undated) articles with these ids, in the order given."""
    found: dict[str, Article] = {}
    for start in range(0, len(article_ids), _IN_CHUNK):
        chunk = article_ids[start : start + _IN_CHUNK]
        query = select(t.articles.c.id, t.articles.c.data).where(t.articles.c.id.in_(chunk))
        for article_id, data in conn.execute(query):
            found[article_id] = from_json(Article, data, f"article {article_id}")
    return [found[i] for i in article_ids]


def _story_members(
    conn: Connection, story_ids: Sequence[str] | None = None
) -> dict[str, list[str]]:
    """Article ids by story, in story order: of the stories given, or of every story."""
    query = select(t.story_articles.c.story_id, t.story_articles.c.article_id)
    if story_ids is not None:
        query = query.where(t.story_articles.c.story_id.in_(story_ids))
    ordered = query.order_by(t.story_articles.c.story_id, t.story_articles.c.position)
    members: dict[str, list[str]] = {}
    for story_id, article_id in conn.execute(ordered):
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
