"""The words around a quote, so every quote can be read where it was said."""

from __future__ import annotations

import re

from sqlalchemy import select
from sqlalchemy.orm import Session, joinedload

from app.db.models import Document, Quote, QuoteMatch
from app.schemas import DocumentRef, QuoteContext, QuoteDetail, SameWords
from app.services.present import quote_out
from app.services.quotes import get_quote
from app.services.verification import quote_verification

_SENTENCE_END = re.compile(r"(?<=[.!?])[\"”’']?\s+")
CONTEXT_CHARS = 400  # about two sentences either side


def quote_detail(session: Session, quote: Quote) -> QuoteDetail:
    text = session.scalar(select(Document.text).where(Document.id == quote.document_id)) or ""
    replies_to = get_quote(session, quote.replies_to_id) if quote.replies_to_id else None
    context = QuoteContext(
        paragraph=text[quote.context_start : quote.context_end],
        paragraph_start=quote.context_start,
        paragraph_end=quote.context_end,
        before=_sentences_before(text, quote.start_offset),
        after=_sentences_after(text, quote.end_offset),
        replies_to=quote_out(replies_to) if replies_to else None,
    )
    return QuoteDetail(
        **quote_out(quote).model_dump(exclude={"verification"}),
        context=context,
        same_words=_same_words(session, quote),
        verification=quote_verification(session, quote.id),
    )


def _same_words(session: Session, quote: Quote) -> list[SameWords]:
    rows = session.execute(
        select(QuoteMatch.score, Quote)
        .join(Quote, Quote.id == QuoteMatch.matched_quote_id)
        .where(QuoteMatch.quote_id == quote.id)
        .options(
            joinedload(Quote.document).load_only(Document.id, Document.title, Document.source_name)
        )
        .order_by(QuoteMatch.score.desc(), Quote.id)
    ).all()
    return [
        SameWords(
            quote_id=other.id,
            document=DocumentRef.model_validate(other.document),
            text=other.text,
            score=score,
        )
        for score, other in rows
    ]


def _sentences_before(text: str, start: int) -> str:
    window = text[max(0, start - CONTEXT_CHARS) : start]
    parts = _SENTENCE_END.split(window)
    return " ".join(parts[-3:] if len(parts) > 1 else parts).strip()


def _sentences_after(text: str, end: int) -> str:
    window = text[end : end + CONTEXT_CHARS]
    parts = _SENTENCE_END.split(window)
    return " ".join(parts[:2]).strip()
