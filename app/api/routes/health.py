"""Liveness that means something: the database answers."""

from __future__ import annotations

from fastapi import APIRouter
from sqlalchemy import text

from app.api.deps import SessionDep

router = APIRouter(tags=["service"])


@router.get("/health")
def health(session: SessionDep) -> dict[str, str]:
    """`{"status": "ok"}` when the database answers a query."""
    session.execute(text("SELECT 1"))
    return {"status": "ok"}
