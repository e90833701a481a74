"""The speaker directory: known people with aliases and dated roles, loaded from a data file.

Each person goes through the same matching as a document's claim, so a directory loaded after
ingestion joins the speakers already stored instead of duplicating them.
"""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

from sqlalchemy import select
from sqlalchemy.orm import Session

from app.db.models import SpeakerRole
from app.nlp.dates import parse_date
from app.nlp.statements import SpeakerClaim
from app.write.speaker_matching import match_speaker
from app.write.speakers import add_alias

SHIPPED_DIRECTORY = Path(__file__).resolve().parents[1] / "data" / "speakers.json"


class DirectoryError(ValueError):
    """The directory file is not what `speakers load` expects; the message says where."""


def read_directory(path: Path) -> list[dict[str, Any]]:
    try:
        data = json.loads(path.read_text(encoding="utf-8"))
    except (OSError, UnicodeDecodeError, json.JSONDecodeError) as exc:
        raise DirectoryError(f"{path}: cannot read directory: {exc}") from exc
    people = data.get("people") if isinstance(data, dict) else data
    if not isinstance(people, list) or not all(
        isinstance(p, dict) and isinstance(p.get("name"), str) for p in people
    ):
        raise DirectoryError(f"{path}: expected a list of people, each with a 'name'")
    return people


def load_directory(session: Session, path: Path) -> int:
    """Add or update each person; idempotent, so loading twice changes nothing."""
    people = read_directory(path)
    for person in people:
        _load_person(session, person)
    return len(people)


def _load_person(session: Session, person: dict[str, Any]) -> None:
    speaker = match_speaker(
        session, SpeakerClaim(name=person["name"], kind=person.get("kind", "person"))
    )
    assert speaker is not None
    for alias in person.get("aliases", []):
        add_alias(session, speaker, alias, "directory")
    for role in person.get("roles", []):
        _add_role(session, speaker.id, role)


def _add_role(session: Session, speaker_id: int, role: dict[str, Any]) -> None:
    start = parse_date(str(role["from"])) if role.get("from") else None
    end = parse_date(str(role["to"])) if role.get("to") else None
    exists = select(SpeakerRole.id).where(
        SpeakerRole.speaker_id == speaker_id,
        SpeakerRole.title == role["title"],
        SpeakerRole.start_date == start if start else SpeakerRole.start_date.is_(None),
        SpeakerRole.source == "directory",
    )
    if session.scalar(exists) is None:
        session.add(
            SpeakerRole(
                speaker_id=speaker_id,
                title=role["title"],
                organisation=role.get("organisation"),
                country=role.get("country"),
                start_date=start,
                end_date=end,
                source="directory",
            )
        )
        session.flush()
