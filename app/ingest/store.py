"""One parsed document -> rows: document, speakers, event, quotes, topics. Never commits."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass

from sqlalchemy import func, select
from sqlalchemy.orm import Session

from app.db.models import Document, Quote
from app.ingest.drafts import EventDraft, QuoteDraft, news_drafts, transcript_drafts
from app.ingest.events import resolve_event
from app.ingest.loader import LoadedDocument
from app.ingest.matching import match_document_quotes
from app.ingest.metadata import DocumentMeta, read_meta
from app.ingest.speakers import SpeakerClaim, resolve_speaker
from app.ingest.topics import TopicLinker
from app.ingest.verification import verify_document
from app.nlp.genre import detect_genre
from app.nlp.news import parse_news
from app.nlp.occasions import find_occasion
from app.nlp.transcript import parse_transcript


@dataclass(frozen=True)
class StoreResult:
    document_id: int
    quotes: int
    status: str  # "ingested" | "unchanged"


def find_stored(session: Session, sha256: str) -> Document | None:
    return session.scalar(select(Document).where(Document.sha256 == sha256))


def store_document(session: Session, loaded: LoadedDocument, linker: TopicLinker) -> StoreResult:
    """Parse, resolve and insert one document inside the caller's transaction."""
    stored = find_stored(session, loaded.sha256)
    if stored is not None:
        count = session.scalar(select(func.count()).where(Quote.document_id == stored.id)) or 0
        return StoreResult(stored.id, count, "unchanged")
    meta = read_meta(loaded.meta, loaded.text)
    genre = meta.genre or detect_genre(loaded.text)
    title, published, event_draft, drafts = _parse(loaded.text, genre, meta)
    document = Document(
        sha256=loaded.sha256,
        source_name=loaded.path.name,
        title=meta.title or title,
        genre=genre,
        text=loaded.text,
        published=published,
        publisher=meta.publisher,
        url=meta.url,
        author=meta.author,
    )
    session.add(document)
    session.flush()
    quotes = _store_quotes(session, document, event_draft, drafts, linker)
    match_document_quotes(session, document, quotes)
    verify_document(session, document)
    return StoreResult(document.id, len(quotes), "ingested")


def _parse(
    text: str, genre: str, meta: DocumentMeta
) -> tuple[str | None, dt.date | None, EventDraft, list[QuoteDraft]]:
    if genre == "transcript":
        transcript = parse_transcript(text)
        event, drafts = transcript_drafts(transcript)
        return transcript.header.title, meta.published or transcript.header.date, event, drafts
    article = parse_news(text)
    occasion = find_occasion(text, meta.published)
    event, drafts = news_drafts(article, occasion)
    return article.title, occasion.published, event, drafts


def _store_quotes(
    session: Session,
    document: Document,
    event_draft: EventDraft,
    drafts: list[QuoteDraft],
    linker: TopicLinker,
) -> list[Quote]:
    speakers = _resolve_claims(session, drafts)
    on_the_occasion = {s for d, s in zip(drafts, speakers, strict=True) if s and _spoken_there(d)}
    event = None
    if drafts:
        event = resolve_event(session, event_draft, document.genre, on_the_occasion)
        document.event_id = event.id
    quotes: list[Quote] = []
    for position, (draft, speaker_id) in enumerate(zip(drafts, speakers, strict=True)):
        here = event is not None and _spoken_there(draft)
        quote = Quote(
            document_id=document.id,
            position=position,
            kind=draft.kind,
            text=draft.text,
            start_offset=draft.start,
            end_offset=draft.end,
            speaker_id=speaker_id,
            event_id=event.id if here and event else None,
            spoken_on=(event.date if here and event else None) or document.published,
            elsewhere=draft.elsewhere,
            attribution_label=draft.label,
            attribution_start=draft.label_start,
            attribution_end=draft.label_end,
            attribution_method=draft.method,
            confidence=draft.confidence,
            context_start=draft.context_start,
            context_end=draft.context_end,
            replies_to_id=quotes[draft.replies_to].id if draft.replies_to is not None else None,
        )
        session.add(quote)
        session.flush()
        linker.link(session, quote, _context_text(document.text, draft, drafts))
        quotes.append(quote)
    return quotes


def _spoken_there(draft: QuoteDraft) -> bool:
    """Words the document places at its occasion. An organisation's statement ("the monitor
    said") is issued, not spoken at the press conference the article reports."""
    organisation = draft.claim is not None and draft.claim.kind == "organisation"
    return not draft.elsewhere and not organisation


def _resolve_claims(session: Session, drafts: list[QuoteDraft]) -> list[int | None]:
    """One resolution per distinct claim in a document: its turns all name the same people."""
    cache: dict[SpeakerClaim, int | None] = {}
    ids: list[int | None] = []
    for draft in drafts:
        claim = draft.claim
        if claim is None:
            ids.append(None)
            continue
        if claim not in cache:
            speaker = resolve_speaker(session, claim)
            cache[claim] = speaker.id if speaker else None
        ids.append(cache[claim])
    return ids


def _context_text(text: str, draft: QuoteDraft, drafts: list[QuoteDraft]) -> str | None:
    """The words around a quote: the question an answer replies to, or its paragraph."""
    if draft.replies_to is not None:
        question = drafts[draft.replies_to]
        return text[question.start : question.end]
    if (draft.context_start, draft.context_end) == (draft.start, draft.end):
        return None
    return text[draft.context_start : draft.context_end]
