"""The API in a subprocess, as deployed (`ontherecord serve`, one worker), so a crash is observable:
an in-process TestClient would take the test run down with it, or hide a segfault."""

from __future__ import annotations

import os
import socket
import subprocess
import sys
import time
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass
from pathlib import Path

import httpx

ROOT = Path(__file__).resolve().parents[1]

# Time budgets the in-process tests raise (tests/conftest.py) and the live server keeps.
TEST_BUDGETS = ("REQUEST_TIMEOUT_MS", "STATEMENT_TIMEOUT_MS")


@dataclass
class LiveServer:
    base_url: str
    process: subprocess.Popen[bytes]
    log: Path

    def alive(self) -> bool:
        return self.process.poll() is None

    def healthy(self) -> bool:
        """The process runs and answers /health with 200."""
        if not self.alive():
            return False
        try:
            return httpx.get(f"{self.base_url}/health", timeout=10).status_code == 200
        except httpx.HTTPError:
            return False

    def output(self) -> str:
        return self.log.read_text(errors="replace")[-4000:]


def free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return int(sock.getsockname()[1])


@contextmanager
def live_server(
    database_url: str,
    log: Path,
    env: dict[str, str] | None = None,
    workers: int = 1,
) -> Iterator[LiveServer]:
    """`ontherecord serve` on a free port; stopped (by its own pid) at the end."""
    port = free_port()
    address = ["--host", "127.0.0.1", "--port", str(port), "--workers", str(workers)]
    command = [sys.executable, "-m", "app.cli.main", "serve", *address]
    # The live server is the production one: it keeps the service's own time budgets, not
    # the generous ones the in-process behaviour tests set (tests/conftest.py).
    inherited = {k: v for k, v in os.environ.items() if k not in TEST_BUDGETS}
    environment = {**inherited, "DATABASE_URL": database_url, **(env or {})}
    with log.open("wb") as sink:
        process = subprocess.Popen(command, cwd=ROOT, env=environment, stdout=sink, stderr=sink)
    server = LiveServer(f"http://127.0.0.1:{port}", process, log)
    try:
        _wait_ready(server)
        yield server
    finally:
        process.terminate()
        try:
            process.wait(timeout=15)
        except subprocess.TimeoutExpired:
            process.kill()
            process.wait()


def _wait_ready(server: LiveServer, seconds: float = 60) -> None:
    deadline = time.monotonic() + seconds
    while time.monotonic() < deadline:
        if not server.alive():
            raise RuntimeError(f"server exited at start:\n{server.output()}")
        try:  # any answer means it listens; /health may rightly be 503 under test settings
            httpx.get(f"{server.base_url}/health", timeout=10)
            return
        except httpx.HTTPError:
            time.sleep(0.2)
    raise RuntimeError(f"server did not answer in {seconds} s:\n{server.output()}")
