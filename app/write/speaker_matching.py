"""Match a document's claim about who spoke to one stored speaker, across documents.

Rules (issue "Speakers and events"): a full name matches the same person; a surname alone only
when the role, the date or the document leave one candidate; a descriptor through the role held
on the document's date. What a document says beats what the directory guesses.

This is the database side of "who is this": reading a transcript label is
`nlp.transcript.speakers.LabelReader`, a news cue's referent is `nlp.news.referents`, and a
user's query name is `services.names.resolve_speaker_ref`.
"""

from __future__ import annotations

from dataclasses import replace

from sqlalchemy import or_, select
from sqlalchemy.orm import Session

from app.db.locks import lock_names
from app.db.models import Speaker, SpeakerAlias, SpeakerRole
from app.nlp.names import display_name, family_name_first, fold, is_full_name, name_key, surname
from app.nlp.roles import role_family
from app.nlp.statements import SpeakerClaim
from app.nlp.transcript.titles import implied_country
from app.write.speakers import create_speaker, merge_speakers, record_identity


def match_speaker(
    session: Session, claim: SpeakerClaim, notes: list[str] | None = None
) -> Speaker | None:
    """The stored speaker a claim names, created when new; None when nobody is singled out,
    and then `notes` hears why ('MR JOHNSON: 2 people fit ...')."""
    notes = notes if notes is not None else []
    if not claim.name:
        speaker = _by_role(session, claim, notes)
    elif claim.kind == "organisation" or is_full_name(claim.name):
        speaker = _by_full_name(session, claim)
    else:
        speaker = _by_surname(session, claim, notes)
    if speaker is not None:
        # Another writer storing this speaker's quotes now would miss the matches, events
        # and verdicts between the two documents: wait for it (PostgreSQL; SQLite has one writer).
        lock_names(session, [f"speaker:id:{speaker.id}"])
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


def _uncontradicted(session: Session, people: list[Speaker], claim: SpeakerClaim) -> list[Speaker]:
    """Drop a candidate the directory shows in another office on the claim's date: 'FIRST
    LADY BIDEN' in 2022 is not the directory's Biden, who was President then."""
    if not claim.role or claim.on is None or not people:
        return people
    roles = _roles(session, [p.id for p in people])
    kept = []
    for person in people:
        that_day = [
            r
            for r in roles.get(person.id, [])
            if r.source == "directory" and _held(r, replace(claim, country=None), need_title=False)
        ]
        if not that_day or any(role_family(r.title) == role_family(claim.role) for r in that_day):
            kept.append(person)
    return kept


def _by_full_name(session: Session, claim: SpeakerClaim) -> Speaker:
    """The document's full name decides, even where a directory would name another holder.
    A name printed family name first ('Kishida Fumio') is the same person as the directory's
    'Fumio Kishida'."""
    assert claim.name
    people = _candidates(session, name_key(claim.name))
    if not people and _either_order(claim):
        people = _candidates(session, " ".join(reversed(name_key(claim.name).split())))
    people = _narrow(session, people, claim)
    if people:
        return people[0]
    speaker = create_speaker(session, claim.name, claim.kind, claim.family_name)
    _absorb_surname_only(session, speaker, claim)
    return speaker


# Countries whose names English-language pages print in either order.
_EITHER_ORDER = frozenset(
    {"Japan", "Hungary", "China", "South Korea", "North Korea", "Vietnam", "Taiwan"}
)


def _either_order(claim: SpeakerClaim) -> bool:
    assert claim.name
    words = name_key(claim.name).split()
    if len(words) != 2 or claim.kind != "person":
        return False
    family = fold(claim.family_name or "")
    return claim.country in _EITHER_ORDER or family_name_first(claim.name) or family == words[0]


def _by_surname(session: Session, claim: SpeakerClaim, notes: list[str]) -> Speaker | None:
    """'Kirby': the one candidate the role, date or issuing government allows ('PRESIDENT
    OBAMA' on 2014-03-26 is the directory's Barack Obama), else a speaker known only as
    Kirby. Two who fit stay unnamed, and the notes say so: never guess."""
    assert claim.name
    key = name_key(claim.name)
    people = _uncontradicted(session, _candidates(session, key), claim)
    if len(people) > 1:
        people = _narrow(session, people, claim)
    if len(people) > 1 and claim.context_country:
        people = _narrow(session, people, replace(claim, country=claim.context_country))
    if len(people) == 1:
        return people[0]
    if len(people) > 1:
        names = ", ".join(p.name for p in people)
        notes.append(f"{claim.alias or claim.name}: {len(people)} people fit ({names}); unnamed")
        return None
    return create_speaker(session, display_name(claim.name), claim.kind, claim.family_name)


def _by_role(session: Session, claim: SpeakerClaim, notes: list[str]) -> Speaker | None:
    """'the secretary of state' on 2015-09-20, 'THE VICE PRESIDENT' in a White House release:
    whoever held that office of that country then, if exactly one. The country is the
    claim's, the office's own (a bare Secretary of State is American) or the issuing
    government's; with none known, an office alone names no one."""
    if not claim.role or claim.on is None:
        return None
    country = claim.country or implied_country(claim.role) or claim.context_country
    if country is None:
        return None
    claim = replace(claim, country=country)
    family = role_family(claim.role)
    on_the_day = select(SpeakerRole).where(
        or_(SpeakerRole.start_date.is_(None), SpeakerRole.start_date <= claim.on),
        or_(SpeakerRole.end_date.is_(None), SpeakerRole.end_date >= claim.on),
    )
    holders = {
        role.speaker_id
        for role in session.scalars(on_the_day)
        if role_family(role.title) == family
        and role.country == country
        and _held(role, claim, need_title=True)
    }
    if len(holders) > 1:
        notes.append(f"{claim.alias or claim.role}: {len(holders)} holders on {claim.on}; unnamed")
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
