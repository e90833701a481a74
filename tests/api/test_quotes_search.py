"""Full-text, role, date, sorting, totals, facets and bulk export: on both databases."""

from __future__ import annotations

import csv
import io
import json
import re

import pytest
from fastapi.testclient import TestClient
from sqlalchemy import select
from sqlalchemy.orm import Session

from app.db.models import Quote


def _texts(client: TestClient, url: str) -> list[str]:
    return [i["text"] for i in client.get(url).json()["items"]]


def test_words_must_all_match(client: TestClient) -> None:
    texts = _texts(client, "/quotes?q=additional sanctions&limit=200")
    assert texts
    assert all("additional" in t.lower() and "sanction" in t.lower() for t in texts)


def test_exact_phrase(client: TestClient) -> None:
    texts = _texts(client, '/quotes?q="Grozny solution"&limit=200')
    assert texts and all("Grozny solution" in t for t in texts)
    assert not _texts(client, '/quotes?q="solution Grozny"')


def test_prefix_or_and_exclusion(client: TestClient) -> None:
    prefixed = _texts(client, "/quotes?q=negotiat*&limit=200")
    assert any("negotiating" in t for t in prefixed) and any("negotiate" in t for t in prefixed)
    either = _texts(client, "/quotes?q=lozenge OR Grozny&limit=200")
    assert any("lozenge" in t for t in either) and any("Grozny" in t for t in either)
    excluded = _texts(client, "/quotes?q=Aleppo -Russia&limit=200")
    assert excluded and not any(re.search(r"\bRussia\b", t) for t in excluded)


def test_search_results_carry_a_highlighted_snippet(client: TestClient) -> None:
    item = client.get("/quotes?q=lozenge").json()["items"][0]
    assert "<mark>lozenge</mark>" in item["snippet"]


@pytest.mark.parametrize("q", ["-only", "OR", "OR Aleppo", "***"])
def test_queries_with_nothing_to_find_are_400(client: TestClient, q: str) -> None:
    response = client.get("/quotes", params={"q": q})
    assert response.status_code == 400
    assert "q=" in response.json()["detail"]


def test_relevance_sort_and_paging(client: TestClient) -> None:
    body = client.get("/quotes?q=Assad&sort=relevance&limit=2").json()
    seen = [i["id"] for i in body["items"]]
    while body["next_url"]:
        body = client.get(body["next_url"]).json()
        seen += [i["id"] for i in body["items"]]
    everything = client.get("/quotes?q=Assad&limit=200").json()["items"]
    assert sorted(seen) == sorted(i["id"] for i in everything)


def test_relevance_without_q_is_400(client: TestClient) -> None:
    assert client.get("/quotes?sort=relevance").status_code == 400


def test_role_finds_whoever_held_it(client: TestClient) -> None:
    items = client.get("/quotes?role=US Secretary of State&limit=200").json()["items"]
    assert items and {i["speaker"]["name"] for i in items} == {"John Kerry"}
    foreign = client.get("/quotes?role=UK Foreign Secretary&limit=200").json()["items"]
    # Johnson held the office from 2016-07-13; Hammond's 2015 words come from his term.
    assert {i["speaker"]["name"] for i in foreign} == {"Boris Johnson", "Philip Hammond"}


def test_dates_filter_and_sort(client: TestClient) -> None:
    items = client.get("/quotes?date_from=2016-01-01&sort=-date&limit=200").json()["items"]
    days = [i["spoken_on"] for i in items]
    assert days and all(d >= "2016-01-01" for d in days)
    assert days == sorted(days, reverse=True)
    older = client.get("/quotes?date_to=2015-12-31&sort=date&limit=200").json()["items"]
    assert older and all(i["spoken_on"] <= "2015-12-31" for i in older)


def test_date_sorted_pages_cover_everything_once(client: TestClient) -> None:
    body = client.get("/quotes?sort=date&limit=9").json()
    seen = [i["id"] for i in body["items"]]
    while body["next_url"]:
        body = client.get(body["next_url"]).json()
        seen += [i["id"] for i in body["items"]]
    assert len(seen) == len(set(seen)) == client.get("/quotes?limit=1").json()["total"]


def test_total_and_link_header(client: TestClient) -> None:
    response = client.get("/quotes?speaker=Kerry&limit=5")
    body = response.json()
    assert body["total"] == len(client.get("/quotes?speaker=Kerry&limit=200").json()["items"])
    assert body["total_is_estimate"] is False
    assert response.headers["link"] == f'<{body["next_url"]}>; rel="next"'
    assert client.get("/quotes?speaker=Kerry&count=none").json()["total"] is None


def test_unknown_parameter_is_named(client: TestClient) -> None:
    response = client.get("/quotes?speakr=kerry")
    assert response.status_code == 400
    assert response.json()["errors"] == [
        {"parameter": "speakr", "in": "query", "message": "unknown parameter"}
    ]


def test_facets_count_who_talks_about_what(client: TestClient) -> None:
    facets = client.get("/quotes/facets?topic=Assad").json()
    speakers = {f["label"]: f["count"] for f in facets["speakers"]}
    kerry_about_assad = client.get("/quotes?topic=Assad&speaker=Kerry").json()["total"]
    assert speakers["John Kerry"] == kerry_about_assad
    assert max(speakers, key=lambda name: speakers[name]) == "John Kerry"
    assert (
        sum(f["count"] for f in facets["kinds"])
        == client.get("/quotes?topic=Assad").json()["total"]
    )
    assert all(len(m["key"]) == 7 for m in facets["months"])


def test_ndjson_export_streams_every_match(client: TestClient) -> None:
    response = client.get("/quotes?speaker=Kerry&format=ndjson")
    assert response.headers["content-type"].startswith("application/x-ndjson")
    rows = [json.loads(line) for line in response.text.splitlines()]
    assert len(rows) == client.get("/quotes?speaker=Kerry").json()["total"]
    assert {r["speaker"]["name"] for r in rows} == {"John Kerry"}


def test_csv_export_by_accept_header(client: TestClient) -> None:
    response = client.get("/quotes?topic=ISIL", headers={"Accept": "text/csv"})
    assert response.headers["content-type"].startswith("text/csv")
    assert response.text.startswith("\ufeff")  # the byte-order mark Excel needs
    rows = list(csv.DictReader(io.StringIO(response.text.removeprefix("\ufeff"))))
    assert len(rows) == client.get("/quotes?topic=ISIL").json()["total"]
    assert all("ISIL" in r["topics"].split("; ") for r in rows)


def test_etag_and_not_modified(client: TestClient) -> None:
    first = client.get("/quotes?speaker=Kerry")
    etag = first.headers["etag"]
    again = client.get("/quotes?speaker=Kerry", headers={"If-None-Match": etag})
    assert again.status_code == 304
    assert again.content == b""
    assert client.get("/quotes?speaker=Johnson", headers={"If-None-Match": etag}).status_code == 200


def test_cors_allows_browsers(client: TestClient) -> None:
    response = client.get("/quotes", headers={"Origin": "https://example.org"})
    assert response.headers["access-control-allow-origin"] in ("*", "https://example.org")


def test_large_responses_are_gzipped(client: TestClient) -> None:
    response = client.get("/quotes?limit=200", headers={"Accept-Encoding": "gzip"})
    assert response.headers["content-encoding"] == "gzip"


def test_repeatable_speakers_kinds_and_any_topic(client: TestClient) -> None:
    both = client.get("/quotes?speaker=Kerry&speaker=Hammond&limit=200").json()["items"]
    assert {i["speaker"]["name"] for i in both} == {"John Kerry", "Philip Hammond"}
    kinds = client.get("/quotes?kind=partial&kind=indirect&limit=200").json()["items"]
    assert kinds and {i["kind"] for i in kinds} == {"partial", "indirect"}
    every = {
        i["id"] for i in client.get("/quotes?topic=Aleppo&topic=ISIL&limit=200").json()["items"]
    }
    either = {
        i["id"]
        for i in client.get("/quotes?topic=Aleppo&topic=ISIL&topic_mode=any&limit=200").json()[
            "items"
        ]
    }
    aleppo = {i["id"] for i in client.get("/quotes?topic=Aleppo&limit=200").json()["items"]}
    isil = {i["id"] for i in client.get("/quotes?topic=ISIL&limit=200").json()["items"]}
    assert every == aleppo & isil and either == aleppo | isil and every < either


def test_event_and_document_filters(client: TestClient) -> None:
    doc = client.get("/documents").json()["items"][0]
    items = client.get(f"/quotes?document={doc['id']}&limit=200").json()["items"]
    assert len(items) == doc["quote_count"]
    event = doc["event"]["id"]
    at_event = client.get(f"/quotes?event={event}&limit=200").json()["items"]
    assert at_event and all(i["event"]["id"] == event for i in at_event)


@pytest.mark.parametrize("fmt", ["csv", "ndjson"])
def test_export_reads_the_same_data_as_the_pages(
    client: TestClient, seeded_session: Session, fmt: str
) -> None:
    """An export streams from the request's session: words corrected a moment ago (here, in
    this test's transaction) are in the file, as they are in `GET /quotes`."""
    quote = seeded_session.scalars(select(Quote).order_by(Quote.id)).first()
    assert quote is not None
    quote.text = "Words corrected inside this transaction"
    seeded_session.commit()
    url = f"/quotes?document={quote.document_id}&format={fmt}"
    exported = client.get(url).text
    assert "Words corrected inside this transaction" in exported
    page = client.get(f"/quotes?document={quote.document_id}&limit=200").json()["items"]
    assert page[0]["text"] == "Words corrected inside this transaction"
    if fmt == "csv":
        rows = [row["text"] for row in csv.DictReader(io.StringIO(exported))]
    else:
        rows = [json.loads(line)["text"] for line in exported.splitlines()]
    assert rows == [item["text"] for item in page]
