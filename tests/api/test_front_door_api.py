"""What the new-user trial found, fixed: slugs in paths, HEAD, dates the wrong way round,
suggestions for a first name, spreadsheet-ready CSV, a health check that knows the schema,
and Swagger inputs a journalist can use."""

from __future__ import annotations

import csv
import io
from typing import Any

import pytest
from alembic import command
from fastapi.testclient import TestClient
from sqlalchemy.orm import Session

from app.db.migrate import alembic_config, head_revision
from app.db.models import Document
from app.main import create_app
from app.services.names import Lookups, _fuzzy, _token_tier
from app.settings import Settings
from tests.support import Databases

BOM = "\ufeff"


def test_speaker_and_topic_paths_take_the_slugs_the_api_hands_out(client: TestClient) -> None:
    kerry = client.get("/speakers", params={"q": "Kerry"}).json()["items"][0]
    assert kerry["slug"] == "john-kerry"
    assert (
        client.get("/speakers/john-kerry").json() == client.get(f"/speakers/{kerry['id']}").json()
    )
    by_slug = client.get("/speakers/john-kerry/quotes", params={"limit": 200}).json()
    assert by_slug["total"] == kerry["quote_count"]
    topic = client.get("/topics", params={"q": "ISIS"}).json()["items"][0]
    assert client.get(f"/topics/{topic['slug']}").json()["id"] == topic["id"]
    assert client.get(f"/topics/{topic['slug']}/quotes").json()["total"] == topic["quote_count"]


def test_a_slug_that_names_nobody_is_a_404_naming_it(client: TestClient) -> None:
    response = client.get("/speakers/no-such-person")
    assert response.status_code == 404
    assert response.json()["detail"] == "no speaker with id or slug 'no-such-person'"
    assert client.get("/speakers/0").status_code == 422
    assert client.get("/speakers/2147483648/quotes").status_code == 422


@pytest.mark.parametrize(
    "path", ["/quotes?speaker=Kerry", "/speakers/john-kerry", "/documents/1", "/health", "/"]
)
def test_head_answers_like_get_without_a_body(client: TestClient, path: str) -> None:
    get, head = client.get(path), client.head(path)
    assert head.status_code == get.status_code == 200
    assert head.content == b""
    for header in ("content-type", "content-length", "etag"):
        assert head.headers.get(header) == get.headers.get(header), header


def test_head_of_nothing_is_a_404_and_405s_allow_head(client: TestClient) -> None:
    assert client.head("/quotes/999999").status_code == 404
    refused = client.post("/quotes")
    assert refused.status_code == 405
    assert refused.headers["allow"] == "GET, HEAD"


@pytest.mark.parametrize("path", ["/quotes", "/quotes/facets", "/quotes?format=csv"])
def test_date_from_after_date_to_is_a_400_naming_both(client: TestClient, path: str) -> None:
    sep = "&" if "?" in path else "?"
    response = client.get(f"{path}{sep}date_from=2016-12-31&date_to=2016-01-01")
    assert response.status_code == 400
    body = response.json()
    assert "date_from (2016-12-31) is after date_to (2016-01-01)" in body["detail"]
    assert [e["parameter"] for e in body["errors"]] == ["date_from", "date_to"]


def test_a_first_name_suggests_people_of_that_name_before_longer_names(client: TestClient) -> None:
    interpreted = client.get("/quotes", params={"speaker": "John"}).json()["interpreted"]
    assert interpreted[0].startswith("speaker 'John' matched nothing; close: ")
    close = interpreted[0].split("close: ")[1].split(", ")
    assert close[:2] == ["John Kerry", "John Kirby"]  # Kerry is quoted more
    assert close.index("Boris Johnson") > 1


def _lookups(owners: dict[str, tuple[int, str]], quotes: dict[int, int]) -> Lookups:
    return Lookups(
        lambda keys: [(k, *owners[k]) for k in keys if k in owners],
        lambda ids: {i: quotes.get(i, 0) for i in ids},
    )


def test_suggestions_rank_whole_words_then_prefixes_then_quotes() -> None:
    owners = {
        "ama osei": (1, "Ama Osei"),
        "amara diallo": (2, "Amara Diallo"),
        "kofi ama": (3, "Kofi Ama"),
        "samantha power": (4, "Samantha Power"),
    }
    match = _fuzzy("ama", list(owners), _lookups(owners, {1: 3, 2: 50, 3: 9}))
    assert match.ids == []
    # Whole word "ama" first (the more quoted Kofi Ama ahead), then "amara" by prefix;
    # "samantha" contains the letters but starts no word with them.
    assert match.candidates == ["Kofi Ama", "Ama Osei", "Amara Diallo"]
    assert _token_tier("samantha power", ["ama"]) == 0


def _rows(response: Any) -> list[dict[str, str]]:
    return list(csv.DictReader(io.StringIO(response.content.decode("utf-8").removeprefix(BOM))))


def test_csv_export_opens_right_in_a_spreadsheet(
    client: TestClient, seeded_session: Session
) -> None:
    first = client.get("/quotes", params={"speaker": "Kerry", "topic": "Assad"}).json()["items"][0]
    document = seeded_session.get(Document, first["document"]["id"])
    assert document is not None
    document.url = "https://www.state.gov/briefing/example"
    seeded_session.commit()
    response = client.get("/quotes", params={"speaker": "Kerry", "topic": "Assad", "format": "csv"})
    assert response.content.startswith(BOM.encode("utf-8"))
    assert response.headers["content-disposition"] == (
        'attachment; filename="ontherecord-kerry-assad.csv"'
    )
    rows = _rows(response)
    page = client.get("/quotes", params={"speaker": "Kerry", "topic": "Assad", "limit": 200}).json()
    assert [int(r["id"]) for r in rows] == [q["id"] for q in page["items"]]
    for row, quote in zip(rows, page["items"], strict=True):
        assert row["topics"] == "; ".join(t["name"] for t in quote["topics"])
        event = quote["event"] or {}
        assert row["event"] == (event.get("title") or "")
        assert row["event_id"] == str(event.get("id") or "")
        url = client.get(f"/documents/{quote['document']['id']}").json()["url"]
        assert row["document_url"] == (url or "")
    assert rows[0]["document_url"] == "https://www.state.gov/briefing/example"


def test_ndjson_export_is_a_named_attachment_too(client: TestClient) -> None:
    response = client.get("/quotes", params={"q": "sanctions", "format": "ndjson"})
    assert response.headers["content-disposition"] == (
        'attachment; filename="ontherecord-sanctions.ndjson"'
    )


def test_health_reports_the_schema_revision(client: TestClient) -> None:
    body = client.get("/health").json()
    assert body == {
        "status": "ok",
        "schema_revision": head_revision(),
        "latest_revision": head_revision(),
    }


def test_health_fails_when_the_schema_is_missing_or_behind(databases: Databases) -> None:
    url = databases.new("sqlite")
    with TestClient(create_app(Settings(database_url=url))) as api:
        missing = api.get("/health")
        assert missing.status_code == 503
        assert missing.json()["type"] == "/problems/schema-behind"
        assert "no schema yet: run `ontherecord migrate`" in missing.json()["detail"]
        command.upgrade(alembic_config(url), "0002")
        behind = api.get("/health").json()
        assert behind["status"] == 503
        assert f"revision 0002; this version needs {head_revision()}" in behind["detail"]
        command.upgrade(alembic_config(url), "head")
        assert api.get("/health").status_code == 200


SPEC: dict[str, Any] = create_app(Settings(database_url="sqlite://")).openapi()


def _parameters(path: str) -> list[dict[str, Any]]:
    return SPEC["paths"][path]["get"]["parameters"]


def test_swagger_lists_who_what_and_words_first() -> None:
    names = [p["name"] for p in _parameters("/quotes")]
    assert names[:3] == ["speaker", "topic", "q"]
    assert names[-2:] == ["limit", "cursor"]


def _all_parameters(item: dict[str, Any]) -> list[dict[str, Any]]:
    """The parameters of every operation on a path: reads and writes alike."""
    return [p for operation in item.values() for p in operation.get("parameters", [])]


def test_swagger_parameters_read_as_plain_types() -> None:
    for path, item in SPEC["paths"].items():
        for parameter in _all_parameters(item):
            schema = parameter["schema"]
            assert "anyOf" not in schema, (path, parameter["name"], schema)


def test_swagger_inputs_start_empty_and_offer_real_examples() -> None:
    for path, item in SPEC["paths"].items():
        for parameter in _all_parameters(item):
            if parameter["in"] == "path":
                continue
            label = f"{path} {parameter['name']}"
            examples = list(parameter["examples"].values())
            schema = parameter["schema"]
            if schema.get("default") in (None, []):
                assert examples[0]["value"] in ("", []), label  # starts empty...
                assert len(examples) >= 2, label  # ...and offers a real value
            else:
                assert examples[0]["value"] == schema["default"], label
            if schema.get("type") == "array":
                assert schema["items"]["default"] == "", label
    speaker = next(p for p in _parameters("/quotes") if p["name"] == "speaker")
    assert [e["value"] for e in speaker["examples"].values()] == [[], ["Kerry"]]
