"""Speakers: people and organisations, their aliases and roles."""

from __future__ import annotations

import datetime as dt

from pydantic import Field

from app.schemas import examples as ex
from app.schemas.common import Out, example_config
from app.schemas.refs import TopicCount


class RoleOut(Out):
    model_config = example_config(ex.ROLE)

    title: str
    organisation: str | None
    country: str | None
    start_date: dt.date | None
    end_date: dt.date | None
    source: str


class AliasOut(Out):
    model_config = example_config({"alias": "SECRETARY KERRY", "source": "label"})

    alias: str
    source: str


class SpeakerOut(Out):
    model_config = example_config(ex.SPEAKER)

    id: int
    name: str
    slug: str
    kind: str
    wikidata: str | None = Field(
        default=None, description="The Wikidata item a directory ties the speaker to ('Q76')."
    )
    quote_count: int


class SpeakerDetail(SpeakerOut):
    model_config = example_config(
        {
            **ex.SPEAKER,
            "aliases": [
                {"alias": "John Kerry", "source": "name"},
                {"alias": "Kerry", "source": "surname"},
                {"alias": "SECRETARY KERRY", "source": "label"},
                {"alias": "The secretary of state", "source": "descriptor"},
            ],
            "roles": [ex.ROLE],
            "top_topics": [
                {"id": 25, "name": "negotiations", "kind": "theme", "quote_count": 10},
                {"id": 5, "name": "Bashar al-Assad", "kind": "person", "quote_count": 6},
            ],
        }
    )

    aliases: list[AliasOut]
    roles: list[RoleOut]
    top_topics: list[TopicCount]
