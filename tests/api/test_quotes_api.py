"""GET /quotes as journalists and frontends use it, over the seeded database."""

from __future__ import annotations

from typing import Any

import pytest
from fastapi.testclient import TestClient

from tests.expected import EXPECTED, squash


def _all_pages(client: TestClient, url: str) -> list[dict[str, Any]]:
    items: list[dict[str, Any]] = []
    while url:
        body = client.get(url).json()
        items.extend(body["items"])
        url = body["next_url"]
    return items


def _query(ask_starts: str) -> dict[str, Any]:
    return next(q for q in EXPECTED["queries"] if q["ask"].startswith(ask_starts))


@pytest.mark.parametrize("speaker", ["kerry", "Kerry", "John Kerry", "SECRETARY KERRY", "Kery"])
def test_quotes_by_kerry_about_assad(client: TestClient, speaker: str) -> None:
    items = _all_pages(client, f"/quotes?speaker={speaker}&topic=assad&limit=2")
    wanted = _query("quotes by Kerry about Assad")
    for file, starts in wanted["must_include"]:
        assert any(
            i["document"]["source_name"] == file and squash(i["text"]).startswith(starts)
            for i in items
        ), (file, starts)
    assert {i["speaker"]["name"] for i in items} == {"John Kerry"}
    kinds_by_text = {squash(i["text"])[:40] for i in items}
    assert len(kinds_by_text) == len(items)


def test_quotes_by_johnson_about_sanctions(client: TestClient) -> None:
    items = _all_pages(client, "/quotes?speaker=Johnson&topic=sanctions")
    for file, starts in _query("quotes by Johnson about sanctions")["must_include"]:
        assert any(
            i["document"]["source_name"] == file and squash(i["text"]).startswith(starts)
            for i in items
        ), (file, starts)
    assert {i["speaker"]["name"] for i in items} == {"Boris Johnson"}


@pytest.mark.parametrize("name", ["ISIL", "isil", "ISIS", "Daesh", "Islamic State"])
def test_isil_under_every_name_returns_the_same_quotes(client: TestClient, name: str) -> None:
    items = _all_pages(client, f"/quotes?topic={name}&limit=200")
    reference = _all_pages(client, "/quotes?topic=ISIL&limit=200")
    assert [i["id"] for i in items] == [i["id"] for i in reference]
    for file, starts in _query("quotes about ISIL")["must_include"]:
        assert any(
            i["document"]["source_name"] == file and squash(i["text"]).startswith(starts)
            for i in items
        ), (file, starts)


def test_a_quote_carries_everything_a_journalist_needs(client: TestClient) -> None:
    item = client.get("/quotes?speaker=Kerry&kind=turn&limit=1").json()["items"][0]
    assert set(item) >= {
        "id",
        "text",
        "kind",
        "start",
        "end",
        "speaker",
        "attribution",
        "document",
        "event",
        "topics",
    }
    assert item["attribution"]["label"] == "SECRETARY KERRY"
    assert item["attribution"]["method"] == "label"
    text = client.get(f"/documents/{item['document']['id']}").json()["text"]
    assert text[item["start"] : item["end"]] == item["text"]
    label = item["attribution"]
    assert text[label["start"] : label["end"]] == "SECRETARY KERRY"


def test_pages_do_not_overlap_and_cover_everything(client: TestClient) -> None:
    paged = _all_pages(client, "/quotes?limit=7")
    whole = client.get("/quotes?limit=200").json()["items"]
    assert [i["id"] for i in paged] == [i["id"] for i in whole]
    assert len(whole) > 7


def test_interpreted_says_what_was_searched(client: TestClient) -> None:
    body = client.get("/quotes?speaker=Kery&topic=Daesh").json()
    assert "speaker 'Kery' matched John Kerry (closest spelling)" in body["interpreted"]
    assert any(s.startswith("topic 'Daesh' matched ISIL") for s in body["interpreted"])


def test_unknown_speaker_gives_no_quotes_and_says_so(client: TestClient) -> None:
    body = client.get("/quotes?speaker=Thunberg").json()
    assert body["items"] == []
    assert body["interpreted"][0].startswith("speaker 'Thunberg' matched nothing")


def test_document_quotes_come_in_document_order(client: TestClient) -> None:
    doc = client.get("/documents").json()["items"][0]
    items = client.get(f"/documents/{doc['id']}/quotes?limit=200").json()["items"]
    assert [i["start"] for i in items] == sorted(i["start"] for i in items)
    assert len(items) == doc["quote_count"]


def test_quote_detail_gives_the_question_an_answer_replies_to(client: TestClient) -> None:
    items = _all_pages(client, "/quotes?speaker=Kerry&kind=turn&limit=200")
    answer = next(i for i in items if i["text"].startswith("Well, a lot of things are being done"))
    detail = client.get(f"/quotes/{answer['id']}").json()
    assert detail["context"]["replies_to"]["text"].startswith("Gentlemen, when do we get")
    assert detail["context"]["replies_to"]["speaker"] is None


def test_quote_detail_shows_the_same_words_in_the_transcript(client: TestClient) -> None:
    items = _all_pages(client, "/quotes?speaker=Johnson&kind=direct&limit=200")
    measures = next(i for i in items if i["text"].startswith("There’s a lot of measures"))
    detail = client.get(f"/quotes/{measures['id']}").json()
    [same] = detail["same_words"]
    assert same["document"]["source_name"].startswith("000_")
    assert same["text"].startswith("Yeah, I certainly think it can")
    assert 80 <= same["score"] <= 100
