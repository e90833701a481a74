"""Engine and session factory for SQLite and PostgreSQL.

Write transactions on SQLite begin with `BEGIN IMMEDIATE`: the write lock is taken (waiting
up to the busy timeout) before the first read, so a writer never learns only at its first
INSERT that another process committed since its snapshot, an SQLITE_BUSY no wait can cure.
Read transactions keep a plain `BEGIN` and never wait for writers (WAL).
"""

from __future__ import annotations

import time
from collections.abc import Iterator
from contextlib import contextmanager
from typing import Any, Literal

from sqlalchemy import Engine, create_engine, event
from sqlalchemy.exc import DisconnectionError
from sqlalchemy.orm import Session, sessionmaker

from app.db.limits import limit_statements

# Seconds an SQLite connection waits for another writer's lock before "database is locked";
# past it, a store is retried (`db.retry`).
BUSY_TIMEOUT_S = 30.0


def make_engine(
    url: str,
    statement_timeout_ms: int | None = None,
    busy_timeout_s: float = BUSY_TIMEOUT_S,
    **kwargs: Any,
) -> Engine:
    """Create an engine; on SQLite emit BEGIN ourselves (for savepoints) and enforce FKs.

    With `statement_timeout_ms` (the API's engines) every statement is stopped past that time
    on both databases, and a request can cancel its statements (see `app.db.limits`).
    """
    if url.startswith("sqlite"):
        engine = create_engine(
            url, connect_args={"check_same_thread": False, "timeout": busy_timeout_s}, **kwargs
        )
        _fix_sqlite_transactions(engine)
    else:
        # Server-side prepared statements only when asked (`PREPARED`): psycopg would prepare
        # any statement run five times, and PostgreSQL then settles on a generic plan, blind
        # to which speaker or topic is asked for (a speaker + topic page took 2.9 ms instead
        # of 2.1 ms planned each time).
        connect_args = {"prepare_threshold": NEVER_BY_COUNT, **kwargs.pop("connect_args", {})}
        engine = create_engine(url, connect_args=connect_args, **kwargs)
        ping_when_idle(engine)
        prepare_when_asked(engine)
    if statement_timeout_ms is not None:
        limit_statements(engine, statement_timeout_ms)
    return engine


# psycopg prepares a statement after this many runs: never, in practice. (None would turn
# preparing off altogether, `prepare=True` included.)
NEVER_BY_COUNT = 2**31 - 1
# Execution option: run this statement as a server-side prepared statement (PostgreSQL).
PREPARED = "prepared"


def prepare_when_asked(engine: Engine) -> None:
    """Statements run with the `PREPARED` execution option are prepared on the server once
    per connection, and then neither parsed nor planned again: a page's rows by id took
    ~1 ms of the server's CPU each time, 0.35 ms prepared. Only for statements whose best
    plan does not depend on their values (rows by primary key, a page's topics, a count
    kept by key); a filter over quotes is planned for its values each time.

    psycopg forgets its prepared statements at every ROLLBACK: read requests end with
    COMMIT (`api.deps`) so that the next request on the connection finds them."""

    @event.listens_for(engine, "do_execute")
    def _execute(cursor: Any, statement: str, parameters: Any, context: Any) -> bool:
        if not context.execution_options.get(PREPARED):
            return False  # SQLAlchemy runs it as usual, unprepared
        cursor.execute(statement, parameters, prepare=True)
        return True


# A pooled PostgreSQL connection unused for this long is pinged before it is handed out.
IDLE_PING_S = 2.0


def ping_when_idle(engine: Engine) -> None:
    """Replace a pooled connection the server has dropped (a restart, an idle timeout) before
    a request gets it, as `pool_pre_ping` does, but only after IDLE_PING_S unused: a
    connection in steady use was just seen working, and each ping cost two round trips of
    a ~2 ms page (BEGIN, SELECT 1)."""

    @event.listens_for(engine, "connect")
    def _on_connect(_dbapi_connection: Any, record: Any) -> None:
        record.info["last_used"] = time.monotonic()

    @event.listens_for(engine, "checkin")
    def _on_checkin(_dbapi_connection: Any, record: Any) -> None:
        if record is not None:
            record.info["last_used"] = time.monotonic()

    @event.listens_for(engine, "checkout")
    def _on_checkout(dbapi_connection: Any, record: Any, _proxy: Any) -> None:
        if time.monotonic() - record.info.get("last_used", 0.0) < IDLE_PING_S:
            return
        try:
            engine.dialect.do_ping(dbapi_connection)
            dbapi_connection.commit()  # ends the ping's transaction; a ROLLBACK would drop
            # the connection's prepared statements
        except Exception as exc:  # any failure: the pool connects afresh and tries again
            raise DisconnectionError(f"pooled connection failed its ping: {exc}") from exc


def _fix_sqlite_transactions(engine: Engine) -> None:
    """The pysqlite savepoint fix: autocommit at the driver, BEGIN emitted by SQLAlchemy."""

    @event.listens_for(engine, "connect")
    def _on_connect(dbapi_connection: Any, _record: Any) -> None:
        dbapi_connection.isolation_level = None
        cursor = dbapi_connection.cursor()
        cursor.execute("PRAGMA foreign_keys=ON")
        cursor.execute("PRAGMA journal_mode=WAL")
        cursor.close()

    @event.listens_for(engine, "begin")
    def _on_begin(connection: Any) -> None:
        mode = connection.get_execution_options().get(BEGIN_MODE)
        connection.exec_driver_sql("BEGIN IMMEDIATE" if mode == "immediate" else "BEGIN")


# Execution option read when SQLite begins a transaction: "immediate" takes the write lock at
# BEGIN; anything else (or unset) is a plain deferred BEGIN. PostgreSQL ignores it.
BEGIN_MODE = "sqlite_begin"
BeginMode = Literal["immediate", "deferred"]


# `Session.info` flag: the session only reads (API requests), so per-process caches may keep
# what it saw, and values fixed for the transaction may be read once.
READ_ONLY = "read_only"


def make_session_factory(engine: Engine, read_only: bool = False) -> sessionmaker[Session]:
    """Sessions for reads (plain BEGIN) or for writes (on SQLite, BEGIN IMMEDIATE)."""
    info = {READ_ONLY: True} if read_only else {}
    mode: BeginMode = "deferred" if read_only else "immediate"
    return sessionmaker(
        bind=engine, expire_on_commit=False, info=info, execution_options={BEGIN_MODE: mode}
    )


@contextmanager
def transaction(session: Session, mode: BeginMode) -> Iterator[Session]:
    """`session.begin()` with the begin mode chosen here, whatever the session's default:
    a writer's short read (is this document stored?) need not queue for the write lock, and
    a store takes it at BEGIN even in a session made without `make_session_factory`."""
    with session.begin():
        session.connection(execution_options={BEGIN_MODE: mode})
        yield session


@contextmanager
def session_scope(factory: sessionmaker[Session]) -> Iterator[Session]:
    """One transaction: commit on success, roll back on any error."""
    session = factory()
    try:
        yield session
        session.commit()
    except BaseException:
        session.rollback()
        raise
    finally:
        session.close()
