"""Verify news quotes against transcripts at ingest, and again when a transcript arrives.

A news quote (direct or partial) is compared only with its speaker's transcript turns at its
own event, or within DAYS_APART days of when it was spoken: two indexed look-ups
(quotes.event_id; quotes (speaker_id, spoken_on)), never a scan of every turn. The status is
a function of the quote and that candidate set alone, so ingesting the news report before or
after the transcript gives the same answer: a transcript re-verifies the news quotes that
would have found it.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterable, Sequence
from dataclasses import asdict, dataclass
from typing import Any

from sqlalchemy import func, or_, select
from sqlalchemy.orm import Session, sessionmaker

from app.db.models import Document, Quote, QuoteVerification
from app.nlp.verify import SourceIndex, Verification, verify_quote

VERIFIED_KINDS = ("direct", "partial")  # only words inside quotation marks are held to the source
DAYS_APART = 3  # a report of an interview or a briefing appears within days of it


_NEWS_COLUMNS = select(Quote.id, Quote.text, Quote.speaker_id, Quote.event_id, Quote.spoken_on)


@dataclass(frozen=True)
class _Turn:
    id: int
    document_id: int
    event_id: int | None
    start: int
    text: str


@dataclass(frozen=True)
class _NewsQuote:
    id: int
    text: str
    speaker_id: int | None
    event_id: int | None
    spoken_on: dt.date | None


def verify_document(session: Session, document: Document) -> int:
    """After a document is stored: verify its news quotes, or, for a transcript, re-verify the
    news quotes its turns could be the source of. Returns how many quotes were (re)checked."""
    session.flush()
    if document.genre == "transcript":
        return _verify(session, _reported_from(session, document.id))
    rows = session.execute(
        _NEWS_COLUMNS.where(Quote.document_id == document.id, Quote.kind.in_(VERIFIED_KINDS))
    )
    return _verify(session, [_NewsQuote(*row) for row in rows])


def checked_quotes_at(session: Session, event_ids: list[int]) -> list[int]:
    """Ids of the checked news quotes at these events."""
    return list(
        session.scalars(
            select(QuoteVerification.quote_id)
            .join(Quote, Quote.id == QuoteVerification.quote_id)
            .where(Quote.event_id.in_(event_ids))
        )
    )


def reverify(session: Session, quote_ids: list[int]) -> int:
    """Check these news quotes again: their event or date changed (two events merged)."""
    if not quote_ids:
        return 0
    rows = session.execute(_NEWS_COLUMNS.where(Quote.id.in_(quote_ids)))
    return _verify(session, [_NewsQuote(*row) for row in rows])


def verify_archive(factory: sessionmaker[Session]) -> dict[str, int]:
    """Check every news document's quotes again, one transaction per document: fills in an
    archive ingested before verification existed, and is safe to rerun. Counts by status."""
    with factory() as session:
        ids = list(
            session.scalars(
                select(Document.id).where(Document.genre == "news").order_by(Document.id)
            )
        )
    for document_id in ids:
        with factory() as session, session.begin():
            document = session.get(Document, document_id)
            if document is not None:
                verify_document(session, document)
    with factory() as session:
        rows = session.execute(
            select(QuoteVerification.status, func.count()).group_by(QuoteVerification.status)
        )
        return dict(rows.all())


def _reported_from(session: Session, document_id: int) -> list[_NewsQuote]:
    """Checked news quotes by this transcript's speakers, at its events or near its dates."""
    turns = session.execute(
        select(Quote.speaker_id, Quote.event_id, Quote.spoken_on)
        .where(
            Quote.document_id == document_id, Quote.kind == "turn", Quote.speaker_id.is_not(None)
        )
        .distinct()
    ).all()
    found: dict[int, _NewsQuote] = {}
    for speaker_id, event_id, day in turns:
        near = []
        if event_id is not None:
            near.append(Quote.event_id == event_id)
        if day is not None:
            near.append(Quote.spoken_on.between(*_window(day)))
        if not near:
            continue
        stmt = _NEWS_COLUMNS.join(QuoteVerification, QuoteVerification.quote_id == Quote.id).where(
            Quote.speaker_id == speaker_id, or_(*near)
        )
        for row in session.execute(stmt):
            found[row.id] = _NewsQuote(*row)
    return list(found.values())


def _window(day: dt.date) -> tuple[dt.date, dt.date]:
    return day - dt.timedelta(days=DAYS_APART), day + dt.timedelta(days=DAYS_APART)


def _verify(session: Session, quotes: Sequence[_NewsQuote]) -> int:
    # Quotes of one speaker at one event share their candidates: read and index them once
    # (an article quoting a briefing twenty times reads its transcript once).
    sources: dict[tuple[object, ...], tuple[list[_Turn], SourceIndex]] = {}
    for quote in quotes:
        key = (quote.speaker_id, quote.event_id, quote.spoken_on)
        if key not in sources:
            turns = _candidates(session, quote)
            sources[key] = (turns, SourceIndex.build((t, t.text) for t in turns))
        turns, index = sources[key]
        result = verify_quote(quote.text, index) if turns else None
        _save(session, quote, turns, result)
    session.flush()
    return len(quotes)


def _candidates(session: Session, quote: _NewsQuote) -> list[_Turn]:
    """The speaker's transcript turns at the quote's event, and within days of it."""
    if quote.speaker_id is None:
        return []
    columns = select(
        Quote.id, Quote.document_id, Quote.event_id, Quote.start_offset, Quote.text
    ).join(Document, Document.id == Quote.document_id)
    mine = (
        Quote.speaker_id == quote.speaker_id,
        Quote.kind == "turn",
        Document.genre == "transcript",
    )
    rows: list[Any] = []
    if quote.event_id is not None:
        rows += session.execute(columns.where(Quote.event_id == quote.event_id, *mine)).all()
    if quote.spoken_on is not None:
        window = Quote.spoken_on.between(*_window(quote.spoken_on))
        rows += session.execute(columns.where(window, *mine)).all()
    unique = {row[0]: _Turn(*row) for row in rows}
    return [unique[i] for i in sorted(unique)]


def _save(
    session: Session, quote: _NewsQuote, turns: Iterable[_Turn], result: Verification | None
) -> None:
    same_event = quote.event_id is not None and any(t.event_id == quote.event_id for t in turns)
    row = session.get(QuoteVerification, quote.id) or QuoteVerification(quote_id=quote.id)
    session.add(row)
    # Words not found in a transcript of another occasion say nothing: it is not their source.
    if result is None or (result.status == "unmatched" and not same_event):
        _fill(row, "no_source")
        return
    if result.status == "unmatched":
        _fill(row, "unmatched")
        return
    turn = result.source_key
    assert isinstance(turn, _Turn)
    _fill(
        row,
        result.status,
        source_quote_id=turn.id,
        source_document_id=turn.document_id,
        source_start=turn.start + (result.source_start or 0),
        source_end=turn.start + (result.source_end or 0),
        score=result.score,
        diff=[_run(asdict(op), turn.start) for op in result.diff],
    )


def _run(op: dict[str, object], offset: int) -> dict[str, object]:
    """Source offsets from the turn into its document's text."""
    op["source_start"] = int(op["source_start"]) + offset  # type: ignore[call-overload]
    op["source_end"] = int(op["source_end"]) + offset  # type: ignore[call-overload]
    return op


def _fill(
    row: QuoteVerification,
    status: str,
    source_quote_id: int | None = None,
    source_document_id: int | None = None,
    source_start: int | None = None,
    source_end: int | None = None,
    score: float | None = None,
    diff: list[dict[str, object]] | None = None,
) -> None:
    row.status = status
    row.source_quote_id = source_quote_id
    row.source_document_id = source_document_id
    row.source_start = source_start
    row.source_end = source_end
    row.score = score
    row.diff = diff or []
