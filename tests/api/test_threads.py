"""Requests run in a few threads per worker (`REQUEST_THREADS`); uploads in their own."""

from __future__ import annotations

import anyio
import anyio.to_thread
from fastapi.testclient import TestClient

from app.api.threads import in_upload_thread
from app.main import create_app
from app.settings import Settings


def test_a_worker_runs_requests_in_request_threads_threads() -> None:
    app = create_app(Settings(database_url="sqlite://", request_threads=3))
    with TestClient(app) as client:  # the lifespan runs, as in a served worker
        assert client.portal is not None
        tokens = client.portal.call(
            lambda: anyio.to_thread.current_default_thread_limiter().total_tokens
        )
    assert tokens == 3


def test_an_upload_is_parsed_even_while_every_request_thread_is_busy() -> None:
    async def main() -> int:
        requests = anyio.to_thread.current_default_thread_limiter()
        requests.total_tokens = 1
        await requests.acquire()  # every request thread taken, as by a slow read
        try:
            with anyio.fail_after(10):
                return await in_upload_thread(lambda: 42)
        finally:
            requests.release()

    assert anyio.run(main) == 42
