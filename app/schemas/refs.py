"""Short references to other resources, embedded in quotes, documents and events."""

from __future__ import annotations

import datetime as dt
from typing import Literal

from pydantic import Field

from app.schemas import examples as ex
from app.schemas.common import Out, example_config


class SpeakerRef(Out):
    model_config = example_config(ex.KERRY)

    id: int
    name: str
    slug: str
    wikidata: str | None = Field(
        default=None, description="The person's Wikidata item, when a directory names it."
    )


class DocumentRef(Out):
    model_config = example_config(ex.DOCUMENT_REF)

    id: int
    title: str | None
    source_name: str


class EventRef(Out):
    model_config = example_config(ex.EVENT_REF)

    id: int
    title: str | None
    kind: str | None
    date: dt.date | None
    city: str | None


class TopicRef(Out):
    model_config = example_config(ex.SANCTIONS)

    id: int
    name: str
    kind: str
    scope: Literal["quote", "context"] = Field(
        description="'quote': the quote's own words name it; 'context': only the words around it."
    )


class TopicCount(Out):
    model_config = example_config(
        {"id": 25, "name": "negotiations", "kind": "theme", "quote_count": 10}
    )

    id: int
    name: str
    kind: str
    quote_count: int


class SpeakerCount(Out):
    model_config = example_config({"id": 1, "name": "John Kerry", "quote_count": 6})

    id: int
    name: str
    quote_count: int
