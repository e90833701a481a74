"""Databases built by the real migrations, on SQLite and PostgreSQL; one rolled-back
transaction per test.

PostgreSQL tests use the server named by TEST_POSTGRES_URL and create and drop their own
databases. With CI set, an unreachable server fails the run instead of skipping.
"""

from __future__ import annotations

import os
import uuid
from collections.abc import Callable, Iterator
from pathlib import Path

import pytest
from fastapi.testclient import TestClient
from sqlalchemy import Connection, Engine, create_engine, text
from sqlalchemy.engine import make_url
from sqlalchemy.orm import Session, sessionmaker

from app.api.deps import get_session
from app.db.migrate import upgrade
from app.db.session import make_engine
from app.ingest.pipeline import ingest_paths
from app.main import create_app
from app.settings import Settings, normalise_database_url
from app.write.directory import SHIPPED_DIRECTORY, load_directory

ROOT = Path(__file__).resolve().parents[1]
SEEDS = ROOT / "seeds"
BACKENDS = ["sqlite", pytest.param("postgres", marks=pytest.mark.postgres)]


def _postgres_server() -> str:
    url = os.environ.get("TEST_POSTGRES_URL")
    if not url:
        if os.environ.get("CI"):
            pytest.fail("CI is set but TEST_POSTGRES_URL is not: PostgreSQL tests must run")
        pytest.skip("TEST_POSTGRES_URL not set")
    return normalise_database_url(url)


class Databases:
    """Creates throwaway databases and drops them at the end of the run."""

    def __init__(self, tmp: Path) -> None:
        self.tmp = tmp
        self.created: list[tuple[str, str]] = []

    def new(self, backend: str) -> str:
        name = f"otr_test_{uuid.uuid4().hex[:10]}"
        if backend == "sqlite":
            return f"sqlite:///{self.tmp / name}.db"
        server = _postgres_server()
        try:
            admin = create_engine(server, isolation_level="AUTOCOMMIT")
            with admin.connect() as conn:
                conn.execute(text(f'CREATE DATABASE "{name}"'))
            admin.dispose()
        except Exception as exc:
            if os.environ.get("CI"):
                pytest.fail(f"PostgreSQL at {server} is unreachable: {exc}")
            pytest.skip(f"PostgreSQL unreachable: {exc}")
        self.created.append((server, name))
        return make_url(server).set(database=name).render_as_string(hide_password=False)

    def drop_all(self) -> None:
        for server, name in self.created:
            admin = create_engine(server, isolation_level="AUTOCOMMIT")
            with admin.connect() as conn:
                conn.execute(text(f'DROP DATABASE IF EXISTS "{name}" WITH (FORCE)'))
            admin.dispose()


@pytest.fixture(scope="session")
def databases(tmp_path_factory: pytest.TempPathFactory) -> Iterator[Databases]:
    dbs = Databases(tmp_path_factory.mktemp("db"))
    yield dbs
    dbs.drop_all()


def _migrated_engine(databases: Databases, backend: str) -> Iterator[Engine]:
    url = databases.new(backend)
    upgrade(url)
    engine = make_engine(url)
    yield engine
    engine.dispose()


@pytest.fixture(scope="session", params=BACKENDS)
def engine(request: pytest.FixtureRequest, databases: Databases) -> Iterator[Engine]:
    """An empty database at the latest migration."""
    yield from _migrated_engine(databases, request.param)


@pytest.fixture(scope="session", params=BACKENDS)
def seeded_engine(request: pytest.FixtureRequest, databases: Databases) -> Iterator[Engine]:
    """The shipped directory and the five seed documents, as `make run` builds them."""
    for engine in _migrated_engine(databases, request.param):
        factory = sessionmaker(bind=engine)
        with factory() as session, session.begin():
            load_directory(session, SHIPPED_DIRECTORY)
        report = ingest_paths(factory, [SEEDS], 5_000_000)
        assert not report.failed, report.as_json()
        yield engine


def _rolled_back(engine: Engine) -> Iterator[tuple[Connection, sessionmaker[Session]]]:
    connection = engine.connect()
    outer = connection.begin()
    factory = sessionmaker(bind=connection, join_transaction_mode="create_savepoint")
    try:
        yield connection, factory
    finally:
        outer.rollback()
        connection.close()


@pytest.fixture
def session_factory(engine: Engine) -> Iterator[sessionmaker[Session]]:
    """Sessions inside one outer transaction that is rolled back after the test."""
    for _, factory in _rolled_back(engine):
        yield factory


@pytest.fixture
def session(session_factory: sessionmaker[Session]) -> Iterator[Session]:
    with session_factory() as s:
        yield s


@pytest.fixture
def seeded_session(seeded_engine: Engine) -> Iterator[Session]:
    for _, factory in _rolled_back(seeded_engine):
        with factory() as s:
            yield s


def _client(make_session: Callable[[], Session], url: str) -> TestClient:
    app = create_app(Settings(database_url=url))

    def override() -> Iterator[Session]:
        with make_session() as s:
            yield s

    app.dependency_overrides[get_session] = override
    return TestClient(app, raise_server_exceptions=False)


@pytest.fixture
def client(seeded_engine: Engine) -> Iterator[TestClient]:
    """The API over the seeded database; anything a test writes is rolled back."""
    for _, factory in _rolled_back(seeded_engine):
        with _client(factory, str(seeded_engine.url)) as c:
            yield c


@pytest.fixture
def empty_client(engine: Engine) -> Iterator[TestClient]:
    for _, factory in _rolled_back(engine):
        with _client(factory, str(engine.url)) as c:
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
