"""Links (`next_url`, `Link`) name the service's own address, never a client's Host header.

Any client can send `Host: evil.example`; a page that echoed it into `next_url` would send the
next client, or a cache, to that host. With `PUBLIC_BASE_URL` set, links use it (the address
clients reach through a proxy); without it, the address the server listens on.
"""

from __future__ import annotations

from urllib.parse import urlsplit

from starlette.types import ASGIApp, Receive, Scope, Send

_DEFAULT_PORTS = {"http": 80, "https": 443}


def parse_base_url(base_url: str) -> tuple[str, str]:
    """`https://api.example.org` -> ("https", "api.example.org"); settings checked the form."""
    parts = urlsplit(base_url)
    return parts.scheme, parts.netloc


def _server_host(scope: Scope) -> str:
    server = scope.get("server")
    if not server:
        return "localhost"
    host, port = server[0], server[1]
    host = f"[{host}]" if ":" in host else host
    if port is None or port == _DEFAULT_PORTS.get(scope.get("scheme", "http")):
        return host
    return f"{host}:{port}"


class PublicOrigin:
    """Replaces the request's Host (and scheme, with a base URL) before any route reads it."""

    def __init__(self, app: ASGIApp, base_url: str | None = None) -> None:
        self.app = app
        self.origin = parse_base_url(base_url) if base_url else None

    async def __call__(self, scope: Scope, receive: Receive, send: Send) -> None:
        if scope["type"] != "http":
            await self.app(scope, receive, send)
            return
        scope = dict(scope)
        if self.origin is not None:
            scope["scheme"], host = self.origin
        else:
            host = _server_host(scope)
        headers = [(k, v) for k, v in scope["headers"] if k != b"host"]
        scope["headers"] = [*headers, (b"host", host.encode("latin-1"))]
        await self.app(scope, receive, send)
