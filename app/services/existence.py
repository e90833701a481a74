"""Does an id name something? One check for every `/{resource}/{id}/...` path."""

from __future__ import annotations

from typing import Literal

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
