"""Matching quotes counted by speaker, topic, kind, event and month: who talks most, and when."""

from __future__ import annotations

from typing import Any

from sqlalchemy import Select, String, cast, func, select
from sqlalchemy.orm import Session

from app.db.models import Event, Quote, QuoteTopic, Speaker, Topic
from app.schemas import FacetCount, Facets
from app.services.quotes import QuoteFilters, build_query
from app.services.verification import status_facet

FACET_SIZE = 20  # the top buckets per facet; the long tail is what search is for


def quote_facets(session: Session, filters: QuoteFilters) -> Facets:
    query = build_query(session, filters)
    if query.empty:
        return Facets(
            speakers=[],
            topics=[],
            kinds=[],
            events=[],
            months=[],
            verification=[],
            interpreted=query.interpreted,
        )
    # Each facet filters quotes by the clauses themselves (not `id IN (SELECT id ...)`, which
    # looked every matching quote up twice), counts by key, and names only the top buckets.
    where = query.clauses
    about = select(QuoteTopic.topic_id.label("key"), func.count().label("n")).where(
        QuoteTopic.quote_id.in_(select(Quote.id).where(*where)), QuoteTopic.scope == "quote"
    )
    return Facets(
        speakers=_named(session, _by(Quote.speaker_id, where), Speaker.id, Speaker.name),
        topics=_named(session, about.group_by(QuoteTopic.topic_id), Topic.id, Topic.name),
        kinds=_counts(
            session,
            select(Quote.kind, Quote.kind, func.count()).where(*where).group_by(Quote.kind),
        ),
        events=_named(session, _by(Quote.event_id, where), Event.id, Event.title),
        months=_months(session, where),
        verification=status_facet(session, where),
        interpreted=query.interpreted,
    )


def _by(column: Any, where: list[Any]) -> Select[Any, Any]:
    """Matching quotes counted by one foreign key, unnamed yet."""
    return (
        select(column.label("key"), func.count().label("n"))
        .where(*where, column.is_not(None))
        .group_by(column)
    )


def _named(session: Session, counted: Select[Any, Any], key: Any, label: Any) -> list[FacetCount]:
    """The top buckets of `counted`, then their names: joining every matching row to its
    speaker, topic or event before grouping cost a lookup per row (200k for a big topic)."""
    top = counted.order_by(func.count().desc(), counted.selected_columns.key)
    top_sq = top.limit(FACET_SIZE).subquery()
    rows = session.execute(
        select(key, label, top_sq.c.n)
        .join(top_sq, top_sq.c.key == key)
        .order_by(top_sq.c.n.desc(), key)
    ).all()
    return [FacetCount(key=str(k), label=str(name), count=n) for k, name, n in rows]


def _counts(session: Session, stmt: Any) -> list[FacetCount]:
    rows = session.execute(stmt.order_by(func.count().desc()).limit(FACET_SIZE)).all()
    return [FacetCount(key=str(key), label=str(label), count=count) for key, label, count in rows]


def _months(session: Session, where: list[Any]) -> list[FacetCount]:
    """By month spoken, in date order; portable: a date's first seven characters are YYYY-MM."""
    month = func.substr(cast(Quote.spoken_on, String), 1, 7)
    rows = session.execute(
        select(month, func.count())
        .where(*where, Quote.spoken_on.is_not(None))
        .group_by(month)
        .order_by(month)
    ).all()
    return [FacetCount(key=m, label=m, count=c) for m, c in rows]
