"""Events: occasions where words were spoken."""

from __future__ import annotations

from fastapi import APIRouter, Request

from app.api.deps import CursorParam, EventId, LimitParam, SessionDep
from app.errors import problem_responses
from app.schemas import EventDetail, EventPage, QuotePage
from app.services.events import get_event as fetch_event
from app.services.events import list_events as fetch_events
from app.services.events import require_event
from app.services.pages import quote_page
from app.services.quotes import QuoteFilters

router = APIRouter(prefix="/events", tags=["events"])


@router.get(
    "",
    response_model=EventPage,
    responses=problem_responses(400, 422),
    summary="List events",
)
def list_events(
    session: SessionDep, limit: LimitParam = 20, cursor: CursorParam = None
) -> EventPage:
    """Press conferences, interviews, talks: who spoke where and when."""
    items, next_cursor = fetch_events(session, limit, cursor)
    return EventPage(items=items, next_cursor=next_cursor)


@router.get(
    "/{event_id}",
    response_model=EventDetail,
    responses=problem_responses(400, 404, 422),
    summary="One event: its documents and speakers",
)
def get_event(event_id: EventId, session: SessionDep) -> EventDetail:
    """One event with the documents that report it and the people who spoke."""
    return fetch_event(session, event_id)


@router.get(
    "/{event_id}/quotes",
    response_model=QuotePage,
    responses=problem_responses(400, 404, 422),
    summary="The words spoken at one event",
)
def list_event_quotes(
    request: Request,
    event_id: EventId,
    session: SessionDep,
    limit: LimitParam = 20,
    cursor: CursorParam = None,
) -> QuotePage:
    """The words spoken at one event, from every document that reports it."""
    require_event(session, event_id)
    return quote_page(session, QuoteFilters(event=event_id), limit, cursor, request.url)
