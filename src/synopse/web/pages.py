"""The server-rendered pages: story list, story, article, entity, ingest status, API docs."""

from __future__ import annotations

from importlib import resources
from typing import Annotated, Any

from fastapi import APIRouter, HTTPException, Query, Request
from fastapi.responses import HTMLResponse, Response
from jinja2 import Environment, PackageLoader

from synopse.brief.render import briefing_sections, quote_groups, quote_sources
from synopse.store.repository import JsonDict, StoryFilter
from synopse.web.api import repository_of, web_settings_of
from synopse.web.views import (
    article_markup,
    article_stories,
    article_url,
    claims_by_article,
    entity_url,
    outlet_contributions,
    valid_span,
)

router = APIRouter(include_in_schema=False)
PAGE_SIZE = 20
STORY_PAGES_CACHED = 64  # rendered story pages kept, each valid while its story dict is

# name -> (package, file, media type): the only files /static serves
STATIC_FILES = {
    "report.css": ("synopse.brief", "templates/report.css", "text/css"),
    "app.css": ("synopse.web", "static/app.css", "text/css"),
    "app.js": ("synopse.web", "static/app.js", "text/javascript"),
}


def template_environment() -> Environment:
    # autoescape=True for every template: article text is untrusted, and ".html.j2" is not an
    # extension jinja's select_autoescape would recognise
    env = Environment(loader=PackageLoader("synopse.web", "templates"), autoescape=True)
    env.globals |= {
        "article_url": article_url,
        "entity_url": entity_url,
        "quote_groups": quote_groups,
        "quote_sources": quote_sources,
        "briefing_sections": briefing_sections,
    }
    return env


def render(request: Request, name: str, status_code: int = 200, **context: Any) -> HTMLResponse:
    env: Environment = request.app.state.templates
    html = env.get_template(name).render(**context)
    return HTMLResponse(html, status_code=status_code)


@router.get("/static/{name}")
def static_file(request: Request, name: str) -> Response:
    if name not in STATIC_FILES:
        raise HTTPException(404, f"no static file {name!r}")
    cache: dict[str, bytes] = request.app.state.static_cache
    package, path, media_type = STATIC_FILES[name]
    if name not in cache:
        cache[name] = resources.files(package).joinpath(path).read_bytes()
    return Response(cache[name], media_type=media_type, headers={"Cache-Control": "max-age=300"})


@router.get("/favicon.ico")
def favicon() -> Response:
    return Response(status_code=204)  # browsers ask for it; an empty answer, not a 404


@router.get("/", response_class=HTMLResponse)
def story_list(
    request: Request,
    q: Annotated[str, Query(max_length=200)] = "",
    date_from: Annotated[str, Query(pattern=r"^(\d{4}-\d{2}-\d{2})?$")] = "",
    date_to: Annotated[str, Query(pattern=r"^(\d{4}-\d{2}-\d{2})?$")] = "",
    outlet: Annotated[str, Query(max_length=200)] = "",
    entity: Annotated[str, Query(max_length=200)] = "",
    page: Annotated[int, Query(ge=1, le=10_000)] = 1,
) -> HTMLResponse:
    repository = repository_of(request)
    offset = (page - 1) * PAGE_SIZE
    wanted = StoryFilter(
        q, date_from or None, date_to or None, outlet or None, entity or None, PAGE_SIZE + 1, offset
    )
    found = repository.list_stories(wanted)
    form = {"q": q, "date_from": date_from, "date_to": date_to, "outlet": outlet, "entity": entity}
    return render(
        request,
        "stories.html.j2",
        stories=found[:PAGE_SIZE],
        outlets=repository.outlets(),
        form=form,
        page=page,
        has_next=len(found) > PAGE_SIZE,
        page_query={k: v for k, v in form.items() if v},
    )


@router.get("/stories/{story_id}", response_class=HTMLResponse)
def story_page(request: Request, story_id: str) -> HTMLResponse:
    repository = repository_of(request)
    story = repository.story(story_id)
    cache: dict[str, tuple[JsonDict, str]] = request.app.state.story_pages
    if story_id in cache and cache[story_id][0] is story:
        return HTMLResponse(cache[story_id][1])
    response = _render_story(request, story)
    if len(cache) >= STORY_PAGES_CACHED:
        cache.pop(next(iter(cache)))
    # the same dict again means the same data: a store that re-reads builds a new one each
    # time and never hits; the in-memory store hands out one dict until its next ingest
    cache[story_id] = (story, bytes(response.body).decode())
    return response


def _render_story(request: Request, story: JsonDict) -> HTMLResponse:
    repository = repository_of(request)
    articles = {aid: _article_head(repository.article(aid)) for aid in story["article_ids"]}
    return render(
        request,
        "story.html.j2",
        story=story,
        articles=articles,
        outlets={aid: a["outlet"] or aid for aid, a in articles.items()},
        languages={aid: a.get("language", "de") for aid, a in articles.items()},
        contributions=outlet_contributions(story),
        cells=claims_by_article(story["comparisons"]),
    )


@router.get("/articles/{article_id}", response_class=HTMLResponse)
def article_page(
    request: Request,
    article_id: str,
    story: Annotated[str | None, Query(max_length=200)] = None,
    start: Annotated[int | None, Query(ge=0)] = None,
    end: Annotated[int | None, Query(ge=0)] = None,
) -> HTMLResponse:
    repository = repository_of(request)
    article = repository.article(article_id)
    stories = article_stories(repository, article_id, story)
    span = valid_span(article, start, end)
    return render(
        request,
        "article.html.j2",
        article=article,
        stories=stories,
        text=article_markup(article, stories, span),
        highlighted=article["text"][span[0] : span[1]] if span else None,
    )


@router.get("/entities/{name}", response_class=HTMLResponse)
def entity_page(request: Request, name: str) -> HTMLResponse:
    return render(request, "entity.html.j2", entity=repository_of(request).entity(name))


@router.get("/ingest", response_class=HTMLResponse)
def ingest_page(request: Request) -> HTMLResponse:
    repository: Any = repository_of(request)
    runs = repository.ingest_runs() if hasattr(repository, "ingest_runs") else None
    writes = bool(web_settings_of(request).write_token()) and runs is not None
    running = any(r["state"] == "running" for r in runs or [])
    return render(request, "ingest.html.j2", runs=runs, writes=writes, running=running)


@router.get("/docs", response_class=HTMLResponse)
def api_docs(request: Request) -> HTMLResponse:
    """The API reference, rendered here from the OpenAPI document (no CDN assets)."""
    spec: JsonDict = request.app.openapi()
    return render(request, "docs.html.j2", spec=spec, paths=sorted(spec["paths"].items()))


def _article_head(article: JsonDict) -> JsonDict:
    """An article without its text (the story page needs only who and when)."""
    return {k: v for k, v in article.items() if k not in ("text", "removed")}
