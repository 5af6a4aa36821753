"""Queries over one report.json document: story summaries, filters, entity look-ups.

Pure functions of the report dictionary, built once per report (`ReportView`), so a store that
keeps a whole report (the in-memory one) answers the `Repository` questions without copying
the logic, and a database store can reuse the summary and entity shapes.
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Iterable

from synopse.store.repository import JsonDict, NotFound, StoryFilter

TOP_ENTITIES = 5  # names shown with a story in a list


class ReportView:
    """Indexes of one report; the report itself is never changed."""

    def __init__(self, report: JsonDict) -> None:
        self.report = report
        self.articles: dict[str, JsonDict] = {a["id"]: a for a in report["articles"]}
        self.stories: dict[str, JsonDict] = {s["id"]: s for s in report["stories"]}
        self.summaries = sorted(
            (story_summary(s, self.articles) for s in report["stories"]), key=_newest_first
        )
        self._search_text = {s["id"]: _search_text(s) for s in report["stories"]}
        self._names = {s["id"]: _entity_names(s) for s in report["stories"]}

    def list_stories(self, story_filter: StoryFilter) -> list[JsonDict]:
        matching = [s for s in self.summaries if self._matches(s, story_filter)]
        return matching[story_filter.offset : story_filter.offset + story_filter.limit]

    def count_stories(self, story_filter: StoryFilter) -> int:
        return sum(1 for s in self.summaries if self._matches(s, story_filter))

    def story(self, story_id: str) -> JsonDict:
        if story_id not in self.stories:
            raise NotFound("story", story_id)
        return self.stories[story_id]

    def article(self, article_id: str) -> JsonDict:
        if article_id not in self.articles:
            raise NotFound("article", article_id)
        return self.articles[article_id]

    def outlets(self) -> list[str]:
        return sorted({a["outlet"] for a in self.report["articles"] if a["outlet"]})

    def entity(self, name: str) -> JsonDict:
        """Every story entity that has `name` as its name or alias, merged into one record."""
        key = name.casefold()
        found = [
            (story, entity)
            for story in self.report["stories"]
            for entity in story["entities"]
            if key in _names_of(entity)
        ]
        if not found:
            raise NotFound("entity", name)
        return merged_entity(found)

    def _matches(self, summary: JsonDict, wanted: StoryFilter) -> bool:
        story_id = summary["id"]
        words = wanted.query.casefold().split()
        published = [d for d in summary["published"] if d]
        return (
            all(w in self._search_text[story_id] for w in words)
            and (not wanted.date_from or any(d[:10] >= wanted.date_from for d in published))
            and (not wanted.date_to or any(d[:10] <= wanted.date_to for d in published))
            and (not wanted.outlet or wanted.outlet.casefold() in _folded(summary["outlets"]))
            and (not wanted.entity or wanted.entity.casefold() in self._names[story_id])
        )


def story_summary(story: JsonDict, articles: dict[str, JsonDict]) -> JsonDict:
    """The list entry of a story (the shape `Repository.list_stories` returns)."""
    members = [articles[i] for i in story["article_ids"] if i in articles]
    dates = sorted(a["published"] for a in members if a["published"])
    ranked = sorted(story["entities"], key=lambda e: -len(e["mentions"]))
    return {
        "id": story["id"],
        "title": story["title"],
        "article_ids": list(story["article_ids"]),
        "outlets": sorted({a["outlet"] for a in members if a["outlet"]}),
        "published": [a["published"] for a in members],
        "first_published": dates[0] if dates else None,
        "last_published": dates[-1] if dates else None,
        "entities": [e["name"] for e in ranked[:TOP_ENTITIES]],
        "counts": {
            "articles": len(story["article_ids"]),
            "entities": len(story["entities"]),
            "quotes": len(story["quotes"]),
            "comparisons": len(story["comparisons"]),
            "divergent": sum(1 for c in story["comparisons"] if c["status"] == "divergent"),
        },
    }


def merged_entity(found: list[tuple[JsonDict, JsonDict]]) -> JsonDict:
    entities = [entity for _, entity in found]
    names = Counter(e["name"] for e in entities)
    types = Counter(e["type"] for e in entities)
    return {
        "name": names.most_common(1)[0][0],
        "type": types.most_common(1)[0][0],
        "aliases": _unique(a for e in entities for a in (e["name"], *e["aliases"])),
        "roles": _unique(r for e in entities for r in e["roles"]),
        "stories": [
            {
                "story_id": story["id"],
                "title": story["title"],
                "entity_id": entity["id"],
                "roles": list(entity["roles"]),
                "role_sources": list(entity.get("role_sources", [])),
                "quotes": [q for q in story["quotes"] if q["speaker_entity_id"] == entity["id"]],
            }
            for story, entity in found
        ],
    }


def _newest_first(summary: JsonDict) -> tuple[bool, str, str]:
    last = summary["last_published"] or ""
    # reversed date order without negating strings: sort on the complement of each character
    return (not last, "".join(chr(0x10FFFF - ord(c)) for c in last), summary["id"])


def _search_text(story: JsonDict) -> str:
    parts = [story["title"], *(b["text"] for b in story["briefing"])]
    parts += [n for e in story["entities"] for n in (e["name"], *e["aliases"])]
    return " ".join(parts).casefold()


def _entity_names(story: JsonDict) -> set[str]:
    return {n for e in story["entities"] for n in _names_of(e)}


def _names_of(entity: JsonDict) -> set[str]:
    return {n.casefold() for n in (entity["name"], *entity["aliases"])}


def _folded(values: Iterable[str]) -> set[str]:
    return {v.casefold() for v in values}


def _unique(values: Iterable[str]) -> list[str]:
    return list(dict.fromkeys(values))
