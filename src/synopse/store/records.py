"""Rows of the store's tables, built from Articles and Stories.

Report-shaped records (`articles[]` and `stories[]` entries of report.json) are computed here
once, when an article is stored or a story analysed, so reading a page is one row fetch.
"""

from __future__ import annotations

import hashlib
import json
from collections.abc import Sequence
from typing import Any

from synopse.brief.report_json import article_to_dict, complete_story_dict
from synopse.model import Article, Status, Story
from synopse.store.codec import to_json

JsonDict = dict[str, Any]
TOP_ENTITIES = 5  # entity names a story summary shows


def content_hash(article: Article) -> str:
    """An article's identity: its outlet and clean body, as read (before batch-wide cleaning),
    so the same page read again in any company hashes the same."""
    return hashlib.sha256(f"{article.outlet}\0{article.text}".encode()).hexdigest()


def dumps(data: object) -> str:
    return json.dumps(data, ensure_ascii=False, separators=(",", ":"))


def article_row(article: Article, digest: str, run_id: int) -> JsonDict:
    return {
        "id": article.id,
        "content_hash": digest,
        "url": article.url,
        "outlet": article.outlet,
        "published": article.published,
        "title": article.title,
        "language": article.language,
        "source": article.source,
        "data": to_json(article),
        "dated": None,
        "record": dumps(article_to_dict(article)),
        "run_id": run_id,
    }


def story_row(seq: int, rank: int, story: Story, members: Sequence[Article]) -> JsonDict:
    record = complete_story_dict(story, {a.id: a for a in members})
    days = sorted(a.published for a in members if a.published)
    return {
        "seq": seq,
        "id": story.id,
        "title": story.title,
        "rank": rank,
        "first_published": days[0] if days else None,
        "last_published": days[-1] if days else None,
        "article_count": len(members),
        "search_text": _search_text(story, record),
        "summary": dumps(_summary(story, members, days)),
        "data": dumps(record),
        "story": to_json(story),
    }


def _summary(story: Story, members: Sequence[Article], days: list[str]) -> JsonDict:
    divergent = sum(1 for c in story.comparisons if c.status is Status.DIVERGENT)
    return {
        "id": story.id,
        "title": story.title,
        "article_ids": list(story.article_ids),
        "outlets": sorted({a.outlet for a in members if a.outlet}),
        "first_published": days[0] if days else None,
        "last_published": days[-1] if days else None,
        "entities": [e.name for e in story.entities[:TOP_ENTITIES]],
        "counts": {
            "articles": len(story.article_ids),
            "entities": len(story.entities),
            "quotes": len(story.quotes),
            "comparisons": len(story.comparisons),
            "divergent": divergent,
        },
    }


def _search_text(story: Story, record: JsonDict) -> str:
    """What the list search looks in: title, briefing and every entity name, casefolded."""
    names = [n for e in story.entities for n in (e.name, *e.aliases)]
    briefing = [b["text"] for b in record["briefing"]]
    return "\n".join([story.title, *briefing, *names]).casefold()


def entity_rows(story: Story) -> tuple[list[JsonDict], list[JsonDict]]:
    """Rows of `entities` and `entity_names` for one story."""
    entities, names = [], []
    for entity in story.entities:
        entities.append(
            {
                "story_id": story.id,
                "entity_id": entity.id,
                "name": entity.name,
                "type": entity.type.value,
                "aliases": dumps(list(entity.aliases)),
                "roles": dumps(list(entity.roles)),
                "mentions": len(entity.mentions),
            }
        )
        for folded in sorted({n.casefold() for n in (entity.name, *entity.aliases)}):
            names.append({"story_id": story.id, "entity_id": entity.id, "folded": folded})
    return entities, names
