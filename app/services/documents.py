"""Documents: the sources as stored, with their event and number of quotes."""

from __future__ import annotations

from sqlalchemy import select
from sqlalchemy.orm import Session, joinedload

from app.db.models import Document, Quote
from app.errors import NotFound
from app.schemas import (
    DocumentDetail,
    DocumentOut,
    EventRef,
)
from app.services.listing import keyset_page, quote_counts


def list_documents(
    session: Session, limit: int, cursor: str | None
) -> tuple[list[DocumentOut], str | None]:
    stmt = select(Document).options(joinedload(Document.event))
    rows, next_cursor = keyset_page(session, stmt, Document, limit, cursor)
    docs = [r[0] for r in rows]
    counts = quote_counts(session, Quote.document_id, [d.id for d in docs])
    return [_document_out(d, counts.get(d.id, 0)) for d in docs], next_cursor


def get_document(session: Session, document_id: int) -> DocumentDetail:
    doc = session.scalars(
        select(Document).where(Document.id == document_id).options(joinedload(Document.event))
    ).first()
    if doc is None:
        raise NotFound(f"no document with id {document_id}")
    count = quote_counts(session, Quote.document_id, [doc.id]).get(doc.id, 0)
    return DocumentDetail(**_document_out(doc, count).model_dump(), text=doc.text)


def require_document(session: Session, document_id: int) -> None:
    if session.get(Document, document_id) is None:
        raise NotFound(f"no document with id {document_id}")


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
