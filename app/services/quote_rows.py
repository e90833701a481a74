"""Quotes read with SQLAlchemy Core, straight into the dicts `QuoteOut` validates.

Hot reads skip the ORM: loading Quote instances with joined and select-in relationships
cost more than the queries themselves (identity map, one object per row and relation).
A page is one statement for the quotes with their speaker, document, event, verification
verdict and topics (`topics_column`); exports read each batch's topics with one more
(`topics_by_quote`).
"""

from __future__ import annotations

from collections.abc import Sequence
from typing import Any

import orjson
from sqlalchemy import Row, Select, bindparam, func, select
from sqlalchemy.orm import Session

from app.db.models import Document, Event, Quote, QuoteTopic, QuoteVerification, Speaker, Topic
from app.services.fulltext import FTS5, FTS5_SNIPPET

QUOTE_COLUMNS = (
    Quote.id,
    Quote.text,
    Quote.kind,
    Quote.start_offset,
    Quote.end_offset,
    Quote.spoken_on,
    Quote.elsewhere,
    Quote.attribution_label,
    Quote.attribution_start,
    Quote.attribution_end,
    Quote.attribution_method,
    Quote.confidence,
    Speaker.id.label("speaker_id"),
    Speaker.name.label("speaker_name"),
    Speaker.slug.label("speaker_slug"),
    Speaker.wikidata.label("speaker_wikidata"),
    Document.id.label("document_id"),
    Document.title.label("document_title"),
    Document.source_name.label("document_source_name"),
    Event.id.label("event_id"),
    Event.title.label("event_title"),
    Event.kind.label("event_kind"),
    Event.date.label("event_date"),
    Event.city.label("event_city"),
    QuoteVerification.status.label("verification_status"),
    QuoteVerification.score.label("verification_score"),
    QuoteVerification.source_quote_id.label("verification_source_quote_id"),
)

_FROM = (
    Quote.__table__.join(Document.__table__, Document.id == Quote.document_id)
    .outerjoin(Speaker.__table__, Speaker.id == Quote.speaker_id)
    .outerjoin(Event.__table__, Event.id == Quote.event_id)
    .outerjoin(QuoteVerification.__table__, QuoteVerification.quote_id == Quote.id)
)
_WIDTH = len(QUOTE_COLUMNS)  # `quote_dict` unpacks this many leading values of a row
# Built once: coercing two dozen columns into a new select cost more than running it.
_COLUMNS: list[Any] = list(QUOTE_COLUMNS)
_QUOTES: Select[Any] = select(*_COLUMNS).select_from(_FROM)
# SQLite full-text pages read from the FTS5 table first, in rowid (= quote id) order.
_FTS5_QUOTES: Select[Any] = (
    select(*_COLUMNS, FTS5_SNIPPET.label("snippet"))
    .select_from(FTS5)
    .join(Quote.__table__, Quote.id == FTS5.c.rowid)
    .join(Document.__table__, Document.id == Quote.document_id)
    .outerjoin(Speaker.__table__, Speaker.id == Quote.speaker_id)
    .outerjoin(Event.__table__, Event.id == Quote.event_id)
    .outerjoin(QuoteVerification.__table__, QuoteVerification.quote_id == Quote.id)
)

_TOPICS = (
    select(QuoteTopic.quote_id, Topic.id, Topic.name, Topic.kind, QuoteTopic.scope)
    .join(Topic, Topic.id == QuoteTopic.topic_id)
    .where(QuoteTopic.quote_id.in_(bindparam("quote_ids", expanding=True)))
)


def topics_column(quote_id: Any = Quote.id, postgres: bool = True) -> Any:
    """A row's topics as one JSON array of [id, name, kind, scope], for a statement that
    reads a page's few rows: one statement fewer than `topics_by_quote`. PostgreSQL's
    driver hands the array over parsed; SQLite's is JSON text (`_topics_of_row` reads
    both). Only for rows already picked: SQLite computes it for every row it sorts."""
    if postgres:
        topic = func.json_build_array(Topic.id, Topic.name, Topic.kind, QuoteTopic.scope)
        topics = func.json_agg(topic)
    else:
        topics = func.json_group_array(
            func.json_array(Topic.id, Topic.name, Topic.kind, QuoteTopic.scope)
        )
    return (
        select(topics)
        .select_from(QuoteTopic)
        .join(Topic, Topic.id == QuoteTopic.topic_id)
        .where(QuoteTopic.quote_id == quote_id)
        .scalar_subquery()
        .label("topics")
    )


def quote_select(*extra: Any) -> Select[Any]:
    """Every column a `QuoteOut` needs (never the document's text), plus `extra` columns."""
    return _QUOTES.add_columns(*extra) if extra else _QUOTES


def fts5_quote_select() -> Select[Any]:
    """`quote_select` with its snippet, driven by the FTS5 table: add the MATCH and order by
    `FTS5.c.rowid`."""
    return _FTS5_QUOTES


def read_quotes(
    session: Session, stmt: Select[Any], params: dict[str, Any] | None = None
) -> list[Row[Any]]:
    """Rows of a `quote_select`, as plain Core rows (no ORM instances); `params` are the
    values of a shaped statement (`services.shapes`)."""
    return list(session.connection().execute(stmt, params).all())


def topics_by_quote(session: Session, quote_ids: Sequence[int]) -> dict[int, list[dict[str, Any]]]:
    """The topics of these quotes, own words first, then by name (as `QuoteOut.topics`)."""
    found: dict[int, list[dict[str, Any]]] = {i: [] for i in quote_ids}
    if not quote_ids:
        return found
    # .all(): one fetch for every row; iterating the result fetched them one call at a time.
    rows = session.connection().execute(_TOPICS, {"quote_ids": list(quote_ids)}).all()
    for quote_id, topic_id, name, kind, scope in rows:
        found[quote_id].append({"id": topic_id, "name": name, "kind": kind, "scope": scope})
    for topics in found.values():
        _own_words_first(topics)
    return found


def _own_words_first(topics: list[dict[str, Any]]) -> list[dict[str, Any]]:
    """Topics the quote's own words name, then those of its context; each by name."""
    topics.sort(key=lambda t: (t["scope"] != "quote", t["name"]))
    return topics


def _topics_of_row(value: str | list[list[Any]] | None) -> list[dict[str, Any]]:
    """A `topics_column` value (parsed, or JSON text from SQLite) as `QuoteOut.topics`."""
    rows: list[list[Any]] = orjson.loads(value) if isinstance(value, str) else value or []
    topics = [
        {"id": topic_id, "name": name, "kind": kind, "scope": scope}
        for topic_id, name, kind, scope in rows
    ]
    return _own_words_first(topics)


def quote_dict(
    row: Row[Any], topics: list[dict[str, Any]], snippet: str | None = None
) -> dict[str, Any]:
    """One row of `quote_select` as the `QuoteOut` shape, field for field.

    The row is unpacked by position (the order of `QUOTE_COLUMNS`): reading 27 values by
    name cost more than building the dict."""
    (
        quote_id,
        text,
        kind,
        start,
        end,
        spoken_on,
        elsewhere,
        attribution_label,
        attribution_start,
        attribution_end,
        attribution_method,
        confidence,
        speaker_id,
        speaker_name,
        speaker_slug,
        speaker_wikidata,
        document_id,
        document_title,
        document_source_name,
        event_id,
        event_title,
        event_kind,
        event_date,
        event_city,
        verification_status,
        verification_score,
        verification_source_quote_id,
    ) = row[:_WIDTH]
    return {
        "id": quote_id,
        "text": text,
        "kind": kind,
        "start": start,
        "end": end,
        "speaker": None
        if speaker_id is None
        else {
            "id": speaker_id,
            "name": speaker_name,
            "slug": speaker_slug,
            "wikidata": speaker_wikidata,
        },
        "attribution": {
            "label": attribution_label,
            "start": attribution_start,
            "end": attribution_end,
            "method": attribution_method,
            "confidence": confidence,
        },
        "document": {
            "id": document_id,
            "title": document_title,
            "source_name": document_source_name,
        },
        "event": None
        if event_id is None
        else {
            "id": event_id,
            "title": event_title,
            "kind": event_kind,
            "date": event_date,
            "city": event_city,
        },
        "spoken_on": spoken_on,
        "elsewhere": elsewhere,
        "topics": topics,
        "snippet": snippet,
        "verification": None
        if verification_status is None
        else {
            "status": verification_status,
            "score": verification_score,
            "source_quote_id": verification_source_quote_id,
        },
    }


def quote_dicts(
    session: Session, rows: Sequence[Row[Any]], snippets: dict[int, str] | None = None
) -> list[dict[str, Any]]:
    """Rows of a `quote_select` and their topics (from a `topics_column`, or read here);
    snippets from a `snippet` column (the FTS5 walk and PostgreSQL pages read them with the
    row) or, for a search's other pages, from `snippets`."""
    fields = rows[0]._fields if rows else ()
    if "topics" in fields:
        topics = {r.id: _topics_of_row(r.topics) for r in rows}
    else:
        topics = topics_by_quote(session, [r.id for r in rows])
    if "snippet" in fields:
        return [quote_dict(r, topics[r.id], r.snippet) for r in rows]
    if snippets is not None:
        return [quote_dict(r, topics[r.id], snippets.get(r.id)) for r in rows]
    return [quote_dict(r, topics[r.id]) for r in rows]
