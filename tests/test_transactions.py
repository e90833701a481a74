"""Who takes the SQLite write lock, and when: a write session at BEGIN (so it waits there,
under the busy timeout, instead of failing at its first INSERT), a read session never."""

from __future__ import annotations

import sqlite3
from pathlib import Path

import pytest
from sqlalchemy import select, text

from app.db.migrate import upgrade
from app.db.models import Document
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
