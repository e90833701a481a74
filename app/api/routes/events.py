"""Events: occasions where words were spoken."""

from __future__ import annotations

from fastapi import APIRouter

from app.api.deps import CursorParam, LimitParam, SessionDep
from app.schemas import EventDetail, EventPage, Problem
from app.services.catalog import get_event as fetch_event
from app.services.catalog import list_events as fetch_events

router = APIRouter(prefix="/events", tags=["events"])


@router.get("", response_model=EventPage)
def list_events(
    session: SessionDep, limit: LimitParam = 20, cursor: CursorParam = None
) -> EventPage:
    """Press conferences, interviews, talks: who spoke where and when."""
    items, next_cursor = fetch_events(session, limit, cursor)
    return EventPage(items=items, next_cursor=next_cursor)


@router.get("/{event_id}", response_model=EventDetail, responses={404: {"model": Problem}})
def get_event(event_id: int, session: SessionDep) -> EventDetail:
    """One event with the documents that report it and the people who spoke."""
    return fetch_event(session, event_id)
