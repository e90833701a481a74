"""The HTTP/1.1 protocol `ontherecord serve` runs: uvicorn's httptools one (the parser is C),
with Nagle's algorithm off on every connection and a 414 for a URL the parser cannot take.

Nagle: a listening socket handed to a worker process arrives with protocol number 0, and
asyncio turns TCP_NODELAY on only for sockets that say IPPROTO_TCP. Every response then waited
for the client's delayed ACK, about 40 ms a request on a keep-alive connection. Setting the
option on each accepted connection removes the wait whatever the socket's history.

Long URLs: the service refuses a URL over `MAX_URL_LENGTH` with a 414 problem document
(`app.api.request_limits`), but httptools stops reading a request line past 80 KB and
uvicorn answered it with a plain-text 400. Such a request gets the same 414 here.
"""

from __future__ import annotations

import asyncio
import socket

from uvicorn.protocols.http.httptools_impl import HttpToolsProtocol

from app.api.problems import PROBLEM_JSON, problem
from app.settings import Settings

# The import string uvicorn's `http=` option takes.
PROTOCOL = "app.cli.http_protocol:HttpProtocol"
# A URL this long when the parser gave up is "too long", not "malformed": the default limit.
LONG_URL: int = Settings.model_fields["max_url_length"].default


def set_nodelay(transport: asyncio.BaseTransport) -> None:
    """TCP_NODELAY on a TCP connection; other transports (Unix sockets) are left alone."""
    sock = transport.get_extra_info("socket")
    if sock is not None and sock.family in (socket.AF_INET, socket.AF_INET6):
        sock.setsockopt(socket.IPPROTO_TCP, socket.TCP_NODELAY, 1)


def too_long_response(url_bytes: int) -> bytes:
    """A whole 414 response carrying the service's problem document, closing the connection."""
    response = problem(
        414,
        f"the URL is over {url_bytes} bytes long; this service takes at most {LONG_URL} by default",
        code="uri-too-long",
        title="URI too long",
    )
    head = (
        "HTTP/1.1 414 URI Too Long\r\n"
        f"content-type: {PROBLEM_JSON}\r\n"
        f"content-length: {len(response.body)}\r\n"
        "connection: close\r\n\r\n"
    )
    return head.encode("ascii") + bytes(response.body)


class HttpProtocol(HttpToolsProtocol):
    def connection_made(self, transport: asyncio.Transport) -> None:  # type: ignore[override]
        set_nodelay(transport)
        super().connection_made(transport)

    def send_400_response(self, msg: str) -> None:
        url = getattr(self, "url", b"")
        if len(url) < LONG_URL:
            super().send_400_response(msg)
            return
        self.transport.write(too_long_response(len(url)))
        self.transport.close()
