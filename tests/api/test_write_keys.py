"""Who may write: every key rule of the write API, and reads open or closed by a setting."""

from __future__ import annotations

import pytest
from fastapi.testclient import TestClient
from sqlalchemy import select
from sqlalchemy.orm import Session, sessionmaker

from app.auth.tokens import hash_secret, parse_key, secret_matches
from app.db.models import ApiKey, SpeakerAlias
from tests.api.write_support import Keys, make_keys
from tests.support import api_client

ALIAS = "/speakers/john-kerry/aliases"


@pytest.fixture
def keys(seeded_factory: sessionmaker[Session]) -> Keys:
    return make_keys(seeded_factory)


def _has_alias(session: Session, alias: str) -> bool:
    return session.scalar(select(SpeakerAlias.id).where(SpeakerAlias.alias == alias)) is not None


def test_a_write_without_a_key_is_a_401_problem_and_changes_nothing(
    client: TestClient, keys: Keys, seeded_session: Session
) -> None:
    response = client.post(ALIAS, json={"alias": "JFK"})
    assert response.status_code == 401
    assert response.headers["content-type"] == "application/problem+json"
    assert response.headers["www-authenticate"] == 'Bearer realm="ontherecord"'
    assert response.json()["type"] == "/problems/unauthorized"
    assert "Authorization: Bearer" in response.json()["detail"]
    assert not _has_alias(seeded_session, "JFK")


@pytest.mark.parametrize("how", ["wrong secret", "not a key", "other prefix"])
def test_a_wrong_key_is_a_401(client: TestClient, keys: Keys, how: str) -> None:
    good = parse_key(keys.write)
    assert good is not None
    presented = {
        "wrong secret": f"{good.prefix}_{'x' * 43}",
        "not a key": "letmein",
        "other prefix": keys.write.replace(good.prefix, "otr_000000000000"),
    }[how]
    response = client.post(ALIAS, json={"alias": "JFK"}, headers=Keys.header(presented))
    assert response.status_code == 401
    assert 'error="invalid_token"' in response.headers["www-authenticate"]
    assert response.json()["detail"].startswith("the API key is not valid")


def test_a_revoked_key_is_a_401(client: TestClient, keys: Keys) -> None:
    response = client.post(ALIAS, json={"alias": "JFK"}, headers=Keys.header(keys.revoked))
    assert response.status_code == 401
    assert response.json()["detail"] == "the API key 'old-desk' has been revoked"


def test_a_read_only_key_on_a_write_is_a_403(
    client: TestClient, keys: Keys, seeded_session: Session
) -> None:
    response = client.post(ALIAS, json={"alias": "JFK"}, headers=Keys.header(keys.read))
    assert response.status_code == 403
    assert response.json()["type"] == "/problems/forbidden"
    assert "'site' is read-only" in response.json()["detail"]
    assert not _has_alias(seeded_session, "JFK")


@pytest.mark.parametrize("header", ["Authorization", "X-API-Key"])
def test_a_write_key_writes_from_either_header_and_is_marked_used(
    client: TestClient, keys: Keys, seeded_session: Session, header: str
) -> None:
    value = f"Bearer {keys.write}" if header == "Authorization" else keys.write
    response = client.post(ALIAS, json={"alias": "JFK"}, headers={header: value})
    assert response.status_code == 200, response.json()
    assert _has_alias(seeded_session, "JFK")
    used = seeded_session.scalar(select(ApiKey.last_used_at).where(ApiKey.name == "desk"))
    assert used is not None


def test_reads_are_open_by_default(client: TestClient) -> None:
    assert client.get("/speakers/john-kerry").status_code == 200


def test_a_setting_closes_reads_to_anyone_without_a_valid_key(
    seeded_factory: sessionmaker[Session], keys: Keys
) -> None:
    with api_client(seeded_factory, reads_require_key=True) as closed:
        assert closed.get("/quotes?speaker=Kerry").status_code == 401
        assert closed.get("/speakers/john-kerry").status_code == 401
        revoked = closed.get("/speakers/john-kerry", headers=Keys.header(keys.revoked))
        assert revoked.status_code == 401
        assert closed.get("/speakers/john-kerry", headers=Keys.header(keys.read)).status_code == 200
        assert closed.get("/quotes", headers={"X-API-Key": keys.write}).status_code == 200
        assert closed.get("/health").status_code == 200  # monitors need no key
        assert closed.get("/docs").status_code == 200  # nor does learning how to send one
        assert closed.get("/", params={"speaker": "Kerry"}).status_code == 401  # the page


def test_only_a_salted_hash_of_the_key_is_stored(keys: Keys, seeded_session: Session) -> None:
    row = seeded_session.scalars(select(ApiKey).where(ApiKey.name == "desk")).one()
    presented = parse_key(keys.write)
    assert presented is not None and row.prefix == presented.prefix
    stored = " ".join(str(v) for v in (row.name, row.prefix, row.secret_hash, row.scope))
    assert presented.secret not in stored
    assert secret_matches(presented.secret, row.secret_hash)
    assert not secret_matches(presented.secret + "x", row.secret_hash)
    # Salted: the same secret hashes differently each time, and each still verifies.
    again = hash_secret(presented.secret)
    assert again != row.secret_hash and secret_matches(presented.secret, again)


def test_cors_preflight_allows_writes_with_the_key_headers(client: TestClient) -> None:
    response = client.options(
        "/speakers/1/merge",
        headers={
            "Origin": "https://newsroom.example",
            "Access-Control-Request-Method": "POST",
            "Access-Control-Request-Headers": "authorization, x-api-key, content-type",
        },
    )
    assert response.status_code == 200
    assert "POST" in response.headers["access-control-allow-methods"]
    allowed = response.headers["access-control-allow-headers"].lower()
    assert "authorization" in allowed and "x-api-key" in allowed
