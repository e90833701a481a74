"""ETag and 304 Not Modified for JSON GETs, so polling frontends and caches pay nothing twice."""

from __future__ import annotations

import hashlib

from starlette.datastructures import Headers, MutableHeaders
from starlette.types import ASGIApp, Message, Receive, Scope, Send


class ETagMiddleware:
    """Buffers successful JSON GET responses to hash them; streamed exports pass through."""

    def __init__(self, app: ASGIApp) -> None:
        self.app = app

    async def __call__(self, scope: Scope, receive: Receive, send: Send) -> None:
        if scope["type"] != "http" or scope["method"] not in ("GET", "HEAD"):
            await self.app(scope, receive, send)
            return
        if_none_match = Headers(scope=scope).get("if-none-match")
        start: Message | None = None
        body = bytearray()

        async def capture(message: Message) -> None:
            nonlocal start
            if message["type"] == "http.response.start":
                content_type = Headers(raw=message["headers"]).get("content-type", "")
                if message["status"] != 200 or not content_type.startswith("application/json"):
                    start = None
                    await send(message)
                    return
                start = message
                return
            if start is None:
                await send(message)
                return
            body.extend(message.get("body", b""))
            if message.get("more_body"):
                return
            await _finish(start, bytes(body), if_none_match, send)

        await self.app(scope, receive, capture)


async def _finish(start: Message, body: bytes, if_none_match: str | None, send: Send) -> None:
    etag = '"' + hashlib.sha256(body).hexdigest()[:32] + '"'
    headers = MutableHeaders(raw=list(start["headers"]))
    headers["ETag"] = etag
    if if_none_match and _matches(if_none_match, etag):
        del headers["content-length"]
        await send({"type": "http.response.start", "status": 304, "headers": headers.raw})
        await send({"type": "http.response.body", "body": b""})
        return
    await send({"type": "http.response.start", "status": 200, "headers": headers.raw})
    await send({"type": "http.response.body", "body": body})


def _matches(if_none_match: str, etag: str) -> bool:
    """`*` matches any current representation (RFC 9110 13.1.2); weak tags compare weakly."""
    tags = [t.strip().removeprefix("W/") for t in if_none_match.split(",")]
    return "*" in tags or etag in tags
