"""A read nobody waits for stops its SQL, and so does one past its time budget: a 503.

Routes are sync functions in worker threads, which cannot be cancelled. What can be stopped is
their SQL: the request's `RequestCancel` (a context variable the worker thread inherits)
interrupts its statements when the client disconnects or when `request_timeout_ms` passes
before the response has started (see `app.db.limits`). A streamed export has started its
response, so its length is not limited; each of its statements still is. Only reads (GET,
HEAD) are limited: a write may rightly wait for the write lock or parse a long document.
"""

from __future__ import annotations

import asyncio
import heapq
import itertools
import logging
import threading
import time
from collections import deque
from collections.abc import Callable
from typing import Any

from fastapi import FastAPI, Request
from fastapi.responses import JSONResponse
from sqlalchemy.exc import DBAPIError
from sqlalchemy.exc import TimeoutError as PoolTimeout
from starlette.types import ASGIApp, Message, Receive, Scope, Send

from app.api.problems import problem
from app.services.cancellation import (
    RequestCancel,
    RequestCancelled,
    current_cancel,
    is_cancelled_statement,
)

log = logging.getLogger(__name__)
READS = frozenset({"GET", "HEAD"})
TOO_LONG = (
    "the query took longer than this service allows and was stopped; narrow it (a speaker, "
    "a topic, a date range, fewer words) or retry"
)


class _Watchdog:
    """One thread that stops requests past their budget, on time however busy the event
    loop is: a sleeping task woke 200 ms late with eight requests at work on two cores.

    It is woken only when a deadline earlier than all others arrives (with one budget for
    every request, only when it had nothing to watch), and at most once every `SLACK_S`,
    acting on every deadline passed by then: waking it for each request cost a thread
    switch and a turn of the GIL per request, a tenth of a quote page's CPU.
    """

    SLACK_S = 0.02

    def __init__(self) -> None:
        self._heap: list[tuple[float, int, Callable[[], None]]] = []
        self._ready = threading.Condition()
        self._order = itertools.count()
        self._thread: threading.Thread | None = None

    def call_at(self, deadline: float, action: Callable[[], None]) -> None:
        with self._ready:
            earliest = not self._heap or deadline < self._heap[0][0]
            heapq.heappush(self._heap, (deadline, next(self._order), action))
            if self._thread is None:
                self._thread = threading.Thread(target=self._run, name="budgets", daemon=True)
                self._thread.start()
            if earliest:
                self._ready.notify()

    def _run(self) -> None:
        while True:
            with self._ready:
                while not self._heap or self._heap[0][0] > time.monotonic():
                    wait = self._heap[0][0] - time.monotonic() if self._heap else None
                    self._ready.wait(wait)
                due: list[Callable[[], None]] = []
                now = time.monotonic()
                while self._heap and self._heap[0][0] <= now:
                    due.append(heapq.heappop(self._heap)[2])
            for action in due:
                action()
            time.sleep(self.SLACK_S)  # deadlines met at most SLACK_S late, never early


_watchdog = _Watchdog()


class CancelOnDisconnect:
    """Watches a read while the app runs; a disconnect or its budget cancels its SQL.

    The client is watched by one plain asyncio task that relays what it receives to the app;
    a task group with a memory stream cost a quarter of a millisecond a request.
    """

    def __init__(self, app: ASGIApp, budget_ms: int) -> None:
        self.app = app
        self.budget = budget_ms / 1000

    async def __call__(self, scope: Scope, receive: Receive, send: Send) -> None:
        if scope["type"] != "http" or scope["method"] not in READS:
            await self.app(scope, receive, send)
            return
        cancel = RequestCancel()
        token = current_cancel.set(cancel)
        inbox: deque[Message] = deque()  # received from the client, not yet read by the app
        arrived = asyncio.Event()
        started = finished = complete = False

        def stop() -> None:
            cancel.cancelled = True  # at once: no further statement of this request starts
            # A PostgreSQL cancel is a network round trip: off the loop and the watchdog.
            threading.Thread(target=cancel.cancel, daemon=True).start()

        def out_of_time() -> None:
            if not (started or finished):
                stop()

        async def watch() -> None:
            while True:
                try:
                    message = await receive()
                except Exception:  # the server lost the connection: as good as gone
                    message = {"type": "http.disconnect"}
                inbox.append(message)
                arrived.set()
                if message["type"] == "http.disconnect":
                    if not complete:  # after the last byte a client leaving is normal: the
                        stop()  # session's closing ROLLBACK must not be cancelled
                    return

        async def app_send(message: Message) -> None:
            nonlocal started, complete
            started = started or message["type"] == "http.response.start"
            await send(message)
            if message["type"] == "http.response.body" and not message.get("more_body", False):
                complete = True

        async def app_receive() -> Message:
            while not inbox:
                arrived.clear()
                await arrived.wait()
            if inbox[0]["type"] == "http.disconnect":
                return inbox[0]  # and to every later call
            return inbox.popleft()

        if self.budget > 0:
            _watchdog.call_at(time.monotonic() + self.budget, out_of_time)
        else:  # no time at all: not a single statement
            cancel.cancelled = True
        watcher = asyncio.ensure_future(watch())
        try:
            await self.app(scope, app_receive, app_send)
        finally:
            finished = True
            watcher.cancel()
            current_cancel.reset(token)


def install_timeout_handlers(app: FastAPI, retry_after: int) -> None:
    """A statement stopped by its deadline or its cancel, or no free connection: 503."""

    def busy(detail: str) -> JSONResponse:
        response = problem(503, detail, code="timeout", title="Took too long")
        response.headers["Retry-After"] = str(retry_after)
        return response

    @app.exception_handler(PoolTimeout)
    def _pool(_: Request, exc: Any) -> JSONResponse:
        return busy("the service has no free database connection; retry shortly")

    @app.exception_handler(RequestCancelled)
    def _cancelled(_: Request, exc: Any) -> JSONResponse:
        return busy(TOO_LONG)

    @app.exception_handler(DBAPIError)
    def _database(_: Request, exc: DBAPIError) -> JSONResponse:
        if is_cancelled_statement(exc):
            return busy(TOO_LONG)
        log.exception("database error", exc_info=exc)
        return problem(500, "the server failed to answer this request; it has been logged")
