"""Reading the store: the `Repository` methods over SQL.

Pages read report-shaped records computed when the data was written, so a story page is one
row; only `load_report` decodes whole Articles and Stories (for the HTML renderer).
"""

from __future__ import annotations

import json
from collections import Counter
from collections.abc import Collection
from typing import Any

from sqlalchemy import ColumnElement, Engine, and_, exists, select, true

from synopse.brief.report_json import SCHEMA_VERSION
from synopse.model import Article, ErrorRecord, Report, Story
from synopse.store import tables as t
from synopse.store.codec import from_json
from synopse.store.repository import JsonDict, NotFound, StoryFilter

_STORIES_KEPT = 64  # parsed stories kept for reuse


class StoreReader:
    """Read access to a store's tables (`synopse.store.repository.Repository`)."""

    def __init__(self, engine: Engine) -> None:
        self.engine = engine
        # story id -> (stored JSON, parsed dict): an unchanged story comes back as the same
        # dict, which lets the web app serve its rendered page from cache (web/pages.py)
        self._stories: dict[str, tuple[str, JsonDict]] = {}

    def list_stories(self, story_filter: StoryFilter) -> list[JsonDict]:
        last = t.stories.c.last_published
        query = (
            select(t.stories.c.summary)
            .where(and_(true(), *_conditions(story_filter)))
            .order_by(last.is_(None), last.desc(), t.stories.c.rank)
            .limit(story_filter.limit)
            .offset(story_filter.offset)
        )
        with self.engine.connect() as conn:
            return [json.loads(summary) for summary in conn.scalars(query)]

    def story(self, story_id: str) -> JsonDict:
        with self.engine.connect() as conn:
            text = conn.scalar(select(t.stories.c.data).where(t.stories.c.id == story_id))
        if text is None:
            raise NotFound("story", story_id)
        known = self._stories.get(story_id)
        if known is not None and known[0] == text:
            return known[1]
        record: JsonDict = json.loads(text)
        if len(self._stories) >= _STORIES_KEPT:
            self._stories.pop(next(iter(self._stories)))
        self._stories[story_id] = (text, record)
        return record

    def article(self, article_id: str) -> JsonDict:
        where = t.articles.c.id == article_id
        return self._record(t.articles.c.record, where, "article", article_id)

    def full_article(self, article_id: str) -> Article:
        """The annotated Article itself (as its story dated it), e.g. to mark up its text."""
        query = select(t.articles.c.dated, t.articles.c.data).where(t.articles.c.id == article_id)
        with self.engine.connect() as conn:
            row = conn.execute(query).first()
        if row is None:
            raise NotFound("article", article_id)
        return from_json(Article, row.dated or row.data, f"article {article_id}")

    def entity(self, name: str) -> JsonDict:
        with self.engine.connect() as conn:
            rows = conn.execute(_entity_query(name)).mappings().all()
            stories = {
                story_id: json.loads(data)
                for story_id, data in conn.execute(
                    select(t.stories.c.id, t.stories.c.data).where(
                        t.stories.c.id.in_({row["story_id"] for row in rows})
                    )
                )
            }
        if not rows:
            raise NotFound("entity", name)
        return _entity_record(rows, stories)

    def outlets(self) -> list[str]:
        outlet = t.articles.c.outlet
        query = select(outlet).where(outlet != "").distinct().order_by(outlet)
        with self.engine.connect() as conn:
            return list(conn.scalars(query))

    def report(self) -> JsonDict:
        with self.engine.connect() as conn:
            articles = conn.scalars(select(t.articles.c.record).order_by(t.articles.c.seq))
            records = [json.loads(record) for record in articles]
            stories = conn.scalars(select(t.stories.c.data).order_by(t.stories.c.rank))
            story_records = [json.loads(data) for data in stories]
            errors = [_error_dict(e) for e in self._errors(conn, None)]
        return {
            "schema_version": SCHEMA_VERSION,
            "articles": records,
            "stories": story_records,
            "errors": errors,
        }

    def _record(self, column: Any, where: ColumnElement[bool], kind: str, key: str) -> JsonDict:
        with self.engine.connect() as conn:
            text = conn.scalar(select(column).where(where))
        if text is None:
            raise NotFound(kind, key)
        record: JsonDict = json.loads(text)
        return record

    def _load_report(
        self, article_ids: Collection[str] | None, run_id: int | None = None
    ) -> Report:
        stories_query = select(t.stories.c.id, t.stories.c.story).order_by(t.stories.c.rank)
        if article_ids is not None:
            holding = select(t.story_articles.c.story_id).where(
                t.story_articles.c.article_id.in_(article_ids)
            )
            stories_query = stories_query.where(t.stories.c.id.in_(holding))
        with self.engine.connect() as conn:
            stories = [from_json(Story, s, f"story {i}") for i, s in conn.execute(stories_query)]
            wanted = None
            if article_ids is not None:
                wanted = set(article_ids) | {a for s in stories for a in s.article_ids}
            articles = self._articles(conn, wanted)
            errors = self._errors(conn, run_id)
        return Report(tuple(articles), tuple(stories), tuple(errors))

    def _articles(self, conn: Any, wanted: set[str] | None) -> list[Article]:
        query = select(t.articles.c.id, t.articles.c.dated, t.articles.c.data)
        if wanted is not None:
            query = query.where(t.articles.c.id.in_(wanted))
        rows = conn.execute(query.order_by(t.articles.c.seq))
        return [from_json(Article, dated or data, f"article {i}") for i, dated, data in rows]

    def _errors(self, conn: Any, run_id: int | None) -> list[ErrorRecord]:
        """Recorded errors, each distinct one once (a broken input read twice is one error)."""
        query = select(t.errors.c.source, t.errors.c.message, t.errors.c.stage)
        if run_id is not None:
            query = query.where(t.errors.c.run_id == run_id)
        rows = conn.execute(query.order_by(t.errors.c.seq))
        return list(dict.fromkeys(ErrorRecord(*row) for row in rows))


def _conditions(story_filter: StoryFilter) -> list[ColumnElement[bool]]:
    stories = t.stories.c
    conditions: list[ColumnElement[bool]] = [
        stories.search_text.contains(word, autoescape=True)
        for word in story_filter.query.casefold().split()
    ]
    if story_filter.date_from:
        conditions.append(stories.last_published >= story_filter.date_from)
    if story_filter.date_to:  # "2025-02-12" also admits "2025-02-12T08:00"
        conditions.append(stories.first_published <= story_filter.date_to + "\uffff")
    if story_filter.outlet:
        conditions.append(_has_outlet(story_filter.outlet))
    if story_filter.entity:
        conditions.append(_has_entity(story_filter.entity))
    return conditions


def _has_outlet(outlet: str) -> ColumnElement[bool]:
    links, articles = t.story_articles.c, t.articles.c
    return exists().where(
        links.story_id == t.stories.c.id, links.article_id == articles.id, articles.outlet == outlet
    )


def _has_entity(name: str) -> ColumnElement[bool]:
    names = t.entity_names.c
    return exists().where(names.story_id == t.stories.c.id, names.folded == name.casefold())


def _entity_query(name: str) -> Any:
    entities, names = t.entities.c, t.entity_names.c
    return (
        select(t.entities, t.stories.c.title, t.stories.c.rank)
        .join(t.stories, t.stories.c.id == entities.story_id)
        .where(
            exists().where(
                names.story_id == entities.story_id,
                names.entity_id == entities.entity_id,
                names.folded == name.casefold(),
            )
        )
        .order_by(t.stories.c.rank, entities.entity_id)
    )


def _entity_record(rows: Any, stories: dict[str, JsonDict]) -> JsonDict:
    """One entity across stories: the name and type most stories use, all aliases and roles."""
    names = Counter(row["name"] for row in rows)
    types = Counter(row["type"] for row in rows)
    aliases = {a for row in rows for a in json.loads(row["aliases"])} | set(names)
    roles = list(dict.fromkeys(r for row in rows for r in json.loads(row["roles"])))
    name = names.most_common(1)[0][0]
    return {
        "name": name,
        "type": types.most_common(1)[0][0],
        "aliases": sorted(aliases - {name}),
        "roles": roles,
        "stories": [_entity_in_story(row, stories[row["story_id"]]) for row in rows],
    }


def _entity_in_story(row: Any, story: JsonDict) -> JsonDict:
    entity_id = row["entity_id"]
    return {
        "story_id": row["story_id"],
        "title": row["title"],
        "entity_id": entity_id,
        "roles": json.loads(row["roles"]),
        "quotes": [q for q in story["quotes"] if q["speaker_entity_id"] == entity_id],
    }


def _error_dict(error: ErrorRecord) -> JsonDict:
    return {"source": error.source, "message": error.message, "stage": error.stage}
