"""Who may write: API keys as an OpenAPI security scheme, and the write session.

A key is sent as `Authorization: Bearer <key>` or `X-API-Key: <key>` (both declared, so
Swagger's Authorize button offers them). Writes need a write key, checked on the write
session in a short transaction of its own; the write itself then runs in one transaction
with its audit row (`app.commands`). `GET /audit` needs a write key too; other reads need
any key only when `READS_REQUIRE_KEY` is set.
"""

from __future__ import annotations

from collections.abc import AsyncIterator
from typing import Annotated

from fastapi import Depends, Request, Security
from fastapi.security import APIKeyHeader, HTTPAuthorizationCredentials, HTTPBearer
from sqlalchemy.orm import Session

from app.api.deps import SessionDep, close_session
from app.auth.store import KeyHolder, authenticate

bearer = HTTPBearer(
    auto_error=False,
    scheme_name="BearerKey",
    description="An API key from `ontherecord keys create`, as `Authorization: Bearer <key>`.",
)
api_key_header = APIKeyHeader(
    name="X-API-Key",
    auto_error=False,
    scheme_name="ApiKeyHeader",
    description="The same API key, as an `X-API-Key` header.",
)


async def presented_key(
    credentials: Annotated[HTTPAuthorizationCredentials | None, Security(bearer)],
    header: Annotated[str | None, Security(api_key_header)],
) -> str | None:
    """The key the request carries, from either header (Bearer first)."""
    if credentials is not None and credentials.credentials:
        return credentials.credentials
    return header or None


PresentedKey = Annotated[str | None, Depends(presented_key)]


async def get_write_session(request: Request) -> AsyncIterator[Session]:
    """A session on the write engine: no read-only flag, no read statement timeout."""
    session = request.app.state.write_session_factory()
    try:
        yield session
    finally:
        await close_session(session)


WriteSessionDep = Annotated[Session, Depends(get_write_session)]


def write_key(session: WriteSessionDep, key: PresentedKey) -> KeyHolder:
    """A valid write key, or a 401/403 problem before the route runs."""
    with session.begin():
        return authenticate(session, key).require_write()


def audit_key(session: SessionDep, key: PresentedKey) -> KeyHolder:
    """A valid write key, checked on the read session the audit listing uses."""
    return authenticate(session, key).require_write()


def read_key(session: SessionDep, key: PresentedKey) -> KeyHolder:
    """Any valid key: added to every read route when `READS_REQUIRE_KEY` closes reads."""
    return authenticate(session, key)


WriteKey = Annotated[KeyHolder, Depends(write_key)]
AuditKey = Annotated[KeyHolder, Depends(audit_key)]
