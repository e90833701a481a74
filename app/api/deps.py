"""Dependencies declared once and reused by every route."""

from __future__ import annotations

from collections.abc import Iterator
from typing import Annotated

from fastapi import Depends, Query, Request
from sqlalchemy.orm import Session


def get_session(request: Request) -> Iterator[Session]:
    """A read session per request; routes never commit."""
    factory = request.app.state.session_factory
    with factory() as session:
        yield session


SessionDep = Annotated[Session, Depends(get_session)]
LimitParam = Annotated[
    int, Query(ge=1, le=200, description="Items per page (1-200).", examples=[20])
]
CursorParam = Annotated[
    str | None,
    Query(description="Opaque cursor from the previous page's `next_cursor`.", examples=[None]),
]
