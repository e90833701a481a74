"""Events: occasions where words were spoken."""

from __future__ import annotations

from app.api.catalogue import Catalogue, Route, catalogue_router
from app.api.deps import ExistingEventId
from app.schemas import EventDetail, EventPage
from app.services.events import get_event, list_events
from app.services.quotes import QuoteFilters


def event_quotes(event_id: ExistingEventId) -> QuoteFilters:
    return QuoteFilters(event=event_id)


router = catalogue_router(
    Catalogue(
        resource="event",
        page_model=EventPage,
        detail_model=EventDetail,
        list_items=list_events,
        get_item=get_event,
        quote_filters=event_quotes,
        list_route=Route(
            "list_events",
            "List events",
            "Press conferences, interviews, talks: who spoke where and when.",
        ),
        get_route=Route(
            "get_event",
            "One event: its documents and speakers",
            "One event with the documents that report it and the people who spoke.",
        ),
        quotes_route=Route(
            "list_event_quotes",
            "The words spoken at one event",
            "The words spoken at one event, from every document that reports it.",
        ),
    )
)
