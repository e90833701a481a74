"""What a quote card needs beyond a QuoteOut: the role its speaker held that day, the
original URL of its document, and every name of a searched topic (to mark it in the text)."""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterable

from sqlalchemy import select
from sqlalchemy.orm import Session

from app.db.models import Document, SpeakerRole, TopicAlias
from app.schemas import RoleOut

SpeakerDay = tuple[int, dt.date | None]


def roles_on(session: Session, wanted: Iterable[SpeakerDay]) -> dict[SpeakerDay, RoleOut]:
    """The role each speaker held on each day: the one whose dates cover it, the most recently
    started first; an undated role only when no dated one covers the day."""
    wanted = set(wanted)
    ids = {speaker for speaker, _ in wanted}
    if not ids:
        return {}
    rows = session.scalars(
        select(SpeakerRole).where(SpeakerRole.speaker_id.in_(ids)).order_by(SpeakerRole.id)
    ).all()
    found: dict[SpeakerDay, RoleOut] = {}
    for speaker, day in wanted:
        held = [r for r in rows if r.speaker_id == speaker and _covers(r, day)]
        if held:
            best = max(held, key=lambda r: (r.start_date is not None, r.start_date or dt.date.min))
            found[(speaker, day)] = RoleOut.model_validate(best)
    return found


def _covers(role: SpeakerRole, day: dt.date | None) -> bool:
    if day is None:
        return role.start_date is None and role.end_date is None
    starts = role.start_date is None or role.start_date <= day
    ends = role.end_date is None or role.end_date >= day
    return starts and ends


def document_urls(session: Session, ids: Iterable[int]) -> dict[int, str]:
    """The original URL of each document that has one."""
    rows = session.execute(
        select(Document.id, Document.url).where(
            Document.id.in_(set(ids)), Document.url.is_not(None)
        )
    ).all()
    return {doc_id: url for doc_id, url in rows if url}


def topic_names(session: Session, topic_ids: Iterable[int]) -> list[str]:
    """Every name the topics go by (`ISIS`, `Daesh`, `Islamic State`), longest first."""
    names = session.scalars(
        select(TopicAlias.alias).where(TopicAlias.topic_id.in_(set(topic_ids)))
    ).all()
    return sorted(set(names), key=lambda n: (-len(n), n))
