"""Matching quotes counted by speaker, topic, kind, event, month and verification verdict."""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

from sqlalchemy import CTE, Select, String, cast, func, literal, select, union_all
from sqlalchemy.orm import Session

from app.db.models import Event, Quote, QuoteTopic, QuoteVerification, Speaker, Topic
from app.schemas import FacetCount, Facets
from app.services.facet_counts import FACET_SIZE, counted_statement, counted_subject, in_shards
from app.services.quotes import QuoteFilters, build_query
from app.services.shapes import shaped
from app.services.verification import STATUSES

FACETS = ("speakers", "topics", "kinds", "events", "months", "verification")


def quote_facets(session: Session, filters: QuoteFilters) -> Facets:
    """Six facets in one statement, over the matching quotes found once.

    The whole archive, a speaker or one topic read the counts the database keeps
    (`services.facet_counts`). Other filters: the matching quotes' (id, speaker, kind,
    event, date) are materialised once (a CTE) and every facet counts from that: separate
    queries each found the same 80k quotes of a popular topic again, through the index.
    """
    query = build_query(session, filters)
    found: dict[str, list[tuple[str, str, int]]] = {name: [] for name in FACETS}
    if not query.empty:
        subject = counted_subject(filters, query)
        if subject:
            statement = counted_statement(*subject, summed=in_shards(session, *subject))
        else:
            statement = shaped(("facets", query.shape), lambda: _facets_statement(query.clauses))
        for facet, key, label, n in session.execute(statement, query.params):
            found[facet].append((str(key), str(label), int(n)))
    ordered = {name: sorted(rows, key=_ORDER[name]) for name, rows in found.items()}
    return Facets(
        **{
            name: [FacetCount(key=k, label=label, count=n) for k, label, n in rows]
            for name, rows in ordered.items()
        },
        interpreted=query.interpreted,
    )


def _by_count_then_id(row: tuple[str, str, int]) -> tuple[int, int]:
    return (-row[2], int(row[0]))


# UNION ALL keeps no order across its parts: each facet is put in order here.
_ORDER: dict[str, Callable[[tuple[str, str, int]], Any]] = {
    "speakers": _by_count_then_id,
    "topics": _by_count_then_id,
    "events": _by_count_then_id,
    "kinds": lambda row: (-row[2], row[0]),
    "months": lambda row: row[0],
    "verification": lambda row: STATUSES.index(row[0]),  # worst first
}


def _facets_statement(where: list[Any]) -> Select[Any]:
    matching = (
        select(Quote.id, Quote.speaker_id, Quote.kind, Quote.event_id, Quote.spoken_on)
        .where(*where)
        .cte("matching")
        .prefix_with("MATERIALIZED")
    )
    month = func.substr(cast(matching.c.spoken_on, String), 1, 7)
    topic_counts: list[Any] = [QuoteTopic.topic_id.label("key"), func.count().label("n")]
    about = (
        select(*topic_counts)
        .where(QuoteTopic.quote_id.in_(select(matching.c.id)), QuoteTopic.scope == "quote")
        .group_by(QuoteTopic.topic_id)
    )
    parts = [
        _named("speakers", _by(matching, matching.c.speaker_id), Speaker.id, Speaker.name),
        _named("topics", about, Topic.id, Topic.name),
        _unnamed("kinds", _by(matching, matching.c.kind)),
        _named("events", _by(matching, matching.c.event_id), Event.id, Event.title),
        _months(matching, month),
        _verification(matching),
    ]
    return union_all(*parts)  # type: ignore[return-value]


def _by(matching: CTE, column: Any) -> Select[Any]:
    return (
        select(column.label("key"), func.count().label("n"))
        .where(column.is_not(None))
        .group_by(column)
    )


def _top(counted: Select[Any]) -> Any:
    """The FACET_SIZE biggest buckets (ties by key, as the facet is ordered)."""
    return (
        counted.order_by(func.count().desc(), counted.selected_columns.key)
        .limit(FACET_SIZE)
        .subquery()
    )


def _named(facet: str, counted: Select[Any], key: Any, label: Any) -> Select[Any]:
    """The top buckets, then their names: naming every matching row before grouping cost a
    lookup per row (200k for a big topic)."""
    top = _top(counted)
    return select(
        literal(facet).label("facet"), cast(key, String).label("key"), label.label("label"), top.c.n
    ).join(top, top.c.key == key)


def _unnamed(facet: str, counted: Select[Any]) -> Select[Any]:
    top = _top(counted)
    return select(
        literal(facet).label("facet"),
        cast(top.c.key, String).label("key"),
        cast(top.c.key, String).label("label"),
        top.c.n,
    )


def _months(matching: CTE, month: Any) -> Select[Any]:
    """By month spoken, in date order; portable: a date's first seven characters are YYYY-MM."""
    return (
        select(literal("months").label("facet"), month.label("key"), month, func.count())
        .where(matching.c.spoken_on.is_not(None))
        .group_by(month)
    )


def _verification(matching: CTE) -> Select[Any]:
    """Matching quotes counted by verdict; unchecked quotes are not counted (no row)."""
    status: Any = QuoteVerification.status
    return (
        select(literal("verification").label("facet"), status.label("key"), status, func.count())
        .where(QuoteVerification.quote_id.in_(select(matching.c.id)))
        .group_by(status)
    )
