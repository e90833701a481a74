"""Events: occasions where words were spoken."""

from __future__ import annotations

import datetime as dt

from app.schemas import examples as ex
from app.schemas.common import Out, example_config
from app.schemas.refs import DocumentRef, SpeakerRef


class EventOut(Out):
    model_config = example_config(ex.EVENT)

    id: int
    title: str | None
    kind: str | None
    date: dt.date | None
    venue: str | None
    city: str | None
    country: str | None


class EventDetail(EventOut):
    model_config = example_config(
        {
            **ex.EVENT,
            "documents": [
                ex.DOCUMENT_REF,
                {
                    "id": 3,
                    "title": "Syria: US, Britain discuss more sanctions against Assad regime",
                    "source_name": "002_5f77900cc0770e53.txt",
                },
            ],
            "speakers": [{"id": 3, "name": "Boris Johnson", "slug": "boris-johnson"}, ex.KERRY],
            "quote_count": 17,
        }
    )

    documents: list[DocumentRef]
    speakers: list[SpeakerRef]
    quote_count: int
