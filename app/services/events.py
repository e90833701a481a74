"""Events: occasions, the documents that report them and who spoke."""

from __future__ import annotations

from sqlalchemy import select
from sqlalchemy.orm import Session, selectinload

from app.db.models import Document, Event, Quote
from app.errors import NotFound
from app.schemas import (
    DocumentRef,
    EventDetail,
    EventOut,
    SpeakerRef,
)
from app.services.listing import keyset_page, quote_counts


def list_events(
    session: Session, limit: int, cursor: str | None
) -> tuple[list[EventOut], str | None]:
    rows, next_cursor = keyset_page(session, select(Event), Event, limit, cursor)
    return [EventOut.model_validate(r[0]) for r in rows], next_cursor


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


def require_event(session: Session, event_id: int) -> None:
    if session.get(Event, event_id) is None:
        raise NotFound(f"no event with id {event_id}")
