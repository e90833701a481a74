"""Speakers: who is quoted, under which names and roles, and about what."""

from __future__ import annotations

from collections.abc import Sequence
from typing import Any

from sqlalchemy import Row, func, select
from sqlalchemy.orm import Session, selectinload

from app.db.models import Quote, QuoteTopic, Speaker, Topic
from app.errors import NotFound
from app.schemas import AliasOut, RoleOut, SpeakerDetail, SpeakerOut, SpeakerPage, TopicCount
from app.services.counts import kept_quote_counts
from app.services.names import resolve_speaker_ref
from app.services.paging import keyset_page


def list_speakers(
    session: Session, q: str | None, include_silent: bool, limit: int, cursor: str | None
) -> SpeakerPage:
    """Speakers who have quotes (directory entries who never spoke are hidden unless asked).
    Core rows, and quote counts the database keeps: no ORM instances, no counting."""
    stmt = select(Speaker.id, Speaker.name, Speaker.slug, Speaker.kind, Speaker.wikidata)
    if not include_silent:
        stmt = stmt.where(Speaker.id.in_(select(Quote.speaker_id)))
    if q:
        stmt = stmt.where(Speaker.id.in_(resolve_speaker_ref(session, q).ids))

    def present(speakers: Sequence[Row[Any]]) -> list[SpeakerOut]:
        counts = kept_quote_counts(session, "speaker", [s.id for s in speakers])
        return [
            SpeakerOut(
                id=s.id,
                name=s.name,
                slug=s.slug,
                kind=s.kind,
                wikidata=s.wikidata,
                quote_count=counts.get(s.id, 0),
            )
            for s in speakers
        ]

    return keyset_page(session, stmt, Speaker, limit, cursor, present, SpeakerPage)


def get_speaker(session: Session, speaker_id: int) -> SpeakerDetail:
    speaker = session.scalars(
        select(Speaker)
        .where(Speaker.id == speaker_id)
        .options(selectinload(Speaker.aliases), selectinload(Speaker.roles))
    ).first()
    if speaker is None:
        raise NotFound(f"no speaker with id {speaker_id}")
    count = kept_quote_counts(session, "speaker", [speaker.id]).get(speaker.id, 0)
    top = session.execute(
        select(Topic.id, Topic.name, Topic.kind, func.count())
        .join(QuoteTopic, QuoteTopic.topic_id == Topic.id)
        .join(Quote, Quote.id == QuoteTopic.quote_id)
        .where(Quote.speaker_id == speaker.id, QuoteTopic.scope == "quote")
        .group_by(Topic.id, Topic.name, Topic.kind)
        .order_by(func.count().desc(), Topic.name)
        .limit(10)
    ).all()
    return SpeakerDetail(
        id=speaker.id,
        name=speaker.name,
        slug=speaker.slug,
        kind=speaker.kind,
        wikidata=speaker.wikidata,
        quote_count=count,
        aliases=[
            AliasOut(alias=a.alias, source=a.source)
            for a in sorted(speaker.aliases, key=lambda a: a.id)
        ],
        roles=[
            RoleOut.model_validate(r)
            for r in sorted(
                speaker.roles, key=lambda r: (r.start_date is None, r.start_date or 0, r.id)
            )
        ],  # type: ignore[operator]
        top_topics=[TopicCount(id=i, name=n, kind=k, quote_count=c) for i, n, k, c in top],
    )
