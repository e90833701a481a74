"""uvicorn's fast HTTP/1.1 protocol (httptools, in C) with Nagle's algorithm off on every
connection.

With more than one worker, uvicorn binds the socket in the parent and hands it to each
worker process; the socket arrives with protocol number 0, and asyncio turns TCP_NODELAY on
only for sockets that say IPPROTO_TCP. Every response then waited for the client's delayed
ACK: about 40 ms a request on a keep-alive connection (3 ms with one worker). Setting the
option on each accepted connection makes the multi-worker default as fast as one worker.
"""

from __future__ import annotations

import asyncio
import socket

from uvicorn.protocols.http.httptools_impl import HttpToolsProtocol

# The import string uvicorn's `http=` option takes.
PROTOCOL = "app.cli.nodelay:NoDelayHttpToolsProtocol"


def set_nodelay(transport: asyncio.BaseTransport) -> None:
    """TCP_NODELAY on a TCP connection; other transports (Unix sockets) are left alone."""
    sock = transport.get_extra_info("socket")
    if sock is not None and sock.family in (socket.AF_INET, socket.AF_INET6):
        sock.setsockopt(socket.IPPROTO_TCP, socket.TCP_NODELAY, 1)


class NoDelayHttpToolsProtocol(HttpToolsProtocol):
    def connection_made(self, transport: asyncio.Transport) -> None:  # type: ignore[override]
        set_nodelay(transport)
        super().connection_made(transport)
