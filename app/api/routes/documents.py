"""Documents: the sources, exactly as ingested."""

from __future__ import annotations

from typing import Annotated

from fastapi import Path

from app.api.catalogue import Catalogue, Route, catalogue_router
from app.api.deps import ExistingDocumentId, SessionDep
from app.api.problems import problem_responses
from app.schemas import (
    DocumentDetail,
    DocumentPage,
    DocumentRevisions,
    DocumentVerification,
    RevisionDetail,
)
from app.services.documents import (
    document_revision,
    document_revisions,
    get_document,
    list_documents,
)
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


@router.get(
    "/{document_id}/revisions",
    response_model=DocumentRevisions,
    responses=problem_responses(400, 404, 422),
    summary="Every version of a document",
)
def list_document_revisions(
    document_id: ExistingDocumentId, session: SessionDep
) -> DocumentRevisions:
    """Each version of the document ingested under its URL (or file), oldest first, with when
    it arrived and what it changed: quotes kept (their ids stay), added, and retired (their
    ids now answer 410 Gone), and kept quotes now attributed to someone else."""
    return document_revisions(session, document_id)


RevisionNumber = Annotated[
    int,
    Path(ge=1, le=1_000_000, description="The revision's number (1 is the first).", examples=[1]),
]


@router.get(
    "/{document_id}/revisions/{number}",
    response_model=RevisionDetail,
    responses=problem_responses(400, 404, 422),
    summary="One version of a document, with its text",
)
def get_document_revision(
    document_id: ExistingDocumentId, number: RevisionNumber, session: SessionDep
) -> RevisionDetail:
    """One version of the document with the text it had then: where a retired quote can
    still be read in its context."""
    return document_revision(session, document_id, number)
