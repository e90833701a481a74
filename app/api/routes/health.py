"""Liveness that means something: the database answers."""

from __future__ import annotations

from fastapi import APIRouter

from app.api.deps import SessionDep
from app.api.problems import problem_responses
from app.schemas import Health
from app.services.health import check_database

router = APIRouter(tags=["service"])


@router.get(
    "/health",
    response_model=Health,
    responses=problem_responses(400),
    summary="Check that the service is up",
)
def health(session: SessionDep) -> dict[str, str]:
    """`{"status": "ok"}` when the service is up and its database answers: for monitoring and
    load balancers."""
    check_database(session)
    return {"status": "ok"}
