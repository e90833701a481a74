"""Speakers: one person however the sources name them."""

from __future__ import annotations

from typing import Annotated

from fastapi import APIRouter, Query

from app.api.deps import ExistingSpeakerId, SessionDep, SpeakerId
from app.api.paging import PageParams
from app.api.problems import problem_responses
from app.schemas import QuotePage, SpeakerDetail, SpeakerPage
from app.services.quotes import QuoteFilters, quote_page
from app.services.speakers import get_speaker as fetch_speaker
from app.services.speakers import list_speakers as fetch_speakers

router = APIRouter(prefix="/speakers", tags=["speakers"])


@router.get(
    "",
    response_model=SpeakerPage,
    responses=problem_responses(400, 422),
    summary="Find people and organisations",
)
def list_speakers(
    session: SessionDep,
    page: PageParams,
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
) -> SpeakerPage:
    """People and organisations quoted in the archive, with their number of quotes."""
    return page.send(fetch_speakers(session, q, include_silent, page.limit, page.cursor))


@router.get(
    "/{speaker_id}",
    response_model=SpeakerDetail,
    responses=problem_responses(400, 404, 422),
    summary="One speaker: aliases, roles and favourite topics",
)
def get_speaker(speaker_id: SpeakerId, session: SessionDep) -> SpeakerDetail:
    """One speaker: every alias seen in the sources (and where it came from), roles over time,
    and the topics they talk about most."""
    return fetch_speaker(session, speaker_id)


@router.get(
    "/{speaker_id}/quotes",
    response_model=QuotePage,
    responses=problem_responses(400, 404, 422),
    summary="Everything one speaker said",
)
def list_speaker_quotes(
    speaker_id: ExistingSpeakerId, session: SessionDep, page: PageParams
) -> QuotePage:
    """Everything one speaker said, in a stable order; page with `next_cursor`."""
    filters = QuoteFilters(speakers=[str(speaker_id)])
    return page.send(quote_page(session, filters, page.limit, page.cursor))
