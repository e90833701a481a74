"""`GET /audit`: every write made through the API, newest first. Write keys only."""

from __future__ import annotations

from typing import Annotated, Literal

from fastapi import APIRouter, Query, Response

from app.api.deps import SessionDep, id_query
from app.api.keys import AuditKey
from app.api.paging import PageParams
from app.api.problems import problem_responses
from app.schemas import AuditPage
from app.services.audit import list_audit as read_audit

router = APIRouter(tags=["audit"])


@router.get(
    "/audit",
    response_model=AuditPage,
    responses=problem_responses(400, 401, 403, 422),
    summary="The audit log of writes",
)
def list_audit(
    key: AuditKey,
    session: SessionDep,
    page: PageParams,
    target_type: Annotated[
        Literal["speaker", "topic", "event", "document"] | None,
        Query(description="Only writes to this kind of thing.", examples=["speaker"]),
    ] = None,
    target_id: Annotated[int | None, id_query("Only writes to this id.")] = None,
) -> Response:
    """Who changed what and when, through the API, with each target before and after: a
    merge, a rename, an alias, an upload. Newest first; page with `next_cursor`. Needs a
    write key."""
    return page.send(read_audit(session, page.limit, page.cursor, target_type, target_id))
