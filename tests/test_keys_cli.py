"""`ontherecord keys`: a key is printed once, listed without its secret, and revoked; the
served API (its own read and write engines) takes it and then refuses it."""

from __future__ import annotations

from collections.abc import Iterator

import pytest
from fastapi.testclient import TestClient
from sqlalchemy import select, text
from typer.testing import CliRunner

from app.auth.tokens import parse_key
from app.cli import app
from app.db.models import ApiKey, AuditEntry
from app.db.session import make_engine
from app.main import create_app
from app.settings import Settings, get_settings
from tests.support import SEEDS, Databases

runner = CliRunner()


@pytest.fixture(params=["sqlite", pytest.param("postgres", marks=pytest.mark.postgres)])
def database_url(
    request: pytest.FixtureRequest, databases: Databases, monkeypatch: pytest.MonkeyPatch
) -> Iterator[str]:
    url = databases.new(request.param)
    monkeypatch.setenv("DATABASE_URL", url)
    get_settings.cache_clear()
    yield url
    get_settings.cache_clear()


def _run(*args: str) -> tuple[int, str, str]:
    result = runner.invoke(app, list(args))
    return result.exit_code, result.stdout, result.stderr


def test_a_key_is_printed_once_and_listed_without_its_secret(database_url: str) -> None:
    assert _run("migrate")[0] == 0
    code, out, err = _run("keys", "create", "--name", "desk")
    assert code == 0, err
    key = out.strip()
    presented = parse_key(key)
    assert presented is not None, out
    assert key not in err and "shown once" in err
    code, out, _ = _run("keys", "create", "--name", "site", "--read-only")
    assert code == 0 and parse_key(out.strip()) is not None
    assert _run("keys", "create", "--name", "desk")[0] == 1  # names are unique

    code, listing, _ = _run("keys", "list")
    assert code == 0
    assert "desk" in listing and "site" in listing and presented.prefix in listing
    assert presented.secret not in listing
    with make_engine(database_url).connect() as connection:
        rows = connection.execute(select(ApiKey.name, ApiKey.scope, ApiKey.secret_hash)).all()
    assert {(name, scope) for name, scope, _ in rows} == {("desk", "write"), ("site", "read")}
    assert all(presented.secret not in hashed for _, _, hashed in rows)


def test_the_served_api_takes_a_key_until_it_is_revoked(database_url: str) -> None:
    assert _run("setup", "--seeds", str(SEEDS))[0] == 0
    key = _run("keys", "create", "--name", "desk")[1].strip()
    headers = {"Authorization": f"Bearer {key}"}
    with TestClient(create_app(Settings(database_url=database_url))) as client:
        renamed = client.patch(
            "/speakers/john-kerry", json={"name": "John F. Kerry"}, headers=headers
        )
        assert renamed.status_code == 200, renamed.json()
        assert client.get("/speakers/john-kerry").json()["name"] == "John F. Kerry"
        assert _run("keys", "revoke", "desk")[0] == 0
        assert _run("keys", "revoke", "desk")[0] == 0  # already revoked: nothing changes
        refused = client.patch("/speakers/john-kerry", json={"name": "X"}, headers=headers)
        assert refused.status_code == 401
    assert _run("keys", "revoke", "nobody")[0] == 1
    with make_engine(database_url).connect() as connection:
        (entry,) = connection.execute(select(AuditEntry.action, AuditEntry.key_name)).all()
        revoked = connection.scalar(select(ApiKey.revoked_at).where(ApiKey.name == "desk"))
    assert tuple(entry) == ("speaker.rename", "desk") and revoked is not None


def test_writes_have_their_own_pool_bounded_by_the_write_timeout(database_url: str) -> None:
    """Not the read deadline (1.5 s), but not forever either: WRITE_TIMEOUT_MS per statement
    or lock wait, on the write engine only."""
    assert _run("migrate")[0] == 0
    api = create_app(Settings(database_url=database_url, write_timeout_ms=45_000))
    with api.state.write_session_factory() as writes, api.state.session_factory() as reads:
        assert writes.get_bind() is not reads.get_bind()
        if database_url.startswith("sqlite"):
            assert writes.scalar(text("PRAGMA busy_timeout")) == 45_000
        else:
            assert writes.scalar(text("SHOW statement_timeout")) == "45s"
            assert writes.scalar(text("SHOW lock_timeout")) == "45s"
            assert reads.scalar(text("SHOW lock_timeout")) == "0"
