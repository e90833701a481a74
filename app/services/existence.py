"""Does an id name something? One check for every `/{resource}/{id}/...` path."""

from __future__ import annotations

from typing import Literal

from sqlalchemy import select
from sqlalchemy.orm import Session

from app.db.models import Document, Event, Quote, Speaker, Topic
from app.errors import NotFound

Resource = Literal["document", "event", "quote", "speaker", "topic"]
_MODELS: dict[str, type] = {
    "document": Document,
    "event": Event,
    "quote": Quote,
    "speaker": Speaker,
    "topic": Topic,
}


def require_exists(session: Session, resource: Resource, ident: int) -> None:
    """A 404 naming the resource: a list of quotes for nothing is not an empty list."""
    if session.get(_MODELS[resource], ident) is None:
        raise NotFound(f"no {resource} with id {ident}")


# Resources whose paths also take the slug the API hands out (`/speakers/john-kerry`).
SLUGGED: dict[str, type[Speaker] | type[Topic]] = {"speaker": Speaker, "topic": Topic}


def id_of_slug(session: Session, resource: Resource, slug: str) -> int:
    """The id behind a speaker's or topic's slug; a 404 naming it when there is none."""
    model = SLUGGED[resource]
    ident = session.scalar(select(model.id).where(model.slug == slug))
    if ident is None:
        raise NotFound(f"no {resource} with id or slug '{slug}'")
    return ident
