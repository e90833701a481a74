"""Documents: the sources, exactly as ingested."""

from __future__ import annotations

from app.api.catalogue import Catalogue, Route, catalogue_router
from app.api.deps import ExistingDocumentId
from app.schemas import DocumentDetail, DocumentPage
from app.services.documents import get_document, list_documents
from app.services.quotes import QuoteFilters


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
