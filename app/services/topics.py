"""Topics: what quotes are about, under every name, and who talks about each."""

from __future__ import annotations

from collections.abc import Sequence
from typing import Any

from sqlalchemy import Row, func, select
from sqlalchemy.orm import Session, selectinload

from app.db.models import Quote, QuoteTopic, Speaker, Topic, TopicAlias
from app.errors import NotFound
from app.nlp.names import fold
from app.schemas import SpeakerCount, TopicDetail, TopicOut, TopicPage
from app.services.counts import kept_quote_counts
from app.services.names import resolve_topic_ref
from app.services.paging import keyset_page


def list_topics(session: Session, q: str | None, limit: int, cursor: str | None) -> TopicPage:
    """Topics named by at least one quote; `q` matches names and aliases forgivingly.
    Core rows, and quote counts the database keeps: no ORM instances, no counting."""
    stmt = select(Topic.id, Topic.name, Topic.slug, Topic.kind, Topic.speaker_id).where(
        Topic.id.in_(select(QuoteTopic.topic_id))
    )
    if q:
        stmt = stmt.where(Topic.id.in_(resolve_topic_ref(session, q).ids))

    def present(topics: Sequence[Row[Any]]) -> list[TopicOut]:
        ids = [t.id for t in topics]
        counts = kept_quote_counts(session, "topic", ids)
        aliases: dict[int, list[str]] = {i: [] for i in ids}
        for topic_id, alias in session.execute(
            select(TopicAlias.topic_id, TopicAlias.alias).where(TopicAlias.topic_id.in_(ids))
        ):
            aliases[topic_id].append(alias)
        return [_topic_out(t, aliases[t.id], counts.get(t.id, 0)) for t in topics]

    return keyset_page(session, stmt, Topic, limit, cursor, present, TopicPage)


def _topic_out(topic: Topic | Row[Any], names: list[str], count: int) -> TopicOut:
    aliases = sorted({a for a in names if fold(a) != fold(topic.name)})
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
    count = kept_quote_counts(session, "topic", [topic.id]).get(topic.id, 0)
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
        **_topic_out(topic, [a.alias for a in topic.aliases], count).model_dump(),
        top_speakers=[SpeakerCount(id=i, name=n, quote_count=c) for i, n, c in top],
    )
