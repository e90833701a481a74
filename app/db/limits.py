"""Time limits on SQL statements, and stopping the work of a request nobody waits for.

Limits hold for statements run on behalf of a read request: those under a `RequestCancel`
(`current_cancel`, set by the API for GET and HEAD). PostgreSQL enforces them itself: each
connection's `statement_timeout`, lifted by `SET LOCAL` in any other transaction; SQLite
has no such setting, so a
progress handler, called every thousand virtual-machine steps, interrupts a statement past its
deadline or one whose request was cancelled (the client went away, the budget ran out). Both
failures surface as errors `is_cancelled_statement` recognises, so the API answers 503, not
500. Writes (an upload, a correction waiting for the write lock) and ingest are not limited.
"""

from __future__ import annotations

import contextlib
import threading
import time
from contextvars import ContextVar
from typing import Any

from sqlalchemy import Engine, event
from sqlalchemy.exc import DBAPIError, DisconnectionError
from sqlalchemy.exc import TimeoutError as PoolTimeout

# SQLite VM instructions between two deadline checks. One instruction can be costly (an FTS5
# filter merging posting lists), so checks are frequent: 10,000 let `q=a*` run 5 s past 1.5 s.
_PROGRESS_STEPS = 1_000


class RequestCancelled(Exception):
    """A statement refused because its request was already cancelled (timed out, or left)."""


class RequestCancel:
    """Cancels the statements a request is running, from another thread (the event loop)."""

    def __init__(self) -> None:
        self.cancelled = False
        self._connections: dict[Any, dict[str, Any]] = {}  # DBAPI connection -> its pool info
        self._lock = threading.Lock()

    def attach(self, dbapi_connection: Any, info: dict[str, Any]) -> None:
        with self._lock:
            self._connections[dbapi_connection] = info

    def detach(self, dbapi_connection: Any) -> None:
        """Waits for a cancel in progress: a connection back in the pool is never cancelled."""
        with self._lock:
            self._connections.pop(dbapi_connection, None)

    def cancel(self) -> None:
        """SQLite notices the flag in its progress handler; PostgreSQL is sent a cancel.

        A PostgreSQL cancel arrives asynchronously and could stop whatever the connection runs
        next, so a connection that was sent one is not used again (see `_discard_cancelled`).
        """
        self.cancelled = True
        with self._lock:
            for connection, info in self._connections.items():
                cancel_safe = getattr(connection, "cancel_safe", None)
                if cancel_safe is not None:
                    info["cancel_sent"] = True
                    # The statement may have finished meanwhile: nothing to cancel then.
                    with contextlib.suppress(Exception):
                        cancel_safe(timeout=1.0)


# Set by the API around each request; worker threads inherit it with the context.
current_cancel: ContextVar[RequestCancel | None] = ContextVar("current_cancel", default=None)


def limit_statements(engine: Engine, timeout_ms: int) -> None:
    """Give every statement on this engine `timeout_ms`, and let requests cancel theirs."""
    if engine.dialect.name == "sqlite":
        _sqlite_progress_handler(engine)
    else:
        _postgres_statement_timeout(engine, timeout_ms)
    _track_statements(engine, timeout_ms)


def _sqlite_progress_handler(engine: Engine) -> None:
    @event.listens_for(engine, "connect")
    def _on_connect(dbapi_connection: Any, record: Any) -> None:
        info = record.info

        def over_budget() -> int:
            deadline = info.get("deadline")
            cancel = info.get("cancel")
            late = deadline is not None and time.monotonic() > deadline
            return 1 if late or (cancel is not None and cancel.cancelled) else 0

        dbapi_connection.set_progress_handler(over_budget, _PROGRESS_STEPS)


def _postgres_statement_timeout(engine: Engine, timeout_ms: int) -> None:
    """Each connection is held to the read limit from the moment it connects, so a read
    request pays no round trip for it; a transaction that is not a read request's lifts it
    with `SET LOCAL` (LOCAL: back to the limit when it ends)."""

    @event.listens_for(engine, "connect")
    def _on_connect(dbapi_connection: Any, _record: Any) -> None:
        with dbapi_connection.cursor() as cursor:
            cursor.execute(f"SET statement_timeout = {int(timeout_ms)}")
        dbapi_connection.commit()  # psycopg opened a transaction for the SET

    @event.listens_for(engine, "begin")
    def _on_begin(connection: Any) -> None:
        if current_cancel.get() is None:
            connection.exec_driver_sql("SET LOCAL statement_timeout = 0")


def _track_statements(engine: Engine, timeout_ms: int) -> None:
    """Start each statement's clock and register the connection with the request's cancel."""

    @event.listens_for(engine, "before_cursor_execute")
    def _start(conn: Any, _cursor: Any, *_args: Any) -> None:
        info = conn.info
        cancel = current_cancel.get()
        if cancel is None:  # not a read request: no limit
            info.pop("deadline", None)
            return
        if cancel.cancelled:
            raise RequestCancelled("the request was cancelled; no further statements run")
        info["deadline"] = time.monotonic() + timeout_ms / 1000
        if info.get("cancel") is not cancel:
            _forget(conn.connection.dbapi_connection, info)
            info["cancel"] = cancel
            cancel.attach(conn.connection.dbapi_connection, info)

    def _finish(conn: Any) -> None:
        # COMMIT and ROLLBACK must never be interrupted by a deadline left by a statement.
        conn.info.pop("deadline", None)

    event.listen(engine, "commit", _finish)
    event.listen(engine, "rollback", _finish)

    @event.listens_for(engine.pool, "checkin")
    def _checkin(dbapi_connection: Any, record: Any) -> None:
        if record is not None:
            record.info.pop("deadline", None)
            _forget(dbapi_connection, record.info)

    @event.listens_for(engine.pool, "checkout")
    def _discard_cancelled(_dbapi_connection: Any, record: Any, _proxy: Any) -> None:
        if record.info.pop("cancel_sent", False):
            raise DisconnectionError("sent a cancel: replaced, lest it stop the next query")


def _forget(dbapi_connection: Any, info: dict[str, Any]) -> None:
    cancel = info.pop("cancel", None)
    if cancel is not None:
        cancel.detach(dbapi_connection)


def is_cancelled_statement(exc: BaseException) -> bool:
    """A statement stopped by its deadline or its request's cancel, or no connection free."""
    if isinstance(exc, PoolTimeout | RequestCancelled):
        return True
    if not isinstance(exc, DBAPIError):
        return False
    orig = exc.orig
    name = type(orig).__name__
    if name == "QueryCanceled":  # psycopg: statement_timeout or a cancel request
        return True
    return name == "OperationalError" and "interrupted" in str(orig)
