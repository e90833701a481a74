"""Dependencies declared once and reused by every route."""

from __future__ import annotations

import datetime as dt
import inspect
import re
from collections.abc import AsyncIterator, Callable, Iterator
from contextlib import contextmanager
from typing import Annotated, Any, Literal

from fastapi import Depends, Path, Query, Request
from fastapi.concurrency import run_in_threadpool
from fastapi.dependencies.models import Dependant
from fastapi.exceptions import RequestValidationError
from fastapi.routing import APIRoute
from pydantic import BeforeValidator
from sqlalchemy.exc import SQLAlchemyError
from sqlalchemy.orm import Session

from app.api.query_model import query_names
from app.errors import UnknownParameter
from app.services.existence import SLUGGED, Resource, id_of_slug, require_exists
from app.services.paging import MAX_ID


async def get_session(request: Request) -> AsyncIterator[Session]:
    """A read session per request; routes never write.

    Async: making a Session does no I/O (it connects on first use, in the route's thread),
    so only ending it, which hands the connection back, goes through the thread pool. A sync
    generator cost a thread-pool trip at each end. A read ends with COMMIT (`end_read`),
    a 404 or a bad parameter included; one whose SQL failed, or that was cancelled, rolls
    back.
    """
    session = request.app.state.session_factory()
    try:
        yield session
    except BaseException as exc:
        if session.in_transaction():
            await run_in_threadpool(end_failed_read, session, exc)
        else:
            session.close()
        raise
    if session.in_transaction():
        await run_in_threadpool(end_read, session)
    else:
        session.close()


async def close_session(session: Session) -> None:
    """Close a request's session: through the thread pool only when a transaction is still
    open (its ROLLBACK is I/O); one already handed back or committed closes in place."""
    if session.in_transaction():
        await run_in_threadpool(session.close)
    else:
        session.close()


def end_read(session: Session) -> None:
    """End a read that answered with COMMIT, not ROLLBACK: the same for a transaction that
    wrote nothing, but psycopg forgets a connection's prepared statements at every ROLLBACK
    (`db.session.prepare_when_asked`). A session holding ORM changes (which a read never
    should) is rolled back, never committed."""
    if session.new or session.dirty or session.deleted:
        session.close()
        return
    session.commit()
    session.close()


def end_failed_read(session: Session, exc: BaseException) -> None:
    """End a read that raised: one that answered anyway (a 404, a bad parameter) as a read
    (`end_read`); one whose SQL failed, or that was cancelled, with ROLLBACK."""
    if isinstance(exc, Exception) and not isinstance(exc, SQLAlchemyError):
        end_read(session)
    else:
        session.close()


SessionDep = Annotated[Session, Depends(get_session)]


@contextmanager
def read_session(request: Request) -> Iterator[Session]:
    """A read session opened and ended in the calling thread, as `get_session` ends one: for
    a route that does all its database work in one trip through the thread pool, and so
    needs neither the dependency nor the trips it costs (`api.routes.quotes`)."""
    session = request.app.state.session_factory()
    try:
        yield session
    except BaseException as exc:
        end_failed_read(session, exc)
        raise
    end_read(session)


_ISO_DATE = re.compile(r"[0-9]{4}-[0-9]{2}-[0-9]{2}")


def id_path(thing: str) -> Any:
    """The `{..._id}` path parameter of one kind of thing, with its range and an example.

    A number past `MAX_ID` cannot name anything (and would overflow SQLite): it is refused
    as a bad parameter (422) before any query runs.
    """
    return Path(
        ge=1,
        le=MAX_ID,
        description=f"The {thing}'s id, as given by `id` in any listing.",
        examples=[1],
    )


def id_query(description: str) -> Any:
    """An optional id filter in the query string, with the same range as path ids."""
    return Query(ge=1, le=MAX_ID, description=description, examples=[1])


def _iso_date(value: Any) -> Any:
    """Only YYYY-MM-DD: pydantic would read `date_to=0` as a Unix time, 1970-01-01."""
    if isinstance(value, str) and not _ISO_DATE.fullmatch(value):
        raise ValueError("Input should be a date in the form YYYY-MM-DD")
    return value


IsoDate = Annotated[dt.date, BeforeValidator(_iso_date)]
QuoteId = Annotated[int, id_path("quote")]


# An id, or a slug as the API hands them out (`john-kerry`, `bashar-al-assad`).
_REF = r"^(?:[0-9]+|[^/\s]+)$"


def ref_path(thing: str) -> Any:
    """The `{..._id}` path parameter of a resource with slugs: its id or its slug."""
    return Path(
        pattern=_REF,
        description=f"The {thing}'s id (`id` in any listing) or its slug (`slug`).",
        examples=["john-kerry" if thing == "speaker" else "bashar-al-assad"],
    )


def _id_or_slug(session: Session, resource: Resource, name: str, ref: str) -> int:
    """Digits are an id (in range, else a 422 like any bad id); anything else is a slug."""
    if not (ref.isascii() and ref.isdigit()):
        return id_of_slug(session, resource, ref)
    value = int(ref)
    if not 1 <= value <= MAX_ID:
        raise RequestValidationError(
            [
                {
                    "loc": ("path", name),
                    "msg": f"Input should be an id from 1 to {MAX_ID}, or a slug",
                    "type": "value_error",
                    "input": ref,
                }
            ]
        )
    return value


def path_id(resource: Resource, must_exist: bool = False) -> Callable[..., int]:
    """`{resource}_id` from the path as a dependency; with `must_exist`, a 404 when it names
    nothing, before the route runs (a list of quotes for nothing is not an empty list).
    Speakers and topics may be named by slug too; a slug that names nothing is a 404.

    The dependency's signature is built here so that the path parameter keeps its name
    (`document_id`, `topic_id`, ...) in the URL, the OpenAPI document and error messages.
    """
    name = f"{resource}_id"
    slugged = resource in SLUGGED

    def path_value(session: Session, **path: Any) -> int:
        ident = _id_or_slug(session, resource, name, path[name]) if slugged else path[name]
        if must_exist:
            require_exists(session, resource, ident)
        return int(ident)

    keyword = inspect.Parameter.KEYWORD_ONLY
    annotation = (
        Annotated[str, ref_path(resource)] if slugged else Annotated[int, id_path(resource)]
    )
    path_value.__signature__ = inspect.Signature(  # type: ignore[attr-defined]
        [
            inspect.Parameter("session", keyword, annotation=SessionDep),
            inspect.Parameter(name, keyword, annotation=annotation),
        ],
        return_annotation=int,
    )
    return path_value


ExistingDocumentId = Annotated[int, Depends(path_id("document", must_exist=True))]
ExistingSpeakerId = Annotated[int, Depends(path_id("speaker", must_exist=True))]
ExistingTopicId = Annotated[int, Depends(path_id("topic", must_exist=True))]
ExistingEventId = Annotated[int, Depends(path_id("event", must_exist=True))]

SCOPE_HELP = (
    "`quote`: the quote's own words name the topic. `context`: the words around it count "
    "too (the question an answer replies to, the paragraph)."
)
ScopeParam = Annotated[
    Literal["quote", "context"], Query(description=SCOPE_HELP, examples=["quote"])
]


def _query_names(route: APIRoute) -> frozenset[str]:
    """The query parameters a route and its dependencies take (and those it reads through a
    model, `api.query_model`), worked out once per route."""
    known = _QUERY_NAMES.get(id(route.dependant))
    if known is None:
        declared = _walk_query_names(route.dependant) | query_names(route.openapi_extra)
        known = _QUERY_NAMES[id(route.dependant)] = frozenset(declared)
    return known


# Routes live as long as the app; keyed by id, so the cache holds no reference to them.
_QUERY_NAMES: dict[int, frozenset[str]] = {}


def _walk_query_names(dependant: Dependant) -> set[str]:
    names = {param.alias for param in dependant.query_params}
    for sub in dependant.dependencies:
        names |= _walk_query_names(sub)
    return names


def _reject_nul_characters(request: Request) -> None:
    """No name or search contains NUL, and PostgreSQL refuses it in text: a 422, not a 500."""
    errors = [
        {"loc": ("query", name), "msg": "NUL characters are not allowed", "type": "value_error"}
        for name, value in request.query_params.multi_items()
        if "\x00" in value
    ]
    if errors:
        raise RequestValidationError(errors)


async def reject_unknown_parameters(request: Request) -> None:
    """`speakr=kerry` is a 400 naming the parameter, not a silently unfiltered answer.

    Also refuses NUL characters in any query value, since every route runs this first.
    Pages for people (routes left out of the OpenAPI document) ignore parameters they do not
    know: a link shared by e-mail arrives with `utm_source=` on it. Async because it does no
    I/O: a sync dependency costs a trip through the thread pool.
    """
    route = request.scope.get("route")
    if not isinstance(route, APIRoute):
        return
    if not route.include_in_schema:
        _reject_nul_characters(request)
        return
    known = _query_names(route)
    unknown = sorted(set(request.query_params) - known)
    if unknown:
        allowed = ", ".join(sorted(known)) or "none"
        raise UnknownParameter(
            f"unknown query parameter(s): {', '.join(unknown)}; this endpoint takes: {allowed}",
            errors=[
                {"parameter": name, "in": "query", "message": "unknown parameter"}
                for name in unknown
            ],
        )
    _reject_nul_characters(request)
