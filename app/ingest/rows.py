"""Rows shared by a first ingest and a revision: metadata, speakers and event, quote rows."""

from __future__ import annotations

from dataclasses import dataclass

from sqlalchemy import func, select
from sqlalchemy.orm import Session

from app.db.models import Document, DocumentRevision, Event, Quote
from app.ingest.parse import ParsedDocument
from app.nlp.statements import SpeakerClaim, Statement
from app.write.events import resolve_event
from app.write.speaker_matching import match_speaker


@dataclass(frozen=True)
class StoreResult:
    document_id: int
    quotes: int
    status: str  # "ingested" | "unchanged" | "revised" | "updated"
    notes: tuple[str, ...] = ()  # speakers left unnamed and why: "MR JOHNSON: 2 people fit ..."
    revision: int | None = None  # the document's current revision number


def current_revision(session: Session, document_id: int) -> int:
    number = session.scalar(
        select(func.max(DocumentRevision.number)).where(DocumentRevision.document_id == document_id)
    )
    return number or 1


def set_metadata(document: Document, parsed: ParsedDocument) -> None:
    """What the text and its sidecar say about the document (the text itself included)."""
    document.title = parsed.title
    document.genre = parsed.genre
    document.text = parsed.text
    document.published = parsed.published
    document.publisher = parsed.publisher
    document.url = parsed.url
    document.author = parsed.author


def resolve_speakers_and_event(
    session: Session, document: Document, parsed: ParsedDocument, notes: list[str]
) -> tuple[list[int | None], Event | None]:
    """Each quote's speaker id, and the event its words were spoken at (set on the document)."""
    statements = [q.statement for q in parsed.quotes]
    people = _match_people(session, parsed.people, notes)
    ids = [people[s.claim] if s.claim else None for s in statements]
    event = None
    if statements:
        here = {i for s, i in zip(statements, ids, strict=True) if i and s.spoken_there}
        event = resolve_event(session, parsed.event, document.genre, here)
        document.event_id = event.id
    return ids, event


def link_replies(quotes: list[Quote], parsed: ParsedDocument) -> None:
    """An answer points at the question it replies to, within the document."""
    for quote, parsed_quote in zip(quotes, parsed.quotes, strict=True):
        replies_to = parsed_quote.statement.replies_to
        quote.replies_to_id = quotes[replies_to].id if replies_to is not None else None


def build_quote(
    document: Document,
    position: int,
    statement: Statement,
    speaker_id: int | None,
    event: Event | None,
    quote: Quote | None = None,
) -> Quote:
    """A new quote row, or `quote` updated to the statement (a revision keeps its id)."""
    quote = quote if quote is not None else Quote(document_id=document.id)
    here = event is not None and statement.spoken_there
    quote.position = position
    quote.kind = statement.kind
    quote.text = statement.text
    quote.start_offset = statement.start
    quote.end_offset = statement.end
    quote.speaker_id = speaker_id
    quote.event_id = event.id if here and event else None
    quote.spoken_on = (event.date if here and event else None) or document.published
    quote.elsewhere = statement.elsewhere
    quote.attribution_label = statement.label
    quote.attribution_start = statement.label_start
    quote.attribution_end = statement.label_end
    quote.attribution_method = statement.method
    quote.confidence = statement.confidence
    quote.context_start = statement.context_start
    quote.context_end = statement.context_end
    return quote


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
