"""Liveness that means something: the database answers."""

from __future__ import annotations

from fastapi import APIRouter

from app.api.deps import SessionDep
from app.api.problems import problem_responses
from app.schemas import Health
from app.services.health import check_database, check_schema

router = APIRouter(tags=["service"])


@router.get(
    "/health",
    response_model=Health,
    responses=problem_responses(400, 503),
    summary="Check that the service is up",
)
def health(session: SessionDep) -> Health:
    """`{"status": "ok"}` with the schema revision when the service is up, its database
    answers and its schema is the one this version needs: for monitoring and load balancers.
    A database not yet migrated, or migrated by an older version, is a 503 that says to run
    `ontherecord migrate`."""
    check_database(session)
    status = check_schema(session)
    return Health(status="ok", schema_revision=str(status.current), latest_revision=status.head)
