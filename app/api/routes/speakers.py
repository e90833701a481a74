"""Speakers: one person however the sources name them."""

from __future__ import annotations

from typing import Annotated

from fastapi import APIRouter, Query

from app.api.deps import CursorParam, LimitParam, SessionDep
from app.schemas import Problem, SpeakerDetail, SpeakerPage
from app.services.catalog import get_speaker as fetch_speaker
from app.services.catalog import list_speakers as fetch_speakers

router = APIRouter(prefix="/speakers", tags=["speakers"])


@router.get("", response_model=SpeakerPage)
def list_speakers(
    session: SessionDep,
    q: Annotated[
        str | None, Query(description="A name, spelt forgivingly.", examples=["kerry"])
    ] = None,
    include_silent: Annotated[
        bool, Query(description="Also list directory entries with no quotes yet.")
    ] = False,
    limit: LimitParam = 20,
    cursor: CursorParam = None,
) -> SpeakerPage:
    """People and organisations quoted in the archive, with their number of quotes."""
    items, next_cursor = fetch_speakers(session, q, include_silent, limit, cursor)
    return SpeakerPage(items=items, next_cursor=next_cursor)


@router.get("/{speaker_id}", response_model=SpeakerDetail, responses={404: {"model": Problem}})
def get_speaker(speaker_id: int, session: SessionDep) -> SpeakerDetail:
    """One speaker: every alias seen in the sources (and where it came from), roles over time,
    and the topics they talk about most."""
    return fetch_speaker(session, speaker_id)
