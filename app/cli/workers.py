"""Several uvicorn workers, each accepting on its own socket (SO_REUSEPORT).

uvicorn's own workers share the one listening socket their parent binds. When connections
arrive together (a frontend's six, a script's pool, wrk's sixteen), the first worker to wake
accepts the whole burst and keeps those keep-alive connections while the others idle: with
two workers on two cores, a speaker + topic page ran at 224 req/s, one worker's rate. Here each
worker binds its own socket to the same address with SO_REUSEPORT and the kernel spreads new
connections over them (833 req/s, `BENCHMARKS.md`).

The parent only supervises: it starts the workers, starts a new one when one dies, and on
SIGINT or SIGTERM asks each to finish its requests and stop. Platforms without SO_REUSEPORT
fall back to uvicorn's workers.
"""

from __future__ import annotations

import contextlib
import errno
import logging
import multiprocessing
import os
import signal
import socket
import sys
import time
from dataclasses import dataclass, field
from multiprocessing.process import BaseProcess
from typing import Any

log = logging.getLogger("uvicorn.error")

BACKLOG = 2048  # uvicorn's default
RESTART_PAUSE_S = 1.0  # a worker that dies at once (a bad setting) is not restarted in a spin
STOP_GRACE_S = 30.0  # time to finish the requests in flight before a worker is killed


def reuse_port_supported() -> bool:
    """SO_REUSEPORT that balances connections between sockets: Linux (3.9+) and FreeBSD."""
    return hasattr(socket, "SO_REUSEPORT") and sys.platform.startswith(("linux", "freebsd"))


def listening_socket(host: str, port: int) -> socket.socket:
    """A socket bound to (host, port) that other workers' sockets may share."""
    family = socket.AF_INET6 if ":" in host else socket.AF_INET
    sock = socket.socket(family, socket.SOCK_STREAM)
    sock.setsockopt(socket.SOL_SOCKET, socket.SO_REUSEADDR, 1)
    sock.setsockopt(socket.SOL_SOCKET, socket.SO_REUSEPORT, 1)
    sock.bind((host, port))
    sock.listen(BACKLOG)
    return sock


def check_port_free(host: str, port: int) -> None:
    """Fail at once, naming the address, when another server holds it: sockets with
    SO_REUSEPORT would otherwise share the port with a second copy of this service."""
    family = socket.AF_INET6 if ":" in host else socket.AF_INET
    probe = socket.socket(family, socket.SOCK_STREAM)
    probe.setsockopt(socket.SOL_SOCKET, socket.SO_REUSEADDR, 1)
    try:
        probe.bind((host, port))
    except OSError as exc:
        reason = "is in use" if exc.errno == errno.EADDRINUSE else f"cannot be bound: {exc}"
        raise SystemExit(f"{host}:{port} {reason}; stop the other server or pick --port") from exc
    finally:
        probe.close()


def run_worker(host: str, port: int, options: dict[str, Any]) -> None:
    """One worker process: its own socket, one uvicorn server on it."""
    import uvicorn

    config = uvicorn.Config(**options)
    sock = listening_socket(host, port)
    uvicorn.Server(config).run(sockets=[sock])


@dataclass
class Supervisor:
    """Keeps `workers` processes serving until told to stop."""

    host: str
    port: int
    workers: int
    options: dict[str, Any]
    processes: list[BaseProcess] = field(default_factory=list)
    stopping: bool = False

    def run(self) -> None:
        context = multiprocessing.get_context("spawn")  # a fresh interpreter: no forked loop
        for signum in (signal.SIGINT, signal.SIGTERM):
            signal.signal(signum, self._stop)
        self.processes = [self._start(context) for _ in range(self.workers)]
        log.info("serving on http://%s:%d with %d workers", self.host, self.port, self.workers)
        while not self.stopping:
            time.sleep(0.2)
            for i, process in enumerate(self.processes):
                if not process.is_alive() and not self.stopping:
                    code = process.exitcode
                    log.warning("worker %s exited (%s); starting another", process.pid, code)
                    time.sleep(RESTART_PAUSE_S)
                    self.processes[i] = self._start(context)
        self._finish()

    def _start(self, context: Any) -> BaseProcess:
        process: BaseProcess = context.Process(
            target=run_worker, args=(self.host, self.port, self.options), daemon=False
        )
        process.start()
        return process

    def _stop(self, signum: int, _frame: Any) -> None:
        self.stopping = True

    def _finish(self) -> None:
        """SIGTERM to each worker (uvicorn finishes what is in flight), then wait."""
        for process in self.processes:
            if process.is_alive() and process.pid is not None:
                with contextlib.suppress(ProcessLookupError):  # it stopped meanwhile
                    os.kill(process.pid, signal.SIGTERM)
        deadline = time.monotonic() + STOP_GRACE_S
        for process in self.processes:
            process.join(max(0.0, deadline - time.monotonic()))
            if process.is_alive():
                process.kill()
                process.join()


def serve_workers(host: str, port: int, workers: int, options: dict[str, Any]) -> None:
    """Serve `options` (uvicorn.Config's keywords, without host, port and workers) from
    `workers` processes sharing (host, port)."""
    import uvicorn

    check_port_free(host, port)
    uvicorn.Config(**options)  # logging set up as in the workers
    Supervisor(host, port, workers, options).run()
