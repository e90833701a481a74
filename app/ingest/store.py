"""A `ParsedDocument` -> rows, inside the caller's transaction. Never parses, never commits.

Order: the document row; its speakers (each distinct claim matched once); the event the
speakers met at; the quotes; their topic links (one batch); then matches with quotes of
other documents, which may merge two events into one; last, verification of news quotes
against transcripts (`write.verification`), once events are final.

A document whose identity (URL, else source path) is already stored with other text is a
new revision of it (`ingest.revise`); the same text with another sidecar updates its
metadata (`ingest.metadata_update`).
"""

from __future__ import annotations

from dataclasses import dataclass

from sqlalchemy import func, select
from sqlalchemy.orm import Session

from app.db.models import Document, DocumentRevision, Quote
from app.ingest.identity import LEGACY_PREFIX
from app.ingest.matching import match_document_quotes
from app.ingest.parse import ParsedDocument
from app.ingest.revise import match_quotes, revise_document
from app.ingest.rows import (
    StoreResult,
    build_quote,
    current_revision,
    link_replies,
    resolve_speakers_and_event,
    set_metadata,
)
from app.write.topics import link_topics
from app.write.verification import verify_document

__all__ = ["StoreResult", "Stored", "find_stored", "store_document", "update_metadata"]


@dataclass(frozen=True)
class Stored:
    """The stored document with the same text, and whether its sidecar metadata is current."""

    result: StoreResult
    metadata_current: bool


def find_stored(
    session: Session,
    sha256: str,
    meta_sha256: str | None = None,
    meta: dict[str, object] | None = None,
) -> Stored | None:
    """The stored document with this text (None when new). Its metadata is current when the
    sidecar hashes the same; a document stored before sidecars were hashed compares the
    sidecar's fields with its own instead."""
    row = session.execute(
        select(Document.id, Document.meta_sha256).where(Document.sha256 == sha256)
    ).first()
    if row is None:
        return None
    document_id, stored_meta = row
    count = session.scalar(select(func.count()).where(Quote.document_id == document_id)) or 0
    revision = current_revision(session, document_id)
    result = StoreResult(document_id, count, "unchanged", revision=revision)
    if meta_sha256 is None or stored_meta == meta_sha256:
        return Stored(result, True)
    if stored_meta is None:
        return Stored(result, _fields_agree(session, document_id, meta or {}))
    return Stored(result, False)


def _fields_agree(session: Session, document_id: int, meta: dict[str, object]) -> bool:
    document = session.get(Document, document_id)
    assert document is not None
    for field in ("title", "publisher", "url", "author"):
        value = meta.get(field)
        if value not in (None, "") and str(value).strip() != getattr(document, field):
            return False
    published = meta.get("published") or meta.get("date")
    return not published or str(published) == str(document.published)


def find_by_identity(session: Session, parsed: ParsedDocument) -> Document | None:
    """The stored document any of the parsed document's identities names, the preferred first.

    A document stored before identities is known only by its file name (`name:...`): another
    file of that name is taken for a version of it only if some of its quotes survive, so an
    unrelated `index.txt` never retires a stored document's quotes.
    """
    for identity in parsed.identities:
        document = session.scalar(select(Document).where(Document.identity == identity))
        if document is None:
            continue
        if not identity.startswith(LEGACY_PREFIX) or _shares_quotes(session, document, parsed):
            return document
    return None


def _shares_quotes(session: Session, document: Document, parsed: ParsedDocument) -> bool:
    stored = session.scalars(select(Quote.text).where(Quote.document_id == document.id)).all()
    new = [q.statement.text for q in parsed.quotes]
    return (not stored and not new) or bool(match_quotes(stored, new))


def store_document(session: Session, parsed: ParsedDocument) -> StoreResult:
    """Insert one parsed document, or revise the stored document it is a version of; a
    document already stored with this text is left unchanged."""
    stored = find_stored(session, parsed.sha256)
    if stored is not None:
        return stored.result
    earlier = find_by_identity(session, parsed)
    if earlier is not None:
        return revise_document(session, earlier, parsed)
    document = Document(
        sha256=parsed.sha256,
        source_name=parsed.source_name,
        identity=parsed.identities[0] if parsed.identities else None,
        meta_sha256=parsed.meta_sha256,
    )
    set_metadata(document, parsed)
    session.add(document)
    session.flush()
    notes: list[str] = []
    speakers, event = resolve_speakers_and_event(session, document, parsed, notes)
    quotes = [
        build_quote(document, position, q.statement, speakers[position], event)
        for position, q in enumerate(parsed.quotes)
    ]
    session.add_all(quotes)
    session.flush()  # one batch of inserts; ids follow positions
    link_replies(quotes, parsed)
    link_topics(session, [(q.id, p.topics) for q, p in zip(quotes, parsed.quotes, strict=True)])
    match_document_quotes(session, document, quotes)
    verify_document(session, document)
    session.add(
        DocumentRevision(
            document_id=document.id,
            number=1,
            sha256=parsed.sha256,
            title=parsed.title,
            added=len(quotes),
            retired_ids=[],
            reattributed_ids=[],
        )
    )
    session.flush()
    return StoreResult(document.id, len(quotes), "ingested", tuple(notes), 1)


def update_metadata(session: Session, document_id: int, parsed: ParsedDocument) -> StoreResult:
    """The same text with another sidecar: title, dates, publisher, URL and author follow it.

    Done by the revision machinery without a new revision: a new publication date may move
    the occasion the quotes were spoken at ("on Monday"), hence their event, their date and
    the transcripts they are verified against; every quote keeps its id.
    """
    document = session.get(Document, document_id)
    assert document is not None
    return revise_document(session, document, parsed, new_revision=False)
