"""Incremental ingest: a batch clusters only its new articles and reads only the stories it
touches, so time and memory per batch do not grow with the store (src/synopse/store/regroup.py).
"""

from __future__ import annotations

import json
from collections.abc import Iterator, Sequence
from pathlib import Path
from typing import Any

import pytest
from sqlalchemy import func, select

from synopse.annotate.annotator import Annotator
from synopse.model import Article
from synopse.store import codec
from synopse.store import tables as t
from synopse.store.repository import StoryFilter
from synopse.store.sql import SqlStore
from tests.robustness.corpus import article
from tests.store.conftest import OpenStore
from tests.store.test_sql import _without_ids

OUTLETS = 4
# Events 0-5 of tests/robustness/corpus.py fall in January to June, days 1-4 by outlet: one
# event per batch is a batch in time order.
EVENTS = range(6)


def _jsonl(path: Path, records: Sequence[tuple[int, int]]) -> str:
    """Writes the (event, outlet) articles of the test corpus to `path`, in the order given."""
    lines = [json.dumps(article(e, o), ensure_ascii=False) for e, o in records]
    path.write_text("\n".join(lines) + "\n", encoding="utf-8")
    return str(path)


def _event(event: int, outlets: Sequence[int] = range(OUTLETS)) -> list[tuple[int, int]]:
    return [(event, outlet) for outlet in outlets]


@pytest.fixture
def sqlite_store(tmp_path: Path, annotator: Annotator) -> Iterator[SqlStore]:
    store = SqlStore.open(str(tmp_path / "synopse.db"), annotator=annotator, batch_size=OUTLETS)
    yield store
    store.close()


@pytest.fixture
def decoded_articles(monkeypatch: pytest.MonkeyPatch) -> list[int]:
    """A list whose last element counts the stored Articles decoded since it was appended."""
    counts = [0]
    real_decode = codec.decode

    def counting(hint: Any, data: Any) -> Any:
        if hint is Article:
            counts[-1] += 1
        return real_decode(hint, data)

    monkeypatch.setattr(codec, "decode", counting)
    return counts


@pytest.mark.slow
def test_a_batch_decodes_only_the_stored_articles_of_the_stories_it_joins(
    sqlite_store: SqlStore, decoded_articles: list[int], tmp_path: Path
) -> None:
    """Before: each batch decoded and re-clustered every stored article (4, 8, 12, ...)."""
    for event in EVENTS:
        decoded_articles.append(0)
        sqlite_store.ingest([_jsonl(tmp_path / f"event{event}.jsonl", _event(event))])
    late = _event(EVENTS[-1], [0])  # already stored: unchanged, nothing clustered
    sqlite_store.ingest([_jsonl(tmp_path / "again.jsonl", late)])
    per_batch = decoded_articles[1:]
    assert per_batch[0] == OUTLETS  # the first batch builds the clusterer state from the store
    assert per_batch[1:] == [0] * len(per_batch[1:])  # each later event is a story of its own
    assert len(sqlite_store.list_stories(StoryFilter())) == len(EVENTS)


@pytest.mark.slow
def test_a_batch_that_joins_a_story_decodes_that_story_only(
    sqlite_store: SqlStore, decoded_articles: list[int], tmp_path: Path
) -> None:
    sqlite_store.ingest([_jsonl(tmp_path / "a.jsonl", [*_event(0), *_event(1, [0, 1, 2])])])
    decoded_articles.append(0)
    summary = sqlite_store.ingest([_jsonl(tmp_path / "b.jsonl", _event(1, [3]))])
    [story] = summary.stories_updated
    assert decoded_articles[-1] == 3  # the story's three stored members, not the other event
    assert len(sqlite_store.story(story)["article_ids"]) == OUTLETS


@pytest.mark.slow
def test_batches_in_time_order_give_the_report_of_one_batch(
    open_store: OpenStore, tmp_path: Path
) -> None:
    records = [r for event in EVENTS for r in _event(event)]
    path = _jsonl(tmp_path / "all.jsonl", records)
    batched = open_store(batch_size=OUTLETS)
    batched.ingest([path])
    together = SqlStore.open(str(tmp_path / "together.db"), annotator=batched.annotator)
    together.ingest([path])
    expected, got = together.report(), batched.report()
    together.close()
    assert got["articles"] == expected["articles"]
    assert [_without_ids(s) for s in got["stories"]] == [
        _without_ids(s) for s in expected["stories"]
    ]
    assert _state_rows(batched) == 1


def _state_rows(store: SqlStore) -> int:
    with store.engine.connect() as conn:
        return int(conn.scalar(select(func.count()).select_from(t.cluster_state)) or 0)


@pytest.mark.slow
def test_a_late_article_joins_an_open_story_but_not_a_closed_one(
    sqlite_store: SqlStore, tmp_path: Path
) -> None:
    """The documented semantics of regroup.py: an article older than the newest day seen
    joins its story while that story is open (its last article within `max_days_apart` days of
    the newest day); once the store has moved on by months it starts a story of its own."""
    sqlite_store.ingest([_jsonl(tmp_path / "a.jsonl", _event(0, [1, 2, 3]))])
    early = sqlite_store.ingest([_jsonl(tmp_path / "b.jsonl", _event(0, [0]))])
    [january] = early.stories_updated
    assert len(sqlite_store.story(january)["article_ids"]) == OUTLETS
    sqlite_store.ingest([_jsonl(tmp_path / "c.jsonl", [*_event(1, [1, 2]), *_event(3, [1, 2])])])
    late = sqlite_store.ingest([_jsonl(tmp_path / "d.jsonl", _event(1, [0]))])
    [own] = late.stories_updated
    assert sqlite_store.story(own)["article_ids"] == [article(1, 0)["id"]]
    february = [s for s in sqlite_store.list_stories(StoryFilter()) if s["id"] not in (own,)]
    assert sorted(len(s["article_ids"]) for s in february) == [2, 2, OUTLETS]
