"""Corrections without SQL, by the names users type: merge, rename and alias speakers and
topics, and merge events.

Each finds its rows with the read side's exact (non-fuzzy) name lookup, so a correction never
lands on a guess, then applies the entity write. Each is idempotent.
"""

from __future__ import annotations

from sqlalchemy.orm import Session

from app.db.models import Event, Speaker, Topic
from app.errors import InvalidCorrection, NotFound
from app.services.names import resolve_speaker_ref, resolve_topic_ref
from app.write.events import merge_events
from app.write.speakers import add_alias, merge_speakers, remove_alias, rename_speaker
from app.write.topics import add_topic_alias, get_or_create_topic, merge_topics


def speaker_by_ref(session: Session, ref: str) -> Speaker:
    """The one speaker an id, slug or name names; NotFound when none or several."""
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


def rename_speaker_ref(session: Session, ref: str, name: str) -> Speaker:
    return rename_speaker(session, speaker_by_ref(session, ref), name)


def add_speaker_alias(session: Session, ref: str, alias: str) -> Speaker:
    speaker = speaker_by_ref(session, ref)
    add_alias(session, speaker, alias, "manual")
    return speaker


def remove_speaker_alias(session: Session, ref: str, alias: str) -> Speaker:
    speaker = speaker_by_ref(session, ref)
    remove_alias(session, speaker, alias)
    return speaker


def topic_by_ref(session: Session, ref: str) -> Topic:
    """The one topic a name, alias, slug or id names; NotFound when none or several."""
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
        session.get(Topic, ids[0])
        if len(ids) == 1
        else get_or_create_topic(session, name, kind, "manual")
    )
    assert topic is not None
    add_topic_alias(session, topic.id, alias, "manual")
    return topic


def merge_topic_refs(session: Session, source_ref: str, target_ref: str) -> Topic:
    """Fold one topic into another: its aliases and quote links move."""
    target = topic_by_ref(session, target_ref)
    return merge_topics(session, topic_by_ref(session, source_ref), target)


def merge_one_speaker(session: Session, source_ref: str, target_ref: str) -> Speaker:
    """Fold exactly one speaker into exactly one other (the API's merge: a path names one)."""
    source, target = speaker_by_ref(session, source_ref), speaker_by_ref(session, target_ref)
    if source.id == target.id:
        raise InvalidCorrection(f"cannot merge '{target.name}' into itself")
    merge_speakers(session, source, target)
    return target


def merge_one_topic(session: Session, source_ref: str, target_ref: str) -> Topic:
    source, target = topic_by_ref(session, source_ref), topic_by_ref(session, target_ref)
    if source.id == target.id:
        raise InvalidCorrection(f"cannot merge '{target.name}' into itself")
    return merge_topics(session, source, target)


def alias_existing_topic(session: Session, ref: str, alias: str) -> Topic:
    """Add an alias to a topic that must exist (the API names it by id or slug)."""
    topic = topic_by_ref(session, ref)
    add_topic_alias(session, topic.id, alias)
    return topic


def merge_event_ids(session: Session, source_id: int, target_id: int) -> Event:
    """Two events that are one occasion: documents, quotes and speakers move to `target`,
    quotes are re-dated and re-verified (`write.events.merge_events`)."""
    if source_id == target_id:
        raise InvalidCorrection(f"cannot merge event {target_id} into itself")
    source, target = session.get(Event, source_id), session.get(Event, target_id)
    for ident, event in ((source_id, source), (target_id, target)):
        if event is None:
            raise NotFound(f"no event with id {ident}")
    assert source is not None and target is not None
    merge_events(session, source, target)
    return target
