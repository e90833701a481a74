"""Events: occasions, the documents that report them and who spoke."""

from __future__ import annotations

from collections.abc import Sequence
from typing import Any

from sqlalchemy import Row, select
from sqlalchemy.orm import Session, selectinload

from app.db.models import Document, Event, Quote
from app.errors import NotFound
from app.schemas import DocumentRef, EventDetail, EventOut, EventPage, SpeakerRef
from app.services.counts import quote_counts
from app.services.paging import keyset_page


def list_events(session: Session, limit: int, cursor: str | None) -> EventPage:
    """Every event in the order it was first reported (Core rows: no ORM instances)."""

    def present(rows: Sequence[Row[Any]]) -> list[EventOut]:
        return [EventOut(**row._mapping) for row in rows]

    stmt = select(*(getattr(Event, name) for name in EventOut.model_fields))
    return keyset_page(session, stmt, Event, limit, cursor, present, EventPage)


def get_event(session: Session, event_id: int) -> EventDetail:
    event = session.scalars(
        select(Event)
        .where(Event.id == event_id)
        .options(
            selectinload(Event.documents).load_only(
                Document.id, Document.title, Document.source_name
            ),
            selectinload(Event.participants),
        )
    ).first()
    if event is None:
        raise NotFound(f"no event with id {event_id}")
    count = quote_counts(session, Quote.event_id, [event.id]).get(event.id, 0)
    return EventDetail(
        **EventOut.model_validate(event).model_dump(),
        documents=[
            DocumentRef.model_validate(d) for d in sorted(event.documents, key=lambda d: d.id)
        ],
        speakers=[SpeakerRef.model_validate(s) for s in event.participants],
        quote_count=count,
    )
