"""A quote page reads in one trip through the thread pool, and an export in a session of its
own that lives as long as its stream: either way the connection goes back to the pool, and
a read that answered ends with COMMIT (psycopg keeps its prepared statements)."""

from __future__ import annotations

from collections.abc import Iterator
from typing import Any

import pytest
from fastapi.testclient import TestClient
from sqlalchemy import Engine, event

from app.db.session import make_engine, make_session_factory
from tests.support import api_client


@pytest.fixture
def pooled(seeded_engine: Engine) -> Iterator[tuple[TestClient, Engine, list[str]]]:
    """The API on an engine with one pooled connection and no overflow, so a connection
    that is never handed back makes the next request fail; and how each transaction ended."""
    url = seeded_engine.url.render_as_string(hide_password=False)
    engine = make_engine(url, statement_timeout_ms=5_000, pool_size=1, max_overflow=0)
    engine.pool._timeout = 2  # type: ignore[attr-defined]
    endings: list[str] = []

    @event.listens_for(engine, "commit")
    def _commit(_conn: Any) -> None:
        endings.append("commit")

    @event.listens_for(engine, "rollback")
    def _rollback(_conn: Any) -> None:
        endings.append("rollback")

    with api_client(make_session_factory(engine, read_only=True)) as client:
        yield client, engine, endings
    engine.dispose()


@pytest.mark.parametrize("export", ["ndjson", "csv"])
def test_an_export_hands_its_connection_back_with_commit(pooled: Any, export: str) -> None:
    client, engine, endings = pooled
    response = client.get(f"/quotes?speaker=Kerry&format={export}")
    assert response.status_code == 200
    assert "Kerry" in response.text
    assert engine.pool.checkedout() == 0
    assert endings[-1:] == ["commit"], endings
    assert client.get("/quotes?speaker=Kerry").json()["items"]  # the one connection is free


def test_an_export_left_half_read_hands_its_connection_back(pooled: Any) -> None:
    client, engine, _ = pooled
    with client.stream("GET", "/quotes?format=ndjson&limit=1") as response:
        assert response.status_code == 200
        next(response.iter_lines())
    assert engine.pool.checkedout() == 0
    assert client.get("/quotes?limit=2").json()["items"]


def test_pages_and_their_errors_hand_the_connection_back(pooled: Any) -> None:
    client, engine, endings = pooled
    for _ in range(3):  # more requests than connections
        assert client.get("/quotes?speaker=Kerry&topic=Assad").json()["items"]
        assert client.get("/quotes?sort=relevance").status_code == 400  # needs q
        assert client.get("/quotes?cursor=not-a-cursor").status_code == 400
    assert engine.pool.checkedout() == 0
    assert "rollback" not in endings, endings
