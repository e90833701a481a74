"""Keyset paging for every list: opaque cursors, the id range, and `Page[T]` built once.

Cursors are stable when new documents arrive between two pages: they carry the last key
seen, never an offset.
"""

from __future__ import annotations

import base64
import json
from collections.abc import Callable, Sequence
from typing import Any, TypeVar

from sqlalchemy import Select, func, select
from sqlalchemy.orm import Session

from app.errors import BadQuery
from app.schemas import Page

# Ids are PostgreSQL `integer`s: a larger number cannot name anything (and SQLite would
# overflow on it), so path and query ids, name references and cursors all stop here.
MAX_ID = 2**31 - 1
# The longest cursor this API issues is a relevance cursor, ~60 characters; anything far longer
# was not issued here, and decoding it (JSON nested thousands deep) is work for nothing.
MAX_CURSOR_CHARS = 256

PageT = TypeVar("PageT", bound=Page[Any])


def encode_cursor(values: dict[str, Any]) -> str:
    raw = json.dumps(values, separators=(",", ":"), default=str).encode()
    return base64.urlsafe_b64encode(raw).decode().rstrip("=")


def decode_cursor(cursor: str | None) -> dict[str, Any] | None:
    if not cursor:
        return None
    if len(cursor) > MAX_CURSOR_CHARS:
        raise invalid_cursor()
    try:
        padded = cursor + "=" * (-len(cursor) % 4)
        values = json.loads(base64.urlsafe_b64decode(padded.encode()))
    except (ValueError, UnicodeDecodeError, RecursionError) as exc:
        raise invalid_cursor() from exc
    if not isinstance(values, dict) or not _valid_id(values.get("id")):
        raise invalid_cursor()
    return values


def invalid_cursor() -> BadQuery:
    """The one answer to a cursor this API did not issue, whatever is wrong with it."""
    return BadQuery("cursor is not one this API issued; start again without it")


def _valid_id(value: Any) -> bool:
    return isinstance(value, int) and not isinstance(value, bool) and 0 <= value <= MAX_ID


def require_keys(after: dict[str, Any] | None, *keys: str) -> None:
    """A cursor from another sort order cannot continue this one."""
    if after is not None and not all(k in after for k in keys):
        raise BadQuery("this cursor belongs to another sort order; start again without it")


def keyset_page(
    session: Session,
    stmt: Select[*tuple[Any, ...]],
    model: Any,
    limit: int,
    cursor: str | None,
    present: Callable[[Sequence[Any]], list[Any]],
    page_type: type[PageT],
) -> PageT:
    """One page of `stmt` (a `select(model)`, or Core columns of its table, with filters)
    in id order, with the total.

    Fetches limit+1 rows to know whether there is a next page; `present` turns the page's
    rows (ORM instances for `select(model)`, Core rows otherwise) into response models of
    `page_type`. `next_url` is left to the web layer, which knows the URL.
    """
    after = decode_cursor(cursor)
    total = session.scalar(_count(stmt, model)) or 0
    if after is not None:
        stmt = stmt.where(model.id > after["id"])
    result = session.execute(stmt.order_by(model.id).limit(limit + 1))
    entity = stmt.column_descriptions[0].get("expr") is model
    rows = list(result.scalars().unique().all() if entity else result.all())
    more = len(rows) > limit
    rows = rows[:limit]
    next_cursor = encode_cursor({"id": rows[-1].id}) if more and rows else None
    return page_type(items=present(rows), next_cursor=next_cursor, total=total)


def _count(stmt: Select[*tuple[Any, ...]], model: Any) -> Select[Any]:
    """The same filters as `stmt`, counted: the list statements filter one table, join none."""
    count = select(func.count()).select_from(model)
    return count if stmt.whereclause is None else count.where(stmt.whereclause)
