"""A Content-Security-Policy on every HTML page: the browser itself refuses anything from
another host, so a page cannot come to depend on one unnoticed.

ReDoc's bundle, for one, shows a logo from its maker's CDN that no option turns off; under
this policy it is never requested. Swagger UI and ReDoc need inline scripts and styles and
a blob: worker; the front door's own pages need neither inline scripts nor workers.
"""

from __future__ import annotations

from starlette.types import ASGIApp, Message, Receive, Scope, Send

PAGES = (
    "default-src 'self'; script-src 'self'; style-src 'self'; img-src 'self' data:; "
    "connect-src 'self'; form-action 'self'; base-uri 'self'; frame-ancestors 'self'"
)
DOCS = (
    "default-src 'self'; script-src 'self' 'unsafe-inline'; style-src 'self' 'unsafe-inline'; "
    "img-src 'self' data:; font-src 'self' data:; worker-src 'self' blob:; connect-src 'self'; "
    "base-uri 'self'; frame-ancestors 'self'"
)
DOCS_PATHS = ("/docs", "/redoc")


class SameOriginPolicy:
    """Adds the policy to HTML responses that do not set their own."""

    def __init__(self, app: ASGIApp) -> None:
        self.app = app

    async def __call__(self, scope: Scope, receive: Receive, send: Send) -> None:
        if scope["type"] != "http":
            await self.app(scope, receive, send)
            return
        policy = DOCS if scope["path"].startswith(DOCS_PATHS) else PAGES

        async def send_with_policy(message: Message) -> None:
            if message["type"] == "http.response.start":
                headers = list(message.get("headers", []))
                names = {name.lower() for name, _ in headers}
                content_type = dict(headers).get(b"content-type", b"")
                if content_type.startswith(b"text/html") and (
                    b"content-security-policy" not in names
                ):
                    headers.append((b"content-security-policy", policy.encode()))
                    message = {**message, "headers": headers}
            await send(message)

        await self.app(scope, receive, send_with_policy)
