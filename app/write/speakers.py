"""Speaker rows: create, name (aliases), roles over time, rename and merge. Each write is
idempotent, so re-ingesting or re-running a correction changes nothing.

Deciding *which* stored speaker a document means is `write.speaker_matching`.
"""

from __future__ import annotations

import datetime as dt

from sqlalchemy import delete, select, update
from sqlalchemy.exc import IntegrityError
from sqlalchemy.orm import Session

from app.db.models import (
    EventParticipant,
    Quote,
    Speaker,
    SpeakerAlias,
    SpeakerRole,
    Topic,
)
from app.nlp.names import fold, is_full_name, name_key, slugify, surname
from app.nlp.roles import role_family
from app.nlp.statements import SpeakerClaim
from app.write.events import add_participant


def create_speaker(
    session: Session, name: str, kind: str = "person", family: str | None = None
) -> Speaker:
    """A new speaker known by its name and, for a person, its family name: the one the
    document read ('Kishida' of 'Kishida Fumio'), else the name's own ('Moon' of 'Moon
    Jae-in', 'Kerry' of 'John Kerry')."""
    speaker = Speaker(name=name, slug=unique_slug(session, name), kind=kind)
    session.add(speaker)
    session.flush()
    add_alias(session, speaker, name, "name")
    if kind == "person" and is_full_name(name):
        known = family if family and fold(family) in fold(name).split() else None
        add_alias(session, speaker, known or surname(name), "surname")
    # A person already a topic ("quotes about John Kerry") becomes one identity with the speaker.
    session.execute(
        update(Topic)
        .where(Topic.slug == slugify(name), Topic.kind == "person", Topic.speaker_id.is_(None))
        .values(speaker_id=speaker.id)
    )
    return speaker


def unique_slug(session: Session, name: str) -> str:
    base = slugify(name)
    slug, n = base, 1
    while session.scalar(select(Speaker.id).where(Speaker.slug == slug)) is not None:
        n += 1
        slug = f"{base}-{n}"
    return slug


def add_alias(session: Session, speaker: Speaker, alias: str, source: str) -> None:
    """Idempotent: each written form is kept once ('SECRETARY KERRY' and 'Mr Kerry' both stay,
    so the API can show every name the sources used); lookups go through `alias_norm`."""
    key = (
        name_key(alias)
        if source in {"name", "surname", "label", "named", "directory"}
        else fold(alias)
    )
    if not key:
        return
    exists = select(SpeakerAlias.id).where(
        SpeakerAlias.speaker_id == speaker.id, SpeakerAlias.alias == alias
    )
    if session.scalar(exists) is not None:
        return
    try:
        with session.begin_nested():
            session.add(
                SpeakerAlias(speaker_id=speaker.id, alias=alias, alias_norm=key, source=source)
            )
    except IntegrityError:
        pass


def record_identity(session: Session, speaker: Speaker, claim: SpeakerClaim) -> None:
    """Remember the words that named the speaker and the role the document shows, with its date."""
    if claim.name:
        add_alias(session, speaker, claim.name, "named")
    if claim.alias:
        add_alias(session, speaker, claim.alias, claim.alias_source)
    if claim.role and claim.kind == "person":
        record_role(session, speaker, claim.role, claim.country, claim.organisation, claim.on)


def record_role(
    session: Session,
    speaker: Speaker,
    title: str,
    country: str | None,
    organisation: str | None,
    on: dt.date | None,
) -> None:
    """A role seen in a document widens its known dates; a directory role is not duplicated."""
    family = role_family(title)
    existing = session.scalars(select(SpeakerRole).where(SpeakerRole.speaker_id == speaker.id))
    for role in existing:
        if role_family(role.title) == family and (not country or role.country in (None, country)):
            if role.source == "document" and on is not None:
                role.start_date = min(filter(None, [role.start_date, on]))
                role.end_date = max(filter(None, [role.end_date, on]))
            return
    session.add(
        SpeakerRole(
            speaker_id=speaker.id,
            title=title,
            country=country,
            organisation=organisation,
            start_date=on,
            end_date=on,
            source="document",
        )
    )
    session.flush()


def merge_speakers(session: Session, source: Speaker, target: Speaker) -> None:
    """Move quotes, aliases, roles and event participation from `source` to `target`."""
    if source.id == target.id:
        return
    session.execute(update(Quote).where(Quote.speaker_id == source.id).values(speaker_id=target.id))
    session.execute(update(Topic).where(Topic.speaker_id == source.id).values(speaker_id=target.id))
    for alias in session.scalars(select(SpeakerAlias).where(SpeakerAlias.speaker_id == source.id)):
        add_alias(session, target, alias.alias, alias.source)
    session.execute(
        update(SpeakerRole).where(SpeakerRole.speaker_id == source.id).values(speaker_id=target.id)
    )
    events = session.scalars(
        select(EventParticipant.event_id).where(EventParticipant.speaker_id == source.id)
    ).all()
    for event_id in events:
        add_participant(session, event_id, target.id)
    session.execute(delete(SpeakerAlias).where(SpeakerAlias.speaker_id == source.id))
    session.execute(delete(EventParticipant).where(EventParticipant.speaker_id == source.id))
    session.execute(delete(Speaker).where(Speaker.id == source.id))
    session.expunge(source)
    session.flush()


def rename_speaker(session: Session, speaker: Speaker, name: str) -> Speaker:
    """A new canonical name; the old one stays an alias so searches under it still work."""
    add_alias(session, speaker, speaker.name, "name")
    speaker.name = name
    add_alias(session, speaker, name, "manual")
    return speaker


def remove_alias(session: Session, speaker: Speaker, alias: str) -> None:
    """Drop every written form of `alias` (by its normalised key) from one speaker."""
    keys = {name_key(alias), fold(alias)}
    session.execute(
        delete(SpeakerAlias).where(
            SpeakerAlias.speaker_id == speaker.id, SpeakerAlias.alias_norm.in_(keys)
        )
    )
