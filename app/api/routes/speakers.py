"""Speakers: one person however the sources name them."""

from __future__ import annotations

from typing import Annotated, Any

from fastapi import Query

from app.api.catalogue import Catalogue, Route, catalogue_router
from app.api.deps import ExistingSpeakerId
from app.schemas import SpeakerDetail, SpeakerPage
from app.services.quotes import QuoteFilters
from app.services.speakers import get_speaker, list_speakers


def speaker_filters(
    q: Annotated[
        str | None, Query(description="A name, spelt forgivingly.", examples=["kerry"])
    ] = None,
    include_silent: Annotated[
        bool,
        Query(
            description="Also list people from the directory who have not been quoted yet.",
            examples=[False],
        ),
    ] = False,
) -> dict[str, Any]:
    return {"q": q, "include_silent": include_silent}


def speaker_quotes(speaker_id: ExistingSpeakerId) -> QuoteFilters:
    return QuoteFilters(speakers=[str(speaker_id)])


router = catalogue_router(
    Catalogue(
        resource="speaker",
        page_model=SpeakerPage,
        detail_model=SpeakerDetail,
        list_items=list_speakers,
        get_item=get_speaker,
        list_filters=speaker_filters,
        quote_filters=speaker_quotes,
        list_route=Route(
            "list_speakers",
            "Find people and organisations",
            "People and organisations quoted in the archive, with their number of quotes.",
        ),
        get_route=Route(
            "get_speaker",
            "One speaker: aliases, roles and favourite topics",
            "One speaker: every alias seen in the sources (and where it came from), roles over "
            "time,\nand the topics they talk about most.",
        ),
        quotes_route=Route(
            "list_speaker_quotes",
            "Everything one speaker said",
            "Everything one speaker said, in a stable order; page with `next_cursor`.",
        ),
    )
)
