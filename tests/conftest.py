"""Databases built by the real migrations, on SQLite and PostgreSQL; one rolled-back
transaction per test.

PostgreSQL tests use the server named by TEST_POSTGRES_URL and create and drop their own
databases. With CI set, an unreachable server fails the run instead of skipping.
"""

from __future__ import annotations

import os
from collections.abc import Iterator

import pytest
from fastapi.testclient import TestClient
from sqlalchemy import Engine
from sqlalchemy.orm import Session, sessionmaker

from app.ingest.pipeline import ingest_paths
from app.write.directory import SHIPPED_DIRECTORY, load_directory
from tests.live_server import TEST_BUDGETS
from tests.support import BACKENDS, SEEDS, Databases, api_client, migrated_engine, rolled_back

# The service's time budgets (1 s a request, 1.5 s a statement) are for a production server;
# a CI machine under load can take longer on an ordinary query, and a behaviour test must not
# turn into a 503. The limits themselves are tested with explicit small values
# (tests/test_statement_limits.py, tests/api/test_request_limits.py, test_abuse_live.py).
for _name in TEST_BUDGETS:
    os.environ.setdefault(_name, "30000")


@pytest.fixture(scope="session")
def databases(tmp_path_factory: pytest.TempPathFactory) -> Iterator[Databases]:
    dbs = Databases(tmp_path_factory.mktemp("db"))
    yield dbs
    dbs.drop_all()


@pytest.fixture(scope="session", params=BACKENDS)
def engine(request: pytest.FixtureRequest, databases: Databases) -> Iterator[Engine]:
    """An empty database at the latest migration."""
    yield from migrated_engine(databases, request.param)


@pytest.fixture(scope="session", params=BACKENDS)
def seeded_engine(request: pytest.FixtureRequest, databases: Databases) -> Iterator[Engine]:
    """The shipped directory and the five seed documents, as `make run` builds them."""
    for engine in migrated_engine(databases, request.param):
        factory = sessionmaker(bind=engine)
        with factory() as session, session.begin():
            load_directory(session, SHIPPED_DIRECTORY)
        report = ingest_paths(factory, [SEEDS], 5_000_000)
        assert not report.failed, report.as_json()
        yield engine


@pytest.fixture
def session_factory(engine: Engine) -> Iterator[sessionmaker[Session]]:
    """Sessions inside one outer transaction that is rolled back after the test."""
    for _, factory in rolled_back(engine):
        yield factory


@pytest.fixture
def session(session_factory: sessionmaker[Session]) -> Iterator[Session]:
    with session_factory() as s:
        yield s


@pytest.fixture
def seeded_factory(seeded_engine: Engine) -> Iterator[sessionmaker[Session]]:
    """Sessions over the seeded database, inside one transaction rolled back after the test."""
    for _, factory in rolled_back(seeded_engine):
        yield factory


@pytest.fixture
def seeded_session(seeded_factory: sessionmaker[Session]) -> Iterator[Session]:
    with seeded_factory() as s:
        yield s


@pytest.fixture
def client(seeded_factory: sessionmaker[Session]) -> Iterator[TestClient]:
    """The API over the seeded database, in the test's transaction (shared with
    `seeded_session`); anything a test writes is rolled back."""
    with api_client(seeded_factory) as c:
        yield c


@pytest.fixture
def empty_client(session_factory: sessionmaker[Session]) -> Iterator[TestClient]:
    with api_client(session_factory) as c:
        yield c


_postgres_passed = 0


def pytest_runtest_logreport(report: pytest.TestReport) -> None:
    global _postgres_passed
    if report.when == "call" and report.passed and "[postgres" in report.nodeid:
        _postgres_passed += 1


def pytest_sessionfinish(session: pytest.Session, exitstatus: int) -> None:
    """With CI set, a run in which no PostgreSQL test passed is a failed run."""
    if os.environ.get("CI") and session.testscollected and _postgres_passed == 0:
        print("\nCI: no PostgreSQL test ran; failing the run")
        session.exitstatus = 1


def pytest_terminal_summary(terminalreporter: pytest.TerminalReporter) -> None:
    terminalreporter.write_line(f"PostgreSQL tests passed: {_postgres_passed}")
