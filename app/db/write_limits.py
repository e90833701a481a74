"""The API's write engine: writes are not held to the read deadline, but none waits forever.

A correction or an upload may wait for another writer (SQLite's single write lock, a
PostgreSQL row lock) or parse a long document; it gets `timeout_ms` for each statement and each
lock wait, far above any honest write and far below a request hung for good.
"""

from __future__ import annotations

from typing import Any

from sqlalchemy import Engine, event


def limit_writes(engine: Engine, timeout_ms: int) -> None:
    """Each connection of this engine stops a statement or a lock wait past `timeout_ms`."""
    ms = int(timeout_ms)

    @event.listens_for(engine, "connect")
    def _on_connect(dbapi_connection: Any, _record: Any) -> None:
        cursor = dbapi_connection.cursor()
        if engine.dialect.name == "sqlite":
            cursor.execute(f"PRAGMA busy_timeout = {ms}")  # waiting for the write lock
        else:
            cursor.execute(f"SET statement_timeout = {ms}")
            cursor.execute(f"SET lock_timeout = {ms}")
            cursor.execute(f"SET idle_in_transaction_session_timeout = {ms}")
        cursor.close()
        if engine.dialect.name != "sqlite":
            dbapi_connection.commit()  # psycopg opened a transaction for the SETs
