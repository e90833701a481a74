"""Reading verification results: a quote's verdict with its evidence, an article's summary,
the status filter (the status facet is counted in `app.services.facets`)."""

from __future__ import annotations

from sqlalchemy import func, select
from sqlalchemy.orm import Session

from app.db.models import Document, Quote, QuoteVerification
from app.errors import NotFound
from app.schemas import (
    DiffRun,
    DocumentRef,
    DocumentVerification,
    StatusCounts,
    Verification,
    VerificationSummary,
    VerifiedQuote,
)

# Worst first: a reader scanning a facet or a summary wants the alterations on top.
STATUSES = ("altered", "edited", "verbatim", "unmatched", "no_source")


def summary_of(row: QuoteVerification | None) -> VerificationSummary | None:
    if row is None:
        return None
    return VerificationSummary(
        status=row.status,  # type: ignore[arg-type]
        score=row.score,
        source_quote_id=row.source_quote_id,
    )


def quote_verification(session: Session, quote_id: int) -> Verification | None:
    """The verdict on one quote with the transcript passage and the diff; None if unchecked."""
    row = session.get(QuoteVerification, quote_id)
    if row is None:
        return None
    source, document = None, None
    if row.source_document_id is not None:
        document = session.get(Document, row.source_document_id)
        source = _passage(session, row)
    return Verification(
        status=row.status,  # type: ignore[arg-type]
        score=row.score,
        source_quote_id=row.source_quote_id,
        source_document=DocumentRef.model_validate(document) if document else None,
        source_start=row.source_start,
        source_end=row.source_end,
        source_text=source,
        diff=[DiffRun.model_validate(run) for run in row.diff],
    )


def _passage(session: Session, row: QuoteVerification) -> str | None:
    """The spoken words, cut from the document in the database (never the whole text)."""
    if row.source_start is None or row.source_end is None:
        return None
    length = row.source_end - row.source_start
    return session.scalar(
        select(func.substr(Document.text, row.source_start + 1, length)).where(
            Document.id == row.source_document_id
        )
    )


def document_verification(session: Session, document_id: int) -> DocumentVerification:
    """How many of an article's quotes are verbatim, edited, altered, unmatched, unsourced."""
    document = session.get(Document, document_id)
    if document is None:
        raise NotFound(f"no document with id {document_id}")
    rows = session.execute(
        select(Quote.id, Quote.text, QuoteVerification)
        .join(QuoteVerification, QuoteVerification.quote_id == Quote.id)
        .where(Quote.document_id == document_id)
        .order_by(Quote.position)
    ).all()
    counts = StatusCounts()
    quotes = []
    for quote_id, text, row in rows:
        setattr(counts, row.status, getattr(counts, row.status) + 1)
        quotes.append(
            VerifiedQuote(
                quote_id=quote_id,
                text=text,
                status=row.status,  # type: ignore[arg-type]
                score=row.score,
                source_quote_id=row.source_quote_id,
            )
        )
    return DocumentVerification(
        document=DocumentRef.model_validate(document),
        checked=len(quotes),
        counts=counts,
        quotes=quotes,
    )
