"""What every response gets and every request is held to, whatever route serves it.

- Security headers: a strict Content-Security-Policy (scripts, styles, images and requests only
  from this origin; no inline script or style, no plugins, no framing), nosniff, no referrer.
- A request-body limit: a declared Content-Length over the limit is refused before reading,
  and a body streamed without one is cut off once it passes the limit (413 either way).
- Bearer-token check for write endpoints, in constant time.
"""

from __future__ import annotations

import hmac
from collections.abc import MutableMapping
from typing import Any

from starlette.types import ASGIApp, Message, Receive, Scope, Send

CONTENT_SECURITY_POLICY = (
    "default-src 'none'; script-src 'self'; style-src 'self'; img-src 'self'; "
    "connect-src 'self'; form-action 'self'; base-uri 'none'; frame-ancestors 'none'"
)
SECURITY_HEADERS = (
    (b"content-security-policy", CONTENT_SECURITY_POLICY.encode()),
    (b"x-content-type-options", b"nosniff"),
    (b"referrer-policy", b"no-referrer"),
    (b"x-frame-options", b"DENY"),
    (b"cross-origin-opener-policy", b"same-origin"),
)


class BodyTooLarge(Exception):
    """The request body passed the configured limit."""


class SecurityMiddleware:
    """Adds the security headers to every HTTP response and enforces the body limit."""

    def __init__(self, app: ASGIApp, max_request_bytes: int) -> None:
        self.app = app
        self.max_request_bytes = max_request_bytes

    async def __call__(self, scope: Scope, receive: Receive, send: Send) -> None:
        if scope["type"] != "http":
            await self.app(scope, receive, send)
            return
        send = _with_headers(send)
        if _declared_length(scope) > self.max_request_bytes:
            await _too_large(send, self.max_request_bytes)
            return
        try:
            await self.app(scope, _capped(receive, self.max_request_bytes), send)
        except BodyTooLarge:
            await _too_large(send, self.max_request_bytes)


def token_matches(header: str | None, token: str) -> bool:
    """True when `header` is `Bearer <token>` for the configured, non-empty token."""
    scheme, _, given = (header or "").partition(" ")
    return bool(token) and scheme.lower() == "bearer" and hmac.compare_digest(given, token)


def _with_headers(send: Send) -> Send:
    async def send_with_headers(message: Message) -> None:
        if message["type"] == "http.response.start":
            headers = [h for h in message.get("headers", []) if h[0] not in _HEADER_NAMES]
            message["headers"] = [*headers, *SECURITY_HEADERS]
        await send(message)

    return send_with_headers


_HEADER_NAMES = frozenset(name for name, _ in SECURITY_HEADERS)


def _capped(receive: Receive, limit: int) -> Receive:
    seen = 0

    async def capped_receive() -> Message:
        nonlocal seen
        message = await receive()
        if message["type"] == "http.request":
            seen += len(message.get("body", b""))
            if seen > limit:
                raise BodyTooLarge()
        return message

    return capped_receive


def _declared_length(scope: MutableMapping[str, Any]) -> int:
    for name, value in scope.get("headers", []):
        if name == b"content-length":
            return int(value) if value.isdigit() else 0
    return 0


async def _too_large(send: Send, limit: int) -> None:
    body = f'{{"detail": "request body larger than {limit} bytes"}}'.encode()
    await send(
        {
            "type": "http.response.start",
            "status": 413,
            "headers": [(b"content-type", b"application/json"), (b"connection", b"close")],
        }
    )
    await send({"type": "http.response.body", "body": body})
