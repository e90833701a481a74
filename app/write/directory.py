"""The speaker directory: known people with Wikidata ids, aliases and dated roles, from a file.

`speakers load FILE` reads the project's JSON, Popolo JSON or a CSV of Wikidata query results
(`nlp.directory`). A person is found by Wikidata id first, then through the same matching as
a document's claim, so a directory loaded after ingestion joins the speakers already stored
instead of duplicating them; a stored speaker tied to another Wikidata id is someone else.
"""

from __future__ import annotations

from pathlib import Path

from sqlalchemy import select
from sqlalchemy.orm import Session

from app.db.models import Speaker, SpeakerRole
from app.nlp.directory import DirectoryError, DirectoryPerson, DirectoryRole, parse_directory
from app.nlp.statements import SpeakerClaim
from app.write.speaker_matching import match_speaker
from app.write.speakers import add_alias, create_speaker

SHIPPED_DIRECTORY = Path(__file__).resolve().parents[1] / "data" / "speakers.json"

__all__ = ["SHIPPED_DIRECTORY", "DirectoryError", "load_directory", "read_directory"]


def read_directory(path: Path) -> list[DirectoryPerson]:
    """Every person of a directory file, in any of the three formats."""
    try:
        text = path.read_text(encoding="utf-8-sig")
    except (OSError, UnicodeDecodeError) as exc:
        raise DirectoryError(f"{path}: cannot read directory: {exc}") from exc
    return parse_directory(text, str(path))


def load_directory(session: Session, path: Path) -> int:
    """Add or update each person; idempotent, so loading twice changes nothing."""
    people = read_directory(path)
    for person in people:
        load_person(session, person)
    return len(people)


def load_person(session: Session, person: DirectoryPerson) -> Speaker:
    speaker = _speaker_for(session, person)
    for alias in (person.name, *person.aliases):
        add_alias(session, speaker, alias, "directory")
    for role in person.roles:
        _add_role(session, speaker.id, role)
    return speaker


def _speaker_for(session: Session, person: DirectoryPerson) -> Speaker:
    """The stored speaker this person is: same Wikidata id; else the one the name matches,
    unless that one is tied to another id; else a new speaker."""
    if person.wikidata:
        known = session.scalar(select(Speaker).where(Speaker.wikidata == person.wikidata))
        if known is not None:
            return known
    speaker = match_speaker(session, SpeakerClaim(name=person.name, kind=person.kind))
    if speaker is None or (person.wikidata and speaker.wikidata not in (None, person.wikidata)):
        speaker = create_speaker(session, person.name, person.kind)
    if person.wikidata and speaker.wikidata is None:
        speaker.wikidata = person.wikidata
        session.flush()
    return speaker


def _add_role(session: Session, speaker_id: int, role: DirectoryRole) -> None:
    exists = select(SpeakerRole.id).where(
        SpeakerRole.speaker_id == speaker_id,
        SpeakerRole.title == role.title,
        SpeakerRole.start_date == role.start if role.start else SpeakerRole.start_date.is_(None),
        SpeakerRole.source == "directory",
    )
    if session.scalar(exists) is None:
        session.add(
            SpeakerRole(
                speaker_id=speaker_id,
                title=role.title,
                organisation=role.organisation,
                country=role.country,
                start_date=role.start,
                end_date=role.end,
                source="directory",
            )
        )
        session.flush()
