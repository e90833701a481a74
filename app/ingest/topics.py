"""Link quotes to the topics their words (scope 'quote') or their context (scope 'context') name."""

from __future__ import annotations

from sqlalchemy import select
from sqlalchemy.exc import IntegrityError
from sqlalchemy.orm import Session

from app.db.models import Quote, QuoteTopic, SpeakerAlias, Topic, TopicAlias
from app.nlp.names import name_key, slugify
from app.nlp.topics import (
    TopicEntry,
    TopicMatcher,
    TopicMention,
    find_topics,
    load_lexicon,
    normalise_alias,
)


def build_matcher(session: Session) -> TopicMatcher:
    """The shipped lexicon plus every alias users added in the database."""
    entries = {entry.name: entry for entry in load_lexicon()}
    rows = session.execute(
        select(Topic.name, Topic.kind, TopicAlias.alias).join(
            TopicAlias, TopicAlias.topic_id == Topic.id
        )
    )
    extra: dict[str, tuple[str, set[str]]] = {}
    for name, kind, alias in rows:
        extra.setdefault(name, (kind, set()))[1].add(alias)
    for name, (kind, aliases) in extra.items():
        known = entries.get(name)
        merged = set(known.aliases) if known else set()
        entries[name] = TopicEntry(
            name, known.kind if known else kind, tuple(sorted(merged | aliases))
        )
    return TopicMatcher(entries.values())


class TopicLinker:
    """Caches topic ids for one ingestion run; creates a topic the first time a quote names it."""

    def __init__(self, session: Session) -> None:
        self.matcher = build_matcher(session)
        self._ids: dict[str, int] = {}
        self._aliases: set[tuple[int, str]] = set()

    def forget(self) -> None:
        """Drop caches after a rolled-back document: the topics it created are gone."""
        self._ids.clear()
        self._aliases.clear()

    def link(self, session: Session, quote: Quote, context: str | None) -> None:
        """One link per topic: scope 'quote' when its words name it, else 'context'."""
        scopes: dict[str, tuple[TopicMention, str]] = {}
        for mention in find_topics(quote.text, self.matcher):
            scopes.setdefault(mention.name, (mention, "quote"))
        for mention in find_topics(context, self.matcher) if context else []:
            scopes.setdefault(mention.name, (mention, "context"))
        for mention, scope in scopes.values():
            topic_id = self._topic_id(session, mention)
            session.add(QuoteTopic(quote_id=quote.id, topic_id=topic_id, scope=scope))

    def _topic_id(self, session: Session, mention: TopicMention) -> int:
        cached = self._ids.get(mention.name)
        if cached is None:
            topic = get_or_create_topic(session, mention.name, mention.kind)
            cached = self._ids[mention.name] = topic.id
        if (cached, mention.surface) not in self._aliases:
            add_topic_alias(session, cached, mention.surface)
            self._aliases.add((cached, mention.surface))
        return cached


def get_or_create_topic(session: Session, name: str, kind: str) -> Topic:
    """Portable get-or-create: insert in a savepoint, re-select on a unique-key clash."""
    slug = slugify(name)
    topic = session.scalar(select(Topic).where(Topic.slug == slug))
    if topic is not None:
        return topic
    topic = Topic(name=name, kind=kind, slug=slug, speaker_id=_speaker_for(session, name, kind))
    try:
        with session.begin_nested():
            session.add(topic)
    except IntegrityError:
        topic = session.scalars(select(Topic).where(Topic.slug == slug)).one()
    add_topic_alias(session, topic.id, name)
    return topic


def _speaker_for(session: Session, name: str, kind: str) -> int | None:
    """A person who is a topic and a speaker is one identity: link by full-name alias."""
    if kind != "person":
        return None
    return session.scalar(
        select(SpeakerAlias.speaker_id).where(SpeakerAlias.alias_norm == name_key(name)).limit(1)
    )


def add_topic_alias(session: Session, topic_id: int, alias: str) -> None:
    key = normalise_alias(alias)
    if not key:
        return
    exists = select(TopicAlias.id).where(
        TopicAlias.topic_id == topic_id, TopicAlias.alias_norm == key
    )
    if session.scalar(exists) is None:
        session.add(TopicAlias(topic_id=topic_id, alias=alias, alias_norm=key))
        session.flush()
