"""The story clusterer kept between ingest batches, so that a batch clusters only its own
new articles (tables `cluster_state` and `cluster_terms`).

  - `cluster_state`, one row: the clusterer's open stories (`StoryIndex.open_state`: their
    compared members' vectors, postings, last days) and which store story each one is, as
    zlib-compressed JSON, with the [cluster] settings it was built with. Closed stories are
    not in it, so its size follows the stories alive at once, not the articles stored.
  - `cluster_terms`: per term, how many stored articles hold it (the IDF weights). A batch
    loads the counts of its own terms only and writes them back counted up.

A store without a state (made before migration 0002) or whose [cluster] settings changed gets
one built from every stored article by the next ingest (`synopse.store.regroup.rebuild`).
"""

from __future__ import annotations

import hashlib
import json
import zlib
from collections import Counter
from collections.abc import Iterable, Iterator, Sequence
from dataclasses import asdict, dataclass
from itertools import islice

from sqlalchemy import Connection, bindparam, delete, insert, select, update

from synopse.cluster.features import article_features
from synopse.cluster.index import StoryIndex
from synopse.cluster.stories import StoryClusterer
from synopse.config import ClusterSettings
from synopse.model import Article
from synopse.store import tables as t

STATE_VERSION = 1
_STATE_ROW = 1
_LONGEST_TERM_KEY = 200  # longer terms (or with control characters) are keyed by their hash
_IN_CHUNK = 500  # values per IN (...) query


@dataclass
class SavedClusterer:
    clusterer: StoryClusterer
    story_ids: dict[int, str]  # the clusterer's story number -> the store's story id


def load(conn: Connection, settings: ClusterSettings) -> SavedClusterer | None:
    """The saved clusterer, ready for `partial_fit`; None when there is none for `settings`.
    On PostgreSQL the row stays locked until the batch commits: concurrent ingests take
    turns instead of overwriting each other's state."""
    query = select(t.cluster_state.c.settings, t.cluster_state.c.data)
    row = conn.execute(query.where(t.cluster_state.c.id == _STATE_ROW).with_for_update()).first()
    if row is None or row.settings != _settings_key(settings):
        return None
    data = json.loads(zlib.decompress(row.data))
    index = StoryIndex.from_open_state(settings.max_days_apart, data["index"])
    story_ids = {int(story): sid for story, sid in data["story_ids"].items()}
    return SavedClusterer(StoryClusterer.from_settings(settings).resume(index), story_ids)


def save(conn: Connection, saved: SavedClusterer, settings: ClusterSettings) -> None:
    """Replaces the saved state; only the open stories' ids are kept."""
    state = saved.clusterer.index_.open_state()
    alive = {story["story"] for story in state["stories"]}
    ids = {str(story): sid for story, sid in saved.story_ids.items() if story in alive}
    text = json.dumps({"index": state, "story_ids": ids}, ensure_ascii=False, separators=(",", ":"))
    row = {
        "id": _STATE_ROW,
        "settings": _settings_key(settings),
        "data": zlib.compress(text.encode()),
    }
    conn.execute(delete(t.cluster_state))
    conn.execute(insert(t.cluster_state), [row])


def batch_terms(articles: Sequence[Article]) -> set[str]:
    """The terms whose document frequencies clustering `articles` reads and counts up."""
    return {term for a in articles for term in article_features(a).term_weights}


def load_frequencies(conn: Connection, terms: Iterable[str]) -> Counter[str]:
    """Stored document frequencies of `terms` (the terms the store has not seen are absent)."""
    term_of = {_term_key(term): term for term in terms}
    counts: Counter[str] = Counter()
    for keys in _chunks(sorted(term_of)):
        query = select(t.cluster_terms.c.term, t.cluster_terms.c.documents)
        for key, documents in conn.execute(query.where(t.cluster_terms.c.term.in_(keys))):
            counts[term_of[key]] = documents
    return counts


def save_frequencies(conn: Connection, counts: Counter[str], stored: Iterable[str]) -> None:
    """Writes `counts` back: terms in `stored` (as `load_frequencies` gave them) are updated,
    the others inserted."""
    known = set(stored)
    changed = [{"key": _term_key(term), "count": n} for term, n in counts.items() if term in known]
    new = [
        {"term": _term_key(term), "documents": n} for term, n in counts.items() if term not in known
    ]
    if changed:
        statement = update(t.cluster_terms).where(t.cluster_terms.c.term == bindparam("key"))
        conn.execute(statement.values(documents=bindparam("count")), changed)
    if new:
        conn.execute(insert(t.cluster_terms), new)


def replace_frequencies(conn: Connection, counts: Counter[str]) -> None:
    conn.execute(delete(t.cluster_terms))
    save_frequencies(conn, counts, ())


def _settings_key(settings: ClusterSettings) -> str:
    return json.dumps({"state_version": STATE_VERSION, **asdict(settings)}, sort_keys=True)


def _term_key(term: str) -> str:
    """The term itself, or its hash when it is too long for an index or holds characters a
    database may refuse (PostgreSQL text cannot hold NUL)."""
    if len(term) <= _LONGEST_TERM_KEY and term.isprintable():
        return term
    return "#" + hashlib.sha256(term.encode("utf-8", "surrogatepass")).hexdigest()


def _chunks(values: Sequence[str]) -> Iterator[list[str]]:
    iterator = iter(values)
    while chunk := list(islice(iterator, _IN_CHUNK)):
        yield chunk
