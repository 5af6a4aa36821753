"""The HTTP API under /api: the report schema (docs/report-schema.md), piece by piece.

Reads are open; POST /api/ingest needs `Authorization: Bearer <token>` with the token from
`[web] token` or SYNOPSE_TOKEN — with no token configured, writes are disabled (403).
"""

from __future__ import annotations

from pathlib import Path
from typing import Annotated, Any

from fastapi import APIRouter, HTTPException, Query, Request
from fastapi.responses import JSONResponse
from starlette.datastructures import UploadFile

from synopse.config import WebSettings
from synopse.errors import InputError
from synopse.store.repository import JsonDict, Repository, StoryFilter, WritableRepository
from synopse.web.ingest import (
    MAX_SOURCES,
    checked_urls,
    safe_file_name,
    start_ingest,
    upload_directory,
)
from synopse.web.security import token_matches

router = APIRouter(prefix="/api", tags=["api"])
MAX_PAGE = 200


def repository_of(request: Request) -> Repository:
    repository: Repository = request.app.state.repository
    return repository


def web_settings_of(request: Request) -> WebSettings:
    settings: WebSettings = request.app.state.web_settings
    return settings


@router.get("/stories", summary="Story summaries, newest first, filtered and paged")
def list_stories(
    request: Request,
    q: Annotated[str, Query(max_length=200, description="words in title, briefing, names")] = "",
    date_from: Annotated[str | None, Query(pattern=r"^\d{4}-\d{2}-\d{2}$")] = None,
    date_to: Annotated[str | None, Query(pattern=r"^\d{4}-\d{2}-\d{2}$")] = None,
    outlet: Annotated[str | None, Query(max_length=200)] = None,
    entity: Annotated[str | None, Query(max_length=200)] = None,
    limit: Annotated[int, Query(ge=1, le=MAX_PAGE)] = 50,
    offset: Annotated[int, Query(ge=0)] = 0,
) -> JsonDict:
    wanted = StoryFilter(q, date_from, date_to, outlet or None, entity or None, limit, offset)
    stories = repository_of(request).list_stories(wanted)
    return {"stories": stories, "limit": limit, "offset": offset}


@router.get("/stories/{story_id}", summary="One story: a report.json stories[] entry")
def story(request: Request, story_id: str) -> JsonDict:
    return repository_of(request).story(story_id)


@router.get("/articles/{article_id}", summary="One article: a report.json articles[] entry")
def article(request: Request, article_id: str) -> JsonDict:
    return repository_of(request).article(article_id)


@router.get("/entities/{name}", summary="An entity by name or alias, with its stories")
def entity(request: Request, name: str) -> JsonDict:
    return repository_of(request).entity(name)


@router.get("/outlets", summary="Every outlet with at least one article")
def outlets(request: Request) -> JsonDict:
    return {"outlets": repository_of(request).outlets()}


@router.get("/report", summary="Everything as one report.json document")
def report(request: Request) -> JsonDict:
    return repository_of(request).report()


@router.get("/ingest/runs", summary="Recent and running ingests with their progress")
def ingest_runs(request: Request) -> JsonDict:
    return {"runs": _writable(request).ingest_runs()}


@router.post(
    "/ingest",
    status_code=202,
    summary="Add articles: JSON {'sources': [URL, ...]} or multipart files; needs the token",
    openapi_extra={
        "requestBody": {
            "content": {
                "application/json": {
                    "schema": {
                        "type": "object",
                        "properties": {"sources": {"type": "array", "items": {"type": "string"}}},
                        "required": ["sources"],
                    }
                },
                "multipart/form-data": {
                    "schema": {
                        "type": "object",
                        "properties": {
                            "files": {
                                "type": "array",
                                "items": {"type": "string", "format": "binary"},
                            }
                        },
                    }
                },
            }
        }
    },
)
async def ingest(request: Request) -> JSONResponse:
    settings = web_settings_of(request)
    _authorise(request, settings)
    repository = _writable(request)
    kind = request.headers.get("content-type", "").split(";")[0].strip().lower()
    if kind == "multipart/form-data":
        sources, cleanup = await _uploaded(request, settings)
    elif kind == "application/json":
        urls = _sources_of(await _json_body(request))
        sources, cleanup = checked_urls(urls, settings.allow_private_urls), None
    else:
        raise HTTPException(415, "send application/json {'sources': [...]} or multipart files")
    start_ingest(repository, sources, cleanup)
    body = {"state": "accepted", "sources": len(sources), "status": "/api/ingest/runs"}
    return JSONResponse(body, status_code=202)


def _authorise(request: Request, settings: WebSettings) -> None:
    token = settings.write_token()
    if not token:
        raise HTTPException(403, "writes are disabled: no [web] token or SYNOPSE_TOKEN is set")
    if not token_matches(request.headers.get("authorization"), token):
        raise HTTPException(401, "a valid bearer token is required", {"WWW-Authenticate": "Bearer"})


def _writable(request: Request) -> WritableRepository:
    repository: Any = repository_of(request)
    if not (hasattr(repository, "ingest") and hasattr(repository, "ingest_runs")):
        raise HTTPException(405, "this store is read-only: it takes no ingests")
    writable: WritableRepository = repository
    return writable


async def _json_body(request: Request) -> object:
    try:
        return await request.json()
    except ValueError as exc:  # JSONDecodeError and UnicodeDecodeError are ValueErrors
        raise InputError("request body", f"not valid JSON ({exc})") from exc


def _sources_of(body: object) -> list[object]:
    if not isinstance(body, dict) or not isinstance(body.get("sources"), list):
        raise InputError("request body", 'expected a JSON object {"sources": [URL, ...]}')
    return list(body["sources"])


async def _uploaded(request: Request, settings: WebSettings) -> tuple[list[str], Path]:
    async with request.form(max_files=MAX_SOURCES, max_fields=MAX_SOURCES) as form:
        files = [f for f in form.values() if isinstance(f, UploadFile)]
        if not files:
            raise InputError("upload", "no files in the multipart body")
        too_big = [f.filename for f in files if (f.size or 0) > settings.max_upload_bytes]
        if too_big:
            raise HTTPException(413, f"{too_big[0]}: larger than {settings.max_upload_bytes} bytes")
        directory = upload_directory()
        return [
            str(await _saved(upload, directory, i)) for i, upload in enumerate(files)
        ], directory


async def _saved(upload: UploadFile, directory: Path, index: int) -> Path:
    path = directory / safe_file_name(upload.filename or "", index)
    if path.exists():  # two uploads of one name: both kept
        path = path.with_name(f"{index}-{path.name}")
    path.write_bytes(await upload.read())
    return path
