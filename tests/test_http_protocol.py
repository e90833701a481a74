"""`ontherecord serve` turns Nagle's algorithm off on every connection, also with several
workers, whose listening socket uvicorn passes on without saying it is TCP (asyncio then
leaves Nagle on, and each keep-alive response waits ~40 ms for the client's delayed ACK)."""

from __future__ import annotations

import asyncio
import socket

import pytest

from app.cli.http_protocol import set_nodelay


async def _nodelay_on_accept(apply: bool) -> int:
    """Serve on a listener made as uvicorn's workers receive it (protocol 0) and report the
    accepted connection's TCP_NODELAY."""
    seen: asyncio.Future[int] = asyncio.get_running_loop().create_future()

    class Probe(asyncio.Protocol):
        def connection_made(self, transport: asyncio.BaseTransport) -> None:
            if apply:
                set_nodelay(transport)
            sock = transport.get_extra_info("socket")
            seen.set_result(sock.getsockopt(socket.IPPROTO_TCP, socket.TCP_NODELAY))
            transport.close()

    listener = socket.socket(socket.AF_INET, socket.SOCK_STREAM)
    listener.bind(("127.0.0.1", 0))
    listener.listen()
    server = await asyncio.get_running_loop().create_server(Probe, sock=listener)
    client = socket.create_connection(listener.getsockname())
    try:
        return await asyncio.wait_for(seen, 10)
    finally:
        client.close()
        server.close()
        await server.wait_closed()


def test_a_handed_over_listener_leaves_nagle_on_unless_we_turn_it_off() -> None:
    assert asyncio.run(_nodelay_on_accept(apply=False)) == 0  # the delay the fix removes
    assert asyncio.run(_nodelay_on_accept(apply=True)) != 0


def test_serve_uses_the_no_delay_protocol(monkeypatch: pytest.MonkeyPatch) -> None:
    import uvicorn
    from typer.testing import CliRunner

    from app.cli import main
    from app.cli.http_protocol import PROTOCOL

    ran: list[dict[str, object]] = []
    spread: list[tuple[int, dict[str, object]]] = []
    monkeypatch.setattr(uvicorn, "run", lambda *a, **k: ran.append(k))
    monkeypatch.setattr(main, "serve_workers", lambda h, p, n, options: spread.append((n, options)))
    for workers in ("1", "2"):
        result = CliRunner().invoke(main.app, ["serve", "--workers", workers])
        assert result.exit_code == 0, result.output
    assert ran[0]["http"] == PROTOCOL and ran[0]["workers"] == 1
    if main.reuse_port_supported():  # several workers: each on its own socket
        assert spread == [(2, {**spread[0][1], "http": PROTOCOL})]
    else:  # uvicorn's workers, sharing one socket
        assert ran[1]["http"] == PROTOCOL and ran[1]["workers"] == 2
