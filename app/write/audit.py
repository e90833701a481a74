"""The audit log: one row per write made through the API, in the write's own transaction.

`before` and `after` are snapshots of the target as plain JSON (names, aliases, links), taken
by `snapshot_*` inside the transaction, so an entry shows exactly what the write changed.
"""

from __future__ import annotations

from typing import Any

from sqlalchemy import func, select
from sqlalchemy.orm import Session

from app.db.models import (
    AuditEntry,
    Document,
    Event,
    EventParticipant,
    Quote,
    Speaker,
    SpeakerAlias,
    Topic,
    TopicAlias,
)

Snapshot = dict[str, Any] | None


def record(
    session: Session,
    who: tuple[int, str],
    action: str,
    target: tuple[str, int | None],
    before: Snapshot,
    after: Snapshot,
) -> AuditEntry:
    """Add the entry (`who` is the key's id and name, `target` its type and id) and flush."""
    entry = AuditEntry(
        key_id=who[0],
        key_name=who[1],
        action=action,
        target_type=target[0],
        target_id=target[1],
        before=before,
        after=after,
    )
    session.add(entry)
    session.flush()
    return entry


def snapshot_speaker(session: Session, speaker_id: int) -> Snapshot:
    speaker = session.get(Speaker, speaker_id)
    if speaker is None:
        return None
    aliases = session.scalars(
        select(SpeakerAlias.alias)
        .where(SpeakerAlias.speaker_id == speaker_id)
        .order_by(SpeakerAlias.id)
    ).all()
    return {
        "id": speaker.id,
        "name": speaker.name,
        "slug": speaker.slug,
        "kind": speaker.kind,
        "aliases": list(aliases),
        "quote_count": _count(session, Quote.speaker_id == speaker_id),
    }


def snapshot_topic(session: Session, topic_id: int) -> Snapshot:
    topic = session.get(Topic, topic_id)
    if topic is None:
        return None
    aliases = session.scalars(
        select(TopicAlias.alias).where(TopicAlias.topic_id == topic_id).order_by(TopicAlias.id)
    ).all()
    return {
        "id": topic.id,
        "name": topic.name,
        "slug": topic.slug,
        "kind": topic.kind,
        "aliases": list(aliases),
    }


def snapshot_event(session: Session, event_id: int) -> Snapshot:
    event = session.get(Event, event_id)
    if event is None:
        return None
    documents = session.scalars(
        select(Document.id).where(Document.event_id == event_id).order_by(Document.id)
    ).all()
    speakers = session.scalars(
        select(EventParticipant.speaker_id)
        .where(EventParticipant.event_id == event_id)
        .order_by(EventParticipant.speaker_id)
    ).all()
    return {
        "id": event.id,
        "title": event.title,
        "kind": event.kind,
        "date": event.date.isoformat() if event.date else None,
        "venue": event.venue,
        "city": event.city,
        "country": event.country,
        "document_ids": list(documents),
        "speaker_ids": list(speakers),
        "quote_count": _count(session, Quote.event_id == event_id),
    }


def snapshot_document(session: Session, document_id: int) -> Snapshot:
    """The document's identity and metadata, not its text (the row keeps that)."""
    document = session.get(Document, document_id)
    if document is None:
        return None
    return {
        "id": document.id,
        "title": document.title,
        "source_name": document.source_name,
        "sha256": document.sha256,
        "genre": document.genre,
        "published": document.published.isoformat() if document.published else None,
        "publisher": document.publisher,
        "url": document.url,
        "author": document.author,
        "event_id": document.event_id,
        "quote_count": _count(session, Quote.document_id == document_id),
    }


def _count(session: Session, condition: Any) -> int:
    return int(session.scalar(select(func.count()).select_from(Quote).where(condition)) or 0)
