"""Corrections through the API: each answers the corrected resource as its GET does.

Paths name the resource by id or slug (as `GET` does); `into` names the one that remains by
id, slug or exact name. Each is audited with the target before and after.
"""

from __future__ import annotations

from collections.abc import Callable

from sqlalchemy.orm import Session

from app.auth.store import KeyHolder
from app.commands.transaction import Audit, audited_write
from app.errors import NotFound
from app.schemas import EventDetail, SpeakerDetail, TopicDetail
from app.services.events import get_event
from app.services.speakers import get_speaker
from app.services.topics import get_topic
from app.write import corrections
from app.write.audit import Snapshot, snapshot_event, snapshot_speaker, snapshot_topic
from app.write.speakers import add_alias, remove_alias, rename_speaker


def merge_speaker(session: Session, holder: KeyHolder, ref: str, into: str) -> SpeakerDetail:
    with audited_write(session, holder) as audit:
        source = corrections.speaker_by_ref(session, ref).id
        target = corrections.speaker_by_ref(session, into).id
        _merge(
            audit,
            ("speaker", source, target),
            lambda ident: snapshot_speaker(session, ident),
            lambda: corrections.merge_one_speaker(session, str(source), str(target)),
        )
        return get_speaker(session, target)


def rename(session: Session, holder: KeyHolder, ref: str, name: str) -> SpeakerDetail:
    with audited_write(session, holder) as audit:
        speaker = corrections.speaker_by_ref(session, ref)
        ident = speaker.id
        audit.change(
            "speaker.rename",
            ("speaker", ident),
            lambda: snapshot_speaker(session, ident),
            lambda: rename_speaker(session, speaker, name),
        )
        return get_speaker(session, ident)


def add_speaker_alias(session: Session, holder: KeyHolder, ref: str, alias: str) -> SpeakerDetail:
    with audited_write(session, holder) as audit:
        speaker = corrections.speaker_by_ref(session, ref)
        ident = speaker.id
        audit.change(
            "speaker.alias.add",
            ("speaker", ident),
            lambda: snapshot_speaker(session, ident),
            lambda: add_alias(session, speaker, alias, "manual"),
        )
        return get_speaker(session, ident)


def remove_speaker_alias(
    session: Session, holder: KeyHolder, ref: str, alias: str
) -> SpeakerDetail:
    """A 404 when the speaker has no such alias: nothing was removed."""
    with audited_write(session, holder) as audit:
        speaker = corrections.speaker_by_ref(session, ref)
        ident, name = speaker.id, speaker.name
        changed = audit.change(
            "speaker.alias.remove",
            ("speaker", ident),
            lambda: snapshot_speaker(session, ident),
            lambda: remove_alias(session, speaker, alias),
        )
        if not changed:
            raise NotFound(f"{name} has no alias '{alias}'")
        return get_speaker(session, ident)


def merge_topic(session: Session, holder: KeyHolder, ref: str, into: str) -> TopicDetail:
    with audited_write(session, holder) as audit:
        source = corrections.topic_by_ref(session, ref).id
        target = corrections.topic_by_ref(session, into).id
        _merge(
            audit,
            ("topic", source, target),
            lambda ident: snapshot_topic(session, ident),
            lambda: corrections.merge_one_topic(session, str(source), str(target)),
        )
        return get_topic(session, target)


def add_topic_alias(session: Session, holder: KeyHolder, ref: str, alias: str) -> TopicDetail:
    with audited_write(session, holder) as audit:
        ident = corrections.topic_by_ref(session, ref).id
        audit.change(
            "topic.alias.add",
            ("topic", ident),
            lambda: snapshot_topic(session, ident),
            lambda: corrections.alias_existing_topic(session, str(ident), alias),
        )
        return get_topic(session, ident)


def merge_event(session: Session, holder: KeyHolder, event_id: int, into: int) -> EventDetail:
    with audited_write(session, holder) as audit:
        _merge(
            audit,
            ("event", event_id, into),
            lambda ident: snapshot_event(session, ident),
            lambda: corrections.merge_event_ids(session, event_id, into),
        )
        return get_event(session, into)


def _merge(
    audit: Audit,
    merged: tuple[str, int, int],
    snapshot: Callable[[int], Snapshot],
    apply: Callable[[], object],
) -> None:
    """Merge `source` into `target` of one kind, audited with both before and after."""
    kind, source, target = merged
    audit.change(
        f"{kind}.merge",
        (kind, source),
        lambda: {"source": snapshot(source), "into": snapshot(target)},
        apply,
    )
