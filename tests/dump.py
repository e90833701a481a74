"""A database's content without its ids: what two ways of ingesting the same files must agree
on, whatever order the rows were written in."""

from __future__ import annotations

from typing import Any

from sqlalchemy import Engine, select
from sqlalchemy.orm import Session

from app.db.models import (
    Document,
    Event,
    EventParticipant,
    Quote,
    QuoteMatch,
    QuoteTopic,
    QuoteVerification,
    Speaker,
    SpeakerAlias,
    SpeakerRole,
    Topic,
    TopicAlias,
)


def canonical_dump(engine: Engine) -> dict[str, Any]:
    """Documents by sha256, speakers by name, topics by slug, events by (date, title), quotes
    by (document, position) with their speaker, event, topics, matches and verdicts."""
    with Session(engine) as session:
        speakers = dict(session.execute(select(Speaker.id, Speaker.name)).all())
        events = {
            row.id: (str(row.date), row.title)
            for row in session.execute(select(Event.id, Event.date, Event.title))
        }
        documents = dict(session.execute(select(Document.id, Document.sha256)).all())
        quotes = {
            row.id: (documents[row.document_id], row.position)
            for row in session.execute(select(Quote.id, Quote.document_id, Quote.position))
        }
        return {
            "documents": sorted(
                (d.sha256, d.title, d.genre, str(d.published), events.get(d.event_id))
                for d in session.scalars(select(Document))
            ),
            "speakers": sorted(
                (s.name, s.slug, s.kind, _aliases(session, s.id), _roles(session, s.id))
                for s in session.scalars(select(Speaker))
            ),
            "topics": sorted(
                (
                    t.slug,
                    t.name,
                    t.kind,
                    speakers.get(t.speaker_id or 0),
                    _topic_aliases(session, t.id),
                )
                for t in session.scalars(select(Topic))
            ),
            "events": sorted(
                (
                    str(e.date),
                    e.title,
                    e.city,
                    e.venue,
                    sorted(
                        speakers[p]
                        for p in session.scalars(
                            select(EventParticipant.speaker_id).where(
                                EventParticipant.event_id == e.id
                            )
                        )
                    ),
                )
                for e in session.scalars(select(Event))
            ),
            "quotes": sorted(
                (
                    quotes[q.id],
                    q.text,
                    q.kind,
                    speakers.get(q.speaker_id or 0),
                    events.get(q.event_id or 0),
                    str(q.spoken_on),
                )
                for q in session.scalars(select(Quote))
            ),
            "quote_topics": sorted(
                (quotes[quote_id], slug, scope)
                for quote_id, slug, scope in session.execute(
                    select(QuoteTopic.quote_id, Topic.slug, QuoteTopic.scope).join(
                        Topic, Topic.id == QuoteTopic.topic_id
                    )
                )
            ),
            "matches": sorted(
                (quotes[a], quotes[b])
                for a, b in session.execute(
                    select(QuoteMatch.quote_id, QuoteMatch.matched_quote_id)
                )
            ),
            "verifications": sorted(
                (quotes[quote_id], status, quotes.get(source or 0))
                for quote_id, status, source in session.execute(
                    select(
                        QuoteVerification.quote_id,
                        QuoteVerification.status,
                        QuoteVerification.source_quote_id,
                    )
                )
            ),
        }


def _aliases(session: Session, speaker_id: int) -> list[str]:
    return sorted(
        session.scalars(select(SpeakerAlias.alias).where(SpeakerAlias.speaker_id == speaker_id))
    )


def _roles(session: Session, speaker_id: int) -> list[tuple[str, ...]]:
    rows = session.execute(
        select(
            SpeakerRole.title,
            SpeakerRole.country,
            SpeakerRole.start_date,
            SpeakerRole.end_date,
            SpeakerRole.source,
        ).where(SpeakerRole.speaker_id == speaker_id)
    )
    return sorted(tuple(str(value) for value in row) for row in rows)


def _topic_aliases(session: Session, topic_id: int) -> list[str]:
    return sorted(session.scalars(select(TopicAlias.alias).where(TopicAlias.topic_id == topic_id)))
