"""Resolve a document's claim about who spoke to one speaker row, across documents.

Rules (issue "Speakers and events"): a full name matches the same person; a surname alone only
when the role, the date or the document leave one candidate; a descriptor through the role held
on the document's date. What a document says beats what the directory guesses.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass

from sqlalchemy import delete, or_, select, update
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
from app.nlp.names import display_name, fold, is_full_name, name_key, slugify, surname
from app.nlp.roles import role_family


@dataclass(frozen=True)
class SpeakerClaim:
    """What a document says about a speaker: a name and/or a role, and the words that said it."""

    name: str | None
    role: str | None = None
    country: str | None = None
    organisation: str | None = None
    kind: str = "person"
    alias: str | None = None
    alias_source: str = "named"
    on: dt.date | None = None


def resolve_speaker(session: Session, claim: SpeakerClaim) -> Speaker | None:
    """Find or create the speaker a claim names; None when the text does not single one out."""
    if not claim.name:
        speaker = _by_role(session, claim)
    elif claim.kind == "organisation" or is_full_name(claim.name):
        speaker = _by_full_name(session, claim)
    else:
        speaker = _by_surname(session, claim)
    if speaker is not None:
        record_identity(session, speaker, claim)
    return speaker


def _candidates(session: Session, key: str) -> list[Speaker]:
    ids = select(SpeakerAlias.speaker_id).where(SpeakerAlias.alias_norm == key)
    return list(session.scalars(select(Speaker).where(Speaker.id.in_(ids)).order_by(Speaker.id)))


def _roles(session: Session, speaker_ids: list[int]) -> dict[int, list[SpeakerRole]]:
    rows = session.scalars(select(SpeakerRole).where(SpeakerRole.speaker_id.in_(speaker_ids)))
    found: dict[int, list[SpeakerRole]] = {}
    for role in rows:
        found.setdefault(role.speaker_id, []).append(role)
    return found


def _held(role: SpeakerRole, claim: SpeakerClaim, *, need_title: bool) -> bool:
    """Whether a role row fits the claim's title, country and date."""
    if need_title and role_family(role.title) != role_family(claim.role):
        return False
    if claim.country and role.country and claim.country != role.country:
        return False
    if claim.on is None:
        return True
    after_start = role.start_date is None or role.start_date <= claim.on
    before_end = role.end_date is None or claim.on <= role.end_date
    return after_start and before_end


def _narrow(session: Session, people: list[Speaker], claim: SpeakerClaim) -> list[Speaker]:
    """Keep the candidates whose roles fit the claim; if none fits, the role cannot decide."""
    if len(people) < 2 and not (claim.role and people):
        return people
    roles = _roles(session, [p.id for p in people])
    fitting = [
        p
        for p in people
        if any(_held(r, claim, need_title=bool(claim.role)) for r in roles.get(p.id, []))
    ]
    return fitting or people


def _by_full_name(session: Session, claim: SpeakerClaim) -> Speaker:
    assert claim.name
    people = _narrow(session, _candidates(session, name_key(claim.name)), claim)
    if people:
        return people[0]
    speaker = create_speaker(session, claim.name, claim.kind)
    _absorb_surname_only(session, speaker, claim)
    return speaker


def _by_surname(session: Session, claim: SpeakerClaim) -> Speaker | None:
    """'Kirby': the one candidate the role or date allows, else a speaker known only as Kirby."""
    assert claim.name
    key = name_key(claim.name)
    people = _candidates(session, key)
    if len(people) > 1:
        people = _narrow(session, people, claim)
    if len(people) == 1:
        return people[0]
    if len(people) > 1:
        return None  # two people called Johnson and nothing to tell them apart: never guess
    return create_speaker(session, display_name(claim.name), claim.kind)


def _by_role(session: Session, claim: SpeakerClaim) -> Speaker | None:
    """'the secretary of state' on 2015-09-20: whoever held that office then, if exactly one."""
    if not claim.role or claim.on is None:
        return None
    family = role_family(claim.role)
    on_the_day = select(SpeakerRole).where(
        or_(SpeakerRole.start_date.is_(None), SpeakerRole.start_date <= claim.on),
        or_(SpeakerRole.end_date.is_(None), SpeakerRole.end_date >= claim.on),
    )
    holders = {
        role.speaker_id
        for role in session.scalars(on_the_day)
        if role_family(role.title) == family and _held(role, claim, need_title=True)
    }
    if len(holders) != 1:
        return None
    return session.get(Speaker, holders.pop())


def create_speaker(session: Session, name: str, kind: str = "person") -> Speaker:
    speaker = Speaker(name=name, slug=unique_slug(session, name), kind=kind)
    session.add(speaker)
    session.flush()
    add_alias(session, speaker, name, "name")
    if kind == "person" and is_full_name(name):
        add_alias(session, speaker, surname(name), "surname")
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


def _absorb_surname_only(session: Session, speaker: Speaker, claim: SpeakerClaim) -> None:
    """A 'Kirby' stored before 'John Kirby' arrived is the same person when nothing contradicts it.

    This keeps resolution independent of the order documents arrive in.
    """
    key = name_key(surname(speaker.name))
    for other in _candidates(session, key):
        if other.id == speaker.id or is_full_name(other.name) or other.kind != speaker.kind:
            continue
        roles = _roles(session, [other.id]).get(other.id, [])
        if claim.role and roles and not any(_held(r, claim, need_title=True) for r in roles):
            continue
        merge_speakers(session, source=other, target=speaker)


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


def add_participant(session: Session, event_id: int, speaker_id: int) -> None:
    key = {"event_id": event_id, "speaker_id": speaker_id}
    if session.get(EventParticipant, key) is None:
        session.add(EventParticipant(**key))
        session.flush()
