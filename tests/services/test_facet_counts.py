"""Facet counts kept by triggers (migrations 0009, 0010): right after ingest, merges, deletes
and re-pointed links, on SQLite and PostgreSQL; and facets read from them equal facets
counted from the quotes. On PostgreSQL, two open write transactions write apart (shards)."""

from __future__ import annotations

import importlib.util
from collections.abc import Callable
from pathlib import Path
from unittest import mock

import pytest
from sqlalchemy import case, delete, func, insert, select, update
from sqlalchemy.orm import Session

from app.db.models import (
    Document,
    Event,
    Quote,
    QuoteTopic,
    QuoteVerification,
    Speaker,
    Topic,
)
from app.services import facets, quotes
from app.services.quotes import QuoteFilters
from app.write.speakers import merge_speakers
from app.write.topics import merge_topics
from tests.facet_check import assert_counts_right, kept_counts

ROOT = Path(__file__).resolve().parents[2]


def speakers_by_quotes(session: Session) -> list[int]:
    rows = session.execute(
        select(Quote.speaker_id)
        .where(Quote.speaker_id.is_not(None))
        .group_by(Quote.speaker_id)
        .order_by(func.count().desc(), Quote.speaker_id)
    )
    return [r[0] for r in rows]


def topics_by_quotes(session: Session) -> list[int]:
    rows = session.execute(
        select(QuoteTopic.topic_id)
        .where(QuoteTopic.scope == "quote")
        .group_by(QuoteTopic.topic_id)
        .order_by(func.count().desc(), QuoteTopic.topic_id)
    )
    return [r[0] for r in rows]


def merge_two_speakers(session: Session) -> None:
    first, second = speakers_by_quotes(session)[:2]
    merge_speakers(session, session.get_one(Speaker, second), session.get_one(Speaker, first))


def merge_two_topics(session: Session) -> None:
    first, second = topics_by_quotes(session)[:2]
    merge_topics(session, session.get_one(Topic, second), session.get_one(Topic, first))


def delete_a_document(session: Session) -> None:
    document_id = session.scalar(select(Quote.document_id).order_by(Quote.id).limit(1))
    session.execute(delete(Document).where(Document.id == document_id))


def move_quotes(session: Session) -> None:
    """Quotes change speaker, event, date and kind; one loses its speaker, as a revision might."""
    ids = session.scalars(select(Quote.id).order_by(Quote.id.desc()).limit(4)).all()
    event = session.scalar(select(Event.id).order_by(Event.id).limit(1))
    speaker = speakers_by_quotes(session)[-1]
    session.execute(
        update(Quote)
        .where(Quote.id.in_(ids[:2]))
        .values(speaker_id=speaker, event_id=event, kind="indirect")
    )
    session.execute(update(Quote).where(Quote.id == ids[2]).values(speaker_id=None, spoken_on=None))


def relink_topics(session: Session) -> None:
    """Several links of one quote in one statement: added, re-scoped, re-pointed, removed."""
    quote_id = session.scalar(select(Quote.id).order_by(Quote.id).limit(1))
    topics = topics_by_quotes(session)[:5]
    session.execute(delete(QuoteTopic).where(QuoteTopic.quote_id == quote_id))
    session.execute(
        insert(QuoteTopic),
        [{"quote_id": quote_id, "topic_id": t, "scope": "quote"} for t in topics[:3]],
    )
    session.execute(
        update(QuoteTopic)
        .where(QuoteTopic.quote_id == quote_id, QuoteTopic.topic_id == topics[0])
        .values(scope="context")
    )
    session.execute(  # two links re-pointed in one statement, one onto the other's old topic
        update(QuoteTopic)
        .where(QuoteTopic.quote_id == quote_id, QuoteTopic.topic_id.in_(topics[1:3]))
        .values(topic_id=case((QuoteTopic.topic_id == topics[1], topics[3]), else_=topics[4]))
    )


def change_verdicts(session: Session) -> None:
    """A verdict changes, one goes, one moves to a quote that had none."""
    verdicts = session.scalars(select(QuoteVerification).order_by(QuoteVerification.quote_id)).all()
    assert len(verdicts) >= 2, "the seeds have verified news quotes"
    session.execute(
        update(QuoteVerification)
        .where(QuoteVerification.quote_id == verdicts[0].quote_id)
        .values(status="altered" if verdicts[0].status != "altered" else "verbatim")
    )
    session.execute(
        delete(QuoteVerification).where(QuoteVerification.quote_id == verdicts[1].quote_id)
    )
    unverified = session.scalar(
        select(Quote.id).where(Quote.id.not_in(select(QuoteVerification.quote_id))).limit(1)
    )
    session.execute(
        insert(QuoteVerification).values(quote_id=unverified, status="unmatched", diff=[])
    )


EDITS: list[Callable[[Session], None]] = [
    merge_two_speakers,
    merge_two_topics,
    move_quotes,
    relink_topics,
    change_verdicts,
    delete_a_document,
]


def test_counts_equal_a_fresh_count_after_ingest(seeded_session: Session) -> None:
    assert sum(n for k, n in kept_counts(seeded_session).items() if k[:3] == ("all", 0, "kinds"))
    assert_counts_right(seeded_session)


@pytest.mark.parametrize("edit", EDITS, ids=lambda e: e.__name__)
def test_counts_stay_right_after_an_edit(
    seeded_session: Session, edit: Callable[[Session], None]
) -> None:
    edit(seeded_session)
    assert_counts_right(seeded_session)


def test_counts_stay_right_after_every_edit_in_turn(seeded_session: Session) -> None:
    for edit in EDITS:
        edit(seeded_session)
    assert_counts_right(seeded_session)


def test_backfill_counts_what_the_triggers_keep(seeded_session: Session) -> None:
    path = next((ROOT / "migrations" / "versions").glob("*_facet_counts.py"))
    spec = importlib.util.spec_from_file_location("facet_counts_migration", path)
    assert spec is not None and spec.loader is not None
    migration = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(migration)
    move_quotes(seeded_session)
    seeded_session.flush()
    migration.backfill(seeded_session.connection())
    assert_counts_right(seeded_session)


def both_ways(session: Session, filters: QuoteFilters) -> tuple[object, object]:
    kept = facets.quote_facets(session, filters)
    with mock.patch.object(facets, "counted_subject", lambda *_: None):
        computed = facets.quote_facets(session, filters)
    return kept, computed


def facet_filters(session: Session) -> list[QuoteFilters]:
    speakers = speakers_by_quotes(session)
    topics = topics_by_quotes(session)
    return [
        QuoteFilters(),
        *(QuoteFilters(speakers=[str(s)]) for s in speakers[:5]),
        QuoteFilters(speakers=[str(s) for s in speakers[:3]] + [str(speakers[0])]),
        *(QuoteFilters(topics=[str(t)]) for t in topics[:8]),
    ]


@pytest.mark.parametrize("edited", [False, True])
def test_facets_from_counts_equal_facets_counted(seeded_session: Session, edited: bool) -> None:
    if edited:
        for edit in EDITS:
            edit(seeded_session)
        seeded_session.flush()
    for filters in facet_filters(seeded_session):
        kept, computed = both_ways(seeded_session, filters)
        assert kept == computed, filters


def test_counts_read_only_when_they_answer_the_filter_exactly(seeded_session: Session) -> None:
    """A date, a second topic, or context links are counted from the quotes, not the table."""
    topics = [str(t) for t in topics_by_quotes(seeded_session)[:2]]
    read: list[object] = []
    real = facets.counted_statement

    def spy(*args: object, **kwargs: object) -> object:
        read.append(args)
        return real(*args, **kwargs)  # type: ignore[arg-type]

    with mock.patch.object(facets, "counted_statement", spy):
        for filters in (
            QuoteFilters(topics=topics),
            QuoteFilters(topics=topics[:1], scope="context"),
            QuoteFilters(topics=topics[:1], kinds=["direct"]),
            QuoteFilters(speakers=["1"], topics=topics[:1]),
        ):
            facets.quote_facets(seeded_session, filters)
        assert read == []
        facets.quote_facets(seeded_session, QuoteFilters(topics=topics[:1]))
    assert read == [("topic", [int(topics[0])])]


@pytest.mark.parametrize("edited", [False, True])
def test_totals_from_counts_equal_totals_counted(seeded_session: Session, edited: bool) -> None:
    """`total` of a page (one quote a page, so it is never its own count) for names alone:
    the kept counts answer exactly what counting the quotes answers."""
    if edited:
        for edit in EDITS:
            edit(seeded_session)
        seeded_session.flush()
    speakers = [str(s) for s in speakers_by_quotes(seeded_session)[:3]]
    topics = [str(t) for t in topics_by_quotes(seeded_session)[:3]]
    cases = [
        *facet_filters(seeded_session),
        *(QuoteFilters(speakers=[s], topics=[t]) for s in speakers for t in topics),
        QuoteFilters(speakers=speakers, topics=topics[:1]),
        QuoteFilters(speakers=speakers[:1], topics=topics[:1], scope="context"),
    ]
    answered = 0
    for filters in cases:
        kept = quotes.find_quotes(seeded_session, filters, 1, None, count=True)
        answered += (
            quotes.kept_total(seeded_session, filters, quotes.build_query(seeded_session, filters))
            is not None
        )
        with mock.patch.object(quotes, "kept_total", lambda *_: None):
            counted = quotes.find_quotes(seeded_session, filters, 1, None, count=True)
        assert (kept.total, kept.total_is_estimate) == (counted.total, counted.total_is_estimate)
    assert answered == len(cases) - 1  # all but the context-scope pair
