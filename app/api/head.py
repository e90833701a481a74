"""HEAD on every GET route: the same status and headers, no body.

FastAPI registers a GET route for GET alone, so HEAD (which CORS advertises, and which link
checkers and feed readers send) was a 405. Answering HEAD as the GET it stands for, minus
the body, is what HTTP asks (RFC 9110 §9.3.2), and keeps ETags and lengths identical.
"""

from __future__ import annotations

from starlette.types import ASGIApp, Message, Receive, Scope, Send


class HeadAsGet:
    """HEAD runs the GET route and drops the body; a 405's `Allow` lists HEAD beside GET."""

    def __init__(self, app: ASGIApp) -> None:
        self.app = app

    async def __call__(self, scope: Scope, receive: Receive, send: Send) -> None:
        if scope["type"] != "http":
            await self.app(scope, receive, send)
            return
        if scope["method"] != "HEAD":
            await self.app(scope, receive, _allow_head(send))
            return

        async def headers_only(message: Message) -> None:
            if message["type"] == "http.response.body":
                if not message.get("more_body", False):
                    await send({"type": "http.response.body", "body": b"", "more_body": False})
                return
            await send(message)

        await self.app({**scope, "method": "GET"}, receive, headers_only)


def _allow_head(send: Send) -> Send:
    async def send_with_head(message: Message) -> None:
        if message["type"] == "http.response.start" and message["status"] == 405:
            headers = [
                (name, value + b", HEAD")
                if name.lower() == b"allow" and b"GET" in value and b"HEAD" not in value
                else (name, value)
                for name, value in message.get("headers", [])
            ]
            message = {**message, "headers": headers}
        await send(message)

    return send_with_head
