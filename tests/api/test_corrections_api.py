"""Corrections through the API: each answers the resource as its GET does, is visible to the
next read at once (name caches included), and leaves an audit row with before and after."""

from __future__ import annotations

from collections.abc import Iterator
from typing import Any

import pytest
from fastapi.testclient import TestClient
from sqlalchemy.orm import Session, sessionmaker

from app.db.session import READ_ONLY
from app.services import name_cache
from tests.api.write_support import Keys, make_keys
from tests.support import api_client


@pytest.fixture
def keys(seeded_factory: sessionmaker[Session]) -> Keys:
    return make_keys(seeded_factory)


def _speaker(client: TestClient, name: str) -> dict[str, Any]:
    items = client.get("/speakers", params={"q": name}).json()["items"]
    return next(s for s in items if s["name"] == name)


def _topic(client: TestClient, name: str) -> dict[str, Any]:
    items = client.get("/topics", params={"q": name}).json()["items"]
    return next(t for t in items if t["name"] == name)


def _last_audit(client: TestClient, keys: Keys) -> dict[str, Any]:
    response = client.get("/audit", params={"limit": 1}, headers=keys.writer)
    assert response.status_code == 200, response.json()
    return response.json()["items"][0]  # type: ignore[no-any-return]


def test_rename_answers_the_speaker_as_get_does_and_is_audited(
    client: TestClient, keys: Keys
) -> None:
    kerry = _speaker(client, "John Kerry")
    response = client.patch(
        "/speakers/john-kerry", json={"name": "John Forbes Kerry"}, headers=keys.writer
    )
    assert response.status_code == 200, response.json()
    assert response.json() == client.get(f"/speakers/{kerry['id']}").json()
    assert response.json()["name"] == "John Forbes Kerry"
    # The old name stays an alias: searches under either name find the same quotes.
    old = client.get("/quotes", params={"speaker": "John Kerry", "limit": 1}).json()
    new = client.get("/quotes", params={"speaker": "John Forbes Kerry", "limit": 1}).json()
    assert old["total"] == new["total"] == kerry["quote_count"]
    entry = _last_audit(client, keys)
    assert entry["action"] == "speaker.rename" and entry["key_name"] == "desk"
    assert (entry["target_type"], entry["target_id"]) == ("speaker", kerry["id"])
    assert entry["before"]["name"] == "John Kerry"
    assert entry["after"]["name"] == "John Forbes Kerry"
    assert "John Forbes Kerry" in entry["after"]["aliases"]


def test_merge_moves_every_quote_and_the_source_is_gone(client: TestClient, keys: Keys) -> None:
    kerry, kirby = _speaker(client, "John Kerry"), _speaker(client, "John Kirby")
    response = client.post(
        f"/speakers/{kirby['id']}/merge", json={"into": "john-kerry"}, headers=keys.writer
    )
    assert response.status_code == 200, response.json()
    merged = response.json()
    assert merged["id"] == kerry["id"]
    assert merged["quote_count"] == kerry["quote_count"] + kirby["quote_count"]
    assert client.get(f"/speakers/{kirby['id']}").status_code == 404
    entry = _last_audit(client, keys)
    assert entry["action"] == "speaker.merge" and entry["target_id"] == kirby["id"]
    assert entry["before"]["source"]["name"] == "John Kirby"
    assert entry["before"]["into"]["quote_count"] == kerry["quote_count"]
    assert entry["after"]["source"] is None
    assert entry["after"]["into"]["quote_count"] == merged["quote_count"]


def test_a_merge_into_itself_or_into_nobody_is_refused(client: TestClient, keys: Keys) -> None:
    kerry_id = _speaker(client, "John Kerry")["id"]
    itself = client.post(
        "/speakers/john-kerry/merge", json={"into": str(kerry_id)}, headers=keys.writer
    )
    assert itself.status_code == 422
    assert itself.json()["type"] == "/problems/invalid-correction"
    nobody = client.post(
        "/speakers/john-kerry/merge", json={"into": "nobody-at-all"}, headers=keys.writer
    )
    assert nobody.status_code == 404
    assert "nobody-at-all" in nobody.json()["detail"]
    unknown = client.patch("/speakers/no-such-person", json={"name": "X"}, headers=keys.writer)
    assert unknown.status_code == 404
    blank = client.patch("/speakers/john-kerry", json={"name": "  "}, headers=keys.writer)
    assert blank.status_code == 422
    assert client.get("/audit", headers=keys.writer).json()["total"] == 0


def test_aliases_are_added_and_removed_each_audited(client: TestClient, keys: Keys) -> None:
    added = client.post("/speakers/john-kerry/aliases", json={"alias": "JFK"}, headers=keys.writer)
    assert added.status_code == 200
    assert {"alias": "JFK", "source": "manual"} in added.json()["aliases"]
    entry = _last_audit(client, keys)
    assert entry["action"] == "speaker.alias.add"
    assert "JFK" not in entry["before"]["aliases"] and "JFK" in entry["after"]["aliases"]

    removed = client.delete("/speakers/john-kerry/aliases/JFK", headers=keys.writer)
    assert removed.status_code == 200
    assert all(a["alias"] != "JFK" for a in removed.json()["aliases"])
    entry = _last_audit(client, keys)
    assert entry["action"] == "speaker.alias.remove" and "JFK" not in entry["after"]["aliases"]

    again = client.delete("/speakers/john-kerry/aliases/JFK", headers=keys.writer)
    assert again.status_code == 404
    assert again.json()["detail"] == "John Kerry has no alias 'JFK'"


def test_topics_are_merged_and_aliased(client: TestClient, keys: Keys) -> None:
    nusrah, qaida = _topic(client, "al-Nusrah"), _topic(client, "al-Qaida")
    response = client.post(
        f"/topics/{nusrah['id']}/merge", json={"into": qaida["slug"]}, headers=keys.writer
    )
    assert response.status_code == 200, response.json()
    assert response.json() == client.get(f"/topics/{qaida['id']}").json()
    assert response.json()["quote_count"] >= nusrah["quote_count"]
    assert client.get(f"/topics/{nusrah['id']}").status_code == 404
    assert _last_audit(client, keys)["action"] == "topic.merge"

    assad = _topic(client, "Bashar al-Assad")
    aliased = client.post(
        f"/topics/{assad['slug']}/aliases",
        json={"alias": "the Damascus regime"},
        headers=keys.writer,
    )
    assert aliased.status_code == 200
    assert "the Damascus regime" in aliased.json()["aliases"]
    found = client.get("/quotes", params={"topic": "the Damascus regime", "limit": 1}).json()
    assert found["total"] == assad["quote_count"]
    entry = _last_audit(client, keys)
    assert entry["action"] == "topic.alias.add" and entry["target_id"] == assad["id"]


def test_events_are_merged(client: TestClient, keys: Keys) -> None:
    events = {e["title"]: e for e in client.get("/events").json()["items"]}
    talks, interview = events["Talks in London"], events["Interview with CBS News"]
    before = [client.get(f"/events/{e['id']}").json() for e in (talks, interview)]
    response = client.post(
        f"/events/{interview['id']}/merge", json={"into": talks["id"]}, headers=keys.writer
    )
    assert response.status_code == 200, response.json()
    merged = response.json()
    assert merged == client.get(f"/events/{talks['id']}").json()
    assert {d["id"] for d in merged["documents"]} == {
        d["id"] for event in before for d in event["documents"]
    }
    assert merged["quote_count"] == sum(e["quote_count"] for e in before)
    assert client.get(f"/events/{interview['id']}").status_code == 404
    entry = _last_audit(client, keys)
    assert entry["action"] == "event.merge" and entry["after"]["source"] is None
    itself = client.post(
        f"/events/{talks['id']}/merge", json={"into": talks["id"]}, headers=keys.writer
    )
    assert itself.status_code == 422


@pytest.fixture
def caching_client(seeded_factory: sessionmaker[Session]) -> Iterator[TestClient]:
    """Reads on read-only sessions, as the served API's: their name lookups are cached."""
    connection = seeded_factory.kw["bind"]
    with api_client(seeded_factory) as client:
        client.app.state.session_factory = sessionmaker(  # type: ignore[attr-defined]
            bind=connection, join_transaction_mode="create_savepoint", info={READ_ONLY: True}
        )
        yield client
    name_cache.forget(connection.engine)


def test_cached_names_see_a_correction_at_once(caching_client: TestClient, keys: Keys) -> None:
    client = caching_client
    for _ in range(2):  # the second answer comes from the name cache
        assert client.get("/quotes", params={"speaker": "JFK"}).json()["total"] == 0
    added = client.post("/speakers/john-kerry/aliases", json={"alias": "JFK"}, headers=keys.writer)
    assert added.status_code == 200
    kerry_quotes = added.json()["quote_count"]
    assert client.get("/quotes", params={"speaker": "JFK"}).json()["total"] == kerry_quotes


def test_the_audit_log_pages_newest_first_for_write_keys_only(
    client: TestClient, keys: Keys
) -> None:
    for alias in ("one", "two", "three"):
        client.post("/speakers/john-kerry/aliases", json={"alias": alias}, headers=keys.writer)
    first = client.get("/audit", params={"limit": 2}, headers=keys.writer)
    assert first.status_code == 200
    page = first.json()
    assert page["total"] == 3 and page["next_cursor"]
    assert [e["after"]["aliases"][-1] for e in page["items"]] == ["three", "two"]
    assert first.headers["link"] == f'<{page["next_url"]}>; rel="next"'
    rest = client.get(page["next_url"], headers=keys.writer).json()
    assert [e["after"]["aliases"][-1] for e in rest["items"]] == ["one"]
    assert rest["next_cursor"] is None
    by_target = client.get("/audit", params={"target_type": "topic"}, headers=keys.writer).json()
    assert by_target["total"] == 0
    assert client.get("/audit").status_code == 401
    assert client.get("/audit", headers=Keys.header(keys.read)).status_code == 403
    assert client.get("/audit", headers=Keys.header(keys.revoked)).status_code == 401


def test_conditional_and_head_handling_leave_writes_alone(client: TestClient, keys: Keys) -> None:
    """`If-None-Match` is for GET and HEAD: a write with it still writes, with no ETag."""
    response = client.post(
        "/speakers/john-kerry/aliases",
        json={"alias": "JFK"},
        headers={**keys.writer, "If-None-Match": "*"},
    )
    assert response.status_code == 200 and "etag" not in response.headers
    assert {"alias": "JFK", "source": "manual"} in response.json()["aliases"]
    head = client.head("/speakers/john-kerry/merge")
    assert head.status_code == 405 and head.headers["allow"] == "POST"
