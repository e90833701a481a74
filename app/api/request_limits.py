"""What one request may ask of the service, checked before any route runs.

A URL over `max_url_length` is a 414; a parameter repeated more than `max_parameter_repeats`
times (`topic=` a thousand times built an expression SQLite refused and exhausted
PostgreSQL's pool) or a value longer than `MAX_VALUE_CHARS` is a 400 naming it. Past
`max_concurrent_requests` in flight, a worker answers 503 with `Retry-After` at once instead
of queueing work it cannot finish in time. All answers are problem documents.
"""

from __future__ import annotations

from collections import Counter
from typing import Any
from urllib.parse import parse_qsl

from fastapi import FastAPI
from starlette.types import ASGIApp, Receive, Scope, Send

from app.api.cancel import CancelOnDisconnect, install_timeout_handlers
from app.api.origin import PublicOrigin
from app.api.problems import PROBLEM_JSON, problem
from app.settings import Settings

# A name, a role or a search is at most a few hundred characters; q has its own, tighter bound.
MAX_VALUE_CHARS = 1_000
# Paths that answer whatever the load: a monitor must tell "busy" from "down".
UNLIMITED_PATHS = frozenset({"/health"})


class RequestLimits:
    """414 for an over-long URL, 400 for over-repeated or over-long query parameters."""

    def __init__(self, app: ASGIApp, max_url_length: int, max_repeats: int) -> None:
        self.app = app
        self.max_url_length = max_url_length
        self.max_repeats = max_repeats

    async def __call__(self, scope: Scope, receive: Receive, send: Send) -> None:
        if scope["type"] != "http":
            await self.app(scope, receive, send)
            return
        query: bytes = scope.get("query_string", b"")
        length = len(scope.get("raw_path") or scope["path"].encode()) + len(query)
        if length > self.max_url_length:
            response = problem(
                414,
                f"the URL is {length} bytes long; this service takes at most {self.max_url_length}",
                code="uri-too-long",
                title="URI too long",
            )
            await response(scope, receive, send)
            return
        message = self._parameter_problem(query)
        if message is not None:
            name, detail = message
            errors = [{"parameter": name, "in": "query", "message": detail}]
            await problem(400, f"{name}: {detail}", errors=errors)(scope, receive, send)
            return
        await self.app(scope, receive, send)

    def _parameter_problem(self, query: bytes) -> tuple[str, str] | None:
        pairs = parse_qsl(query.decode("latin-1"), keep_blank_values=True)
        for name, times in Counter(name for name, _ in pairs).most_common(1):
            if times > self.max_repeats:
                return name, f"given {times} times; at most {self.max_repeats} are allowed"
        for name, value in pairs:
            if len(value) > MAX_VALUE_CHARS:
                return name, f"{len(value)} characters long; at most {MAX_VALUE_CHARS} allowed"
        return None


class Saturation:
    """At most `limit` requests in flight in this worker; the next gets 503 and `Retry-After`.

    Requests beyond what the thread pool and the connection pool can serve would only wait in
    a queue, holding their client, until they time out anyway.
    """

    def __init__(self, app: ASGIApp, limit: int, retry_after: int) -> None:
        self.app = app
        self.limit = limit
        self.retry_after = retry_after
        self.in_flight = 0

    async def __call__(self, scope: Scope, receive: Receive, send: Send) -> None:
        if scope["type"] != "http" or scope["path"] in UNLIMITED_PATHS:
            await self.app(scope, receive, send)
            return
        if self.in_flight >= self.limit:
            response = problem(
                503,
                f"the service is busy with {self.in_flight} requests; retry in "
                f"{self.retry_after} s",
                code="busy",
                title="Service busy",
            )
            response.headers["Retry-After"] = str(self.retry_after)
            await response(scope, receive, send)
            return
        self.in_flight += 1
        try:
            await self.app(scope, receive, send)
        finally:
            self.in_flight -= 1


_LIMIT_RESPONSES: dict[str, dict[str, Any]] = {
    "414": {
        "description": "URI too long: the URL is over the service's limit (8 KB by default).",
        "content": {PROBLEM_JSON: {"schema": {"$ref": "#/components/schemas/Problem"}}},
    },
    "503": {
        "description": "Busy: too many requests in flight, or the query took longer than the "
        "service allows and was stopped. Retry after `Retry-After` seconds, or narrow it.",
        "headers": {
            "Retry-After": {"description": "Seconds to wait.", "schema": {"type": "integer"}}
        },
        "content": {PROBLEM_JSON: {"schema": {"$ref": "#/components/schemas/Problem"}}},
    },
}


def _document_limits(app: FastAPI) -> None:
    """Every operation may answer 414 or 503: say so in the OpenAPI document, once."""
    generate = app.openapi

    def openapi() -> dict[str, Any]:
        first = app.openapi_schema is None
        schema = generate()
        if first:
            for path in schema.get("paths", {}).values():
                for operation in path.values():
                    responses = operation.setdefault("responses", {})
                    for status, response in _LIMIT_RESPONSES.items():
                        responses.setdefault(status, response)
        return schema

    app.openapi = openapi  # type: ignore[method-assign]


def install_limits(app: FastAPI, settings: Settings) -> None:
    """Add the limits as the innermost middlewares (CORS still wraps their answers), map
    statements stopped by their deadline to 503s, and document both. Call before adding CORS
    and after `amend_openapi`."""
    install_timeout_handlers(app, settings.retry_after_seconds)
    _document_limits(app)
    app.add_middleware(CancelOnDisconnect, budget_ms=settings.request_timeout_ms)
    app.add_middleware(PublicOrigin, base_url=settings.public_base_url)
    app.add_middleware(
        RequestLimits,
        max_url_length=settings.max_url_length,
        max_repeats=settings.max_parameter_repeats,
    )
    app.add_middleware(
        Saturation,
        limit=settings.max_concurrent_requests,
        retry_after=settings.retry_after_seconds,
    )
