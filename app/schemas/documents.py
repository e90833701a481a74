"""Documents: the sources as stored."""

from __future__ import annotations

import datetime as dt
from typing import Literal

from pydantic import Field

from app.schemas import examples as ex
from app.schemas.common import Out, example_config
from app.schemas.refs import EventRef


class DocumentOut(Out):
    model_config = example_config(ex.DOCUMENT)

    id: int
    title: str | None
    source_name: str
    genre: Literal["transcript", "news"]
    published: dt.date | None
    publisher: str | None
    url: str | None
    author: str | None
    sha256: str
    event: EventRef | None
    quote_count: int


class DocumentDetail(DocumentOut):
    model_config = example_config(
        {
            **ex.DOCUMENT,
            "text": "Joint Statement From Secretary John Kerry and U.K. Foreign Secretary Boris "
            "Johnson\n\nJohn Kerry\nSecretary of State\nLancaster House\nLondon, United Kingdom…",
        }
    )

    text: str = Field(description="The document exactly as stored; quote offsets point into it.")
