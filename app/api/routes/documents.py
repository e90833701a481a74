"""Documents: the sources, exactly as ingested."""

from __future__ import annotations

from app.api.catalogue import Catalogue, Route, catalogue_router
from app.api.deps import ExistingDocumentId, SessionDep
from app.api.problems import problem_responses
from app.schemas import DocumentDetail, DocumentPage, DocumentVerification
from app.services.documents import get_document, list_documents
from app.services.quotes import QuoteFilters
from app.services.verification import document_verification


def document_quotes(document_id: ExistingDocumentId) -> QuoteFilters:
    return QuoteFilters(document=document_id)


router = catalogue_router(
    Catalogue(
        resource="document",
        page_model=DocumentPage,
        detail_model=DocumentDetail,
        list_items=list_documents,
        get_item=get_document,
        quote_filters=document_quotes,
        quotes_per_page=50,  # a document's quotes read in the order they appear
        list_route=Route(
            "list_documents",
            "List the source documents",
            "Every ingested document, oldest first, with its event and number of quotes.",
        ),
        get_route=Route(
            "get_document",
            "One document, with its full text",
            "One document with its full text; every quote's `start`/`end` point into `text`.",
        ),
        quotes_route=Route(
            "list_document_quotes",
            "The quotes in one document",
            "The quotes of one document in the order they appear in it.",
        ),
    )
)


@router.get(
    "/{document_id}/verification",
    response_model=DocumentVerification,
    responses=problem_responses(400, 404, 422),
    summary="How faithfully an article quotes its sources",
)
def get_document_verification(
    document_id: ExistingDocumentId, session: SessionDep
) -> DocumentVerification:
    """For a news article: how many of its direct and partial quotes appear in the transcript
    verbatim, edited with every change signposted, altered, or not at all, and each quote's
    verdict. A transcript has no quotes to check: its counts are all zero."""
    return document_verification(session, document_id)
