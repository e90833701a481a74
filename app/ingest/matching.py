"""The same words in two documents: a news quote and the transcript turn it was taken from."""

from __future__ import annotations

import datetime as dt

from rapidfuzz import fuzz
from sqlalchemy import func, select
from sqlalchemy.exc import IntegrityError
from sqlalchemy.orm import Session

from app.db.models import Document, Event, Quote, QuoteMatch
from app.nlp.names import fold
from app.write.events import defining_genre, merge_events

# A news quote reworded from a transcript still shares most of its words in order
# ("There’s a lot of measures we’re proposing" vs "there are a lot of measures that we’re
# proposing"); 80 on partial_ratio keeps those and rejects two different sentences on one theme.
MATCH_THRESHOLD = 80.0
MIN_CHARS = 40  # shorter fragments ("highly dubious") match too much by chance
CANDIDATE_LIMIT = 200  # per speaker: the most recent quotes, so a prolific speaker stays fast
DAYS_APART = 7  # reports of one occasion appear within days of it
SAMPLE_CHARS = 400  # a long turn is recognised by its opening words; comparing all costs O(n*m)
MIN_SHARED_WORDS = 0.5  # a cheap first test: half the shorter side's words must recur


def match_document_quotes(session: Session, document: Document, quotes: list[Quote]) -> int:
    """Record matches for this document's quotes and join their events; returns matches found."""
    found = 0
    folded: dict[int, str] = {}  # each text folded once, however many pairs it is in

    def folded_text(q: Quote) -> str:
        if q.id not in folded:
            folded[q.id] = fold(q.text)
        return folded[q.id]

    for quote in quotes:
        if quote.speaker_id is None or len(quote.text) < MIN_CHARS:
            continue
        for other in _candidates(session, quote):
            score = similarity(folded_text(quote), folded_text(other))
            if score < MATCH_THRESHOLD:
                continue
            found += _record(session, quote, other, score)
            if not quote.elsewhere and not other.elsewhere:
                _join_events(session, quote, other)
    return found


def _candidates(session: Session, quote: Quote) -> list[Quote]:
    query = (
        select(Quote)
        .where(
            Quote.speaker_id == quote.speaker_id,
            Quote.document_id != quote.document_id,
            func.length(Quote.text) >= MIN_CHARS,
        )
        .order_by(Quote.id.desc())
        .limit(CANDIDATE_LIMIT)
    )
    if quote.spoken_on is not None:
        window = (
            quote.spoken_on - dt.timedelta(days=DAYS_APART),
            quote.spoken_on + dt.timedelta(days=DAYS_APART),
        )
        query = query.where(Quote.spoken_on.is_(None) | Quote.spoken_on.between(*window))
    return list(session.scalars(query))


def similarity(a: str, b: str) -> float:
    """How far the shorter folded text recurs, in order, inside the longer (0-100)."""
    short, long = sorted((a, b), key=len)
    words = set(short.split())
    if len(words & set(long.split())) < MIN_SHARED_WORDS * len(words):
        return 0.0
    return float(fuzz.partial_ratio(short[:SAMPLE_CHARS], long))


def _record(session: Session, quote: Quote, other: Quote, score: float) -> int:
    try:
        with session.begin_nested():
            session.add(QuoteMatch(quote_id=quote.id, matched_quote_id=other.id, score=score))
            session.add(QuoteMatch(quote_id=other.id, matched_quote_id=quote.id, score=score))
    except IntegrityError:
        return 0
    return 1


def _join_events(session: Session, quote: Quote, other: Quote) -> None:
    """A report of a press conference sits beside its transcript: the transcript's event wins."""
    if quote.event_id is None or other.event_id is None or quote.event_id == other.event_id:
        return
    mine, theirs = session.get(Event, quote.event_id), session.get(Event, other.event_id)
    assert mine is not None and theirs is not None
    if mine.date and theirs.date and mine.date != theirs.date:
        return  # the same words said again on another day: two occasions
    if (
        defining_genre(session, mine.id) == "transcript"
        and defining_genre(session, theirs.id) != "transcript"
    ):
        merge_events(session, source=theirs, target=mine)
    else:
        merge_events(session, source=mine, target=theirs)
