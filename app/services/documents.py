"""Documents: the sources as stored, with their event and number of quotes."""

from __future__ import annotations

from collections.abc import Sequence

from sqlalchemy import select
from sqlalchemy.orm import Session, joinedload

from app.db.models import Document, Quote
from app.errors import NotFound
from app.schemas import DocumentDetail, DocumentOut, DocumentPage, EventRef
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
