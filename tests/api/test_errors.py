"""One error body on every error path (RFC 9457 problem+json), pinned here."""

from __future__ import annotations

import pytest
from fastapi.testclient import TestClient

from app.api.deps import get_session

PROBLEM_KEYS = {"type", "title", "status", "detail"}


def _assert_problem(response, status: int) -> dict:  # type: ignore[no-untyped-def]
    assert response.status_code == status
    assert response.headers["content-type"].startswith("application/problem+json")
    body = response.json()
    assert set(body) >= PROBLEM_KEYS
    assert body["status"] == status
    return body


@pytest.mark.parametrize(
    "path",
    [
        "/quotes/999999",
        "/documents/999999",
        "/speakers/999999",
        "/topics/999999",
        "/events/999999",
        "/documents/999999/quotes",
        "/nowhere",
    ],
)
def test_not_found(client: TestClient, path: str) -> None:
    body = _assert_problem(client.get(path), 404)
    assert body["type"] == "/problems/not-found"


@pytest.mark.parametrize(
    ("path", "parameter"),
    [
        ("/quotes?limit=0", "limit"),
        ("/quotes?limit=201", "limit"),
        ("/quotes?kind=rumour", "kind"),
        ("/quotes?date_from=yesterday", "date_from"),
        ("/quotes/abc", "quote_id"),
    ],
)
def test_bad_parameters_name_the_parameter(client: TestClient, path: str, parameter: str) -> None:
    body = _assert_problem(client.get(path), 422)
    assert [e["parameter"] for e in body["errors"]] == [parameter]


def test_bad_cursor_is_a_400_not_a_500(client: TestClient) -> None:
    body = _assert_problem(client.get("/quotes?cursor=not-a-cursor"), 400)
    assert "cursor" in body["detail"]


def test_wrong_method(client: TestClient) -> None:
    _assert_problem(client.post("/quotes"), 405)


def test_health_checks_the_database(client: TestClient) -> None:
    body = client.get("/health").json()
    assert body["status"] == "ok"
    assert body["schema_revision"] == body["latest_revision"]


def test_docs_list_the_endpoints(client: TestClient) -> None:
    paths = client.get("/openapi.json").json()["paths"]
    for path in (
        "/quotes",
        "/quotes/{quote_id}",
        "/documents",
        "/documents/{document_id}",
        "/documents/{document_id}/quotes",
        "/speakers",
        "/speakers/{speaker_id}",
        "/topics",
        "/events",
    ):
        assert path in paths
    assert client.get("/docs").status_code == 200


def test_server_errors_use_the_same_body(client: TestClient) -> None:
    def broken() -> None:
        raise RuntimeError("database went away")

    client.app.dependency_overrides[get_session] = broken  # type: ignore[attr-defined]
    body = _assert_problem(client.get("/quotes/facets"), 500)
    assert body["type"] == "/problems/internal-error"
    assert "database went away" not in body["detail"]  # internals stay in the log


def test_unknown_speaker_suggests_close_names(client: TestClient) -> None:
    body = client.get("/quotes?speaker=Kirbyson").json()
    assert body["items"] == []
    assert body["interpreted"] == ["speaker 'Kirbyson' matched nothing; close: John Kirby"]
