"""What the per-request middleware costs: CORS, gzip, ETag, around a fixed JSON page.

The middleware stack is built as `app.main.create_app` builds it, around a stub that sends
a real 20-quote page (pre-tagged, as `FastJSONResponse` sends it; or untagged, as other
JSON routes do, so the ETag middleware hashes it). Each case is driven in-process through
ASGI (no network) and timed per request. Usage:

    .venv/bin/python benchmarks/middleware_cost.py [--requests 5000]
"""

from __future__ import annotations

import argparse
import asyncio
import json
import time
from pathlib import Path
from typing import Any

from fastapi.middleware.cors import CORSMiddleware
from fastapi.middleware.gzip import GZipMiddleware
from starlette.types import ASGIApp, Receive, Scope, Send

from app.api.etag import ETagMiddleware
from app.api.responses import FastJSONResponse
from app.schemas.quotes import QuotePage

ROOT = Path(__file__).resolve().parent.parent


def page_body() -> Any:
    """A 20-quote page (the /docs example quote, repeated) as the API sends it."""
    example = QuotePage.model_json_schema()["examples"][0]
    return {**example, "items": example["items"] * 20}


def stub(content: Any, tagged: bool) -> ASGIApp:
    async def app(scope: Scope, receive: Receive, send: Send) -> None:
        response = FastJSONResponse(content)
        if not tagged:
            del response.headers["etag"]
        await response(scope, receive, send)

    return app


def stacked(inner: ASGIApp) -> ASGIApp:
    """The order `create_app` adds them in: the last added runs first."""
    app: ASGIApp = ETagMiddleware(inner)
    app = GZipMiddleware(app, minimum_size=1000, compresslevel=5)
    return CORSMiddleware(
        app,
        allow_origins=["*"],
        allow_methods=["GET", "HEAD", "OPTIONS"],
        allow_headers=["*"],
        expose_headers=["ETag", "Link"],
    )


async def drive(app: ASGIApp, headers: list[tuple[bytes, bytes]], n: int) -> float:
    """Mean microseconds per request."""
    scope = {
        "type": "http",
        "method": "GET",
        "path": "/quotes",
        "query_string": b"",
        "headers": headers,
    }

    async def receive() -> dict[str, Any]:
        return {"type": "http.request", "body": b"", "more_body": False}

    async def send(message: dict[str, Any]) -> None:
        return None

    for _ in range(50):
        await app(dict(scope), receive, send)  # type: ignore[arg-type]
    started = time.perf_counter()
    for _ in range(n):
        await app(dict(scope), receive, send)  # type: ignore[arg-type]
    return (time.perf_counter() - started) / n * 1e6


async def main(n: int) -> None:
    content = page_body()
    size = len(json.dumps(content).encode())
    etag = FastJSONResponse(content).headers["etag"]
    cases = [
        ("no middleware (rendering the page only)", stub(content, True), []),
        ("stack, plain GET", stacked(stub(content, True)), []),
        ("stack, browser (Origin) GET", stacked(stub(content, True)), [(b"origin", b"x.org")]),
        (
            "stack, If-None-Match -> 304",
            stacked(stub(content, True)),
            [(b"if-none-match", etag.encode())],
        ),
        ("stack, untagged body (middleware hashes)", stacked(stub(content, False)), []),
        (
            "stack, Accept-Encoding: gzip",
            stacked(stub(content, True)),
            [(b"accept-encoding", b"gzip")],
        ),
    ]
    print(f"page body: {size:,} bytes; {n} requests per case")
    base = None
    for name, app, headers in cases:
        us = await drive(app, headers, n)
        base = us if base is None else base
        print(f"{name:<45} {us:8.1f} µs/request  (+{us - base:7.1f})")


if __name__ == "__main__":
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--requests", type=int, default=5000)
    asyncio.run(main(parser.parse_args().requests))
