"""Deleting a document leaves no orphans, on SQLite and PostgreSQL, over the seeded archive.

In the seeds, transcript 000 and news report 002 are of the same joint statement (one event;
002's quotes are verified against 000), and news report 003 is the only document of its
event, the only one quoting Philip Hammond (known from no directory).
"""

from __future__ import annotations

import pytest
from sqlalchemy import func, select
from sqlalchemy.orm import Session

from app.db.models import (
    Document,
    DocumentRevision,
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
from app.errors import NotFound
from app.write.corrections import add_topic_alias_ref
from app.write.deletion import delete_document, lexicon_slugs


def _document(session: Session, prefix: str) -> Document:
    return session.scalars(select(Document).where(Document.source_name.startswith(prefix))).one()


def _orphans(session: Session) -> dict[str, set[int]]:
    """Rows the deletion rules say must not outlive their documents."""
    events = set(
        session.scalars(
            select(Event.id).where(
                ~select(Document.id).where(Document.event_id == Event.id).exists(),
                ~select(Quote.id).where(Quote.event_id == Event.id).exists(),
            )
        )
    )
    kept_alias = select(SpeakerAlias.id).where(
        SpeakerAlias.speaker_id == Speaker.id, SpeakerAlias.source.in_(("directory", "manual"))
    )
    kept_role = select(SpeakerRole.id).where(
        SpeakerRole.speaker_id == Speaker.id, SpeakerRole.source == "directory"
    )
    speakers = set(
        session.scalars(
            select(Speaker.id).where(
                ~select(Quote.id).where(Quote.speaker_id == Speaker.id).exists(),
                Speaker.wikidata.is_(None),
                ~kept_alias.exists(),
                ~kept_role.exists(),
            )
        )
    )
    manual = select(TopicAlias.id).where(
        TopicAlias.topic_id == Topic.id, TopicAlias.source == "manual"
    )
    topics = {
        topic_id
        for topic_id, slug in session.execute(
            select(Topic.id, Topic.slug).where(
                ~select(QuoteTopic.quote_id).where(QuoteTopic.topic_id == Topic.id).exists(),
                ~manual.exists(),
            )
        )
        if slug not in lexicon_slugs()
    }
    return {"events": events, "speakers": speakers, "topics": topics}


def _count(session: Session, query: object) -> int:
    return session.scalar(select(func.count()).select_from(query)) or 0  # type: ignore[arg-type]


def test_deleting_a_transcript_keeps_the_event_a_news_report_shares(
    seeded_session: Session,
) -> None:
    session = seeded_session
    transcript, report = _document(session, "000_"), _document(session, "002_")
    assert transcript.event_id == report.event_id
    event_id = transcript.event_id
    quote_ids = set(session.scalars(select(Quote.id).where(Quote.document_id == transcript.id)))
    cited = session.scalar(
        select(func.count())
        .select_from(QuoteVerification)
        .where(QuoteVerification.source_document_id == transcript.id)
    )
    assert cited, "seed 002 should be verified against transcript 000"
    before = _orphans(session)

    summary = delete_document(session, transcript.id)

    assert set(summary.quote_ids) == quote_ids
    assert summary.event_ids == ()
    assert session.get(Event, event_id) is not None
    assert session.get(Document, transcript.id) is None
    assert session.scalar(select(Quote.id).where(Quote.id.in_(quote_ids))) is None
    for column in (QuoteTopic.quote_id, QuoteMatch.quote_id, QuoteMatch.matched_quote_id):
        assert session.scalar(select(column).where(column.in_(quote_ids))) is None
    # The report's verdicts no longer point at the deleted transcript: re-verified.
    assert summary.reverified >= cited
    sources = session.execute(
        select(QuoteVerification.source_document_id, QuoteVerification.source_quote_id)
    ).all()
    assert all(doc != transcript.id and quote not in quote_ids for doc, quote in sources)
    assert session.scalar(
        select(func.count()).where(QuoteVerification.source_document_id.is_(None))
    )
    # Boris Johnson spoke only in the transcript: no longer a participant of the event,
    # but still a speaker (the directory knows him).
    johnson = session.scalars(select(Speaker).where(Speaker.name == "Boris Johnson")).one()
    participants = set(
        session.scalars(
            select(EventParticipant.speaker_id).where(EventParticipant.event_id == event_id)
        )
    )
    spoke = set(session.scalars(select(Quote.speaker_id).where(Quote.event_id == event_id)))
    assert participants <= spoke
    assert johnson.id not in summary.speaker_ids
    _no_new_orphans(before, _orphans(session))


def _no_new_orphans(before: dict[str, set[int]], after: dict[str, set[int]]) -> None:
    for kind, ids in after.items():
        assert ids <= before[kind], f"new orphan {kind}: {ids - before[kind]}"


def test_deleting_the_only_document_of_an_event_removes_what_only_it_named(
    seeded_session: Session,
) -> None:
    session = seeded_session
    report = _document(session, "003_")
    event_id = report.event_id
    assert event_id is not None
    assert _count(session, select(Document.id).where(Document.event_id == event_id).subquery()) == 1
    hammond = session.scalars(select(Speaker).where(Speaker.name == "Philip Hammond")).one()
    kerry = session.scalars(select(Speaker).where(Speaker.name == "John Kerry")).one()
    hammond_id, kerry_id = hammond.id, kerry.id
    participants = set(
        session.scalars(
            select(EventParticipant.speaker_id).where(EventParticipant.event_id == event_id)
        )
    )
    assert {hammond_id, kerry_id} <= participants
    linked = set(
        session.scalars(
            select(QuoteTopic.topic_id)
            .join(Quote, Quote.id == QuoteTopic.quote_id)
            .where(Quote.document_id == report.id)
        )
    )
    elsewhere = set(
        session.scalars(
            select(QuoteTopic.topic_id)
            .join(Quote, Quote.id == QuoteTopic.quote_id)
            .where(Quote.document_id != report.id)
        )
    )
    only_here = {
        t.id
        for t in session.scalars(select(Topic).where(Topic.id.in_(linked - elsewhere)))
        if t.slug not in lexicon_slugs()
    }
    before = _orphans(session)

    summary = delete_document(session, report.id)

    assert summary.event_ids == (event_id,)
    assert session.get(Event, event_id) is None
    assert (
        session.scalar(
            select(EventParticipant.speaker_id).where(EventParticipant.event_id == event_id)
        )
        is None
    )
    assert hammond_id in summary.speaker_ids
    assert session.get(Speaker, hammond_id) is None
    assert (
        session.scalar(select(SpeakerRole.id).where(SpeakerRole.speaker_id == hammond_id)) is None
    )
    assert session.get(Speaker, kerry_id) is not None  # the directory's Kerry stays
    assert set(summary.topic_ids) == only_here
    assert session.scalar(select(Topic.id).where(Topic.id.in_(only_here))) is None
    assert (
        session.scalar(select(DocumentRevision.id).where(DocumentRevision.document_id == report.id))
        is None
    )
    _no_new_orphans(before, _orphans(session))


@pytest.mark.parametrize("user_named", [False, True])
def test_a_topic_only_one_document_named_goes_with_it_unless_a_user_named_it(
    seeded_session: Session, user_named: bool
) -> None:
    """Seed 001 alone names the Boston Marathon, a topic ingestion discovered (not in the
    lexicon); a user's alias for it makes it theirs."""
    session = seeded_session
    transcript = _document(session, "001_")
    marathon = session.scalars(select(Topic).where(Topic.slug == "boston-marathon")).one()
    marathon_id = marathon.id
    assert marathon.slug not in lexicon_slugs()
    if user_named:
        add_topic_alias_ref(session, "Boston Marathon", "the marathon bombing")
    summary = delete_document(session, transcript.id)
    assert (marathon_id in summary.topic_ids) is not user_named
    assert (session.get(Topic, marathon_id) is None) is not user_named
    lexicon_topic = session.scalars(select(Topic).where(Topic.slug == "airstrikes")).one()
    assert lexicon_topic.id not in summary.topic_ids


def test_an_unknown_document_is_not_found(seeded_session: Session) -> None:
    with pytest.raises(NotFound, match="no document with id 987654"):
        delete_document(seeded_session, 987654)
