"""Delete a document and everything only it gave the archive, in the caller's transaction.

Removed: the document, its revisions and retired quotes, its quotes with their topic links,
matches and verifications; then whatever is left with nothing. An event with no document
and no quote; a speaker with no quote left, unless the directory knows them (a Wikidata id,
a directory alias or role) or a user corrected them by hand (a `manual` alias); a topic with
no link left, unless it is in the shipped lexicon or a user named it (a `manual` alias).
News quotes that were verified against the deleted transcript are verified again, so no
verdict points at words that are gone.

Quote ids are not reused afterwards: PostgreSQL sequences never go back and SQLite's quotes
table is AUTOINCREMENT (migration 0007).
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass
from functools import lru_cache
from typing import Any

from sqlalchemy import ColumnElement, Select, delete, exists, or_, select, update
from sqlalchemy.orm import Session

from app.db.models import (
    Document,
    DocumentRevision,
    Event,
    EventParticipant,
    Quote,
    QuoteMatch,
    QuoteTopic,
    QuoteVerification,
    RetiredQuote,
    Speaker,
    SpeakerAlias,
    SpeakerRole,
    Topic,
    TopicAlias,
)
from app.errors import NotFound
from app.nlp.names import slugify
from app.nlp.topics import load_lexicon
from app.write.verification import reverify

# Alias and role sources that mean a person is known beyond the documents that named them.
KEPT_ALIAS_SOURCES = ("directory", "manual")
KEPT_ROLE_SOURCES = ("directory",)


@dataclass(frozen=True)
class DeletionSummary:
    """What a deletion removed, by id, and how many news quotes were verified again."""

    document_id: int
    title: str | None
    quote_ids: tuple[int, ...]
    event_ids: tuple[int, ...]
    speaker_ids: tuple[int, ...]
    topic_ids: tuple[int, ...]
    reverified: int

    def describe(self) -> str:
        return (
            f"deleted document {self.document_id} ({self.title or 'untitled'}): "
            f"{len(self.quote_ids)} quotes, {len(self.event_ids)} events, "
            f"{len(self.speaker_ids)} speakers, {len(self.topic_ids)} topics; "
            f"{self.reverified} news quotes verified again"
        )


def delete_document(session: Session, document_id: int) -> DeletionSummary:
    """Remove one document and what only it held; NotFound when there is no such document."""
    document = session.get(Document, document_id)
    if document is None:
        raise NotFound(f"no document with id {document_id}")
    title = document.title
    mine = select(Quote.id).where(Quote.document_id == document_id)
    quote_ids = tuple(session.scalars(mine.order_by(Quote.id)))
    events = _ids(session, select(Quote.event_id).where(Quote.document_id == document_id))
    if document.event_id is not None:
        events.add(document.event_id)
    speakers = _ids(session, select(Quote.speaker_id).where(Quote.document_id == document_id))
    speakers |= _ids(
        session, select(RetiredQuote.speaker_id).where(RetiredQuote.document_id == document_id)
    )
    topics = _ids(session, select(QuoteTopic.topic_id).where(QuoteTopic.quote_id.in_(mine)))
    cited = _ids(
        session,
        select(QuoteVerification.quote_id).where(
            QuoteVerification.source_document_id == document_id,
            QuoteVerification.quote_id.not_in(mine),
        ),
    )
    cited |= remove_quotes(session, mine)
    for statement in (
        update(QuoteVerification)
        .where(QuoteVerification.source_document_id == document_id)
        .values(source_quote_id=None, source_document_id=None),
        delete(RetiredQuote).where(RetiredQuote.document_id == document_id),
        delete(DocumentRevision).where(DocumentRevision.document_id == document_id),
        delete(Document).where(Document.id == document_id),
    ):
        session.execute(statement.execution_options(synchronize_session=False))
    session.expunge(document)
    session.flush()
    session.expire_all()  # bulk deletes above bypassed the identity map
    dropped = drop_orphans(session, events, speakers, topics)
    summary = DeletionSummary(
        document_id=document_id,
        title=title,
        quote_ids=quote_ids,
        event_ids=dropped.event_ids,
        speaker_ids=dropped.speaker_ids,
        topic_ids=dropped.topic_ids,
        reverified=reverify(session, sorted(cited)),
    )
    session.flush()
    _forget(session, Quote, quote_ids)
    return summary


@dataclass(frozen=True)
class Orphans:
    """Events, speakers and topics removed because nothing uses them any more."""

    event_ids: tuple[int, ...]
    speaker_ids: tuple[int, ...]
    topic_ids: tuple[int, ...]


def drop_orphans(
    session: Session, events: Iterable[int], speakers: Iterable[int], topics: Iterable[int]
) -> Orphans:
    """Of these candidates, remove the ones left with nothing (see the module's rules)."""
    dropped = Orphans(
        _drop_empty_events(session, events),
        _drop_unused_speakers(session, speakers),
        _drop_unused_topics(session, topics),
    )
    session.flush()
    _forget(session, Event, dropped.event_ids)
    _forget(session, Speaker, dropped.speaker_ids)
    _forget(session, Topic, dropped.topic_ids)
    return dropped


def remove_quotes(session: Session, quotes: Select[Any]) -> set[int]:
    """Delete the quotes `quotes` selects (ids), with their topic links, matches and verdicts.

    Returns the other news quotes whose verdict cited one of them: the caller verifies them
    again once its writes are done. Children are deleted explicitly, so nothing depends on
    the database cascading.
    """
    cited = _ids(
        session,
        select(QuoteVerification.quote_id).where(
            QuoteVerification.source_quote_id.in_(quotes), QuoteVerification.quote_id.not_in(quotes)
        ),
    )
    statements = (
        delete(QuoteTopic).where(QuoteTopic.quote_id.in_(quotes)),
        delete(QuoteMatch).where(
            or_(QuoteMatch.quote_id.in_(quotes), QuoteMatch.matched_quote_id.in_(quotes))
        ),
        delete(QuoteVerification).where(QuoteVerification.quote_id.in_(quotes)),
        update(QuoteVerification)
        .where(QuoteVerification.source_quote_id.in_(quotes))
        .values(source_quote_id=None),
        update(Quote).where(Quote.replies_to_id.in_(quotes)).values(replies_to_id=None),
        delete(Quote).where(Quote.id.in_(quotes)),
    )
    for statement in statements:
        session.execute(statement.execution_options(synchronize_session=False))
    return cited


def _forget(session: Session, model: type, ids: Iterable[int]) -> None:
    """Drop deleted rows' objects from the session, so no caller reads a stale one."""
    for ident in ids:
        obj = session.identity_map.get(session.identity_key(model, ident))  # type: ignore[arg-type]
        if obj is not None:
            session.expunge(obj)


def _ids(session: Session, query: Select[Any]) -> set[int]:
    return {i for i in session.scalars(query.distinct()) if i is not None}


def _drop_empty_events(session: Session, candidates: Iterable[int]) -> tuple[int, ...]:
    """Events no document or quote points at any more; on the events that stay, participants
    with no quote there any more (they took part only through the deleted document)."""
    dropped: list[int] = []
    for event_id in sorted(candidates):
        used = select(Document.id).where(Document.event_id == event_id).exists()
        quoted = select(Quote.id).where(Quote.event_id == event_id).exists()
        if session.scalar(select(or_(used, quoted))):
            _drop_silent_participants(session, event_id)
            continue
        session.execute(delete(EventParticipant).where(EventParticipant.event_id == event_id))
        session.execute(delete(Event).where(Event.id == event_id))
        dropped.append(event_id)
    return tuple(dropped)


def _drop_silent_participants(session: Session, event_id: int) -> None:
    spoke = exists().where(
        Quote.event_id == event_id, Quote.speaker_id == EventParticipant.speaker_id
    )
    session.execute(
        delete(EventParticipant)
        .where(EventParticipant.event_id == event_id, ~spoke)
        .execution_options(synchronize_session=False)
    )


def _drop_unused_speakers(session: Session, candidates: Iterable[int]) -> tuple[int, ...]:
    dropped: list[int] = []
    for speaker_id in sorted(candidates):
        if session.scalar(select(_speaker_kept(speaker_id))):
            continue
        for statement in (
            update(Topic).where(Topic.speaker_id == speaker_id).values(speaker_id=None),
            update(RetiredQuote)
            .where(RetiredQuote.speaker_id == speaker_id)
            .values(speaker_id=None),
            delete(EventParticipant).where(EventParticipant.speaker_id == speaker_id),
            delete(SpeakerAlias).where(SpeakerAlias.speaker_id == speaker_id),
            delete(SpeakerRole).where(SpeakerRole.speaker_id == speaker_id),
            delete(Speaker).where(Speaker.id == speaker_id),
        ):
            session.execute(statement.execution_options(synchronize_session=False))
        dropped.append(speaker_id)
    return tuple(dropped)


def _speaker_kept(speaker_id: int) -> ColumnElement[bool]:
    """Still quoted, known to the directory, or corrected by a user."""
    return or_(
        select(Quote.id).where(Quote.speaker_id == speaker_id).exists(),
        select(Speaker.id).where(Speaker.id == speaker_id, Speaker.wikidata.is_not(None)).exists(),
        select(SpeakerAlias.id)
        .where(SpeakerAlias.speaker_id == speaker_id, SpeakerAlias.source.in_(KEPT_ALIAS_SOURCES))
        .exists(),
        select(SpeakerRole.id)
        .where(SpeakerRole.speaker_id == speaker_id, SpeakerRole.source.in_(KEPT_ROLE_SOURCES))
        .exists(),
    )


def _drop_unused_topics(session: Session, candidates: Iterable[int]) -> tuple[int, ...]:
    dropped: list[int] = []
    lexicon = lexicon_slugs()
    for topic_id in sorted(candidates):
        topic = session.execute(select(Topic.slug).where(Topic.id == topic_id)).scalar()
        if topic is None or topic in lexicon:
            continue
        linked = select(QuoteTopic.quote_id).where(QuoteTopic.topic_id == topic_id).exists()
        named = (
            select(TopicAlias.id)
            .where(TopicAlias.topic_id == topic_id, TopicAlias.source == "manual")
            .exists()
        )
        if session.scalar(select(or_(linked, named))):
            continue
        session.execute(delete(TopicAlias).where(TopicAlias.topic_id == topic_id))
        session.execute(delete(Topic).where(Topic.id == topic_id))
        dropped.append(topic_id)
    return tuple(dropped)


@lru_cache(maxsize=1)
def lexicon_slugs() -> frozenset[str]:
    """The shipped lexicon's topics: part of the product, kept with or without quotes."""
    return frozenset(slugify(entry.name) for entry in load_lexicon())
