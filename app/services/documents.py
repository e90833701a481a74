"""Documents: the sources as stored, with their event and number of quotes."""

from __future__ import annotations

import datetime as dt
from collections.abc import Sequence

from sqlalchemy import select
from sqlalchemy.orm import Session, joinedload

from app.db.models import Document, DocumentRevision, Quote
from app.errors import NotFound
from app.schemas import (
    DocumentDetail,
    DocumentOut,
    DocumentPage,
    DocumentRevisions,
    EventRef,
    RevisionDetail,
    RevisionOut,
)
from app.services.counts import quote_counts
from app.services.paging import keyset_page


def list_documents(session: Session, limit: int, cursor: str | None) -> DocumentPage:
    """Every document in the order it was ingested, with its event and number of quotes."""

    def present(docs: Sequence[Document]) -> list[DocumentOut]:
        counts = quote_counts(session, Quote.document_id, [d.id for d in docs])
        return [_document_out(d, counts.get(d.id, 0)) for d in docs]

    stmt = select(Document).options(joinedload(Document.event))
    return keyset_page(session, stmt, Document, limit, cursor, present, DocumentPage)


def get_document(session: Session, document_id: int) -> DocumentDetail:
    doc = session.scalars(
        select(Document).where(Document.id == document_id).options(joinedload(Document.event))
    ).first()
    if doc is None:
        raise NotFound(f"no document with id {document_id}")
    count = quote_counts(session, Quote.document_id, [doc.id]).get(doc.id, 0)
    return DocumentDetail(**_document_out(doc, count).model_dump(), text=doc.text)


def _document_out(doc: Document, quote_count: int) -> DocumentOut:
    return DocumentOut(
        id=doc.id,
        title=doc.title,
        source_name=doc.source_name,
        genre=doc.genre,  # type: ignore[arg-type]
        published=doc.published,
        publisher=doc.publisher,
        url=doc.url,
        author=doc.author,
        sha256=doc.sha256,
        event=EventRef.model_validate(doc.event) if doc.event else None,
        quote_count=quote_count,
    )


def document_revisions(session: Session, document_id: int) -> DocumentRevisions:
    """Every version of a document, oldest first, with what each changed."""
    rows = session.scalars(
        select(DocumentRevision)
        .where(DocumentRevision.document_id == document_id)
        .order_by(DocumentRevision.number)
    ).all()
    current = max((r.number for r in rows), default=1)
    return DocumentRevisions(
        document_id=document_id,
        current=current,
        items=[_revision_out(r, current) for r in rows],
    )


def document_revision(session: Session, document_id: int, number: int) -> RevisionDetail:
    """One version with its text: a past version's own, the current one's from the document."""
    row = session.scalar(
        select(DocumentRevision).where(
            DocumentRevision.document_id == document_id, DocumentRevision.number == number
        )
    )
    if row is None:
        raise NotFound(f"document {document_id} has no revision {number}")
    current = document_revisions(session, document_id).current
    text = row.text
    if text is None:  # the current version's text is the document's
        text = session.scalar(select(Document.text).where(Document.id == document_id)) or ""
    return RevisionDetail(**_revision_out(row, current).model_dump(), text=text)


def _revision_out(row: DocumentRevision, current: int) -> RevisionOut:
    return RevisionOut(
        number=row.number,
        sha256=row.sha256,
        title=row.title,
        created_at=_utc(row.created_at),
        current=row.number == current,
        kept=row.kept,
        added=row.added,
        retired=row.retired,
        retired_ids=list(row.retired_ids or []),
        reattributed_ids=list(row.reattributed_ids or []),
    )


def _utc(moment: dt.datetime) -> dt.datetime:
    """SQLite's CURRENT_TIMESTAMP is UTC without saying so; PostgreSQL's says it."""
    return moment.replace(tzinfo=dt.UTC) if moment.tzinfo is None else moment
