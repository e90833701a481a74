"""Dependencies declared once and reused by every route."""

from __future__ import annotations

from collections.abc import Iterator
from typing import Annotated, Literal

from fastapi import Depends, Query, Request
from fastapi.dependencies.models import Dependant
from fastapi.routing import APIRoute
from sqlalchemy.orm import Session

from app.errors import UnknownParameter


def get_session(request: Request) -> Iterator[Session]:
    """A read session per request; routes never commit."""
    factory = request.app.state.session_factory
    with factory() as session:
        yield session


SessionDep = Annotated[Session, Depends(get_session)]
LimitParam = Annotated[
    int, Query(ge=1, le=200, description="Items per page (1-200).", examples=[20])
]
ScopeParam = Annotated[
    Literal["quote", "context"],
    Query(
        description="`quote`: the quote's own words name the topic. `context`: the words around "
        "it count too (the question an answer replies to, the paragraph).",
        examples=["quote"],
    ),
]
CursorParam = Annotated[
    str | None,
    Query(description="Opaque cursor from the previous page's `next_cursor`.", examples=[None]),
]


def _query_names(dependant: Dependant) -> set[str]:
    names = {param.alias for param in dependant.query_params}
    for sub in dependant.dependencies:
        names |= _query_names(sub)
    return names


def reject_unknown_parameters(request: Request) -> None:
    """`speakr=kerry` is a 400 naming the parameter, not a silently unfiltered answer."""
    route = request.scope.get("route")
    if not isinstance(route, APIRoute):
        return
    unknown = sorted(set(request.query_params) - _query_names(route.dependant))
    if unknown:
        allowed = ", ".join(sorted(_query_names(route.dependant))) or "none"
        raise UnknownParameter(
            f"unknown query parameter(s): {', '.join(unknown)}; this endpoint takes: {allowed}",
            errors=[
                {"parameter": name, "in": "query", "message": "unknown parameter"}
                for name in unknown
            ],
        )
