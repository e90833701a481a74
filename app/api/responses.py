"""JSON responses rendered once, with orjson, and tagged while the body is at hand.

FastAPI's usual path for a route returning a model validates it again against
`response_model`, turns it into plain data and encodes that with `json`: three passes
over every quote. Hot routes build their model once (from trusted rows) and return a
`ModelResponse`; every other route's data goes through `TaggedJSONResponse` (orjson).
The ETag is the body's hash taken right after rendering, so the ETag middleware only
compares it and never buffers or hashes the body again.
"""

from __future__ import annotations

import hashlib
from collections.abc import Mapping
from typing import Any

import orjson
from fastapi.responses import ORJSONResponse
from pydantic import BaseModel


def etag_of(body: bytes | memoryview) -> str:
    """A strong validator: the first 128 bits of the body's SHA-256 (hardware-accelerated)."""
    return '"' + hashlib.sha256(body).hexdigest()[:32] + '"'


class TaggedJSONResponse(ORJSONResponse):
    """orjson-encoded JSON carrying the ETag of its own body."""

    def __init__(
        self,
        content: Any,
        status_code: int = 200,
        headers: Mapping[str, str] | None = None,
        **kwargs: Any,
    ) -> None:
        super().__init__(content, status_code, headers, **kwargs)
        if status_code == 200:
            self.headers["etag"] = etag_of(self.body)


class ModelResponse(TaggedJSONResponse):
    """A response model already validated: dumped by pydantic's compiled serializer, then
    encoded by orjson, with no second validation."""

    def render(self, content: Any) -> bytes:
        if isinstance(content, BaseModel):
            return orjson.dumps(content.model_dump())
        return super().render(content)
