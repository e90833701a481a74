"""API key rows: create (the key is returned once), list, revoke, and authenticate a request.

A presented key is found by its prefix (unique, indexed), then its secret is checked against
the salted hash in constant time. A prefix that names no key answers like a wrong secret.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass
from typing import Literal

from sqlalchemy import select, update
from sqlalchemy.orm import Session

from app.auth.tokens import new_key, parse_key, secret_matches
from app.db.models import ApiKey
from app.errors import AppError, Forbidden, NotFound, Unauthorized

Scope = Literal["read", "write"]
MAX_NAME = 100  # api_keys.name
HOW_TO_SEND = "send `Authorization: Bearer <key>` or `X-API-Key: <key>`"


@dataclass(frozen=True)
class KeyHolder:
    """Who is asking: the key's id, name and scope (never the key)."""

    id: int
    name: str
    scope: Scope

    def require_write(self) -> KeyHolder:
        if self.scope != "write":
            raise Forbidden(f"the key '{self.name}' is read-only; this needs a write key")
        return self


def create_key(session: Session, name: str, scope: Scope) -> tuple[ApiKey, str]:
    """A new key row and the key itself, which is not stored and cannot be shown again."""
    name = name.strip()
    if not name or len(name) > MAX_NAME:
        raise AppError(f"a key needs a name of 1 to {MAX_NAME} characters")
    if session.scalar(select(ApiKey.id).where(ApiKey.name == name)) is not None:
        raise AppError(f"a key named '{name}' exists already; choose another name")
    made = new_key()
    row = ApiKey(name=name, prefix=made.prefix, secret_hash=made.hashed, scope=scope)
    session.add(row)
    session.flush()
    return row, made.key


def list_keys(session: Session) -> list[ApiKey]:
    return list(session.scalars(select(ApiKey).order_by(ApiKey.id)))


def revoke_key(session: Session, ref: str) -> ApiKey:
    """Revoke by id or name; revoking twice keeps the first date."""
    ref = ref.strip()
    query = select(ApiKey).where(ApiKey.name == ref)
    if ref.isdigit():
        query = select(ApiKey).where((ApiKey.id == int(ref)) | (ApiKey.name == ref))
    row = session.scalars(query.order_by(ApiKey.id)).first()
    if row is None:
        raise NotFound(f"no API key with id or name '{ref}'")
    if row.revoked_at is None:
        row.revoked_at = _now()
        session.flush()
    return row


def authenticate(session: Session, presented: str | None) -> KeyHolder:
    """The holder of a valid, unrevoked key; Unauthorized (401) for anything else."""
    if not presented:
        raise Unauthorized(f"this endpoint needs an API key: {HOW_TO_SEND}")
    parsed = parse_key(presented)
    row = (
        session.scalars(select(ApiKey).where(ApiKey.prefix == parsed.prefix)).first()
        if parsed is not None
        else None
    )
    if row is None or parsed is None or not secret_matches(parsed.secret, row.secret_hash):
        raise Unauthorized(f"the API key is not valid: {HOW_TO_SEND}", key_sent=True)
    if row.revoked_at is not None:
        raise Unauthorized(f"the API key '{row.name}' has been revoked", key_sent=True)
    scope: Scope = "write" if row.scope == "write" else "read"
    return KeyHolder(row.id, row.name, scope)


def mark_used(session: Session, holder: KeyHolder) -> None:
    """Inside a write's transaction: note the use, and refuse a key revoked meanwhile."""
    result = session.execute(
        update(ApiKey)
        .where(ApiKey.id == holder.id, ApiKey.revoked_at.is_(None))
        .values(last_used_at=_now())
    )
    if result.rowcount == 0:  # type: ignore[attr-defined]
        raise Unauthorized(f"the API key '{holder.name}' has been revoked", key_sent=True)


def _now() -> dt.datetime:
    return dt.datetime.now(dt.UTC)
