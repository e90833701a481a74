"""The topic matcher for one ingestion run: the shipped lexicon plus the aliases users added.

Read once, before any document's transaction, so parsing needs no session.
"""

from __future__ import annotations

from sqlalchemy import select
from sqlalchemy.orm import Session

from app.db.models import Topic, TopicAlias
from app.nlp.topics import TopicEntry, TopicMatcher, load_lexicon


def build_matcher(session: Session) -> TopicMatcher:
    """The shipped lexicon plus every alias users added in the database."""
    return TopicMatcher(matcher_entries(session))


def matcher_entries(session: Session) -> list[TopicEntry]:
    """What `build_matcher` builds from: plain values, sent once to each parsing process."""
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
    return list(entries.values())
