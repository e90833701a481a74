"""The requests that took the service down, against the real server in a subprocess.

A crash (the segfault a 36 KB `q` caused on PostgreSQL) ends the subprocess, which these tests
see; in-process it would end the test run, or hide. The catalogue is the abuse benchmark's
(`benchmarks/abuse.py`), which also times it; here only answers and survival are asserted.
"""

from __future__ import annotations

import importlib.util
import socket
import sys
from collections.abc import Iterator
from pathlib import Path
from types import ModuleType

import httpx
import pytest
from sqlalchemy import Engine

from tests.live_server import LiveServer, live_server

ROOT = Path(__file__).resolve().parents[2]


def _load_abuse() -> ModuleType:
    spec = importlib.util.spec_from_file_location("abuse", ROOT / "benchmarks" / "abuse.py")
    assert spec is not None and spec.loader is not None
    module = importlib.util.module_from_spec(spec)
    sys.modules["abuse"] = module  # dataclasses look their module up while it loads
    spec.loader.exec_module(module)
    return module


abuse = _load_abuse()


def _url(engine: Engine) -> str:
    return engine.url.render_as_string(hide_password=False)


@pytest.fixture(scope="module")
def server(seeded_engine: Engine, tmp_path_factory: pytest.TempPathFactory) -> Iterator[LiveServer]:
    log = tmp_path_factory.mktemp("server") / "server.log"
    with live_server(_url(seeded_engine), log) as running:
        yield running


@pytest.mark.parametrize("case", abuse.abuses(), ids=lambda case: case.name)
def test_each_abusive_request_is_refused_and_the_server_lives(
    server: LiveServer, case: object
) -> None:
    with httpx.Client(base_url=server.base_url, timeout=60) as client:
        outcome = abuse.run_one(client, case)
    assert outcome.ok, (outcome, server.output())
    assert server.alive(), server.output()


def test_concurrent_heavy_requests_get_answers_or_503s_and_the_server_lives(
    server: LiveServer,
) -> None:
    result = abuse.flood(server.base_url, clients=12, seconds=3, leave_after=None)
    assert result["requests"] > 0
    assert set(result["answers"]) <= {"200", "503 busy", "503 timeout"}, result
    assert server.healthy(), server.output()


def test_clients_that_leave_mid_request_leave_the_server_healthy(server: LiveServer) -> None:
    abuse.flood(server.base_url, clients=12, seconds=3, leave_after=0.02)
    for _ in range(20):  # connections dropped right after the request line
        host, port = server.base_url.removeprefix("http://").split(":")
        with socket.create_connection((host, int(port))) as sock:
            sock.sendall(b"GET /quotes?q=a*&sort=relevance HTTP/1.1\r\nHost: x\r\n\r\n")
    assert server.healthy(), server.output()
    with httpx.Client(base_url=server.base_url, timeout=30) as client:
        assert client.get("/quotes", params={"q": "sanctions"}).status_code == 200


def test_past_its_time_budget_a_request_is_a_503_and_the_server_lives(
    seeded_engine: Engine, tmp_path: Path
) -> None:
    """A budget of 0 ms, so every request runs out of time, deterministically."""
    with (
        live_server(_url(seeded_engine), tmp_path / "log", {"REQUEST_TIMEOUT_MS": "0"}) as srv,
        httpx.Client(base_url=srv.base_url, timeout=30) as client,
    ):
        for params in abuse.HEAVY:
            response = client.get("/quotes", params=params)
            assert response.status_code == 503, response.text
            assert response.headers["retry-after"] == "2"
        assert srv.alive(), srv.output()
