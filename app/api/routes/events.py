"""Events: occasions where words were spoken."""

from __future__ import annotations

from fastapi import APIRouter

from app.api.deps import EventId, ExistingEventId, SessionDep
from app.api.paging import PageParams
from app.api.problems import problem_responses
from app.schemas import EventDetail, EventPage, QuotePage
from app.services.events import get_event as fetch_event
from app.services.events import list_events as fetch_events
from app.services.quotes import QuoteFilters, quote_page

router = APIRouter(prefix="/events", tags=["events"])


@router.get(
    "",
    response_model=EventPage,
    responses=problem_responses(400, 422),
    summary="List events",
)
def list_events(session: SessionDep, page: PageParams) -> EventPage:
    """Press conferences, interviews, talks: who spoke where and when."""
    return page.send(fetch_events(session, page.limit, page.cursor))


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
    event_id: ExistingEventId, session: SessionDep, page: PageParams
) -> QuotePage:
    """The words spoken at one event, from every document that reports it."""
    filters = QuoteFilters(event=event_id)
    return page.send(quote_page(session, filters, page.limit, page.cursor))
