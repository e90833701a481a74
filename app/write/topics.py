"""Topic rows: get-or-create, aliases, quote links and merges.

A document's topic links are written in one batch: one query for the topics it names, one
for their aliases, then the missing rows in mention order (the order a quote-by-quote pass
would create them in, so ids do not depend on batching).
"""

from __future__ import annotations

from collections.abc import Iterable, Iterator, Sequence
from typing import Any, TypeVar

from sqlalchemy import delete, insert, select, update
from sqlalchemy.exc import IntegrityError
from sqlalchemy.orm import Session

from app.db.models import QuoteTopic, SpeakerAlias, Topic, TopicAlias
from app.nlp.names import name_key, slugify
from app.nlp.topics import TopicLink, normalise_alias

_IN_CHUNK = 500  # values per IN (...): well under SQLite's limit on bound parameters
T = TypeVar("T")


def get_or_create_topic(session: Session, name: str, kind: str, source: str = "document") -> Topic:
    """Portable get-or-create: insert in a savepoint, re-select on a unique-key clash.

    `source` is "manual" when a user names the topic: it then outlives its documents."""
    slug = slugify(name)
    topic = session.scalar(select(Topic).where(Topic.slug == slug))
    if topic is not None:
        return topic
    speaker_id = _speakers_for(session, [name] if kind == "person" else []).get(name_key(name))
    topic = Topic(name=name, kind=kind, slug=slug, speaker_id=speaker_id)
    try:
        with session.begin_nested():
            session.add(topic)
    except IntegrityError:
        topic = session.scalars(select(Topic).where(Topic.slug == slug)).one()
    add_topic_alias(session, topic.id, name, source)
    return topic


def add_topic_alias(session: Session, topic_id: int, alias: str, source: str = "document") -> None:
    """Idempotent: one alias per normalised form and topic; a user's ("manual") alias marks
    an existing one as theirs."""
    _add_aliases(session, [(topic_id, alias)], source)


def link_topics(session: Session, links: Sequence[tuple[int, Sequence[TopicLink]]]) -> None:
    """Link quotes (by id) to the topics they name, creating missing topics and aliases.

    A new topic gets its name as an alias, then every surface the text wrote it as.
    """
    first: dict[str, TopicLink] = {}  # slug -> the mention that creates the topic
    for _, found in links:
        for link in found:
            first.setdefault(slugify(link.name), link)
    ids, created = _ensure_topics(session, first)
    aliases: list[tuple[int, str]] = []
    for _, found in links:
        for link in found:
            slug = slugify(link.name)
            if slug in created:
                aliases.append((ids[slug], created.pop(slug)))
            aliases.append((ids[slug], link.surface))
    _add_aliases(session, aliases)
    rows = [
        {"quote_id": quote_id, "topic_id": ids[slugify(link.name)], "scope": link.scope}
        for quote_id, found in links
        for link in found
    ]
    # One multi-row INSERT per chunk, not one statement per link: PostgreSQL runs the facet
    # count triggers (migration 0009) once per statement.
    for chunk in _chunks(rows):
        session.execute(insert(QuoteTopic).values(list(chunk)))


def _ensure_topics(
    session: Session, first: dict[str, TopicLink]
) -> tuple[dict[str, int], dict[str, str]]:
    """Ids by slug for every named topic, and the names of those created here (by slug)."""
    ids: dict[str, int] = {}
    for chunk in _chunks(list(first)):
        rows = session.execute(select(Topic.slug, Topic.id).where(Topic.slug.in_(chunk)))
        ids.update(((slug, topic_id) for slug, topic_id in rows))
    missing = [link for slug, link in first.items() if slug not in ids]
    if not missing:
        return ids, {}
    people = _speakers_for(session, [m.name for m in missing if m.kind == "person"])
    topics = [
        Topic(
            name=m.name,
            kind=m.kind,
            slug=slugify(m.name),
            speaker_id=people.get(name_key(m.name)) if m.kind == "person" else None,
        )
        for m in missing
    ]
    try:
        with session.begin_nested():
            session.add_all(topics)
    except IntegrityError:
        # Another writer created one of them meanwhile: take each one by one.
        for m in missing:
            ids[slugify(m.name)] = get_or_create_topic(session, m.name, m.kind).id
        return ids, {}
    ids.update((t.slug, t.id) for t in topics)
    return ids, {t.slug: t.name for t in topics}


def _speakers_for(session: Session, names: list[str]) -> dict[str, int]:
    """A person who is a topic and a speaker is one identity: link by full-name alias."""
    keys = list(dict.fromkeys(name_key(name) for name in names))
    found: dict[str, int] = {}
    for chunk in _chunks(keys):
        rows = session.execute(
            select(SpeakerAlias.alias_norm, SpeakerAlias.speaker_id)
            .where(SpeakerAlias.alias_norm.in_(chunk))
            .order_by(SpeakerAlias.id)
        )
        for key, speaker_id in rows:
            found.setdefault(key, speaker_id)
    return found


def _add_aliases(
    session: Session, wanted: Iterable[tuple[int, str]], source: str = "document"
) -> None:
    """Insert the aliases not yet stored for their topic, in the order given."""
    keyed = [(topic_id, alias, normalise_alias(alias)) for topic_id, alias in wanted]
    keyed = [row for row in keyed if row[2]]
    if not keyed:
        return
    have: set[tuple[int, str]] = set()
    for chunk in _chunks(list({topic_id for topic_id, _, _ in keyed})):
        stored = session.execute(
            select(TopicAlias.topic_id, TopicAlias.alias_norm).where(TopicAlias.topic_id.in_(chunk))
        )
        have.update((topic_id, key) for topic_id, key in stored)
    new: list[dict[str, Any]] = []
    for topic_id, alias, key in keyed:
        if (topic_id, key) not in have:
            new.append({"topic_id": topic_id, "alias": alias, "alias_norm": key, "source": source})
            have.add((topic_id, key))
        elif source == "manual":
            session.execute(
                update(TopicAlias)
                .where(TopicAlias.topic_id == topic_id, TopicAlias.alias_norm == key)
                .values(source=source)
            )
    if new:  # one executemany; ids follow the order of `wanted`
        session.execute(insert(TopicAlias), new)


def _chunks(values: Sequence[T]) -> Iterator[Sequence[T]]:
    for start in range(0, len(values), _IN_CHUNK):
        yield values[start : start + _IN_CHUNK]


def merge_topics(session: Session, source: Topic, target: Topic) -> Topic:
    """Fold one topic into another: its aliases and quote links move."""
    if source.id == target.id:
        return target
    aliases = session.scalars(select(TopicAlias).where(TopicAlias.topic_id == source.id)).all()
    for origin in ("document", "manual"):  # a user's alias stays the user's
        _add_aliases(session, [(target.id, a.alias) for a in aliases if a.source == origin], origin)
    for link in session.scalars(select(QuoteTopic).where(QuoteTopic.topic_id == source.id)).all():
        key = {"quote_id": link.quote_id, "topic_id": target.id, "scope": link.scope}
        if session.get(QuoteTopic, key) is None:
            session.add(QuoteTopic(**key))
    session.flush()
    session.execute(delete(QuoteTopic).where(QuoteTopic.topic_id == source.id))
    session.execute(delete(TopicAlias).where(TopicAlias.topic_id == source.id))
    session.execute(update(Topic).where(Topic.id == source.id).values(speaker_id=None))
    session.execute(delete(Topic).where(Topic.id == source.id))
    session.expunge(source)
    return target
