"""Who takes the SQLite write lock, and when: a write session at BEGIN (so it waits there,
under the busy timeout, instead of failing at its first INSERT), a read session never; and a
store that waited past the busy timeout is run again."""

from __future__ import annotations

import sqlite3
from pathlib import Path

import pytest
from sqlalchemy import select, text
from sqlalchemy.orm import Session

from app.db.migrate import upgrade
from app.db.models import Document
from app.db.retry import write_with_retries
from app.db.session import make_engine, make_session_factory, transaction


def _other_writer(path: Path) -> sqlite3.Connection:
    """A second process's view: takes the write lock without waiting for it."""
    connection = sqlite3.connect(path, timeout=0, isolation_level=None)
    return connection


@pytest.fixture
def database(tmp_path: Path) -> Path:
    path = tmp_path / "locks.db"
    upgrade(f"sqlite:///{path}")
    return path


def test_a_write_session_holds_the_write_lock_from_begin(database: Path) -> None:
    engine = make_engine(f"sqlite:///{database}")
    other = _other_writer(database)
    with make_session_factory(engine)() as session, session.begin():
        session.scalar(select(Document.id))  # only a read so far
        with pytest.raises(sqlite3.OperationalError, match="locked"):
            other.execute("BEGIN IMMEDIATE")
    other.execute("BEGIN IMMEDIATE")  # released at the end of the transaction
    other.execute("ROLLBACK")
    engine.dispose()


@pytest.mark.parametrize("read_only", [True, False])
def test_reads_do_not_take_the_write_lock(database: Path, read_only: bool) -> None:
    engine = make_engine(f"sqlite:///{database}")
    other = _other_writer(database)
    with make_session_factory(engine, read_only=read_only)() as session:
        opened = session.begin() if read_only else transaction(session, "deferred")
        with opened:
            session.execute(text("SELECT count(*) FROM documents"))
            other.execute("BEGIN IMMEDIATE")  # a writer elsewhere is not held up
            other.execute("ROLLBACK")
    engine.dispose()


def test_a_store_kept_waiting_past_the_busy_timeout_runs_again(database: Path) -> None:
    """Another process holds the write lock longer than this one waits: the store fails with
    SQLite's own "database is locked", pauses, and succeeds once the lock is free."""
    engine = make_engine(f"sqlite:///{database}", busy_timeout_s=0.01)
    other = sqlite3.connect(database, timeout=0, isolation_level=None, check_same_thread=False)
    other.execute("BEGIN IMMEDIATE")
    pauses: list[float] = []

    def pause(seconds: float) -> None:  # the other writer commits while this one pauses
        pauses.append(seconds)
        if other.in_transaction:
            other.execute("COMMIT")

    def store(session: Session) -> int:
        document = Document(sha256="a" * 64, source_name="a.txt", genre="news", text="t")
        session.add(document)
        session.flush()
        return document.id

    with make_session_factory(engine)() as session:
        document_id = write_with_retries(session, store, sleep=pause)
    assert len(pauses) == 1
    with make_session_factory(engine, read_only=True)() as session:
        assert session.scalar(select(Document.id)) == document_id
    engine.dispose()
