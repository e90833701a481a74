"""A `ParsedDocument` -> rows, inside the caller's transaction. Never parses, never commits.

Order: the document row; its speakers (each distinct claim matched once); the event the
speakers met at; the quotes; their topic links (one batch); then matches with quotes of
other documents, which may merge two events into one; last, verification of news quotes
against transcripts (`write.verification`), once events are final.
"""

from __future__ import annotations

from dataclasses import dataclass

from sqlalchemy import func, select
from sqlalchemy.orm import Session

from app.db.models import Document, Event, Quote
from app.ingest.matching import match_document_quotes
from app.ingest.parse import ParsedDocument
from app.nlp.statements import SpeakerClaim, Statement
from app.write.events import resolve_event
from app.write.speaker_matching import match_speaker
from app.write.topics import link_topics
from app.write.verification import verify_document


@dataclass(frozen=True)
class StoreResult:
    document_id: int
    quotes: int
    status: str  # "ingested" | "unchanged"
    notes: tuple[str, ...] = ()  # speakers left unnamed and why: "MR JOHNSON: 2 people fit ..."


def find_stored(session: Session, sha256: str) -> StoreResult | None:
    """The stored document with these bytes, as an 'unchanged' result; None when new."""
    stored = session.scalar(select(Document.id).where(Document.sha256 == sha256))
    if stored is None:
        return None
    count = session.scalar(select(func.count()).where(Quote.document_id == stored)) or 0
    return StoreResult(stored, count, "unchanged")


def store_document(session: Session, parsed: ParsedDocument) -> StoreResult:
    """Resolve and insert one parsed document; a document already stored is left unchanged."""
    stored = find_stored(session, parsed.sha256)
    if stored is not None:
        return stored
    document = Document(
        sha256=parsed.sha256,
        source_name=parsed.source_name,
        title=parsed.title,
        genre=parsed.genre,
        text=parsed.text,
        published=parsed.published,
        publisher=parsed.publisher,
        url=parsed.url,
        author=parsed.author,
    )
    session.add(document)
    session.flush()
    notes: list[str] = []
    quotes = _store_quotes(session, document, parsed, notes)
    link_topics(session, [(q.id, p.topics) for q, p in zip(quotes, parsed.quotes, strict=True)])
    match_document_quotes(session, document, quotes)
    verify_document(session, document)
    return StoreResult(document.id, len(quotes), "ingested", tuple(notes))


def _store_quotes(
    session: Session, document: Document, parsed: ParsedDocument, notes: list[str]
) -> list[Quote]:
    statements = [q.statement for q in parsed.quotes]
    speakers = _match_people(session, parsed.people, notes)
    ids = [speakers[s.claim] if s.claim else None for s in statements]
    event = None
    if statements:
        here = {i for s, i in zip(statements, ids, strict=True) if i and s.spoken_there}
        event = resolve_event(session, parsed.event, document.genre, here)
        document.event_id = event.id
    quotes = [
        _quote(document, position, statement, speaker_id, event)
        for position, (statement, speaker_id) in enumerate(zip(statements, ids, strict=True))
    ]
    session.add_all(quotes)
    session.flush()  # one batch of inserts; ids follow positions
    for quote, statement in zip(quotes, statements, strict=True):
        if statement.replies_to is not None:
            quote.replies_to_id = quotes[statement.replies_to].id
    session.flush()
    return quotes


def _quote(
    document: Document,
    position: int,
    statement: Statement,
    speaker_id: int | None,
    event: Event | None,
) -> Quote:
    here = event is not None and statement.spoken_there
    return Quote(
        document_id=document.id,
        position=position,
        kind=statement.kind,
        text=statement.text,
        start_offset=statement.start,
        end_offset=statement.end,
        speaker_id=speaker_id,
        event_id=event.id if here and event else None,
        spoken_on=(event.date if here and event else None) or document.published,
        elsewhere=statement.elsewhere,
        attribution_label=statement.label,
        attribution_start=statement.label_start,
        attribution_end=statement.label_end,
        attribution_method=statement.method,
        confidence=statement.confidence,
        context_start=statement.context_start,
        context_end=statement.context_end,
    )


def _match_people(
    session: Session, people: tuple[SpeakerClaim, ...], notes: list[str]
) -> dict[SpeakerClaim, int | None]:
    """One match per distinct claim, in order of first appearance: a document's turns all
    name the same people, and matching in document order keeps ids stable."""
    found: dict[SpeakerClaim, int | None] = {}
    for claim in people:
        speaker = match_speaker(session, claim, notes)
        found[claim] = speaker.id if speaker else None
    return found
