"""Topics: what quotes are about, under every name, and who talks about each."""

from __future__ import annotations

from collections.abc import Sequence

from sqlalchemy import func, select
from sqlalchemy.orm import Session, selectinload

from app.db.models import Quote, QuoteTopic, Speaker, Topic
from app.errors import NotFound
from app.nlp.names import fold
from app.schemas import SpeakerCount, TopicDetail, TopicOut, TopicPage
from app.services.names import resolve_topic_ref
from app.services.paging import keyset_page


def list_topics(session: Session, q: str | None, limit: int, cursor: str | None) -> TopicPage:
    """Topics named by at least one quote; `q` matches names and aliases forgivingly."""
    stmt = (
        select(Topic)
        .options(selectinload(Topic.aliases))
        .where(Topic.id.in_(select(QuoteTopic.topic_id)))
    )
    if q:
        stmt = stmt.where(Topic.id.in_(resolve_topic_ref(session, q).ids))

    def present(topics: Sequence[Topic]) -> list[TopicOut]:
        counts = _topic_counts(session, [t.id for t in topics])
        return [_topic_out(t, counts.get(t.id, 0)) for t in topics]

    return keyset_page(session, stmt, Topic, limit, cursor, present, TopicPage)


def _topic_counts(session: Session, ids: list[int]) -> dict[int, int]:
    if not ids:
        return {}
    rows = session.execute(
        select(QuoteTopic.topic_id, func.count(func.distinct(QuoteTopic.quote_id)))
        .where(QuoteTopic.topic_id.in_(ids), QuoteTopic.scope == "quote")
        .group_by(QuoteTopic.topic_id)
    ).all()
    return dict(rows)


def _topic_out(topic: Topic, count: int) -> TopicOut:
    aliases = sorted({a.alias for a in topic.aliases if fold(a.alias) != fold(topic.name)})
    return TopicOut(
        id=topic.id,
        name=topic.name,
        slug=topic.slug,
        kind=topic.kind,
        aliases=aliases,
        quote_count=count,
        speaker_id=topic.speaker_id,
    )


def get_topic(session: Session, topic_id: int) -> TopicDetail:
    topic = session.scalars(
        select(Topic).where(Topic.id == topic_id).options(selectinload(Topic.aliases))
    ).first()
    if topic is None:
        raise NotFound(f"no topic with id {topic_id}")
    count = _topic_counts(session, [topic.id]).get(topic.id, 0)
    top = session.execute(
        select(Speaker.id, Speaker.name, func.count())
        .join(Quote, Quote.speaker_id == Speaker.id)
        .join(QuoteTopic, QuoteTopic.quote_id == Quote.id)
        .where(QuoteTopic.topic_id == topic.id, QuoteTopic.scope == "quote")
        .group_by(Speaker.id, Speaker.name)
        .order_by(func.count().desc(), Speaker.name)
        .limit(10)
    ).all()
    return TopicDetail(
        **_topic_out(topic, count).model_dump(),
        top_speakers=[SpeakerCount(id=i, name=n, quote_count=c) for i, n, c in top],
    )
