"""One error body for every error path: RFC 9457 `application/problem+json`."""

from __future__ import annotations

import logging
from typing import Any

from fastapi import FastAPI, Request
from fastapi.exceptions import RequestValidationError
from fastapi.responses import JSONResponse
from starlette.exceptions import HTTPException as StarletteHTTPException

from app.errors import AppError
from app.schemas import Problem

log = logging.getLogger(__name__)
PROBLEM_JSON = "application/problem+json"

_PROBLEM_DOCS: dict[int, tuple[str, dict[str, Any]]] = {
    400: (
        "Bad request: an unknown query parameter (a typo such as `speakr`), a malformed cursor "
        "or search. `errors` names the offending parameter.",
        {
            "type": "/problems/unknown-parameter",
            "title": "Unknown parameter",
            "status": 400,
            "detail": "unknown query parameter(s): speakr; this endpoint takes: cursor, limit",
            "errors": [{"parameter": "speakr", "in": "query", "message": "unknown parameter"}],
        },
    ),
    401: (
        "Unauthorized: no API key was sent, or the key is wrong or revoked. Send it as "
        "`Authorization: Bearer <key>` or `X-API-Key: <key>`; `ontherecord keys create` makes one.",
        {
            "type": "/problems/unauthorized",
            "title": "API key required",
            "status": 401,
            "detail": "this endpoint needs an API key: send `Authorization: Bearer <key>` or "
            "`X-API-Key: <key>`",
        },
    ),
    403: (
        "Forbidden: the key is valid but read-only; this needs a key made without `--read-only`.",
        {
            "type": "/problems/forbidden",
            "title": "Not allowed with this key",
            "status": 403,
            "detail": "the key 'newsroom-site' is read-only; this needs a write key",
        },
    ),
    413: (
        "Too large: the body is over its limit (an upload: the service's `MAX_DOCUMENT_BYTES`; "
        "any other body: 64 KB).",
        {
            "type": "/problems/too-large",
            "title": "Request too large",
            "status": 413,
            "detail": "the document is over the limit of 5000000 bytes",
        },
    ),
    404: (
        "Not found: nothing has this id.",
        {
            "type": "/problems/not-found",
            "title": "Not found",
            "status": 404,
            "detail": "no quote with id 999",
        },
    ),
    410: (
        "Gone: the quote was retired, because a later revision of its document no longer "
        "holds these words. `document` links the document as it is now, `revision` the "
        "revision that retired it; the `Link` header carries both.",
        {
            "type": "/problems/gone",
            "title": "Gone",
            "status": 410,
            "detail": "quote 42 was retired by revision 2 of document 7: its words are no longer "
            "in the document",
            "document": "/documents/7",
            "revision": "/documents/7/revisions/2",
            "retired_in_revision": 2,
        },
    ),
    503: (
        "Service unavailable: the database's schema is missing or older than this version "
        "needs. Run `ontherecord migrate`.",
        {
            "type": "/problems/schema-behind",
            "title": "Database schema out of date",
            "status": 503,
            "detail": "the database has no schema yet: run `ontherecord migrate`",
        },
    ),
    422: (
        "Invalid parameter value (a limit out of range, a date that is not YYYY-MM-DD, an id "
        "that is not a number). `errors` names each parameter and what is wrong with it.",
        {
            "type": "/problems/validation-error",
            "title": "Invalid parameters",
            "status": 422,
            "detail": "invalid value for: limit",
            "errors": [
                {
                    "parameter": "limit",
                    "in": "query",
                    "message": "Input should be less than or equal to 200",
                }
            ],
        },
    ),
}


def problem_responses(*statuses: int) -> dict[int | str, dict[str, Any]]:
    """`responses=` for a route's error statuses, so clients see every error is a `Problem`.

    FastAPI files a response `model` under `application/json`; `amend_openapi` moves
    it to `application/problem+json`, the content type these errors are really sent with.
    """
    return {
        status: {
            "model": Problem,
            "description": _PROBLEM_DOCS[status][0],
            "content": {PROBLEM_JSON: {"example": _PROBLEM_DOCS[status][1]}},
        }
        for status in statuses
    }


_TITLES = {
    400: ("bad-request", "Bad request"),
    404: ("not-found", "Not found"),
    405: ("method-not-allowed", "Method not allowed"),
    406: ("not-acceptable", "Not acceptable"),
    413: ("too-large", "Request too large"),
    422: ("validation-error", "Invalid parameters"),
    500: ("internal-error", "Internal server error"),
}


def problem(
    status: int, detail: str, code: str | None = None, title: str | None = None, **extra: Any
) -> JSONResponse:
    default_code, default_title = _TITLES.get(status, ("error", "Error"))
    body = {
        "type": f"/problems/{code or default_code}",
        "title": title or default_title,
        "status": status,
        "detail": detail,
        **{k: v for k, v in extra.items() if v is not None},
    }
    return JSONResponse(body, status_code=status, media_type=PROBLEM_JSON)


def _parameter_error(error: Any) -> dict[str, str]:
    """('query', 'kind', 0) -> kind: the parameter a user typed, not the position in a list."""
    location = [str(part) for part in error.get("loc", ())]
    name = location[1] if len(location) > 1 else (location[0] if location else "request")
    return {
        "parameter": name,
        "in": location[0] if location else "request",
        "message": error["msg"],
    }


def install_error_handlers(app: FastAPI) -> None:
    """Answer every error path (404, 405, 422, domain errors, crashes) with a problem document."""

    @app.exception_handler(AppError)
    def _app_error(_: Request, exc: AppError) -> JSONResponse:
        response = problem(
            exc.status, exc.detail, exc.code, exc.title, errors=exc.errors, **exc.extra
        )
        if exc.links:
            response.headers["Link"] = ", ".join(
                f'<{path}>; rel="{rel}"' for rel, path in exc.links.items()
            )
        response.headers.update(exc.headers)
        return response

    @app.exception_handler(RequestValidationError)
    def _validation(_: Request, exc: RequestValidationError) -> JSONResponse:
        errors = [_parameter_error(e) for e in exc.errors()]
        names = ", ".join(e["parameter"] for e in errors)
        return problem(422, f"invalid value for: {names}", errors=errors)

    @app.exception_handler(StarletteHTTPException)
    def _http(_: Request, exc: StarletteHTTPException) -> JSONResponse:
        response = problem(exc.status_code, str(exc.detail))
        for key, value in (exc.headers or {}).items():
            response.headers[key] = value
        return response

    @app.exception_handler(Exception)
    def _unexpected(_: Request, exc: Exception) -> JSONResponse:
        log.exception("unhandled error", exc_info=exc)
        return problem(500, "the server failed to answer this request; it has been logged")
