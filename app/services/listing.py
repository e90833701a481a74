"""Keyset pages and quote counts shared by the catalogue services."""

from __future__ import annotations

from typing import Any

from sqlalchemy import Select, func, select
from sqlalchemy.orm import Session

from app.services.pagination import decode_cursor, encode_cursor


def keyset_page(
    session: Session, stmt: Select[Any], model: Any, limit: int, cursor: str | None
) -> tuple[list[Any], str | None]:
    after = decode_cursor(cursor)
    if after is not None:
        stmt = stmt.where(model.id > after["id"])
    rows = list(session.execute(stmt.order_by(model.id).limit(limit + 1)).unique().all())
    more = len(rows) > limit
    rows = rows[:limit]
    return rows, encode_cursor({"id": rows[-1][0].id}) if more and rows else None


def quote_counts(session: Session, column: Any, ids: list[int]) -> dict[int, int]:
    if not ids:
        return {}
    rows = session.execute(
        select(column, func.count()).where(column.in_(ids)).group_by(column)
    ).all()
    return dict(rows)
