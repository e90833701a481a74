"""The threads a worker runs blocking work in: a few for requests, others for uploads.

Sync routes and dependencies run in anyio's default thread pool. Its 40 threads suit work
that waits on the network; ours holds the GIL for most of a request, and with 16 requests in
flight 40 threads spent the CPU handing it to one another (a speaker + topic page took 4.4 ms
of CPU at 16 connections against 2.4 ms with 4 threads). Uploads parse whole documents for
seconds: they get their own threads, so that reads never queue behind them.
"""

from __future__ import annotations

from collections.abc import AsyncIterator, Callable
from contextlib import asynccontextmanager
from typing import Any, TypeVar

import anyio
import anyio.to_thread
from anyio.lowlevel import RunVar
from fastapi import FastAPI

T = TypeVar("T")
UPLOAD_THREADS = 2  # documents parsed at once per worker; more would only share the GIL

# One limiter per event loop, as anyio keeps its default one (tests run several loops).
_upload_limiter: RunVar[anyio.CapacityLimiter] = RunVar("upload_limiter")


def threads_lifespan(request_threads: int) -> Callable[[FastAPI], Any]:
    """The app's lifespan: size the default pool for requests when the worker starts."""

    @asynccontextmanager
    async def lifespan(_app: FastAPI) -> AsyncIterator[None]:
        anyio.to_thread.current_default_thread_limiter().total_tokens = request_threads
        yield

    return lifespan


async def in_upload_thread(work: Callable[..., T], *args: Any) -> T:
    """Run an upload's parsing and storing in the upload threads."""
    try:
        limiter = _upload_limiter.get()
    except LookupError:
        limiter = anyio.CapacityLimiter(UPLOAD_THREADS)
        _upload_limiter.set(limiter)
    return await anyio.to_thread.run_sync(work, *args, limiter=limiter)
