"""Whether the service can answer: its database does."""

from __future__ import annotations

from sqlalchemy import text
from sqlalchemy.orm import Session


def check_database(session: Session) -> None:
    """A round trip to the database; raises if it does not answer."""
    session.execute(text("SELECT 1"))
