"""Engine and session factory for SQLite and PostgreSQL."""

from __future__ import annotations

from collections.abc import Iterator
from contextlib import contextmanager
from typing import Any

from sqlalchemy import Engine, create_engine, event
from sqlalchemy.orm import Session, sessionmaker

from app.db.limits import limit_statements


def make_engine(url: str, statement_timeout_ms: int | None = None, **kwargs: Any) -> Engine:
    """Create an engine; on SQLite emit BEGIN ourselves (for savepoints) and enforce FKs.

    With `statement_timeout_ms` (the API's engines) every statement is stopped past that time
    on both databases, and a request can cancel its statements (see `app.db.limits`).
    """
    if url.startswith("sqlite"):
        engine = create_engine(
            url, connect_args={"check_same_thread": False, "timeout": 30}, **kwargs
        )
        _fix_sqlite_transactions(engine)
    else:
        engine = create_engine(url, pool_pre_ping=True, **kwargs)
    if statement_timeout_ms is not None:
        limit_statements(engine, statement_timeout_ms)
    return engine


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
        connection.exec_driver_sql("BEGIN")


# `Session.info` flag: the session only reads (API requests), so per-process caches may keep
# what it saw, and values fixed for the transaction may be read once.
READ_ONLY = "read_only"


def make_session_factory(engine: Engine, read_only: bool = False) -> sessionmaker[Session]:
    info = {READ_ONLY: True} if read_only else {}
    return sessionmaker(bind=engine, expire_on_commit=False, info=info)


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
