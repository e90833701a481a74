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


_REVISION = {
    "number": 2,
    "sha256": "9f2c4e0b7d1a3c5e8f6a2b4d0c1e3f5a7b9d2c4e6f8a0b1c3d5e7f9a2b4c6d8e",
    "title": "Joint Statement From Secretary John Kerry and U.K. Foreign Secretary Boris Johnson",
    "created_at": "2016-10-17T09:30:00Z",
    "current": True,
    "kept": 12,
    "added": 1,
    "retired": 1,
    "retired_ids": [42],
    "reattributed_ids": [],
}


class RevisionOut(Out):
    """One version of a document as ingested, and what it changed in its quotes."""

    model_config = example_config(_REVISION)

    number: int = Field(description="1 for the version first ingested, then 2, 3, ...")
    sha256: str = Field(description="Hash of this version's text (trailing spaces aside).")
    title: str | None
    created_at: dt.datetime = Field(description="When this version was ingested.")
    current: bool = Field(description="Whether this is the version `GET /documents/{id}` shows.")
    kept: int = Field(description="Quotes whose words survived from the version before.")
    added: int = Field(description="Quotes new in this version.")
    retired: int = Field(description="Quotes of the version before whose words are gone.")
    retired_ids: list[int] = Field(
        description="Their ids: `GET /quotes/{id}` answers 410 Gone for each."
    )
    reattributed_ids: list[int] = Field(
        description="Kept quotes this version attributes to another speaker (same id)."
    )


class RevisionDetail(RevisionOut):
    """One version with its full text; the quote offsets of that version point into it."""

    model_config = example_config({**_REVISION, "text": "Joint Statement From Secretary…"})

    text: str = Field(description="The document's text as this version had it.")


class DocumentRevisions(Out):
    """Every version of one document, oldest first."""

    model_config = example_config({"document_id": 7, "current": 2, "items": [_REVISION]})

    document_id: int
    current: int = Field(description="The number of the version the document shows now.")
    items: list[RevisionOut]
