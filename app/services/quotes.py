"""Finding quotes: filters -> one select, keyset-paginated, with what each input was taken to mean."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass, field
from typing import Any

from sqlalchemy import ColumnElement, Select, and_, or_, select
from sqlalchemy.orm import Session

from app.db.models import Quote, QuoteTopic
from app.errors import NotFound
from app.services.names import resolve_speaker_ref, resolve_topic_ref
from app.services.pagination import decode_cursor, encode_cursor
from app.services.present import quote_load_options


@dataclass(frozen=True)
class QuoteFilters:
    speakers: list[str] = field(default_factory=list)
    topics: list[str] = field(default_factory=list)
    topic_mode: str = "all"
    scope: str = "quote"
    kinds: list[str] = field(default_factory=list)
    event: int | None = None
    document: int | None = None
    date_from: dt.date | None = None
    date_to: dt.date | None = None


@dataclass
class QuoteQuery:
    """The clauses a set of filters became, and the sentences that explain them."""

    clauses: list[ColumnElement[bool]]
    interpreted: list[str]
    empty: bool = False  # a forgiving name matched nothing: the answer is no quotes


def build_query(session: Session, filters: QuoteFilters) -> QuoteQuery:
    query = QuoteQuery([], [])
    _speaker_clause(session, filters, query)
    _topic_clause(session, filters, query)
    if filters.kinds:
        query.clauses.append(Quote.kind.in_(filters.kinds))
    if filters.event is not None:
        query.clauses.append(Quote.event_id == filters.event)
    if filters.document is not None:
        query.clauses.append(Quote.document_id == filters.document)
    if filters.date_from is not None:
        query.clauses.append(Quote.spoken_on >= filters.date_from)
    if filters.date_to is not None:
        query.clauses.append(Quote.spoken_on <= filters.date_to)
    return query


def _speaker_clause(session: Session, filters: QuoteFilters, query: QuoteQuery) -> None:
    ids: list[int] = []
    for ref in filters.speakers:
        match = resolve_speaker_ref(session, ref)
        query.interpreted.append(match.describe("speaker", ref))
        ids.extend(match.ids)
    if filters.speakers:
        query.empty = query.empty or not ids
        query.clauses.append(Quote.speaker_id.in_(ids))


def _topic_clause(session: Session, filters: QuoteFilters, query: QuoteQuery) -> None:
    scopes = ["quote"] if filters.scope == "quote" else ["quote", "context"]
    groups: list[ColumnElement[bool]] = []
    for ref in filters.topics:
        match = resolve_topic_ref(session, ref)
        query.interpreted.append(match.describe("topic", ref))
        about = select(QuoteTopic.quote_id).where(
            QuoteTopic.topic_id.in_(match.ids), QuoteTopic.scope.in_(scopes)
        )
        groups.append(Quote.id.in_(about))
        if not match.ids and filters.topic_mode == "all":
            query.empty = True
    if groups:
        query.clauses.append(and_(*groups) if filters.topic_mode == "all" else or_(*groups))


@dataclass(frozen=True)
class Page:
    items: list[Quote]
    next_cursor: str | None
    interpreted: list[str]


def find_quotes(
    session: Session, filters: QuoteFilters, limit: int, cursor: str | None
) -> Page:
    """One page of quotes in a stable order (by id), fetching limit+1 rows to know if more follow."""
    query = build_query(session, filters)
    if query.empty:
        return Page([], None, query.interpreted)
    after = decode_cursor(cursor)
    stmt: Select[Any] = select(Quote).where(*query.clauses)
    if after is not None:
        stmt = stmt.where(Quote.id > after["id"])
    stmt = stmt.order_by(Quote.id).limit(limit + 1).options(*quote_load_options())
    rows = list(session.scalars(stmt).unique())
    more = len(rows) > limit
    rows = rows[:limit]
    next_cursor = encode_cursor({"id": rows[-1].id}) if more and rows else None
    return Page(rows, next_cursor, query.interpreted)


def get_quote(session: Session, quote_id: int) -> Quote:
    quote = session.scalars(
        select(Quote).where(Quote.id == quote_id).options(*quote_load_options())
    ).first()
    if quote is None:
        raise NotFound(f"no quote with id {quote_id}")
    return quote
