"""The OpenAPI document describes the write API: its security schemes, which operations need
a key, their request bodies and their error answers."""

from __future__ import annotations

from typing import Any

import pytest

from app.main import create_app
from app.settings import Settings

WRITES = [
    ("post", "/documents", "upload_document"),
    ("post", "/speakers/{speaker_id}/merge", "merge_speaker"),
    ("patch", "/speakers/{speaker_id}", "rename_speaker"),
    ("post", "/speakers/{speaker_id}/aliases", "add_speaker_alias"),
    ("delete", "/speakers/{speaker_id}/aliases/{alias}", "remove_speaker_alias"),
    ("post", "/topics/{topic_id}/merge", "merge_topic"),
    ("post", "/topics/{topic_id}/aliases", "add_topic_alias"),
    ("post", "/events/{event_id}/merge", "merge_event"),
    ("delete", "/documents/{document_id}", "delete_document"),
]
SCHEMES = [{"BearerKey": []}, {"ApiKeyHeader": []}]


def _schema(**settings: Any) -> dict[str, Any]:
    return create_app(Settings(database_url="sqlite://", **settings)).openapi()


def test_the_key_schemes_are_declared_for_swaggers_authorize_button() -> None:
    schemes = _schema()["components"]["securitySchemes"]
    assert schemes["BearerKey"] == {
        "type": "http",
        "scheme": "bearer",
        "description": schemes["BearerKey"]["description"],
    }
    assert (schemes["ApiKeyHeader"]["in"], schemes["ApiKeyHeader"]["name"]) == (
        "header",
        "X-API-Key",
    )


@pytest.mark.parametrize(("method", "path", "operation_id"), WRITES)
def test_each_write_needs_a_key_and_documents_its_problems(
    method: str, path: str, operation_id: str
) -> None:
    operation = _schema()["paths"][path][method]
    assert operation["operationId"] == operation_id
    assert operation["security"] == SCHEMES
    for status in ("401", "403"):
        assert "application/problem+json" in operation["responses"][status]["content"]
    assert method == "delete" or operation["requestBody"]["content"]


def test_the_upload_takes_multipart_or_a_raw_document() -> None:
    body = _schema()["paths"]["/documents"]["post"]["requestBody"]["content"]
    form = body["multipart/form-data"]["schema"]
    assert form["required"] == ["file"] and form["properties"]["file"]["format"] == "binary"
    assert {"text/plain", "text/html", "application/pdf"} <= set(body)
    responses = _schema()["paths"]["/documents"]["post"]["responses"]
    assert {"200", "201", "413", "415", "422"} <= set(responses)
    assert "Location" in responses["201"]["headers"]


def test_reads_need_no_key_unless_a_setting_closes_them() -> None:
    open_reads = _schema()["paths"]
    assert "security" not in open_reads["/quotes"]["get"]
    assert open_reads["/audit"]["get"]["security"] == SCHEMES
    closed = _schema(reads_require_key=True)["paths"]
    assert closed["/quotes"]["get"]["security"] == SCHEMES
    assert "application/problem+json" in closed["/quotes"]["get"]["responses"]["401"]["content"]
    assert "security" not in closed["/health"]["get"]
