"""The parts of concurrent ingest a test can drive directly: which failures are retried, the
retry itself, and a parse that fails in (or kills) its worker process."""

from __future__ import annotations

import sqlite3
from concurrent.futures import Future
from concurrent.futures.process import BrokenProcessPool
from typing import Any

import pytest
from sqlalchemy.exc import IntegrityError, OperationalError
from sqlalchemy.orm import Session, sessionmaker

from app.db.models import Document
from app.db.retry import is_race, write_with_retries
from app.ingest import jobs
from app.ingest.loader import LoadedDocument, read_document
from app.ingest.parse import ParsedDocument, parse_document
from tests.support import SEEDS


class _Sqlstate(Exception):
    def __init__(self, sqlstate: str) -> None:
        super().__init__(f"SQLSTATE {sqlstate}")
        self.sqlstate = sqlstate


def _locked() -> OperationalError:
    return OperationalError("INSERT ...", {}, sqlite3.OperationalError("database is locked"))


@pytest.mark.parametrize(
    ("error", "race"),
    [
        (_locked(), True),
        (OperationalError("x", {}, _Sqlstate("40P01")), True),  # deadlock detected
        (OperationalError("x", {}, _Sqlstate("40001")), True),  # serialization failure
        (IntegrityError("x", {}, _Sqlstate("23505")), True),  # both created the same row
        (IntegrityError("x", {}, _Sqlstate("23502")), False),  # NOT NULL: a bug, not a race
        (OperationalError("x", {}, sqlite3.OperationalError("no such table: quotes")), False),
        (ValueError("database is locked"), False),
    ],
)
def test_only_lost_races_are_retried(error: Exception, race: bool) -> None:
    assert is_race(error) is race


def test_a_lost_race_runs_the_whole_transaction_again(
    session_factory: sessionmaker[Session],
) -> None:
    attempts: list[int] = []
    pauses: list[float] = []

    def work(session: Session) -> int:
        session.add(
            Document(sha256=f"{len(attempts):064d}", source_name="x", genre="news", text="t")
        )
        session.flush()
        attempts.append(1)
        if len(attempts) < 3:
            raise _locked()
        return len(attempts)

    with session_factory() as session:
        assert write_with_retries(session, work, sleep=pauses.append) == 3
        # the first two tries were rolled back: only the third document is stored
        assert [d.sha256[-1] for d in session.query(Document).all()] == ["2"]
    assert len(pauses) == 2 and all(0 <= p <= 2.0 for p in pauses)


def test_retries_are_bounded(session_factory: sessionmaker[Session]) -> None:
    def work(_session: Session) -> None:
        raise _locked()

    with session_factory() as session, pytest.raises(OperationalError):
        write_with_retries(session, work, attempts=3, sleep=lambda _s: None)


class _Parsers:
    """Stands in for the process pool on a second try."""

    def __init__(self, outcome: ParsedDocument | jobs.FileReport | BaseException) -> None:
        self.outcome = outcome
        self.submitted = 0

    def submit(self, _loaded: LoadedDocument) -> Future[Any]:
        self.submitted += 1
        return _done(self.outcome)


def _done(outcome: ParsedDocument | jobs.FileReport | BaseException) -> Future[Any]:
    future: Future[Any] = Future()
    if isinstance(outcome, BaseException):
        future.set_exception(outcome)
    else:
        future.set_result(outcome)
    return future


def _seed() -> LoadedDocument:
    return read_document(sorted(SEEDS.glob("*.txt"))[-1], 1_000_000)


def test_a_parse_that_raises_in_its_worker_fails_that_file(
    session_factory: sessionmaker[Session],
) -> None:
    loaded = _seed()
    parse = _done(RecursionError("maximum recursion depth exceeded"))
    parsers = _Parsers(RuntimeError("not used"))
    report = jobs._store(session_factory, parsers, (loaded, None, parse))  # type: ignore[arg-type]
    assert report.status == "failed" and report.path == str(loaded.path)
    assert "RecursionError" in (report.error or "")
    assert parsers.submitted == 0


def test_a_document_queued_on_a_dead_worker_is_parsed_again(
    session_factory: sessionmaker[Session],
) -> None:
    loaded = _seed()
    parsers = _Parsers(parse_document(loaded))
    report = jobs._store(session_factory, parsers, (loaded, None, _done(BrokenProcessPool())))  # type: ignore[arg-type]
    assert report.status == "ingested" and report.quotes > 0
    assert parsers.submitted == 1


def test_a_document_that_kills_its_worker_twice_fails(
    session_factory: sessionmaker[Session],
) -> None:
    loaded = _seed()
    parsers = _Parsers(BrokenProcessPool())
    report = jobs._store(session_factory, parsers, (loaded, None, _done(BrokenProcessPool())))  # type: ignore[arg-type]
    assert report == jobs.FileReport(str(loaded.path), "failed", error="the parsing process died")


def test_a_document_its_process_stored_is_reported_as_the_process_said(
    session_factory: sessionmaker[Session],
) -> None:
    """PostgreSQL: the worker process stored the document; the main process only reports."""
    loaded = _seed()
    stored = jobs.FileReport(str(loaded.path), "unchanged", 7, 3)
    parsers = _Parsers(RuntimeError("not used"))
    report = jobs._store(session_factory, parsers, (loaded, None, _done(stored)))  # type: ignore[arg-type]
    assert report == stored
    with session_factory() as session:
        assert session.query(Document).count() == 0  # not stored a second time here
