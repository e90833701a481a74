"""The audit log, newest first: a keyset page like every other list, filterable by target."""

from __future__ import annotations

from sqlalchemy import func, select
from sqlalchemy.orm import Session

from app.db.models import AuditEntry
from app.schemas import AuditEntryOut, AuditPage
from app.services.paging import decode_cursor, encode_cursor


def list_audit(
    session: Session,
    limit: int,
    cursor: str | None,
    target_type: str | None = None,
    target_id: int | None = None,
) -> AuditPage:
    """Entries from the newest back: a cursor carries the last id seen, so entries written
    while paging never shift a page."""
    conditions = []
    if target_type is not None:
        conditions.append(AuditEntry.target_type == target_type)
    if target_id is not None:
        conditions.append(AuditEntry.target_id == target_id)
    total = session.scalar(select(func.count()).select_from(AuditEntry).where(*conditions))
    after = decode_cursor(cursor)
    if after is not None:
        conditions.append(AuditEntry.id < after["id"])
    rows = list(
        session.scalars(
            select(AuditEntry).where(*conditions).order_by(AuditEntry.id.desc()).limit(limit + 1)
        )
    )
    more = len(rows) > limit
    rows = rows[:limit]
    next_cursor = encode_cursor({"id": rows[-1].id}) if more and rows else None
    return AuditPage(
        items=[AuditEntryOut.model_validate(row) for row in rows],
        next_cursor=next_cursor,
        total=total or 0,
    )
