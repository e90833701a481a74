"""`ontherecord serve` turns Nagle's algorithm off on every connection, also with several
workers, whose listening socket uvicorn passes on without saying it is TCP (asyncio then
leaves Nagle on, and each keep-alive response waits ~40 ms for the client's delayed ACK)."""

from __future__ import annotations

import asyncio
import socket

import pytest

from app.cli.nodelay import set_nodelay


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

    from app.cli.main import app

    calls: list[dict[str, object]] = []
    monkeypatch.setattr(uvicorn, "run", lambda *a, **k: calls.append(k))
    result = CliRunner().invoke(app, ["serve", "--workers", "2"])
    assert result.exit_code == 0, result.output
    assert calls and calls[0]["http"] == "app.cli.nodelay:NoDelayHttpToolsProtocol"
    assert calls[0]["workers"] == 2
