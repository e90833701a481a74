"""Quote counts per speaker, document or event, for the catalogue listings."""

from __future__ import annotations

from typing import Any

from sqlalchemy import func, select
from sqlalchemy.orm import Session

from app.db.models import QuoteFacetCount


def quote_counts(session: Session, column: Any, ids: list[int]) -> dict[int, int]:
    """Quotes per id of `column` (`Quote.speaker_id`, ...), one grouped query for a page."""
    if not ids:
        return {}
    rows = session.execute(
        select(column, func.count()).where(column.in_(ids)).group_by(column)
    ).all()
    return dict(rows)


def kept_quote_counts(session: Session, subject: str, ids: list[int]) -> dict[int, int]:
    """Quotes per speaker (`subject="speaker"`) or about each topic (`"topic"`: links of
    scope `quote`), from the counts the database keeps (migration 0009): every quote has
    one kind, so its kinds add up to its quotes. An index read, where counting a popular
    speaker's 27k quotes walked 27k index entries."""
    if not ids:
        return {}
    rows = session.execute(
        select(QuoteFacetCount.subject_id, func.sum(QuoteFacetCount.n))
        .where(
            QuoteFacetCount.subject == subject,
            QuoteFacetCount.subject_id.in_(ids),
            QuoteFacetCount.facet == "kinds",
        )
        .group_by(QuoteFacetCount.subject_id)
    ).all()
    return {subject_id: int(n) for subject_id, n in rows if n}
