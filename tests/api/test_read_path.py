"""The lean read path: quote pages built from Core rows keep the documented shape, totals
stop at the cap, ETags come from the body, and cached names follow every change."""

from __future__ import annotations

import hashlib
from collections.abc import Iterator

import pytest
from fastapi.testclient import TestClient
from sqlalchemy import Engine, func, select, update
from sqlalchemy.orm import Session, sessionmaker

from app.db.models import NameGeneration, Speaker, SpeakerAlias
from app.db.session import READ_ONLY
from app.schemas import QuotePage
from app.services import name_cache, quotes
from app.services.names import resolve_speaker_ref
from tests.support import rolled_back

PAGES = [
    "/quotes?speaker=Kerry",
    "/quotes?q=sanctions",
    "/quotes?topic=Assad&scope=context&sort=-date",
    "/quotes?q=sanctions&sort=relevance&limit=2",
    "/quotes?limit=3",
    "/documents/1/quotes?limit=5",
    "/topics/{topic}/quotes",
]


@pytest.mark.parametrize("url", PAGES)
def test_quote_pages_are_exactly_the_documented_shape(client: TestClient, url: str) -> None:
    """Pages are encoded from dicts, never validated at run time: here they must survive a
    round trip through `QuotePage` unchanged (no missing, extra or mistyped field)."""
    if "{topic}" in url:  # an id that has quotes, whatever order the seeds gave ids in
        topic = client.get("/quotes?topic=Assad").json()["items"][0]["topics"][0]["id"]
        url = url.format(topic=topic)
    body = client.get(url).json()
    assert body["items"], url
    assert QuotePage.model_validate(body).model_dump(mode="json") == body


def test_snippets_mark_the_words_found(client: TestClient) -> None:
    items = client.get("/quotes?q=sanctions").json()["items"]
    assert items and all("<mark>" in item["snippet"].lower() for item in items)
    assert all(item["snippet"] is None for item in client.get("/quotes").json()["items"])


def test_total_stops_at_the_cap(client: TestClient, monkeypatch: pytest.MonkeyPatch) -> None:
    for url in ("/quotes?limit=1", "/quotes?q=sanctions&limit=1"):
        exact = client.get(url).json()
        assert exact["total"] > 2 and exact["total_is_estimate"] is False
    monkeypatch.setattr(quotes, "TOTAL_CAP", 2)
    for url in ("/quotes?limit=1", "/quotes?q=sanctions&limit=1"):
        capped = client.get(url).json()
        assert (capped["total"], capped["total_is_estimate"]) == (2, True)


def test_a_word_the_planner_counts_in_thousands_is_not_read_to_be_counted(
    client: TestClient, seeded_engine: Engine, monkeypatch: pytest.MonkeyPatch
) -> None:
    """PostgreSQL: one plain word its statistics count past COMMON_ESTIMATE is "more than
    TOTAL_CAP" without reading a thousand matches; phrases and other words are counted."""
    if seeded_engine.dialect.name != "postgresql":
        pytest.skip("SQLite's FTS5 counts up to the cap from its index")
    url = "/quotes?q=sanctions&limit=1"
    exact = client.get(url).json()
    assert exact["total"] > 2 and exact["total_is_estimate"] is False
    monkeypatch.setattr(quotes, "COMMON_ESTIMATE", 0)  # as if every word were that common
    common = client.get(url).json()
    assert (common["total"], common["total_is_estimate"]) == (quotes.TOTAL_CAP, True)
    assert common["items"] == exact["items"]
    for counted in ('/quotes?q="additional sanctions"&limit=1', "/quotes?q=sanction*&limit=1"):
        assert client.get(counted).json()["total_is_estimate"] is False, counted


def test_a_page_holding_every_match_is_its_own_total(client: TestClient) -> None:
    body = client.get("/quotes?speaker=Kerry&limit=200").json()
    assert body["next_cursor"] is None
    assert body["total"] == len(body["items"]) and body["total_is_estimate"] is False
    second = client.get("/quotes?speaker=Kerry&limit=2").json()
    following = client.get(f"/quotes?speaker=Kerry&limit=200&cursor={second['next_cursor']}")
    assert following.json()["total"] == body["total"]


@pytest.mark.parametrize("url", ["/quotes?speaker=Kerry", "/quotes/facets?speaker=Kerry"])
def test_etag_is_the_hash_of_the_body(client: TestClient, url: str) -> None:
    """Pre-tagged pages and bodies the middleware tags agree on one rule, and both 304."""
    response = client.get(url)
    assert response.headers["etag"] == '"' + hashlib.sha256(response.content).hexdigest()[:32] + '"'
    again = client.get(url, headers={"If-None-Match": response.headers["etag"]})
    assert again.status_code == 304 and again.content == b""


@pytest.fixture
def read_only_factory(seeded_engine: Engine) -> Iterator[sessionmaker[Session]]:
    """Read-only sessions (as the API's) in a rolled-back transaction; the process-wide
    name cache is emptied afterwards, so nothing seen here outlives the test."""
    for connection, _ in rolled_back(seeded_engine):
        yield sessionmaker(
            bind=connection, join_transaction_mode="create_savepoint", info={READ_ONLY: True}
        )
        name_cache.forget(connection.engine)


def _generation(session: Session) -> int:
    """The sum of the shards: on PostgreSQL a transaction raises its own (migration 0010)."""
    shards = select(func.sum(NameGeneration.value)).where(NameGeneration.name.like("names%"))
    return session.scalar(shards) or 0


def test_every_change_to_names_raises_the_generation(seeded_session: Session) -> None:
    before = _generation(seeded_session)
    kerry = resolve_speaker_ref(seeded_session, "Kerry").ids[0]
    seeded_session.add(SpeakerAlias(speaker_id=kerry, alias="JFK2", alias_norm="jfk2", source="t"))
    seeded_session.flush()
    added = _generation(seeded_session)
    seeded_session.execute(update(Speaker).where(Speaker.id == kerry).values(name="J. Kerry"))
    renamed = _generation(seeded_session)
    assert before < added < renamed


def test_cached_names_follow_a_rename(read_only_factory: sessionmaker[Session]) -> None:
    with read_only_factory() as reader:
        first = resolve_speaker_ref(reader, "Kerry")
    with read_only_factory() as reader:
        assert resolve_speaker_ref(reader, "Kerry") is first  # answered from the cache
    with read_only_factory() as writer:
        writer.info.pop(READ_ONLY)
        writer.execute(
            update(Speaker).where(Speaker.id == first.ids[0]).values(name="Senator Kerry")
        )
        writer.commit()  # releases the savepoint; the test's transaction still holds it
    with read_only_factory() as reader:
        assert resolve_speaker_ref(reader, "Kerry").names == ["Senator Kerry"]
