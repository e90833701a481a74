"""Match a document's claim about who spoke to one stored speaker, across documents.

Rules (issue "Speakers and events"): a full name matches the same person; a surname alone only
when the role, the date or the document leave one candidate; a descriptor through the role held
on the document's date. What a document says beats what the directory guesses.

This is the database side of "who is this": reading a transcript label is
`nlp.transcript.speakers.LabelReader`, a news cue's referent is `nlp.news.referents`, and a
user's query name is `services.names.resolve_speaker_ref`.
"""

from __future__ import annotations

from sqlalchemy import or_, select
from sqlalchemy.orm import Session

from app.db.models import Speaker, SpeakerAlias, SpeakerRole
from app.nlp.names import display_name, is_full_name, name_key, surname
from app.nlp.roles import role_family
from app.nlp.statements import SpeakerClaim
from app.write.speakers import create_speaker, merge_speakers, record_identity


def match_speaker(session: Session, claim: SpeakerClaim) -> Speaker | None:
    """The stored speaker a claim names, created when new; None when nobody is singled out."""
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
