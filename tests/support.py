"""Helpers the tests share: where the seeds are, throwaway databases, rolled-back sessions
and an API client bound to a test's transaction. Fixtures live in conftest.py."""

from __future__ import annotations

import os
import uuid
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest
from fastapi.testclient import TestClient
from sqlalchemy import Connection, Engine, create_engine, text
from sqlalchemy.engine import make_url
from sqlalchemy.orm import Session, sessionmaker

from app.db.migrate import upgrade
from app.db.session import make_engine
from app.main import create_app
from app.settings import Settings, normalise_database_url

ROOT = Path(__file__).resolve().parents[1]
SEEDS = ROOT / "seeds"
BACKENDS = ["sqlite", pytest.param("postgres", marks=pytest.mark.postgres)]


def postgres_server() -> str:
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
        server = postgres_server()
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


def migrated_engine(databases: Databases, backend: str) -> Iterator[Engine]:
    """A new database brought to the latest migration by the real migrations."""
    url = databases.new(backend)
    upgrade(url)
    engine = make_engine(url)
    yield engine
    engine.dispose()


def rolled_back(engine: Engine) -> Iterator[tuple[Connection, sessionmaker[Session]]]:
    """Sessions that share one outer transaction, rolled back when the test ends."""
    connection = engine.connect()
    outer = connection.begin()
    factory = sessionmaker(bind=connection, join_transaction_mode="create_savepoint")
    try:
        yield connection, factory
    finally:
        outer.rollback()
        connection.close()


def api_client(factory: sessionmaker[Session], **settings: Any) -> TestClient:
    """The API answering from `factory`'s sessions, reads and writes: inside the test's
    transaction.

    The app is given no database URL of its own (`sqlite://` is never connected to), so
    nothing depends on how a URL with a password prints.
    """
    app = create_app(Settings(database_url="sqlite://", **settings))
    app.state.session_factory = factory
    app.state.write_session_factory = factory
    return TestClient(app, raise_server_exceptions=False)
