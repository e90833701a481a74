"""Event rows: one occasion however many documents report it; participants; merges."""

from __future__ import annotations

from sqlalchemy import delete, func, select, update
from sqlalchemy.orm import Session

from app.db.models import Document, Event, EventParticipant, Quote
from app.nlp.statements import EventClues
from app.write.verification import checked_quotes_at, reverify


def resolve_event(session: Session, clues: EventClues, genre: str, speaker_ids: set[int]) -> Event:
    """Link to a stored event with the same date, place and a shared speaker, else create one.

    Transcripts define their own event: two transcripts link only when their titles agree too,
    since one day in one city can hold a press conference and a separate interview.
    """
    match = _find_same_occasion(session, clues, genre, speaker_ids)
    if match is None:
        match = Event(
            title=clues.title,
            kind=clues.kind,
            date=clues.date,
            venue=clues.venue,
            city=clues.city,
            country=clues.country,
        )
        session.add(match)
        session.flush()
    else:
        _fill_gaps(match, clues)
    for speaker_id in speaker_ids:
        add_participant(session, match.id, speaker_id)
    return match


def _find_same_occasion(
    session: Session, clues: EventClues, genre: str, speaker_ids: set[int]
) -> Event | None:
    if clues.date is None or not speaker_ids:
        return None
    shared = select(EventParticipant.event_id).where(EventParticipant.speaker_id.in_(speaker_ids))
    query = select(Event).where(Event.date == clues.date, Event.id.in_(shared))
    if clues.city:
        query = query.where((Event.city == clues.city) | Event.city.is_(None))
    if genre == "transcript" and clues.title:
        query = query.where(Event.title == clues.title)
    return session.scalars(query.order_by(Event.id)).first()


def _fill_gaps(event: Event, other: Event | EventClues) -> None:
    """A transcript knows its venue; a news report may know only the city: keep what is known."""
    for field in ("title", "kind", "date", "venue", "city", "country"):
        if getattr(event, field) is None and getattr(other, field) is not None:
            setattr(event, field, getattr(other, field))


def merge_events(session: Session, source: Event, target: Event) -> None:
    """Move documents, quotes and participants of `source` onto `target`, then drop `source`."""
    if source.id == target.id:
        return
    # News quotes whose event (or date) changes here may now have, or lose, a transcript.
    moved = checked_quotes_at(
        session, [source.id] if target.date is not None else [source.id, target.id]
    )
    _fill_gaps(target, source)  # first: the merged event's date dates the quotes below
    session.execute(
        update(Document).where(Document.event_id == source.id).values(event_id=target.id)
    )
    session.execute(
        update(Quote)
        .where(Quote.event_id == source.id)
        .values(event_id=target.id)
        .execution_options(synchronize_session=False)
    )
    if target.date is not None:
        # Quotes whose date came only from publication now know when the words were spoken.
        session.execute(
            update(Quote)
            .where(Quote.event_id == target.id, Quote.elsewhere.is_(False))
            .values(spoken_on=target.date)
            .execution_options(synchronize_session=False)
        )
    participants = session.scalars(
        select(EventParticipant.speaker_id).where(EventParticipant.event_id == source.id)
    ).all()
    for speaker_id in participants:
        add_participant(session, target.id, speaker_id)
    session.execute(delete(EventParticipant).where(EventParticipant.event_id == source.id))
    session.execute(delete(Event).where(Event.id == source.id))
    session.expunge(source)
    session.flush()
    session.expire_all()  # bulk updates above bypassed the identity map
    reverify(session, moved)


def defining_genre(session: Session, event_id: int) -> str:
    """'transcript' when any document of the event is a transcript: it defines the occasion."""
    count = session.scalar(
        select(func.count())
        .select_from(Document)
        .where(Document.event_id == event_id, Document.genre == "transcript")
    )
    return "transcript" if count else "news"


def add_participant(session: Session, event_id: int, speaker_id: int) -> None:
    """Record that a speaker took part in an event; idempotent."""
    key = {"event_id": event_id, "speaker_id": speaker_id}
    if session.get(EventParticipant, key) is None:
        session.add(EventParticipant(**key))
        session.flush()
