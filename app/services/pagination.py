"""Opaque keyset cursors: stable when new documents arrive between two pages."""

from __future__ import annotations

import base64
import json
from typing import Any

from app.errors import BadQuery

MAX_ID = 2**31 - 1  # ids are PostgreSQL integers
# The longest cursor this API issues is a relevance cursor, ~60 characters; anything far longer
# was not issued here, and decoding it (JSON nested thousands deep) is work for nothing.
MAX_CURSOR_CHARS = 256


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
