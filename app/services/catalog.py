"""Documents, speakers, topics and events: lists with counts and single records in detail."""

from __future__ import annotations

from typing import Any

from sqlalchemy import Select, func, select
from sqlalchemy.orm import Session, joinedload, selectinload

from app.db.models import Document, Event, Quote, QuoteTopic, Speaker, Topic
from app.errors import NotFound
from app.nlp.names import fold
from app.schemas import (
    AliasOut,
    DocumentDetail,
    DocumentOut,
    DocumentRef,
    EventDetail,
    EventOut,
    EventRef,
    RoleOut,
    SpeakerCount,
    SpeakerDetail,
    SpeakerOut,
    SpeakerRef,
    TopicCount,
    TopicDetail,
    TopicOut,
)
from app.services.names import resolve_speaker_ref, resolve_topic_ref
from app.services.pagination import decode_cursor, encode_cursor


def _page(
    session: Session, stmt: Select[Any], model: Any, limit: int, cursor: str | None
) -> tuple[list[Any], str | None]:
    after = decode_cursor(cursor)
    if after is not None:
        stmt = stmt.where(model.id > after["id"])
    rows = list(session.execute(stmt.order_by(model.id).limit(limit + 1)).unique().all())
    more = len(rows) > limit
    rows = rows[:limit]
    return rows, encode_cursor({"id": rows[-1][0].id}) if more and rows else None


def _quote_counts(session: Session, column: Any, ids: list[int]) -> dict[int, int]:
    if not ids:
        return {}
    rows = session.execute(
        select(column, func.count()).where(column.in_(ids)).group_by(column)
    ).all()
    return dict(rows)


# Documents -------------------------------------------------------------------------------


def list_documents(
    session: Session, limit: int, cursor: str | None
) -> tuple[list[DocumentOut], str | None]:
    stmt = select(Document).options(joinedload(Document.event))
    rows, next_cursor = _page(session, stmt, Document, limit, cursor)
    docs = [r[0] for r in rows]
    counts = _quote_counts(session, Quote.document_id, [d.id for d in docs])
    return [_document_out(d, counts.get(d.id, 0)) for d in docs], next_cursor


def get_document(session: Session, document_id: int) -> DocumentDetail:
    doc = session.scalars(
        select(Document).where(Document.id == document_id).options(joinedload(Document.event))
    ).first()
    if doc is None:
        raise NotFound(f"no document with id {document_id}")
    count = _quote_counts(session, Quote.document_id, [doc.id]).get(doc.id, 0)
    return DocumentDetail(**_document_out(doc, count).model_dump(), text=doc.text)


def require_document(session: Session, document_id: int) -> None:
    if session.get(Document, document_id) is None:
        raise NotFound(f"no document with id {document_id}")


def _document_out(doc: Document, quote_count: int) -> DocumentOut:
    return DocumentOut(
        id=doc.id,
        title=doc.title,
        source_name=doc.source_name,
        genre=doc.genre,  # type: ignore[arg-type]
        published=doc.published,
        publisher=doc.publisher,
        url=doc.url,
        author=doc.author,
        sha256=doc.sha256,
        event=EventRef.model_validate(doc.event) if doc.event else None,
        quote_count=quote_count,
    )


# Speakers --------------------------------------------------------------------------------


def list_speakers(
    session: Session, q: str | None, include_silent: bool, limit: int, cursor: str | None
) -> tuple[list[SpeakerOut], str | None]:
    """Speakers who have quotes (directory entries who never spoke are hidden unless asked)."""
    stmt = select(Speaker)
    if not include_silent:
        stmt = stmt.where(Speaker.id.in_(select(Quote.speaker_id)))
    if q:
        stmt = stmt.where(Speaker.id.in_(resolve_speaker_ref(session, q).ids))
    rows, next_cursor = _page(session, stmt, Speaker, limit, cursor)
    speakers = [r[0] for r in rows]
    counts = _quote_counts(session, Quote.speaker_id, [s.id for s in speakers])
    return [
        SpeakerOut(id=s.id, name=s.name, slug=s.slug, kind=s.kind, quote_count=counts.get(s.id, 0))
        for s in speakers
    ], next_cursor


def get_speaker(session: Session, speaker_id: int) -> SpeakerDetail:
    speaker = session.scalars(
        select(Speaker)
        .where(Speaker.id == speaker_id)
        .options(selectinload(Speaker.aliases), selectinload(Speaker.roles))
    ).first()
    if speaker is None:
        raise NotFound(f"no speaker with id {speaker_id}")
    count = _quote_counts(session, Quote.speaker_id, [speaker.id]).get(speaker.id, 0)
    top = session.execute(
        select(Topic.id, Topic.name, Topic.kind, func.count())
        .join(QuoteTopic, QuoteTopic.topic_id == Topic.id)
        .join(Quote, Quote.id == QuoteTopic.quote_id)
        .where(Quote.speaker_id == speaker.id, QuoteTopic.scope == "quote")
        .group_by(Topic.id, Topic.name, Topic.kind)
        .order_by(func.count().desc(), Topic.name)
        .limit(10)
    ).all()
    return SpeakerDetail(
        id=speaker.id,
        name=speaker.name,
        slug=speaker.slug,
        kind=speaker.kind,
        quote_count=count,
        aliases=[
            AliasOut(alias=a.alias, source=a.source)
            for a in sorted(speaker.aliases, key=lambda a: a.id)
        ],
        roles=[
            RoleOut.model_validate(r)
            for r in sorted(
                speaker.roles, key=lambda r: (r.start_date is None, r.start_date or 0, r.id)
            )
        ],  # type: ignore[operator]
        top_topics=[TopicCount(id=i, name=n, kind=k, quote_count=c) for i, n, k, c in top],
    )


def require_speaker(session: Session, speaker_id: int) -> None:
    if session.get(Speaker, speaker_id) is None:
        raise NotFound(f"no speaker with id {speaker_id}")


# Topics ----------------------------------------------------------------------------------


def list_topics(
    session: Session, q: str | None, limit: int, cursor: str | None
) -> tuple[list[TopicOut], str | None]:
    """Topics named by at least one quote; `q` matches names and aliases forgivingly."""
    stmt = (
        select(Topic)
        .options(selectinload(Topic.aliases))
        .where(Topic.id.in_(select(QuoteTopic.topic_id)))
    )
    if q:
        stmt = stmt.where(Topic.id.in_(resolve_topic_ref(session, q).ids))
    rows, next_cursor = _page(session, stmt, Topic, limit, cursor)
    topics = [r[0] for r in rows]
    counts = _topic_counts(session, [t.id for t in topics])
    return [_topic_out(t, counts.get(t.id, 0)) for t in topics], next_cursor


def _topic_counts(session: Session, ids: list[int]) -> dict[int, int]:
    if not ids:
        return {}
    rows = session.execute(
        select(QuoteTopic.topic_id, func.count(func.distinct(QuoteTopic.quote_id)))
        .where(QuoteTopic.topic_id.in_(ids), QuoteTopic.scope == "quote")
        .group_by(QuoteTopic.topic_id)
    ).all()
    return dict(rows)


def _topic_out(topic: Topic, count: int) -> TopicOut:
    aliases = sorted({a.alias for a in topic.aliases if fold(a.alias) != fold(topic.name)})
    return TopicOut(
        id=topic.id,
        name=topic.name,
        slug=topic.slug,
        kind=topic.kind,
        aliases=aliases,
        quote_count=count,
        speaker_id=topic.speaker_id,
    )


def get_topic(session: Session, topic_id: int) -> TopicDetail:
    topic = session.scalars(
        select(Topic).where(Topic.id == topic_id).options(selectinload(Topic.aliases))
    ).first()
    if topic is None:
        raise NotFound(f"no topic with id {topic_id}")
    count = _topic_counts(session, [topic.id]).get(topic.id, 0)
    top = session.execute(
        select(Speaker.id, Speaker.name, func.count())
        .join(Quote, Quote.speaker_id == Speaker.id)
        .join(QuoteTopic, QuoteTopic.quote_id == Quote.id)
        .where(QuoteTopic.topic_id == topic.id, QuoteTopic.scope == "quote")
        .group_by(Speaker.id, Speaker.name)
        .order_by(func.count().desc(), Speaker.name)
        .limit(10)
    ).all()
    return TopicDetail(
        **_topic_out(topic, count).model_dump(),
        top_speakers=[SpeakerCount(id=i, name=n, quote_count=c) for i, n, c in top],
    )


def require_topic(session: Session, topic_id: int) -> None:
    if session.get(Topic, topic_id) is None:
        raise NotFound(f"no topic with id {topic_id}")


# Events ----------------------------------------------------------------------------------


def list_events(
    session: Session, limit: int, cursor: str | None
) -> tuple[list[EventOut], str | None]:
    rows, next_cursor = _page(session, select(Event), Event, limit, cursor)
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
    count = _quote_counts(session, Quote.event_id, [event.id]).get(event.id, 0)
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
