"""Verification as a fact-checker meets it in the API, over the seeded database: the Reuters
report (002) quotes Kerry and Johnson from the London press conference (000)."""

from __future__ import annotations

import csv
import io
import json
from typing import Any

from fastapi.testclient import TestClient

REUTERS = "002_5f77900cc0770e53.txt"
LONDON = "000_f2be9307d54a56c7.txt"


def _document_id(client: TestClient, name: str) -> int:
    documents = client.get("/documents?limit=100").json()["items"]
    return next(d["id"] for d in documents if d["source_name"] == name)


def _quote(client: TestClient, starts: str) -> dict[str, Any]:
    items = client.get(f"/documents/{_document_id(client, REUTERS)}/quotes?limit=100").json()
    found = next(q for q in items["items"] if q["text"].startswith(starts))
    return client.get(f"/quotes/{found['id']}").json()


def test_an_altered_quote_shows_what_was_changed(client: TestClient) -> None:
    quote = _quote(client, "We are considering additional sanctions")
    verification = quote["verification"]
    assert verification["status"] == "altered"
    assert verification["source_document"]["source_name"] == LONDON
    assert verification["source_text"].startswith("We are considering additional sanctions")
    changes = [
        (r["op"], r["news"], r["source"]) for r in verification["diff"] if r["op"] != "equal"
    ]
    assert ("replaced", "making", "let me make it") in changes
    assert ("inserted", "Barack", "") in changes  # in parentheses: signposted, but not the rest
    source = client.get(f"/documents/{verification['source_document']['id']}").json()["text"]
    assert (
        source[verification["source_start"] : verification["source_end"]]
        == (verification["source_text"])
    )
    turn = client.get(f"/quotes/{verification['source_quote_id']}").json()
    assert turn["kind"] == "turn" and turn["speaker"]["name"] == "John Kerry"
    assert 0 < verification["score"] < 100


def test_a_verbatim_partial_quote(client: TestClient) -> None:
    verification = _quote(client, "highly dubious")["verification"]
    assert verification["status"] == "verbatim"
    assert verification["source_text"] == "highly dubious"
    assert [r["op"] for r in verification["diff"]] == ["equal"]


def test_words_said_on_another_occasion_have_no_source(client: TestClient) -> None:
    verification = _quote(client, "It is right now that we should be looking")["verification"]
    assert verification == {
        "status": "no_source",
        "score": None,
        "source_quote_id": None,
        "source_document": None,
        "source_start": None,
        "source_end": None,
        "source_text": None,
        "diff": [],
    }


def test_transcript_turns_and_indirect_speech_carry_no_verdict(client: TestClient) -> None:
    items = client.get("/quotes?kind=turn&kind=indirect&kind=question&limit=100").json()["items"]
    assert items and all(item["verification"] is None for item in items)
    assert client.get(f"/quotes/{items[0]['id']}").json()["verification"] is None


def test_filter_by_status_repeatable(client: TestClient) -> None:
    altered = client.get("/quotes?verification=altered&limit=100").json()
    assert altered["total"] == 4
    assert {i["verification"]["status"] for i in altered["items"]} == {"altered"}
    assert {i["document"]["source_name"] for i in altered["items"]} == {REUTERS}
    both = client.get("/quotes?verification=altered&verification=verbatim&limit=100").json()
    assert both["total"] == 7
    assert {i["verification"]["status"] for i in both["items"]} == {"altered", "verbatim"}


def test_an_unknown_status_is_a_problem(client: TestClient) -> None:
    response = client.get("/quotes?verification=fabricated")
    assert response.status_code == 422
    assert response.headers["content-type"].startswith("application/problem+json")


def test_facets_count_by_status_worst_first(client: TestClient) -> None:
    facets = client.get(f"/quotes/facets?document={_document_id(client, REUTERS)}").json()
    assert [(f["key"], f["count"]) for f in facets["verification"]] == [
        ("altered", 4),
        ("verbatim", 3),
        ("no_source", 2),
    ]
    kerry = client.get("/quotes/facets?speaker=Kerry&verification=verbatim").json()
    assert [(f["key"], f["count"]) for f in kerry["verification"]] == [("verbatim", 2)]


def test_exports_carry_the_status(client: TestClient) -> None:
    document = _document_id(client, REUTERS)
    rows = list(
        csv.DictReader(io.StringIO(client.get(f"/quotes?document={document}&format=csv").text))
    )
    by_kind = {(r["kind"], r["verification"]) for r in rows}
    assert ("partial", "verbatim") in by_kind and ("indirect", "") in by_kind
    lines = client.get(f"/quotes?document={document}&format=ndjson").text.splitlines()
    statuses = [json.loads(line)["verification"] for line in lines]
    assert sum(1 for s in statuses if s and s["status"] == "altered") == 4


def test_an_article_summary(client: TestClient) -> None:
    document = _document_id(client, REUTERS)
    summary = client.get(f"/documents/{document}/verification").json()
    assert summary["counts"] == {
        "verbatim": 3,
        "edited": 0,
        "altered": 4,
        "unmatched": 0,
        "no_source": 2,
    }
    assert summary["checked"] == 9 == len(summary["quotes"])
    assert summary["quotes"][2]["text"] == "highly dubious"


def test_a_transcript_has_nothing_to_check_and_a_missing_document_is_404(
    client: TestClient,
) -> None:
    transcript = client.get(f"/documents/{_document_id(client, LONDON)}/verification").json()
    assert transcript["checked"] == 0 and set(transcript["counts"].values()) == {0}
    missing = client.get("/documents/99999/verification")
    assert missing.status_code == 404
    assert missing.json()["status"] == 404
