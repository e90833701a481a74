"""Reading pages: a source document with one quote highlighted at its offsets, and pages for
a speaker, a topic and an event, each linked from the quote cards."""

from __future__ import annotations

from dataclasses import dataclass
from typing import Annotated

from fastapi import APIRouter, Query, Request
from fastapi.responses import HTMLResponse
from markupsafe import Markup
from sqlalchemy.orm import Session

from app.api.deps import SessionDep
from app.errors import NotFound
from app.schemas import QuoteDetail, QuoteOut
from app.services.context import quote_detail
from app.services.documents import get_document
from app.services.events import get_event
from app.services.facets import quote_facets
from app.services.names import is_id, resolve_speaker_ref, resolve_topic_ref
from app.services.quotes import QuoteFilters, get_quote, quote_page
from app.services.speakers import get_speaker
from app.services.topics import get_topic
from app.web.cards import cards
from app.web.form import SearchForm
from app.web.templating import templates
from app.web.timeline import period, timeline_svg

router = APIRouter(include_in_schema=False)
LATEST = 10  # quotes shown on a speaker, topic or event page; the search has the rest
DOCUMENT_QUOTES = 200  # quotes listed under a document: more than any transcript we have seen


@dataclass(frozen=True)
class Segment:
    """A stretch of a document's text, marked when it is the quote or the question it answers."""

    text: str
    css: str = ""
    anchor: str = ""
    label: str = ""


def segments(text: str, marks: list[tuple[int, int, str, str, str]]) -> list[Segment]:
    """Cut `text` at each mark's (start, end); marks must not overlap (later ones are dropped)."""
    out, at = [], 0
    for start, end, css, anchor, label in sorted(marks):
        if start < at or end <= start or end > len(text):
            continue
        out.append(Segment(text[at:start]))
        out.append(Segment(text[start:end], css, anchor, label))
        at = end
    out.append(Segment(text[at:]))
    return out


def _not_found(request: Request, what: str) -> HTMLResponse:
    return templates.TemplateResponse(request, "not_found.html", {"what": what}, status_code=404)


@router.get("/source/{document_id}", response_class=HTMLResponse, name="source_page")
def source_page(
    request: Request,
    document_id: int,
    session: SessionDep,
    quote: Annotated[int | None, Query()] = None,
) -> HTMLResponse:
    """A document's full text; with `quote`, that quote highlighted and the question it
    answered marked too."""
    try:
        document = get_document(session, document_id)
    except NotFound:
        return _not_found(request, f"document {document_id}")
    detail = _quote_in(session, quote, document_id)
    marks = []
    if detail is not None:
        marks.append((detail.start, detail.end, "target", f"quote-{detail.id}", "The quote"))
        asked = detail.context.replies_to
        if asked is not None:
            marks.append((asked.start, asked.end, "question", f"quote-{asked.id}", "The question"))
    listed = quote_page(session, QuoteFilters(document=document_id), DOCUMENT_QUOTES, None)
    context = {
        "document": document,
        "quote": detail,
        "card": cards(session, [detail], [])[0] if detail else None,
        "segments": segments(document.text, marks),
        "quotes": listed.items,
    }
    return templates.TemplateResponse(request, "source.html", context)


def _quote_in(session: Session, quote_id: int | None, document_id: int) -> QuoteDetail | None:
    if quote_id is None:
        return None
    try:
        found = get_quote(session, quote_id)
    except NotFound:
        return None
    return quote_detail(session, found) if found.document_id == document_id else None


def _latest(session: Session, filters: QuoteFilters, request: Request) -> list[QuoteOut]:
    return quote_page(session, filters, LATEST, None, sort="-date", count=False).items


def _timeline(session: Session, filters: QuoteFilters, form: SearchForm) -> Markup:
    months = quote_facets(session, filters).months

    def link(key: str) -> str:
        start, end = period(key)
        return form.narrowed(date_from=start, date_to=end).url()

    return timeline_svg([(m.key, m.count) for m in months], link)


@router.get("/speaker/{ref}", response_class=HTMLResponse, name="speaker_page")
def speaker_page(request: Request, ref: str, session: SessionDep) -> HTMLResponse:
    """One speaker: roles with dates, aliases, top topics, a timeline and the latest quotes."""
    match = resolve_speaker_ref(session, ref, fuzzy=False)
    if not match.ids or (is_id(ref) and match.how != "id"):  # a number names an id, or nothing
        return _not_found(request, f"speaker “{ref}”")
    speaker = get_speaker(session, match.ids[0])
    filters = QuoteFilters(speakers=[str(speaker.id)])
    return _profile(
        request, session, "speaker", speaker, filters, SearchForm(speakers=(speaker.name,))
    )


@router.get("/topic/{ref}", response_class=HTMLResponse, name="topic_page")
def topic_page(request: Request, ref: str, session: SessionDep) -> HTMLResponse:
    """One topic: its names, who talks about it most, a timeline and the latest quotes."""
    match = resolve_topic_ref(session, ref, fuzzy=False)
    if not match.ids or (is_id(ref) and match.how != "id"):
        return _not_found(request, f"topic “{ref}”")
    topic = get_topic(session, match.ids[0])
    filters = QuoteFilters(topics=[str(topic.id)])
    return _profile(request, session, "topic", topic, filters, SearchForm(topics=(topic.name,)))


def _profile(
    request: Request,
    session: Session,
    kind: str,
    thing: object,
    filters: QuoteFilters,
    form: SearchForm,
) -> HTMLResponse:
    """A speaker's or a topic's page: the thing itself, its timeline and its latest quotes."""
    context = {
        kind: thing,
        "form": form,
        "timeline": _timeline(session, filters, form),
        "cards": cards(session, _latest(session, filters, request), []),
    }
    return templates.TemplateResponse(request, f"{kind}.html", context)


@router.get("/event/{event_id}", response_class=HTMLResponse, name="event_page")
def event_page(request: Request, event_id: int, session: SessionDep) -> HTMLResponse:
    """One event: the documents that report it, who spoke, and what was said."""
    try:
        event = get_event(session, event_id)
    except NotFound:
        return _not_found(request, f"event {event_id}")
    filters = QuoteFilters(event=event_id)
    said = quote_page(session, filters, LATEST, None, sort="date", count=False)
    context = {
        "event": event,
        "form": SearchForm(event=str(event_id)),
        "cards": cards(session, said.items, []),
    }
    return templates.TemplateResponse(request, "event.html", context)
