"""Corrections without SQL: merge, rename and alias speakers and topics. Each is idempotent."""

from __future__ import annotations

from sqlalchemy import delete, select, update
from sqlalchemy.orm import Session

from app.db.models import QuoteTopic, Speaker, SpeakerAlias, Topic, TopicAlias
from app.errors import NotFound
from app.ingest.speakers import add_alias, merge_speakers
from app.ingest.topics import add_topic_alias, get_or_create_topic
from app.nlp.names import fold, name_key
from app.services.names import resolve_speaker_ref, resolve_topic_ref


def speaker_by_ref(session: Session, ref: str) -> Speaker:
    ids = resolve_speaker_ref(session, ref, fuzzy=False).ids
    if len(ids) != 1:
        raise NotFound(f"no single speaker matches '{ref}'")
    speaker = session.get(Speaker, ids[0])
    assert speaker is not None
    return speaker


def merge_speaker_refs(session: Session, source_ref: str, target_ref: str) -> Speaker:
    """Fold `source` into `target`: quotes, aliases and roles move with the identity."""
    target = speaker_by_ref(session, target_ref)
    matches = resolve_speaker_ref(session, source_ref, fuzzy=False).ids
    for speaker_id in matches:
        source = session.get(Speaker, speaker_id)
        if source is not None and source.id != target.id:
            merge_speakers(session, source, target)
    return target


def rename_speaker(session: Session, ref: str, name: str) -> Speaker:
    speaker = speaker_by_ref(session, ref)
    add_alias(session, speaker, speaker.name, "name")
    speaker.name = name
    add_alias(session, speaker, name, "manual")
    return speaker


def add_speaker_alias(session: Session, ref: str, alias: str) -> Speaker:
    speaker = speaker_by_ref(session, ref)
    add_alias(session, speaker, alias, "manual")
    return speaker


def remove_speaker_alias(session: Session, ref: str, alias: str) -> Speaker:
    speaker = speaker_by_ref(session, ref)
    keys = {name_key(alias), fold(alias)}
    session.execute(
        delete(SpeakerAlias).where(
            SpeakerAlias.speaker_id == speaker.id, SpeakerAlias.alias_norm.in_(keys)
        )
    )
    return speaker


def topic_by_ref(session: Session, ref: str) -> Topic:
    ids = resolve_topic_ref(session, ref, fuzzy=False).ids
    if len(ids) != 1:
        raise NotFound(f"no single topic matches '{ref}'")
    topic = session.get(Topic, ids[0])
    assert topic is not None
    return topic


def add_topic_alias_ref(session: Session, name: str, alias: str, kind: str = "theme") -> Topic:
    """Add an alias; a topic that does not exist yet is created, so users can extend the lexicon."""
    ids = resolve_topic_ref(session, name, fuzzy=False).ids
    topic = (
        session.get(Topic, ids[0]) if len(ids) == 1 else get_or_create_topic(session, name, kind)
    )
    assert topic is not None
    add_topic_alias(session, topic.id, alias)
    return topic


def merge_topic_refs(session: Session, source_ref: str, target_ref: str) -> Topic:
    """Fold one topic into another: its aliases and quote links move."""
    target = topic_by_ref(session, target_ref)
    source = topic_by_ref(session, source_ref)
    if source.id == target.id:
        return target
    for alias in session.scalars(select(TopicAlias).where(TopicAlias.topic_id == source.id)):
        add_topic_alias(session, target.id, alias.alias)
    for link in session.scalars(select(QuoteTopic).where(QuoteTopic.topic_id == source.id)).all():
        key = {"quote_id": link.quote_id, "topic_id": target.id, "scope": link.scope}
        if session.get(QuoteTopic, key) is None:
            session.add(QuoteTopic(**key))
    session.flush()
    session.execute(delete(QuoteTopic).where(QuoteTopic.topic_id == source.id))
    session.execute(delete(TopicAlias).where(TopicAlias.topic_id == source.id))
    session.execute(update(Topic).where(Topic.id == source.id).values(speaker_id=None))
    session.execute(delete(Topic).where(Topic.id == source.id))
    session.expunge(source)
    return target
