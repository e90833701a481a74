"""Opaque keyset cursors: stable when new documents arrive between two pages."""

from __future__ import annotations

import base64
import json
from typing import Any

from app.errors import BadQuery


def encode_cursor(values: dict[str, Any]) -> str:
    raw = json.dumps(values, separators=(",", ":"), default=str).encode()
    return base64.urlsafe_b64encode(raw).decode().rstrip("=")


def decode_cursor(cursor: str | None) -> dict[str, Any] | None:
    if not cursor:
        return None
    try:
        padded = cursor + "=" * (-len(cursor) % 4)
        values = json.loads(base64.urlsafe_b64decode(padded.encode()))
    except (ValueError, UnicodeDecodeError) as exc:
        raise BadQuery("cursor is not one this API issued; start again without it") from exc
    if not isinstance(values, dict) or "id" not in values or not isinstance(values["id"], int):
        raise BadQuery("cursor is not one this API issued; start again without it")
    return values
