"""What FastAPI's per-parameter handling costs a quote request, against one query model.

Why: a profile put ~30% of a speaker + topic request in FastAPI solving the route's twelve
`Query` parameters; a pydantic model for them (`Annotated[Model, Query()]`) would be
validated in one call. This measures both on a bare app (no database, an empty answer),
CPU time per ASGI call, so the gain is known before the OpenAPI parameters are touched.

    .venv/bin/python benchmarks/query_params_cost.py
"""

from __future__ import annotations

import asyncio
import sys
import time
from pathlib import Path
from typing import Annotated, Any, Literal

from fastapi import Depends, FastAPI, Query
from pydantic import BaseModel, Field

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

from app.api.routes.quotes import quote_filters

app = FastAPI()


@app.get("/parameters")
async def parameters(filters: Annotated[object, Depends(quote_filters)]) -> dict[str, Any]:
    return {}


class QuoteQuery(BaseModel):
    """The same twelve parameters as one model."""

    speaker: list[str] = Field([], description="who")
    topic: list[str] = Field([], description="about")
    q: str | None = None
    role: str | None = None
    kind: list[Literal["turn", "question", "direct", "partial", "indirect"]] = []
    date_from: str | None = None
    date_to: str | None = None
    event: int | None = None
    document: int | None = None
    topic_mode: Literal["all", "any"] = "all"
    scope: Literal["quote", "context"] = "quote"
    verification: list[Literal["verbatim", "edited", "altered", "unmatched", "no_source"]] = []


@app.get("/model")
async def model(filters: Annotated[QuoteQuery, Query()]) -> dict[str, Any]:
    return {}


async def call(path: str, query: bytes) -> None:
    scope = {
        "type": "http",
        "method": "GET",
        "path": path,
        "raw_path": path.encode(),
        "query_string": query,
        "headers": [],
        "http_version": "1.1",
        "scheme": "http",
        "server": ("bench", 80),
        "client": ("bench", 1),
        "root_path": "",
    }

    async def receive() -> dict[str, Any]:
        return {"type": "http.request", "body": b"", "more_body": False}

    async def send(message: dict[str, Any]) -> None:
        return None

    await app(scope, receive, send)


async def main(calls: int = 3_000) -> None:
    query = b"speaker=John+Kerry&topic=Assad"
    for path in ("/parameters", "/model") * 2:
        for _ in range(200):
            await call(path, query)
        started = time.process_time()
        for _ in range(calls):
            await call(path, query)
        print(f"{path:<12} {(time.process_time() - started) / calls * 1e6:6.0f} µs CPU a request")


if __name__ == "__main__":
    asyncio.run(main())
