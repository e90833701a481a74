"""Request bodies have a size limit, enforced as they arrive: a 413 problem beyond it.

An upload may be `MAX_DOCUMENT_BYTES` plus what multipart framing and metadata fields take;
any other body (a correction's JSON) is small. A `Content-Length` over the limit is refused
before a byte is read; a body without one (chunked) is counted as it streams, and the moment
it passes the limit the app is told the client left, whatever it answers is dropped, and the
413 goes out instead. Nothing unbounded is ever buffered.
"""

from __future__ import annotations

from fastapi.responses import JSONResponse
from starlette.datastructures import Headers
from starlette.types import ASGIApp, Message, Receive, Scope, Send

from app.api.problems import problem

# Multipart boundaries, part headers and the metadata fields (title, url, ...) of one upload.
FORM_OVERHEAD = 64 * 1024
# A correction's JSON is a name or an id; a few kilobytes is generous.
MAX_OTHER_BODY = 64 * 1024
WITHOUT_BODY = frozenset({"GET", "HEAD", "OPTIONS"})


class BodyLimit:
    """Holds every request body to its limit; `upload_paths` take a document's."""

    def __init__(self, app: ASGIApp, max_document_bytes: int, upload_paths: frozenset[str]):
        self.app = app
        self.max_document_bytes = max_document_bytes
        self.upload_paths = upload_paths

    def limit_for(self, scope: Scope) -> tuple[int, str]:
        """The byte limit of this request's body, and the sentence that names it."""
        path, root = scope["path"], scope.get("root_path", "")
        if root and path.startswith(root):  # mounted under a prefix behind a proxy
            path = path[len(root) :]
        if path in self.upload_paths:
            sentence = f"the document is over the limit of {self.max_document_bytes} bytes"
            return self.max_document_bytes + FORM_OVERHEAD, sentence
        return MAX_OTHER_BODY, f"the request body is over the limit of {MAX_OTHER_BODY} bytes"

    async def __call__(self, scope: Scope, receive: Receive, send: Send) -> None:
        if scope["type"] != "http" or scope["method"] in WITHOUT_BODY:
            await self.app(scope, receive, send)
            return
        limit, sentence = self.limit_for(scope)
        declared = Headers(scope=scope).get("content-length", "")
        if declared.isdigit() and int(declared) > limit:
            await too_large(sentence)(scope, receive, send)
            return
        received = 0
        over = started = False

        async def counted() -> Message:
            nonlocal received, over
            if over:
                return {"type": "http.disconnect"}
            message = await receive()
            if message["type"] == "http.request":
                received += len(message.get("body", b""))
                if received > limit:
                    over = True
                    return {"type": "http.disconnect"}
            return message

        async def guarded(message: Message) -> None:
            nonlocal started
            if over:
                return  # the app's answer to a body cut short; the 413 replaces it
            started = started or message["type"] == "http.response.start"
            await send(message)

        try:
            await self.app(scope, counted, guarded)
        except Exception:
            if not over:
                raise
        if over and not started:
            await too_large(sentence)(scope, receive, send)


def too_large(sentence: str) -> JSONResponse:
    return problem(413, sentence, code="too-large", title="Request too large")
