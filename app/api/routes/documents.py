"""Documents: the sources, exactly as ingested."""

from __future__ import annotations

from fastapi import APIRouter

from app.api.deps import DocumentId, ExistingDocumentId, SessionDep
from app.api.paging import DocumentPageParams, PageParams
from app.api.problems import problem_responses
from app.schemas import DocumentDetail, DocumentPage, QuotePage
from app.services.documents import get_document as fetch_document
from app.services.documents import list_documents as fetch_documents
from app.services.quotes import QuoteFilters, quote_page

router = APIRouter(prefix="/documents", tags=["documents"])


@router.get(
    "",
    response_model=DocumentPage,
    responses=problem_responses(400, 422),
    summary="List the source documents",
)
def list_documents(session: SessionDep, page: PageParams) -> DocumentPage:
    """Every ingested document, oldest first, with its event and number of quotes."""
    return page.send(fetch_documents(session, page.limit, page.cursor))


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
    document_id: ExistingDocumentId, session: SessionDep, page: DocumentPageParams
) -> QuotePage:
    """The quotes of one document in the order they appear in it."""
    filters = QuoteFilters(document=document_id)
    return page.send(quote_page(session, filters, page.limit, page.cursor))
