"""Statements reused per shape never carry one request's values into another's answer.

Every speaker, topic, kind, event, document, date and word of the seeds is asked for in
turn through the same shaped statements, and each answer is checked against the quotes
filtered in Python; after the first of a kind no statement is built again.
"""

from __future__ import annotations

import datetime as dt
import re
from collections.abc import Callable, Sequence
from typing import Any

import pytest
from sqlalchemy import select
from sqlalchemy.exc import StatementError
from sqlalchemy.orm import Session

from app.db.models import Quote, QuoteTopic, QuoteVerification, Speaker, Topic
from app.services import quotes
from app.services.quote_rows import topics_by_quote
from app.services.quotes import QuoteFilters, build_query
from app.services.shapes import forget_shapes, shapes_built, slot

Row = dict[str, Any]
# First page, page after a cursor (dated and undated for date sorts), a count, the id list
# and EXPLAIN of a PostgreSQL search.
MOST_STATEMENTS_OF_ONE_SHAPE = 5


def every_quote(session: Session) -> list[Row]:
    """Each quote with what the filters look at, read without the shaped statements."""
    topics: dict[int, set[int]] = {}
    for quote_id, topic_id in session.execute(
        select(QuoteTopic.quote_id, QuoteTopic.topic_id).where(QuoteTopic.scope == "quote")
    ):
        topics.setdefault(quote_id, set()).add(topic_id)
    verdicts = dict(
        session.execute(select(QuoteVerification.quote_id, QuoteVerification.status)).tuples().all()
    )
    return [
        {
            "id": q.id,
            "speaker": q.speaker_id,
            "kind": q.kind,
            "event": q.event_id,
            "document": q.document_id,
            "spoken_on": q.spoken_on,
            "text": q.text.casefold(),
            "topics": topics.get(q.id, set()),
            "verification": verdicts.get(q.id),
        }
        for q in session.scalars(select(Quote).order_by(Quote.id))
    ]


def all_ids(session: Session, filters: QuoteFilters, sort: str = "id") -> list[int]:
    """Every match, page after page of three (the cursor is a value too)."""
    found, cursor = [], None
    while True:
        page = quotes.find_quotes(session, filters, 3, cursor, sort=sort, count=True)
        found += [item["id"] for item in page.items]
        if page.next_cursor is None:
            return found
        cursor = page.next_cursor


def check_one_shape(
    session: Session, cases: Sequence[tuple[QuoteFilters, Callable[..., bool]]], sort: str = "id"
) -> None:
    """Each case answers as the quotes filtered in Python do, and all of them together build
    no more statements than one case's pages can need (a first page, a page after a cursor,
    a count, and their variants)."""
    assert len(cases) >= 2, "a shape needs two values to show anything"
    rows = every_quote(session)
    forget_shapes()
    for filters, wanted in cases:
        expected = [r["id"] for r in rows if wanted(r)]
        got = all_ids(session, filters, sort)
        assert sorted(got) == expected, filters
        if sort == "id":
            assert got == expected, filters
    assert shapes_built() <= MOST_STATEMENTS_OF_ONE_SHAPE


def test_each_speaker_gets_their_own_quotes(seeded_session: Session) -> None:
    speakers = seeded_session.execute(select(Speaker.id, Speaker.slug)).all()
    cases = [
        (QuoteFilters(speakers=[slug]), lambda r, i=i: r["speaker"] == i) for i, slug in speakers
    ]
    check_one_shape(seeded_session, cases)


def test_each_topic_with_each_speaker(seeded_session: Session) -> None:
    pairs = seeded_session.execute(
        select(Speaker.id, Speaker.slug, Topic.id, Topic.slug)
        .join(Quote, Quote.speaker_id == Speaker.id)
        .join(QuoteTopic, (QuoteTopic.quote_id == Quote.id) & (QuoteTopic.scope == "quote"))
        .join(Topic, Topic.id == QuoteTopic.topic_id)
        .distinct()
    ).all()
    cases = [
        (
            QuoteFilters(speakers=[s_slug], topics=[t_slug]),
            lambda r, s=s, t=t: r["speaker"] == s and t in r["topics"],
        )
        for s, s_slug, t, t_slug in pairs
    ]
    check_one_shape(seeded_session, cases)


def test_each_kind_event_and_document(seeded_session: Session) -> None:
    rows = every_quote(seeded_session)
    kinds = sorted({r["kind"] for r in rows})
    check_one_shape(
        seeded_session, [(QuoteFilters(kinds=[k]), lambda r, k=k: r["kind"] == k) for k in kinds]
    )
    events = sorted({r["event"] for r in rows if r["event"] is not None})
    check_one_shape(
        seeded_session,
        [(QuoteFilters(event=e), lambda r, e=e: r["event"] == e) for e in events],
    )
    documents = sorted({r["document"] for r in rows})
    check_one_shape(
        seeded_session,
        [(QuoteFilters(document=d), lambda r, d=d: r["document"] == d) for d in documents],
    )


def test_each_date_range(seeded_session: Session) -> None:
    days = sorted({r["spoken_on"] for r in every_quote(seeded_session) if r["spoken_on"]})
    assert len(days) >= 2
    cases = [
        (
            QuoteFilters(date_from=day, date_to=day + dt.timedelta(days=1)),
            lambda r, day=day: (
                r["spoken_on"] is not None and day <= r["spoken_on"] <= day + dt.timedelta(days=1)
            ),
        )
        for day in days
    ]
    check_one_shape(seeded_session, cases)


@pytest.mark.parametrize("sort", ["id", "-date", "relevance"])
def test_each_word_in_every_sort(seeded_session: Session, sort: str) -> None:
    # Names: no other form of them shares their stem, so a whole-word match is the answer.
    words = ["russia", "aleppo", "assad", "kerry", "geneva"]
    cases = [
        (QuoteFilters(q=w), lambda r, w=w: re.search(rf"\b{w}\b", r["text"]) is not None)
        for w in words
    ]
    rows = every_quote(seeded_session)
    assert all(any(wanted(r) for r in rows) for _, wanted in cases), "pick words in the seeds"
    check_one_shape(seeded_session, cases, sort=sort)


def test_a_shaped_statement_without_its_values_refuses_to_run(seeded_session: Session) -> None:
    statement = select(Quote.id).where(Quote.speaker_id == slot("speaker_id"))
    with pytest.raises(StatementError, match="speaker_id"):
        seeded_session.execute(statement)


@pytest.mark.parametrize(
    "filters, sort",
    [
        (QuoteFilters(), "id"),
        (QuoteFilters(q="russia"), "-date"),
        (QuoteFilters(q="russia"), "id"),  # PostgreSQL: every match's id first, then rows
        (QuoteFilters(q="sanctions"), "relevance"),
        (QuoteFilters(kinds=["turn"]), "date"),
    ],
)
def test_topics_and_snippets_read_with_the_page_are_those_read_apart(
    seeded_session: Session, filters: QuoteFilters, sort: str
) -> None:
    """PostgreSQL reads a page's topics and snippets in the page's own statement; they must
    be what the separate readers give (own words first, then by name; the same highlight)."""
    page = quotes.find_quotes(seeded_session, filters, 50, None, sort=sort)
    assert page.items
    ids = [item["id"] for item in page.items]
    apart = topics_by_quote(seeded_session, ids)
    assert [item["topics"] for item in page.items] == [apart[i] for i in ids]
    assert any(item["topics"] for item in page.items)
    if filters.q:
        search = build_query(seeded_session, filters).search
        assert search is not None
        snippets = search.snippets(seeded_session, ids)
        assert [item["snippet"] for item in page.items] == [snippets.get(i) for i in ids]
        assert all(item["snippet"] for item in page.items)
