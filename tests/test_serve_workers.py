"""`ontherecord serve --workers N`: every worker takes its share of the connections.

uvicorn's workers share one listening socket, and a burst of connections opened together
went to whichever worker woke first: two workers served at one worker's rate. Each worker
now listens on its own SO_REUSEPORT socket and the kernel spreads connections over them.
"""

from __future__ import annotations

import os
import signal
import socket
import time
from pathlib import Path

import pytest
from sqlalchemy import Engine

from app.cli.workers import check_port_free, reuse_port_supported
from tests.live_server import live_server

pytestmark = pytest.mark.skipif(
    not (reuse_port_supported() and Path("/proc/net/tcp").exists()),
    reason="SO_REUSEPORT balancing and /proc are Linux's",
)
CONNECTIONS = 32  # all on one of two workers by chance: 2 in 4 billion


def _workers(pid: int) -> list[int]:
    """The worker processes a server started (not multiprocessing's resource tracker)."""
    found = []
    for stat in Path("/proc").glob("[0-9]*/stat"):
        try:
            fields = stat.read_text().rsplit(")", 1)[1].split()
            cmdline = (stat.parent / "cmdline").read_bytes()
        except OSError:  # gone meanwhile
            continue
        if int(fields[1]) == pid and b"spawn_main" in cmdline:
            found.append(int(stat.parent.name))
    return found


def _socket_inodes(pid: int) -> set[str]:
    inodes = set()
    for fd in Path(f"/proc/{pid}/fd").iterdir():
        try:
            target = os.readlink(fd)
        except OSError:
            continue
        if target.startswith("socket:["):
            inodes.add(target[len("socket:[") : -1])
    return inodes


def _accepted(server_port: int, client_ports: set[int]) -> set[str]:
    """Inodes of the server-side sockets of these client connections (/proc/net/tcp)."""
    inodes = set()
    for line in Path("/proc/net/tcp").read_text().splitlines()[1:]:
        fields = line.split()
        local_port = int(fields[1].split(":")[1], 16)
        remote_port = int(fields[2].split(":")[1], 16)
        if local_port == server_port and remote_port in client_ports:
            inodes.add(fields[9])
    return inodes


def _open_connections(port: int, n: int) -> list[socket.socket]:
    """n keep-alive connections opened at once, each answered once."""
    clients = [socket.create_connection(("127.0.0.1", port), timeout=30) for _ in range(n)]
    for client in clients:
        client.sendall(b"GET /health HTTP/1.1\r\nHost: 127.0.0.1\r\n\r\n")
    for client in clients:
        assert client.recv(64).startswith(b"HTTP/1.1 ")
    return clients


def test_two_workers_share_a_burst_of_connections(engine: Engine, tmp_path: Path) -> None:
    if engine.dialect.name != "sqlite":
        pytest.skip("the balance is the kernel's, whatever the database")
    url = engine.url.render_as_string(hide_password=False)
    with live_server(url, tmp_path / "serve.log", workers=2) as server:
        port = int(server.base_url.rsplit(":", 1)[1])
        deadline = time.monotonic() + 60
        while len(workers := _workers(server.process.pid)) < 2 and time.monotonic() < deadline:
            time.sleep(0.2)
        time.sleep(2)  # both listening: a worker still starting would take no connection
        clients = _open_connections(port, CONNECTIONS)
        try:
            accepted = _accepted(port, {c.getsockname()[1] for c in clients})
            assert len(accepted) == CONNECTIONS
            shares = {pid: len(_socket_inodes(pid) & accepted) for pid in workers}
            assert sum(shares.values()) == CONNECTIONS
            assert all(shares.values()), f"one worker took every connection: {shares}"
        finally:
            for client in clients:
                client.close()
        server.process.send_signal(signal.SIGTERM)
        assert server.process.wait(timeout=40) == 0
        assert not [pid for pid in workers if Path(f"/proc/{pid}").exists()]


def test_a_port_in_use_is_refused_naming_it() -> None:
    with socket.socket() as taken:
        taken.bind(("127.0.0.1", 0))
        taken.listen()
        port = taken.getsockname()[1]
        with pytest.raises(SystemExit, match=f"127.0.0.1:{port} is in use"):
            check_port_free("127.0.0.1", port)
