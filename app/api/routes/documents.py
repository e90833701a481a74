"""Documents: the sources, exactly as ingested."""

from __future__ import annotations

from fastapi import APIRouter, Request

from app.api.deps import CursorParam, DocumentId, LimitParam, SessionDep
from app.errors import problem_responses
from app.schemas import DocumentDetail, DocumentPage, QuotePage
from app.services.documents import get_document as fetch_document
from app.services.documents import list_documents as fetch_documents
from app.services.documents import require_document
from app.services.pages import quote_page
from app.services.quotes import QuoteFilters

router = APIRouter(prefix="/documents", tags=["documents"])


@router.get(
    "",
    response_model=DocumentPage,
    responses=problem_responses(400, 422),
    summary="List the source documents",
)
def list_documents(
    session: SessionDep, limit: LimitParam = 20, cursor: CursorParam = None
) -> DocumentPage:
    """Every ingested document, oldest first, with its event and number of quotes."""
    items, next_cursor = fetch_documents(session, limit, cursor)
    return DocumentPage(items=items, next_cursor=next_cursor)


@router.get(
    "/{document_id}",
    response_model=DocumentDetail,
    responses=problem_responses(400, 404, 422),
    summary="One document, with its full text",
)
def get_document(document_id: DocumentId, session: SessionDep) -> DocumentDetail:
    """One document with its full text; every quote's `start`/`end` point into `text`."""
    return fetch_document(session, document_id)


@router.get(
    "/{document_id}/quotes",
    response_model=QuotePage,
    responses=problem_responses(400, 404, 422),
    summary="The quotes in one document",
)
def list_document_quotes(
    request: Request,
    document_id: DocumentId,
    session: SessionDep,
    limit: LimitParam = 50,
    cursor: CursorParam = None,
) -> QuotePage:
    """The quotes of one document in the order they appear in it."""
    require_document(session, document_id)
    return quote_page(session, QuoteFilters(document=document_id), limit, cursor, request.url)
