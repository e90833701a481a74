"""Column types that make both databases store the same thing.

SQLite ignores `VARCHAR(300)`; PostgreSQL refuses a longer value and with it the whole
document (a 316-character first line read as a headline). `Clipped` shortens over-long text
before it reaches either database, so both accept the document and store the same value.
"""

from __future__ import annotations

from typing import Any

from sqlalchemy import String
from sqlalchemy.engine import Dialect
from sqlalchemy.types import TypeDecorator

ELLIPSIS = "…"


def clip(value: str, length: int) -> str:
    """`value` if it fits, else its first `length - 1` characters and an ellipsis."""
    return value if len(value) <= length else value[: length - 1].rstrip() + ELLIPSIS


class Clipped(TypeDecorator[str]):
    """A `String(length)` whose values are clipped to fit, in inserts and comparisons alike:
    a clipped slug is found again by the same long name."""

    impl = String
    cache_ok = True

    def __init__(self, length: int) -> None:
        super().__init__(length)
        self.length = length

    def process_bind_param(self, value: Any, dialect: Dialect) -> Any:
        return clip(value, self.length) if isinstance(value, str) else value

    # No `process_result_value`: values are read as they are stored, and without one
    # SQLAlchemy adds no Python call per value read (six columns of every quote row).
