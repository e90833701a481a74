"""Whether the service can answer: its database does."""

from __future__ import annotations

from sqlalchemy import text
from sqlalchemy.orm import Session

from app.db.migrate import SchemaStatus, schema_status
from app.errors import SchemaBehind


def check_database(session: Session) -> None:
    """A round trip to the database; raises if it does not answer."""
    session.execute(text("SELECT 1"))


def check_schema(session: Session) -> SchemaStatus:
    """The schema's revision; SchemaBehind (503) when it is missing or older than this code:
    a server over an unmigrated database answers nothing right, so monitoring must see it."""
    status = schema_status(session.connection())
    if not status.up_to_date:
        raise SchemaBehind(f"{status.describe()}: run `ontherecord migrate`")
    return status
