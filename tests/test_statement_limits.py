"""Statements have a deadline on both databases, and a request can stop its own statements.

Each query below runs for many seconds without the limit, so a missing limit fails the test
(`pytest.raises` sees no error) rather than passing slowly.
"""

from __future__ import annotations

import threading
import time
from collections.abc import Iterator

import pytest
from sqlalchemy import Engine, text
from sqlalchemy.exc import OperationalError

from app.db import session as session_module
from app.db.limits import RequestCancel, RequestCancelled, current_cancel, is_cancelled_statement
from app.db.session import make_engine
from tests.support import BACKENDS, Databases

# Work that takes a long time on either database: tens of seconds without a limit.
SLOW = {
    "sqlite": "WITH RECURSIVE n(i) AS (SELECT 1 UNION ALL SELECT i + 1 FROM n WHERE i < 300000000)"
    " SELECT count(*) FROM n",
    "postgresql": "SELECT pg_sleep(60)",
}


@pytest.fixture(params=BACKENDS)
def limited(request: pytest.FixtureRequest, databases: Databases) -> Iterator[Engine]:
    """An engine as the API makes it, inside a read request: statements limited to 200 ms."""
    engine = make_engine(databases.new(request.param), statement_timeout_ms=200)
    token = current_cancel.set(RequestCancel())
    yield engine
    current_cancel.reset(token)
    engine.dispose()


@pytest.fixture(params=BACKENDS)
def backend(request: pytest.FixtureRequest) -> str:
    return str(request.param)


def _slow(engine: Engine) -> str:
    return SLOW[engine.dialect.name]


def test_a_statement_past_its_deadline_is_stopped(limited: Engine) -> None:
    with limited.connect() as conn, pytest.raises(OperationalError) as raised:
        conn.execute(text(_slow(limited)))
    assert is_cancelled_statement(raised.value)
    with limited.connect() as conn:  # the connection is usable again
        assert conn.execute(text("SELECT 1")).scalar() == 1


def test_a_cancelled_request_stops_its_running_statement_and_starts_no_other(
    databases: Databases, backend: str
) -> None:
    """What the API does when the client disconnects: cancel from another thread."""
    cancel = RequestCancel()
    # The engine first: a skipped PostgreSQL backend must not leave the cancel set.
    engine = make_engine(databases.new(backend), statement_timeout_ms=60_000)
    token = current_cancel.set(cancel)
    try:
        threading.Timer(0.3, cancel.cancel).start()
        with engine.connect() as conn:
            with pytest.raises(OperationalError) as raised:
                conn.execute(text(_slow(engine)))
            assert is_cancelled_statement(raised.value)
            conn.rollback()
            with pytest.raises(RequestCancelled):
                conn.execute(text("SELECT 1"))
    finally:
        current_cancel.reset(token)
        engine.dispose()


@pytest.mark.parametrize("limit", [None, 200], ids=["ingest-engine", "api-engine-outside-a-read"])
def test_statements_outside_a_read_request_are_not_limited(
    databases: Databases, limit: int | None
) -> None:
    """Ingest's engine has no limit; on the API's, a write (no read request) has none either:
    a long write must not be interrupted."""
    engine = make_engine(databases.new("sqlite"), statement_timeout_ms=limit)
    with engine.connect() as conn:
        # About a second of work: well past the API's limit, far from a hang.
        count = conn.execute(
            text(
                "WITH RECURSIVE n(i) AS (SELECT 1 UNION ALL SELECT i + 1 FROM n WHERE i < 3000000)"
                " SELECT count(*) FROM n"
            )
        ).scalar()
    assert count == 3_000_000
    engine.dispose()


@pytest.mark.postgres
def test_a_postgres_connection_sent_a_cancel_is_not_reused(databases: Databases) -> None:
    """A cancel request lands asynchronously: on a reused connection it could stop the next
    request's query (seen as a stray 503 in the abuse benchmark)."""
    engine = make_engine(databases.new("postgres"), statement_timeout_ms=60_000, pool_size=1)
    cancel = RequestCancel()
    token = current_cancel.set(cancel)
    try:
        with engine.connect() as conn:
            before = conn.execute(text("SELECT pg_backend_pid()")).scalar()
            threading.Timer(0.3, cancel.cancel).start()
            with pytest.raises(OperationalError):
                conn.execute(text(SLOW["postgresql"]))
    finally:
        current_cancel.reset(token)
    with engine.connect() as conn:
        after = conn.execute(text("SELECT pg_backend_pid()")).scalar()
    engine.dispose()
    assert after != before


@pytest.mark.postgres
def test_only_read_requests_are_held_to_the_limit_on_postgres(databases: Databases) -> None:
    """The limit is the connection's own (no round trip per read); any other transaction on
    the same pooled connection lifts it for itself, and the next read has it again."""
    engine = make_engine(databases.new("postgres"), statement_timeout_ms=250, pool_size=1)

    def timeout() -> str:
        with engine.connect() as conn:
            return str(conn.execute(text("SHOW statement_timeout")).scalar())

    token = current_cancel.set(RequestCancel())
    try:
        assert timeout() == "250ms"
    finally:
        current_cancel.reset(token)
    assert timeout() == "0"  # not a read request: no limit
    token = current_cancel.set(RequestCancel())
    try:
        assert timeout() == "250ms"
    finally:
        current_cancel.reset(token)
    engine.dispose()


@pytest.mark.postgres
def test_an_idle_connection_the_server_dropped_is_replaced_before_use(
    databases: Databases, monkeypatch: pytest.MonkeyPatch
) -> None:
    """No pre-ping per checkout: a connection idle past IDLE_PING_S is pinged, and one the
    server dropped (a restart) is replaced without the request seeing an error."""
    monkeypatch.setattr(session_module, "IDLE_PING_S", 0.05)
    url = databases.new("postgres")
    engine = make_engine(url, statement_timeout_ms=60_000, pool_size=1)
    with engine.connect() as conn:
        before = conn.execute(text("SELECT pg_backend_pid()")).scalar()
    killer = make_engine(url)
    with killer.connect() as conn:
        conn.execute(text("SELECT pg_terminate_backend(:pid)"), {"pid": before})
    killer.dispose()
    time.sleep(0.1)
    with engine.connect() as conn:
        after = conn.execute(text("SELECT pg_backend_pid()")).scalar()
    engine.dispose()
    assert after != before
