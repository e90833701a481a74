"""ORM rows -> response models, with the eager loads every quote needs declared once."""

from __future__ import annotations

from sqlalchemy.orm import joinedload, selectinload
from sqlalchemy.orm.interfaces import LoaderOption

from app.db.models import Document, Quote, QuoteTopic, QuoteVerification
from app.schemas import (
    Attribution,
    DocumentRef,
    EventRef,
    QuoteOut,
    SpeakerRef,
    TopicRef,
)
from app.services.verification import summary_of


def quote_load_options() -> list[LoaderOption]:
    """Everything QuoteOut reads, loaded in a fixed number of queries (never the document text)."""
    return [
        joinedload(Quote.speaker),
        joinedload(Quote.document).load_only(
            Document.id, Document.title, Document.source_name, Document.url
        ),
        joinedload(Quote.event),
        selectinload(Quote.topic_links).joinedload(QuoteTopic.topic),
        selectinload(Quote.verification).load_only(
            QuoteVerification.status, QuoteVerification.score, QuoteVerification.source_quote_id
        ),
    ]


def quote_out(quote: Quote) -> QuoteOut:
    topics = sorted(quote.topic_links, key=lambda link: (link.scope != "quote", link.topic.name))
    return QuoteOut(
        id=quote.id,
        text=quote.text,
        kind=quote.kind,  # type: ignore[arg-type]
        start=quote.start_offset,
        end=quote.end_offset,
        speaker=SpeakerRef.model_validate(quote.speaker) if quote.speaker else None,
        attribution=Attribution(
            label=quote.attribution_label,
            start=quote.attribution_start,
            end=quote.attribution_end,
            method=quote.attribution_method,
            confidence=quote.confidence,
        ),
        document=DocumentRef.model_validate(quote.document),
        event=EventRef.model_validate(quote.event) if quote.event else None,
        spoken_on=quote.spoken_on,
        elsewhere=quote.elsewhere,
        topics=[
            TopicRef(id=link.topic.id, name=link.topic.name, kind=link.topic.kind, scope=link.scope)  # type: ignore[arg-type]
            for link in topics
        ],
        verification=summary_of(quote.verification),
    )
