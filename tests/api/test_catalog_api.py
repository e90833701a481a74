"""Speakers, topics, events and documents as a frontend browses them."""

from __future__ import annotations

from typing import Any

import pytest
from fastapi.testclient import TestClient

from tests.support import SEEDS

FILLERS = {"Well", "Thank", "Thanks", "Good afternoon", "Now", "So", "Yeah", "Okay", "Sir", "Sorry"}


def _speaker(client: TestClient, name: str) -> dict[str, Any]:
    items = client.get("/speakers", params={"q": name}).json()["items"]
    assert len(items) == 1, items
    return client.get(f"/speakers/{items[0]['id']}").json()


def test_speakers_are_the_four_people_of_the_seeds_and_the_monitor(client: TestClient) -> None:
    items = client.get("/speakers?limit=200").json()["items"]
    people = sorted(i["name"] for i in items if i["kind"] == "person")
    assert people == ["Boris Johnson", "John Kerry", "John Kirby", "Philip Hammond"]
    assert all(i["quote_count"] > 0 for i in items)


def test_kerry_lists_aliases_and_dated_role(client: TestClient) -> None:
    kerry = _speaker(client, "kerry")
    aliases = {a["alias"] for a in kerry["aliases"]}
    assert {"SECRETARY KERRY", "Kerry", "Mr Kerry", "John Kerry", "the US’ top diplomat"} <= aliases
    role = next(r for r in kerry["roles"] if r["title"] == "Secretary of State")
    assert (role["country"], role["start_date"], role["end_date"]) == (
        "United States",
        "2013-02-01",
        "2017-01-20",
    )
    assert kerry["top_topics"][0]["quote_count"] >= 1


def test_kirby_gets_his_first_name_from_the_directory(client: TestClient) -> None:
    kirby = _speaker(client, "Kirby")
    assert kirby["name"] == "John Kirby"
    assert "MR KIRBY" in {a["alias"] for a in kirby["aliases"]}
    assert kirby["quote_count"] == 4


def test_speaker_quotes(client: TestClient) -> None:
    kerry = _speaker(client, "John Kerry")
    body = client.get(f"/speakers/{kerry['id']}/quotes?limit=200").json()
    assert len(body["items"]) == kerry["quote_count"] == body["total"]
    assert {i["speaker"]["id"] for i in body["items"]} == {kerry["id"]}


def test_topics_browse_forgivingly_with_counts(client: TestClient) -> None:
    for alias in ("Daesh", "isis", "Islamic State", "ISIL"):
        items = client.get("/topics", params={"q": alias}).json()["items"]
        assert [t["name"] for t in items] == ["ISIL"], alias
    isil = client.get("/topics?q=ISIL").json()["items"][0]
    assert isil["quote_count"] == client.get("/quotes?topic=ISIL").json()["total"]
    detail = client.get(f"/topics/{isil['id']}").json()
    assert {"Daesh", "ISIS"} <= set(detail["aliases"])
    assert detail["top_speakers"][0]["name"] == "John Kerry"


def test_seed_topics_include_the_story_and_no_fillers(client: TestClient) -> None:
    names = {t["name"] for t in client.get("/topics?limit=200").json()["items"]}
    wanted = {
        "Bashar al-Assad",
        "Russia",
        "Iran",
        "Aleppo",
        "ISIL",
        "al-Nusrah",
        "Geneva",
        "International Criminal Court",
        "ceasefire",
        "sanctions",
    }
    assert wanted <= names
    assert not names & FILLERS


def test_person_topic_and_speaker_are_one_identity(client: TestClient) -> None:
    topic = client.get("/topics?q=John Kerry").json()["items"][0]
    assert topic["speaker_id"] == _speaker(client, "John Kerry")["id"]


def test_context_scope_adds_answers_to_questions_about_a_topic(client: TestClient) -> None:
    own = {i["id"] for i in client.get("/quotes?topic=Obama&limit=200").json()["items"]}
    around = client.get("/quotes?topic=Obama&scope=context&limit=200").json()["items"]
    assert own < {i["id"] for i in around}
    extra = [i for i in around if i["id"] not in own]
    assert any(
        t["name"] == "Barack Obama" and t["scope"] == "context" for i in extra for t in i["topics"]
    )


def test_events_list_documents_and_speakers(client: TestClient) -> None:
    events = client.get("/events").json()["items"]
    london = next(e for e in events if e["date"] == "2016-10-16")
    detail = client.get(f"/events/{london['id']}").json()
    assert len(detail["documents"]) == 2
    assert {s["name"] for s in detail["speakers"]} == {"John Kerry", "Boris Johnson"}
    quotes = client.get(f"/events/{london['id']}/quotes?limit=200").json()
    assert quotes["total"] == detail["quote_count"]
    assert not any(i["elsewhere"] for i in quotes["items"])


@pytest.mark.parametrize(
    "path", ["/speakers/999999/quotes", "/topics/999999/quotes", "/events/999999/quotes"]
)
def test_sub_resources_of_unknown_ids_are_404(client: TestClient, path: str) -> None:
    assert client.get(path).status_code == 404


def test_documents_have_their_text_unchanged(client: TestClient) -> None:
    for doc in client.get("/documents").json()["items"]:
        text = client.get(f"/documents/{doc['id']}").json()["text"]
        assert text == (SEEDS / doc["source_name"]).read_text(encoding="utf-8")


@pytest.mark.parametrize(
    "path",
    [
        "/documents",
        "/speakers?include_silent=true",
        "/topics",
        "/events",
        "/speakers/{kerry}/quotes",
    ],
)
def test_every_list_pages_the_same_way(client: TestClient, path: str) -> None:
    """Small pages followed by `next_url` (also the `Link` header) visit every item once, and
    `total` on each page says how many there are in all."""
    kerry = client.get("/quotes?speaker=John Kerry&limit=1").json()["items"][0]["speaker"]["id"]
    path = path.format(kerry=kerry)
    everything = client.get(f"{path}{'&' if '?' in path else '?'}limit=200").json()
    url: str | None = f"{path}{'&' if '?' in path else '?'}limit=2"
    seen: list[int] = []
    while url:
        response = client.get(url)
        body = response.json()
        assert set(body) >= {"items", "next_cursor", "next_url", "total", "total_is_estimate"}
        assert body["total"] == everything["total"] and body["total_is_estimate"] is False
        seen += [item["id"] for item in body["items"]]
        url = body["next_url"]
        assert response.headers.get("link") == (f'<{url}>; rel="next"' if url else None)
    assert seen == [item["id"] for item in everything["items"]]
    assert len(seen) == everything["total"] > 2
