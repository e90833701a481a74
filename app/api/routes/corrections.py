"""Corrections: merge, rename and alias speakers; merge and alias topics; merge events.

Each needs a write key, answers the corrected resource exactly as its `GET` does, and is
recorded in the audit log with the resource before and after.
"""

from __future__ import annotations

from typing import Annotated, Any

from fastapi import APIRouter, Path

from app.api.deps import id_path, ref_path
from app.api.keys import WriteKey, WriteSessionDep
from app.api.problems import problem_responses
from app.commands import corrections
from app.schemas import (
    AliasIn,
    EventDetail,
    EventMerge,
    SpeakerDetail,
    SpeakerMerge,
    SpeakerRename,
    TopicDetail,
    TopicMerge,
)

router = APIRouter(tags=["corrections"])
SpeakerRef = Annotated[str, ref_path("speaker")]
TopicRef = Annotated[str, ref_path("topic")]
EventId = Annotated[int, id_path("event")]
AliasPath = Annotated[
    str,
    Path(min_length=1, max_length=300, description="The alias, as listed.", examples=["Kerry"]),
]
ERRORS: dict[int | str, dict[str, Any]] = problem_responses(400, 401, 403, 404, 413, 422)


@router.post(
    "/speakers/{speaker_id}/merge",
    response_model=SpeakerDetail,
    responses=ERRORS,
    summary="Merge a speaker into another",
)
def merge_speaker(
    speaker_id: SpeakerRef, body: SpeakerMerge, key: WriteKey, session: WriteSessionDep
) -> SpeakerDetail:
    """Two records that are one person: this speaker's quotes, aliases, roles and events move
    to `into`, and this one is gone. Answers the speaker that remains."""
    return corrections.merge_speaker(session, key, speaker_id, body.into)


@router.patch(
    "/speakers/{speaker_id}",
    response_model=SpeakerDetail,
    responses=ERRORS,
    summary="Rename a speaker",
)
def rename_speaker(
    speaker_id: SpeakerRef, body: SpeakerRename, key: WriteKey, session: WriteSessionDep
) -> SpeakerDetail:
    """Give a speaker a new canonical name; the old name stays an alias, so searches and
    links under it keep working."""
    return corrections.rename(session, key, speaker_id, body.name)


@router.post(
    "/speakers/{speaker_id}/aliases",
    response_model=SpeakerDetail,
    responses=ERRORS,
    summary="Add a speaker alias",
)
def add_speaker_alias(
    speaker_id: SpeakerRef, body: AliasIn, key: WriteKey, session: WriteSessionDep
) -> SpeakerDetail:
    """Another name the sources use for this speaker; `speaker=` searches find it at once.
    Adding an alias the speaker has already changes nothing."""
    return corrections.add_speaker_alias(session, key, speaker_id, body.alias)


@router.delete(
    "/speakers/{speaker_id}/aliases/{alias}",
    response_model=SpeakerDetail,
    responses=ERRORS,
    summary="Remove a speaker alias",
)
def remove_speaker_alias(
    speaker_id: SpeakerRef, alias: AliasPath, key: WriteKey, session: WriteSessionDep
) -> SpeakerDetail:
    """Remove a wrong alias (every written form of it). A 404 when the speaker has none."""
    return corrections.remove_speaker_alias(session, key, speaker_id, alias)


@router.post(
    "/topics/{topic_id}/merge",
    response_model=TopicDetail,
    responses=ERRORS,
    summary="Merge a topic into another",
)
def merge_topic(
    topic_id: TopicRef, body: TopicMerge, key: WriteKey, session: WriteSessionDep
) -> TopicDetail:
    """Two topics that are one: this topic's aliases and quote links move to `into`, and
    this one is gone. Answers the topic that remains."""
    return corrections.merge_topic(session, key, topic_id, body.into)


@router.post(
    "/topics/{topic_id}/aliases",
    response_model=TopicDetail,
    responses=ERRORS,
    summary="Add a topic alias",
)
def add_topic_alias(
    topic_id: TopicRef, body: AliasIn, key: WriteKey, session: WriteSessionDep
) -> TopicDetail:
    """Another name for a topic (`Daesh` for ISIS): searches find it at once, and documents
    ingested from now on are linked under it too."""
    return corrections.add_topic_alias(session, key, topic_id, body.alias)


@router.post(
    "/events/{event_id}/merge",
    response_model=EventDetail,
    responses=ERRORS,
    summary="Merge an event into another",
)
def merge_event(
    event_id: EventId, body: EventMerge, key: WriteKey, session: WriteSessionDep
) -> EventDetail:
    """Two events that are one occasion: documents, quotes and speakers move to `into`;
    quotes take its date and news quotes are checked again against its transcripts."""
    return corrections.merge_event(session, key, event_id, body.into)
