"""Does an id name something? One check for every `/{resource}/{id}/...` path."""

from __future__ import annotations

from typing import Literal

from sqlalchemy import select
from sqlalchemy.orm import Session

from app.db.models import Document, Event, Quote, RetiredQuote, Speaker, Topic
from app.errors import Gone, NotFound

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
        raise (
            missing_quote(session, ident)
            if resource == "quote"
            else NotFound(f"no {resource} with id {ident}")
        )


def missing_quote(session: Session, quote_id: int) -> NotFound:
    """The error for a quote id with no quote: 410 Gone, linking the document as it is now
    and the revision that retired it, when a revision did; else 404."""
    retired = session.execute(
        select(RetiredQuote.document_id, RetiredQuote.revision).where(RetiredQuote.id == quote_id)
    ).first()
    if retired is None:
        return NotFound(f"no quote with id {quote_id}")
    document_id, revision = retired
    error = Gone(
        f"quote {quote_id} was retired by revision {revision} of document {document_id}: "
        "its words are no longer in the document"
    )
    paths = {
        "document": f"/documents/{document_id}",
        "revision": f"/documents/{document_id}/revisions/{revision}",
    }
    error.extra = {**paths, "retired_in_revision": revision}
    error.links = {"latest-version": paths["document"], "successor-version": paths["revision"]}
    return error


# Resources whose paths also take the slug the API hands out (`/speakers/john-kerry`).
SLUGGED: dict[str, type[Speaker] | type[Topic]] = {"speaker": Speaker, "topic": Topic}


def id_of_slug(session: Session, resource: Resource, slug: str) -> int:
    """The id behind a speaker's or topic's slug; a 404 naming it when there is none."""
    model = SLUGGED[resource]
    ident = session.scalar(select(model.id).where(model.slug == slug))
    if ident is None:
        raise NotFound(f"no {resource} with id or slug '{slug}'")
    return ident
