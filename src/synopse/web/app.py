"""The web app: `create_app(repository, settings)` returns the ASGI application.

Pages (server-rendered, Jinja2, autoescaped) and the JSON API read the same `Repository`.
Errors never show a stack trace: a missing story/article/entity is a 404, a bad input a 400,
anything unexpected a generic 500 whose details go to the log only. The OpenAPI document is
at /openapi.json and rendered as a page at /docs; FastAPI's own docs pages are off because
they load their scripts from a CDN, which the Content-Security-Policy (rightly) forbids.
"""

from __future__ import annotations

import logging
from collections.abc import Mapping
from typing import Any

from fastapi import FastAPI, HTTPException, Request
from fastapi.exceptions import RequestValidationError
from fastapi.responses import JSONResponse, Response
from starlette.exceptions import HTTPException as StarletteHTTPException
from starlette.types import ASGIApp

from synopse.config import WebSettings
from synopse.errors import SynopseError
from synopse.store.repository import NotFound, Repository
from synopse.web import api, pages
from synopse.web.security import BodyTooLarge, SecurityMiddleware

log = logging.getLogger("synopse.web")


def create_app(repository: Repository, settings: WebSettings) -> ASGIApp:
    """The app over `repository`; wrapped in the security middleware (headers, body limit)."""
    app = FastAPI(
        title="synopse",
        summary="Stories, articles and entities of a synopse store, shaped like report.json.",
        version="1.0",
        docs_url=None,
        redoc_url=None,
    )
    app.state.repository = repository
    app.state.web_settings = settings
    app.state.templates = pages.template_environment()
    app.state.static_cache = {}
    app.state.story_pages = {}
    app.include_router(api.router)
    app.include_router(pages.router)
    _add_error_handlers(app, settings)
    return SecurityMiddleware(app, settings.max_request_bytes)


def _add_error_handlers(app: FastAPI, settings: WebSettings) -> None:
    async def not_found(request: Request, exc: Exception) -> Response:
        return _error(request, 404, str(exc))

    async def bad_input(request: Request, exc: Exception) -> Response:
        return _error(request, 400, str(exc))

    async def http_error(request: Request, exc: Exception) -> Response:
        assert isinstance(exc, StarletteHTTPException)
        return _error(request, exc.status_code, str(exc.detail), exc.headers)

    async def invalid(request: Request, exc: Exception) -> Response:
        assert isinstance(exc, RequestValidationError)
        problems = [f"{'.'.join(map(str, e['loc']))}: {e['msg']}" for e in exc.errors()]
        return _error(request, 422, "; ".join(problems))

    async def too_large(request: Request, exc: Exception) -> Response:
        return _error(request, 413, f"request body larger than {settings.max_request_bytes} bytes")

    async def unexpected(request: Request, exc: Exception) -> Response:
        log.error("%s %s failed", request.method, request.url.path, exc_info=exc)
        return _error(request, 500, "internal error: the details are in the server log")

    app.add_exception_handler(NotFound, not_found)
    app.add_exception_handler(SynopseError, bad_input)
    app.add_exception_handler(StarletteHTTPException, http_error)
    app.add_exception_handler(HTTPException, http_error)
    app.add_exception_handler(RequestValidationError, invalid)
    app.add_exception_handler(BodyTooLarge, too_large)
    app.add_exception_handler(Exception, unexpected)


def _error(
    request: Request, status: int, message: str, headers: Mapping[str, str] | None = None
) -> Response:
    """JSON {"detail": ...} for the API, a page for a browser."""
    if request.url.path.startswith("/api") or request.url.path == "/openapi.json":
        return JSONResponse({"detail": message}, status_code=status, headers=headers)
    context: dict[str, Any] = {"status": status, "message": message}
    response = pages.render(request, "error.html.j2", status_code=status, **context)
    response.headers.update(headers or {})
    return response
