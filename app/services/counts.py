"""Quote counts per speaker, document or event, for the catalogue listings."""

from __future__ import annotations

from typing import Any

from sqlalchemy import func, select
from sqlalchemy.orm import Session


def quote_counts(session: Session, column: Any, ids: list[int]) -> dict[int, int]:
    """Quotes per id of `column` (`Quote.speaker_id`, ...), one grouped query for a page."""
    if not ids:
        return {}
    rows = session.execute(
        select(column, func.count()).where(column.in_(ids)).group_by(column)
    ).all()
    return dict(rows)
