"""The seeds, ingested as `make run` does, give what expected.json says, on both databases."""

from __future__ import annotations

import datetime as dt
from collections import Counter

import pytest
from sqlalchemy import select
from sqlalchemy.orm import Session, joinedload

from app.db.models import Document, Event, Quote, QuoteMatch, Speaker
from tests.expected import document, matches


def _quotes(session: Session, prefix: str) -> list[Quote]:
    doc = session.scalars(select(Document).where(Document.source_name.startswith(prefix))).one()
    return list(
        session.scalars(
            select(Quote)
            .where(Quote.document_id == doc.id)
            .options(joinedload(Quote.speaker))
            .order_by(Quote.position)
        )
    )


def _speaker_name(quote: Quote) -> str | None:
    return quote.speaker.name if quote.speaker else None


@pytest.mark.parametrize("prefix", ["000", "001"])
def test_transcript_turns_match_expected(seeded_session: Session, prefix: str) -> None:
    quotes = _quotes(seeded_session, prefix)
    for wanted in document(prefix)["quotes"]:
        found = [q for q in quotes if matches(q.text, wanted)]
        assert len(found) == 1, wanted
        assert _speaker_name(found[0]) == wanted["speaker"], wanted
        assert found[0].kind == ("question" if wanted["speaker"] is None else "turn")


def test_transcript_turn_counts_match_expected(seeded_session: Session) -> None:
    counts = Counter(
        str(_speaker_name(q)) if q.speaker else "null" for q in _quotes(seeded_session, "001")
    )
    assert dict(counts) == document("001")["turn_counts"]


def test_offsets_point_into_the_stored_text(seeded_session: Session) -> None:
    for doc in seeded_session.scalars(select(Document)):
        for quote in _quotes(seeded_session, doc.source_name[:3]):
            if quote.kind in ("turn", "question"):
                assert doc.text[quote.start_offset : quote.end_offset] == quote.text
            if quote.attribution_start is not None:
                label = doc.text[quote.attribution_start : quote.attribution_end]
                assert label == quote.attribution_label


@pytest.mark.parametrize("prefix", ["002", "003", "004"])
def test_news_quotes_match_expected(seeded_session: Session, prefix: str) -> None:
    quotes = _quotes(seeded_session, prefix)
    for wanted in document(prefix)["quotes"]:
        found = [q for q in quotes if matches(q.text, wanted) and q.kind == wanted["kind"]]
        assert found, wanted
        assert {_speaker_name(q) for q in found} == {wanted["speaker"]}, wanted


def test_seeds_yield_exactly_four_named_people(seeded_session: Session) -> None:
    quoted = select(Quote.speaker_id).where(Quote.speaker_id.is_not(None))
    names = seeded_session.scalars(
        select(Speaker.name).where(Speaker.id.in_(quoted), Speaker.kind == "person")
    ).all()
    assert sorted(names) == ["Boris Johnson", "John Kerry", "John Kirby", "Philip Hammond"]


def _event_of(session: Session, prefix: str) -> Event | None:
    doc = session.scalars(
        select(Document)
        .where(Document.source_name.startswith(prefix))
        .options(joinedload(Document.event))
    ).one()
    return doc.event


def test_transcript_and_its_news_report_share_one_event(seeded_session: Session) -> None:
    transcript, report = _event_of(seeded_session, "000"), _event_of(seeded_session, "002")
    assert transcript is not None and report is not None
    assert transcript.id == report.id
    assert transcript.date == dt.date(2016, 10, 16)
    assert transcript.city == "London"


@pytest.mark.parametrize(
    ("prefix", "date", "city"),
    [("001", dt.date(2015, 11, 17), "Paris"), ("003", dt.date(2015, 9, 19), "London")],
)
def test_events_have_their_date_and_place(
    seeded_session: Session, prefix: str, date: dt.date, city: str
) -> None:
    event = _event_of(seeded_session, prefix)
    assert event is not None
    assert (event.date, event.city) == (date, city)


def test_interview_without_a_date_stays_undated(seeded_session: Session) -> None:
    event = _event_of(seeded_session, "004")
    assert event is not None
    assert event.kind == "interview"
    assert event.date is None
    assert "CBS News" in (event.title or "")


def test_words_said_on_another_occasion_are_not_filed_under_the_event(
    seeded_session: Session,
) -> None:
    earlier = [q for q in _quotes(seeded_session, "002") if q.text.startswith("It is right now")]
    assert earlier and all(q.elsewhere and q.event_id is None for q in earlier)


def test_news_quotes_are_matched_to_the_transcript_words(seeded_session: Session) -> None:
    """002 rewords Johnson's transcript answer; the match is recorded in both directions."""
    news = _quotes(seeded_session, "002")
    transcript = {q.id: q for q in _quotes(seeded_session, "000")}
    measures = next(q for q in news if q.text.startswith("There’s a lot of measures"))
    matched = seeded_session.scalars(
        select(QuoteMatch.matched_quote_id).where(QuoteMatch.quote_id == measures.id)
    ).all()
    assert [transcript[m].text.startswith("Yeah, I certainly think it can") for m in matched] == [
        True
    ]
    back = seeded_session.scalars(
        select(QuoteMatch.quote_id).where(QuoteMatch.matched_quote_id == measures.id)
    ).all()
    assert back == matched
