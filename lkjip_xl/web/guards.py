"""Protections of the page that do not depend on what it shows: the request size limit, the
security headers, and the same-origin check of posted forms."""
from __future__ import annotations

from starlette.requests import Request

DRAIN_LIMIT = 2 * 1024 ** 3  # read (and drop) at most this much of a too-large body before answering
HEADERS = [
    (b"content-security-policy", b"default-src 'self'; script-src 'self'; style-src 'self'; img-src 'self' data:; "
                                 b"object-src 'none'; base-uri 'none'; form-action 'self'; frame-ancestors 'none'"),
    (b"x-content-type-options", b"nosniff"),
    (b"referrer-policy", b"same-origin"),  # "no-referrer" would make Chromium send "Origin: null"
    (b"x-frame-options", b"DENY"),
]


class BodyTooLarge(Exception):
    """The request body is larger than the limit (raised while the endpoint reads it)."""


class SizeLimit:
    """ASGI middleware: count the body as it arrives (a Content-Length may lie, or be absent) and
    raise :class:`BodyTooLarge` from ``receive`` past ``max_bytes``, after reading the rest of the
    body, so that the browser, still sending, receives the page that explains it."""

    def __init__(self, app, max_bytes: int):
        self.app, self.max_bytes = app, max_bytes

    async def __call__(self, scope, receive, send):
        if scope["type"] != "http":
            return await self.app(scope, receive, send)
        seen = 0

        async def limited():
            nonlocal seen
            message = await receive()
            if message["type"] == "http.request":
                seen += len(message.get("body", b""))
                if seen > self.max_bytes:
                    await _drain(receive, message, seen)
                    raise BodyTooLarge()
            return message

        declared = dict(scope.get("headers") or []).get(b"content-length", b"")
        if declared.isdigit() and int(declared) > self.max_bytes:
            async def refuse():
                await _drain(receive, {"more_body": True}, 0)
                raise BodyTooLarge()

            return await self.app(scope, refuse, send)
        return await self.app(scope, limited, send)


async def _drain(receive, message, seen: int) -> None:
    while message.get("more_body") and seen < DRAIN_LIMIT:
        message = await receive()
        if message["type"] != "http.request":
            return
        seen += len(message.get("body", b""))


class SecurityHeaders:
    """ASGI middleware: every response forbids inline scripts, framing and content sniffing."""

    def __init__(self, app):
        self.app = app

    async def __call__(self, scope, receive, send):
        if scope["type"] != "http":
            return await self.app(scope, receive, send)

        async def with_headers(message):
            if message["type"] == "http.response.start":
                names = {k.lower() for k, _ in message.get("headers", [])}
                message["headers"] = list(message.get("headers", [])) + [h for h in HEADERS if h[0] not in names]
            await send(message)

        return await self.app(scope, receive, with_headers)


def same_origin(request: Request) -> bool:
    """A form posted from this page (or by a program that sends no Origin), not from another site."""
    origin = request.headers.get("origin")
    if origin is None:
        return True
    return origin == f"{request.url.scheme}://{request.headers.get('host', '')}"
