"""ETag and 304 Not Modified for JSON GETs, so polling frontends and caches pay nothing twice.

Responses rendered by `app.api.responses` carry their ETag already (hashed once, as they were
rendered): they are compared and passed through, never buffered. Other successful JSON GETs
are buffered and hashed here. Streamed exports pass through.
"""

from __future__ import annotations

from starlette.datastructures import Headers, MutableHeaders
from starlette.types import ASGIApp, Message, Receive, Scope, Send

from app.api.responses import etag_of


class ETagMiddleware:
    def __init__(self, app: ASGIApp) -> None:
        self.app = app

    async def __call__(self, scope: Scope, receive: Receive, send: Send) -> None:
        if scope["type"] != "http" or scope["method"] not in ("GET", "HEAD"):
            await self.app(scope, receive, send)
            return
        if_none_match = Headers(scope=scope).get("if-none-match")
        start: Message | None = None
        mode = "pass"  # "pass", "buffer" (hash here) or "unchanged" (304 sent; drop the body)
        body = bytearray()

        async def capture(message: Message) -> None:
            nonlocal start, mode
            if message["type"] == "http.response.start":
                headers = Headers(raw=message["headers"])
                content_type = headers.get("content-type", "")
                if message["status"] != 200 or not content_type.startswith("application/json"):
                    await send(message)
                    return
                etag = headers.get("etag")
                if etag is None:
                    mode, start = "buffer", message
                    return
                if if_none_match and _matches(if_none_match, etag):
                    mode = "unchanged"
                    await _not_modified(message, send)
                    return
                await send(message)
                return
            if mode == "pass":
                await send(message)
                return
            if mode == "unchanged":
                return
            body.extend(message.get("body", b""))
            if message.get("more_body"):
                return
            assert start is not None
            await _finish(start, bytes(body), if_none_match, send)

        await self.app(scope, receive, capture)


async def _not_modified(start: Message, send: Send) -> None:
    headers = MutableHeaders(raw=list(start["headers"]))
    del headers["content-length"]
    await send({"type": "http.response.start", "status": 304, "headers": headers.raw})
    await send({"type": "http.response.body", "body": b""})


async def _finish(start: Message, body: bytes, if_none_match: str | None, send: Send) -> None:
    etag = etag_of(body)
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
