"""Matching quotes counted by speaker, topic, kind, event and month: who talks most, and when."""

from __future__ import annotations

from typing import Any

from sqlalchemy import String, cast, func, select
from sqlalchemy.orm import Session

from app.db.models import Event, Quote, QuoteTopic, Speaker, Topic
from app.schemas import FacetCount, Facets
from app.services.quotes import QuoteFilters, build_query

FACET_SIZE = 20  # the top buckets per facet; the long tail is what search is for


def quote_facets(session: Session, filters: QuoteFilters) -> Facets:
    query = build_query(session, filters)
    if query.empty:
        return Facets(
            speakers=[], topics=[], kinds=[], events=[], months=[], interpreted=query.interpreted
        )
    matching = select(Quote.id).where(*query.clauses).subquery()
    in_match = Quote.id.in_(select(matching.c.id))
    return Facets(
        speakers=_counts(
            session,
            select(Speaker.id, Speaker.name, func.count())
            .join(Quote, Quote.speaker_id == Speaker.id)
            .where(in_match)
            .group_by(Speaker.id, Speaker.name),
        ),
        topics=_counts(
            session,
            select(Topic.id, Topic.name, func.count())
            .join(QuoteTopic, QuoteTopic.topic_id == Topic.id)
            .where(QuoteTopic.quote_id.in_(select(matching.c.id)), QuoteTopic.scope == "quote")
            .group_by(Topic.id, Topic.name),
        ),
        kinds=_counts(
            session,
            select(Quote.kind, Quote.kind, func.count()).where(in_match).group_by(Quote.kind),
        ),
        events=_counts(
            session,
            select(Event.id, Event.title, func.count())
            .join(Quote, Quote.event_id == Event.id)
            .where(in_match)
            .group_by(Event.id, Event.title),
        ),
        months=_months(session, in_match),
        interpreted=query.interpreted,
    )


def _counts(session: Session, stmt: Any) -> list[FacetCount]:
    rows = session.execute(stmt.order_by(func.count().desc()).limit(FACET_SIZE)).all()
    return [FacetCount(key=str(key), label=str(label), count=count) for key, label, count in rows]


def _months(session: Session, in_match: Any) -> list[FacetCount]:
    """By month spoken, in date order; portable: a date's first seven characters are YYYY-MM."""
    month = func.substr(cast(Quote.spoken_on, String), 1, 7)
    rows = session.execute(
        select(month, func.count())
        .where(in_match, Quote.spoken_on.is_not(None))
        .group_by(month)
        .order_by(month)
    ).all()
    return [FacetCount(key=m, label=m, count=c) for m, c in rows]
