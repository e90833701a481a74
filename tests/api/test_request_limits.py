"""What one request may ask: each bound answers with a problem naming what was too much."""

from __future__ import annotations

import base64
from typing import Any

import anyio
import pytest
from fastapi.testclient import TestClient
from sqlalchemy import Engine
from starlette.types import Message, Receive, Scope, Send

from app.api.cancel import CancelOnDisconnect
from app.api.request_limits import Saturation
from app.db.limits import RequestCancel, current_cancel
from app.main import create_app
from app.settings import Settings


def _problem(response: Any, status: int) -> dict[str, Any]:
    assert response.status_code == status, response.text
    assert response.headers["content-type"].startswith("application/problem+json")
    body: dict[str, Any] = response.json()
    assert body["status"] == status
    return body


def _cursor(raw: str) -> str:
    return base64.urlsafe_b64encode(raw.encode()).decode().rstrip("=")


def test_an_over_long_url_is_a_414(client: TestClient) -> None:
    body = _problem(client.get("/quotes", params={"speaker": "k" * 9000}), 414)
    assert "at most 8192" in body["detail"]


@pytest.mark.parametrize("times", [51, 200])
def test_a_parameter_repeated_too_often_is_a_400_naming_it(client: TestClient, times: int) -> None:
    body = _problem(client.get("/quotes", params=[("topic", "assad")] * times), 400)
    assert body["errors"][0]["parameter"] == "topic"
    assert f"given {times} times" in body["detail"]


def test_the_most_topics_allowed_are_answered(client: TestClient) -> None:
    """50 topics used to be an expression tree SQLite refused at 1,000: now the bound is 50."""
    for mode in ("all", "any"):
        params = [("topic", "Assad")] * 49 + [("topic", "Russia"), ("topic_mode", mode)]
        assert client.get("/quotes", params=params).status_code == 200


def test_an_over_long_value_is_a_400_naming_it(client: TestClient) -> None:
    body = _problem(client.get("/quotes", params={"speaker": "k" * 1001}), 400)
    assert body["errors"][0]["parameter"] == "speaker"


@pytest.mark.parametrize(
    ("q", "reason"),
    [
        (" ".join(f"word{i}" for i in range(33)), "33 terms"),
        ('"' + " ".join(["sanctions"] * 65) + '"', "65 words"),
        ("assad " * 160, "160 terms"),
    ],
    ids=["33-terms", "65-word-phrase", "160-terms-in-960-chars"],
)
def test_a_search_too_large_is_a_400_saying_why(client: TestClient, q: str, reason: str) -> None:
    body = _problem(client.get("/quotes", params={"q": q}), 400)
    assert reason in body["detail"]
    assert body["errors"][0]["parameter"] == "q"


def test_the_largest_search_allowed_is_answered(client: TestClient) -> None:
    """32 prefix terms OR-ed: a tree of expressions that used to nest 32 deep, now balanced."""
    q = " OR ".join(f"sanction{chr(97 + i % 26)}*" for i in range(32))
    assert client.get("/quotes", params={"q": q, "sort": "relevance"}).status_code == 200


@pytest.mark.parametrize(
    "cursor",
    [_cursor("[" * 2000 + "]" * 2000), _cursor('{"id": 1, "x": "' + "y" * 300 + '"}')],
    ids=["nested-2000-deep", "over-long"],
)
def test_cursors_this_api_did_not_issue_are_400s(client: TestClient, cursor: str) -> None:
    body = _problem(client.get("/quotes", params={"cursor": cursor}), 400)
    assert "cursor" in body["detail"]


def test_if_none_match_star_is_a_304(client: TestClient) -> None:
    response = client.get("/quotes", params={"limit": 1}, headers={"If-None-Match": "*"})
    assert response.status_code == 304
    assert response.content == b""


def test_the_host_header_is_never_reflected_into_links(client: TestClient) -> None:
    response = client.get("/quotes", params={"limit": 1}, headers={"Host": "evil.example"})
    body = response.json()
    assert body["next_url"]
    assert "evil.example" not in body["next_url"]
    assert "evil.example" not in response.headers["link"]


@pytest.fixture
def read_only_url(seeded_engine: Engine) -> str:
    return seeded_engine.url.render_as_string(hide_password=False)


def test_links_use_the_configured_public_base_url(read_only_url: str) -> None:
    settings = Settings(database_url=read_only_url, public_base_url="https://api.example.org")
    with TestClient(create_app(settings)) as client:
        body = client.get("/quotes", params={"limit": 1}, headers={"Host": "evil.example"}).json()
    assert body["next_url"].startswith("https://api.example.org/quotes?")


@pytest.mark.parametrize("base_url", ["https://example.org/api", "example.org", "ftp://x.org"])
def test_a_base_url_that_is_not_an_origin_is_refused_at_start(base_url: str) -> None:
    with pytest.raises(ValueError, match="origin"):
        Settings(database_url="sqlite://", public_base_url=base_url)


def test_a_request_past_its_time_budget_is_a_503_with_retry_after(read_only_url: str) -> None:
    """A budget of 0 ms: every statement is refused, as one past a real budget would be."""
    settings = Settings(database_url=read_only_url, request_timeout_ms=0)
    with TestClient(create_app(settings), raise_server_exceptions=False) as client:
        response = client.get("/quotes", params={"q": "sanctions"})
        body = _problem(response, 503)
        assert response.headers["retry-after"] == str(settings.retry_after_seconds)
        assert "took longer" in body["detail"]


# The middlewares on their own, with an app that blocks until told: no timing involved.


async def _call(app: Any, path: str, receive: Receive) -> list[Message]:
    sent: list[Message] = []

    async def send(message: Message) -> None:
        sent.append(message)

    scope: Scope = {"type": "http", "method": "GET", "path": path, "headers": [], "server": None}
    await app(scope, receive, send)
    return sent


async def _ok(send: Send) -> None:
    await send({"type": "http.response.start", "status": 200, "headers": []})
    await send({"type": "http.response.body", "body": b"ok"})


async def _never(*_: Any) -> Message:
    await anyio.sleep_forever()
    raise AssertionError


def test_requests_past_the_limit_in_flight_get_503_with_retry_after() -> None:
    release = anyio.Event()

    async def blocking_app(scope: Scope, receive: Receive, send: Send) -> None:
        await release.wait()
        await _ok(send)

    guard = Saturation(blocking_app, limit=2, retry_after=3)
    results: dict[str, list[Message]] = {}

    async def call(name: str) -> None:
        results[name] = await _call(guard, "/quotes", _never)

    async def main() -> None:
        async with anyio.create_task_group() as group:
            group.start_soon(call, "first")
            group.start_soon(call, "second")
            await anyio.wait_all_tasks_blocked()
            await call("third")
            release.set()

    anyio.run(main)
    assert results["third"][0]["status"] == 503
    assert (b"retry-after", b"3") in results["third"][0]["headers"]
    assert results["first"][0]["status"] == results["second"][0]["status"] == 200
    assert guard.in_flight == 0


def test_health_is_answered_however_busy_the_service_is() -> None:
    async def app(scope: Scope, receive: Receive, send: Send) -> None:
        await _ok(send)

    guard = Saturation(app, limit=0, retry_after=3)  # as if every slot were taken
    assert anyio.run(_call, guard, "/health", _never)[0]["status"] == 200
    assert anyio.run(_call, guard, "/quotes", _never)[0]["status"] == 503


def test_a_client_disconnect_cancels_the_requests_statements() -> None:
    seen: list[RequestCancel | None] = []

    async def app(scope: Scope, receive: Receive, send: Send) -> None:
        cancel = current_cancel.get()
        seen.append(cancel)
        assert cancel is not None
        while not cancel.cancelled:  # what a statement's progress handler checks
            await anyio.sleep(0.01)
        await _ok(send)

    messages = [{"type": "http.request", "body": b"", "more_body": False}]

    async def receive() -> Message:
        if messages:
            return messages.pop(0)
        await anyio.sleep(0.05)
        return {"type": "http.disconnect"}

    sent = anyio.run(_call, CancelOnDisconnect(app, budget_ms=60_000), "/quotes", receive)
    assert seen[0] is not None and seen[0].cancelled
    assert sent[0]["status"] == 200


def _request_once() -> Receive:
    messages = [{"type": "http.request", "body": b"", "more_body": False}]

    async def receive() -> Message:
        if messages:
            return messages.pop(0)
        await anyio.sleep_forever()
        raise AssertionError

    return receive


def test_a_request_out_of_time_before_answering_is_cancelled() -> None:
    seen: list[RequestCancel] = []

    async def slow_app(scope: Scope, receive: Receive, send: Send) -> None:
        cancel = current_cancel.get()
        assert cancel is not None
        seen.append(cancel)
        for _ in range(1000):  # at most 10 s, if the budget never ran out
            if cancel.cancelled:
                break
            await anyio.sleep(0.01)
        await _ok(send)

    anyio.run(_call, CancelOnDisconnect(slow_app, budget_ms=50), "/quotes", _request_once())
    assert seen[0].cancelled


def test_a_response_already_streaming_is_not_cut_by_the_budget() -> None:
    """Exports start their response at once and may stream for minutes."""
    seen: list[RequestCancel] = []

    async def streaming_app(scope: Scope, receive: Receive, send: Send) -> None:
        cancel = current_cancel.get()
        assert cancel is not None
        seen.append(cancel)
        await send({"type": "http.response.start", "status": 200, "headers": []})
        await anyio.sleep(0.3)  # six budgets
        await send({"type": "http.response.body", "body": b"rows"})

    anyio.run(_call, CancelOnDisconnect(streaming_app, budget_ms=50), "/quotes", _request_once())
    assert not seen[0].cancelled


def test_writes_are_not_limited_by_the_read_budget() -> None:
    """An upload parses and stores a document, and may wait for the write lock."""
    seen: list[RequestCancel | None] = []

    async def app(scope: Scope, receive: Receive, send: Send) -> None:
        seen.append(current_cancel.get())
        await _ok(send)

    async def post() -> list[Message]:
        sent: list[Message] = []

        async def send(message: Message) -> None:
            sent.append(message)

        scope: Scope = {"type": "http", "method": "POST", "path": "/documents", "headers": []}
        await CancelOnDisconnect(app, budget_ms=0)(scope, _request_once(), send)
        return sent

    assert anyio.run(post)[0]["status"] == 200
    assert seen == [None]
