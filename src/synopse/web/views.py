"""What the pages show beyond the report dictionaries: citation links, what each outlet alone
contributes to a story, an article's marks. Plain functions of report-shaped data."""

from __future__ import annotations

from collections.abc import Iterable
from functools import lru_cache
from urllib.parse import quote

from markupsafe import Markup

from synopse.store.repository import JsonDict, NotFound, Repository, StoryFilter
from synopse.web.markup import highlight_mark, layered_html, mention_marks, quote_marks

STORY_SCAN_PAGE = 200  # stories fetched per page when looking for an article's story


def article_url(
    article_id: str, story_id: str | None = None, start: int | None = None, end: int | None = None
) -> str:
    """The article page; with offsets, the span is highlighted and scrolled to (#hl)."""
    params = [f"story={_quoted(story_id)}"] if story_id else []
    if start is not None and end is not None:
        params.append(f"start={int(start)}&end={int(end)}")
    query = "?" + "&".join(params) if params else ""
    return f"/articles/{_quoted(article_id)}{query}" + ("#hl" if start is not None else "")


def entity_url(name: str) -> str:
    return "/entities/" + _quoted(name)


@lru_cache(maxsize=8192)
def _quoted(value: str) -> str:
    """Percent-encoded for a path segment or query value (a story page asks for the same
    few ids hundreds of times)."""
    return quote(value, safe="")


def claims_by_article(comparisons: Iterable[JsonDict]) -> list[dict[str, list[JsonDict]]]:
    """For each comparison, its claims keyed by article (one pass, not one filter per cell)."""
    table = []
    for comparison in comparisons:
        cells: dict[str, list[JsonDict]] = {}
        for claim in comparison["claims"]:
            cells.setdefault(claim["article_id"], []).append(claim)
        table.append(cells)
    return table


def outlet_contributions(story: JsonDict) -> dict[str, JsonDict]:
    """Per article: the statements, names and speakers no other article of the story has."""
    result: dict[str, JsonDict] = {
        aid: {"claims": [], "entities": [], "speakers": []} for aid in story["article_ids"]
    }
    for comparison in story["comparisons"]:
        sources = {c["article_id"] for c in comparison["claims"]}
        if len(sources) == 1 and (aid := next(iter(sources))) in result:
            result[aid]["claims"] += [(comparison["topic"], c) for c in comparison["claims"]]
    for entity in story["entities"]:
        if len(ids := {m["article_id"] for m in entity["mentions"]}) == 1 and (
            (aid := next(iter(ids))) in result
        ):
            result[aid]["entities"].append(entity["name"])
    for speaker, aid in _single_source_speakers(story["quotes"]):
        if aid in result:
            result[aid]["speakers"].append(speaker)
    return result


def _single_source_speakers(quotes: Iterable[JsonDict]) -> list[tuple[str, str]]:
    by_speaker: dict[str, set[str]] = {}
    for q in quotes:
        if q.get("speaker_name"):
            by_speaker.setdefault(q["speaker_name"], set()).add(q["article_id"])
    return sorted((name, next(iter(ids))) for name, ids in by_speaker.items() if len(ids) == 1)


def stories_of_article(repository: Repository, article_id: str) -> list[JsonDict]:
    """Every story that contains the article (list pages scanned: the contract has no index)."""
    found, offset = [], 0
    while True:
        page = repository.list_stories(StoryFilter(limit=STORY_SCAN_PAGE, offset=offset))
        found += [repository.story(s["id"]) for s in page if article_id in s["article_ids"]]
        if len(page) < STORY_SCAN_PAGE:
            return found
        offset += STORY_SCAN_PAGE


def article_stories(
    repository: Repository, article_id: str, story_id: str | None
) -> list[JsonDict]:
    """The story named in the link when it holds the article, else every story holding it."""
    if story_id:
        try:
            story = repository.story(story_id)
        except NotFound:
            story = None
        if story is not None and article_id in story["article_ids"]:
            return [story]
    return stories_of_article(repository, article_id)


def article_markup(
    article: JsonDict, stories: list[JsonDict], highlight: tuple[int, int] | None
) -> Markup:
    """The article text with the cited span, its quotes and its entity mentions marked."""
    aid = article["id"]
    quotes = [q for s in stories for q in s["quotes"] if q["article_id"] == aid]
    mentions = [m for s in stories for m in mention_marks(s["entities"], aid)]
    outer = [highlight_mark(*highlight)] if highlight else []
    return layered_html(article["text"], [outer, quote_marks(quotes), mentions])


def valid_span(article: JsonDict, start: int | None, end: int | None) -> tuple[int, int] | None:
    """The requested highlight when it lies inside the text, else none (a stale link)."""
    if start is None or end is None or not 0 <= start < end <= len(article["text"]):
        return None
    return (start, end)
