"""Abuse: the requests that used to take the service down, one by one and all at once.

Why: a single request (a 36 KB `q`, `topic=` a thousand times, a cursor nested 2,000 deep)
used to crash the server or hold it for minutes (issue 15). This runs the real server (uvicorn,
one worker, as a small deployment would) over a database you name, and reports for every
abusive request its status and time, then floods it with the heaviest legal requests from many
clients, and with clients that leave mid-request. It reports server errors (5xx other than
503), client timeouts, the worst latency, and whether the server is still alive. Bounded: every
phase has a fixed number of requests or seconds. Safe to rerun; it only reads the database.

    .venv/bin/python benchmarks/scale.py --quotes 50000 --build-only \\
        --database-url sqlite:////tmp/otr_abuse.db
    .venv/bin/python benchmarks/abuse.py --database-url sqlite:////tmp/otr_abuse.db \\
        --output benchmarks/results/abuse-sqlite.json

Goal: every abusive request answered 4xx or 503 within 2 s, no 5xx but 503, the server alive.
"""

from __future__ import annotations

import argparse
import base64
import json
import os
import random
import socket
import statistics
import sys
import threading
import time
from dataclasses import asdict, dataclass, field
from pathlib import Path
from typing import Any
from urllib.parse import urlencode

import httpx

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

from tests.live_server import LiveServer, live_server  # noqa: E402

GOAL_MS = 2_000.0
CLIENT_TIMEOUT_S = 30.0  # a request still unanswered after this counts as a timeout


@dataclass(frozen=True)
class Abuse:
    """One request and the statuses a well-defended service may answer it with."""

    name: str
    params: list[tuple[str, str]] = field(default_factory=list)
    path: str = "/quotes"
    headers: dict[str, str] = field(default_factory=dict)
    expect: tuple[int, ...] = (400,)


def _nested_cursor(depth: int) -> str:
    raw = ("[" * depth + "]" * depth).encode()
    return base64.urlsafe_b64encode(raw).decode().rstrip("=")


def abuses() -> list[Abuse]:
    """Every request issue 15 found harmful, and their neighbours at the limits."""
    prefix_terms = " ".join(f"{chr(97 + i % 26)}{chr(97 + i // 26)}*" for i in range(32))
    return [
        Abuse("q of 'assad ' x 6000 (36 KB)", [("q", "assad " * 6000)], expect=(414,)),
        Abuse("q of 100 KB", [("q", "x" * 100_000)], expect=(414,)),
        Abuse("q of 1400 terms", [("q", "a " * 1400)], expect=(400, 414)),
        Abuse("q of 150 terms (900 chars)", [("q", "assad " * 150)]),
        Abuse("q of 1001 characters", [("q", "a" * 1001)]),
        Abuse("q of 300 ORs", [("q", "a " + "OR a " * 300)], expect=(400, 414)),
        Abuse("q of 1000 quote marks", [("q", '"' * 1000)]),
        Abuse("q with NUL", [("q", "assad\x00")], expect=(422,)),
        Abuse("topic= x 200", [("topic", "assad")] * 200),
        Abuse("topic= x 1000", [("topic", "assad")] * 1000, expect=(400, 414)),
        Abuse("speaker= x 51", [("speaker", "kerry")] * 51),
        Abuse("kind= x 500", [("kind", "direct")] * 500),
        Abuse("facets with topic= x 200", [("topic", "assad")] * 200, path="/quotes/facets"),
        Abuse("URL of 20 KB", [("speaker", "k" * 20_000)], expect=(414,)),
        Abuse("speaker name of 1001 chars", [("speaker", "k" * 1001)]),
        Abuse("cursor nested 2000 deep", [("cursor", _nested_cursor(2000))]),
        Abuse("cursor of 4 KB", [("cursor", "e" * 4096)]),
        Abuse(
            "relevance over every word (q=a*)",
            [("q", "a*"), ("sort", "relevance")],
            expect=(200, 503),
        ),
        Abuse(
            "relevance, 32 prefix terms",
            [("q", prefix_terms), ("sort", "relevance")],
            expect=(200, 503),
        ),
        Abuse(
            "topic= x 50, any",
            [("topic", f"t{i}") for i in range(50)] + [("topic_mode", "any")],
            expect=(200, 503),
        ),
        Abuse(
            "speaker= x 50, exact count",
            [("speaker", f"s{i}") for i in range(50)],
            expect=(200, 503),
        ),
        Abuse("If-None-Match: *", [("limit", "1")], headers={"If-None-Match": "*"}, expect=(304,)),
        Abuse(
            "forged Host header", [("limit", "1")], headers={"Host": "evil.example"}, expect=(200,)
        ),
    ]


HEAVY = [
    [("q", "a*"), ("sort", "relevance")],
    [("q", "th* OR a* OR s*"), ("sort", "relevance"), ("limit", "200")],
    [("q", "the"), ("limit", "200")],
    [("topic", "t") for _ in range(50)],
    [("q", "a* b* c* d* e* f* g*"), ("sort", "-date")],
]


@dataclass
class Outcome:
    name: str
    status: int | None
    ms: float
    ok: bool
    note: str = ""


@dataclass
class Report:
    database: str
    outcomes: list[Outcome] = field(default_factory=list)
    phases: dict[str, dict[str, Any]] = field(default_factory=dict)
    alive_at_end: bool = False

    def summary(self) -> dict[str, Any]:
        statuses = [o.status for o in self.outcomes]
        return {
            "abusive requests": len(self.outcomes),
            "unexpected answers": sum(not o.ok for o in self.outcomes),
            "server errors (5xx but 503)": sum(1 for s in statuses if s and s >= 500 and s != 503),
            "timeouts": sum(1 for s in statuses if s is None),
            "worst ms": round(max((o.ms for o in self.outcomes), default=0), 1),
            "over goal": [o.name for o in self.outcomes if o.ms > GOAL_MS],
            "alive at end": self.alive_at_end,
        }


def raw_status(base: str, target: str) -> int:
    """GET over a plain socket: httpx refuses to build a query string over 64 KB."""
    host, port = base.removeprefix("http://").split(":")
    with socket.create_connection((host, int(port)), timeout=CLIENT_TIMEOUT_S) as sock:
        sock.sendall(f"GET {target} HTTP/1.1\r\nHost: {host}\r\nConnection: close\r\n\r\n".encode())
        head = sock.recv(64)
    return int(head.split(b" ")[1]) if head.startswith(b"HTTP/") else 0


def run_one(client: httpx.Client, abuse: Abuse) -> Outcome:
    started = time.perf_counter()
    target = abuse.path + "?" + urlencode(abuse.params)
    try:
        if len(target) > 60_000:
            status = raw_status(str(client.base_url).rstrip("/"), target)
            ms = (time.perf_counter() - started) * 1000
            return Outcome(abuse.name, status, ms, status in abuse.expect)
        response = client.get(abuse.path, params=abuse.params, headers=abuse.headers)
    except (httpx.TimeoutException, TimeoutError):
        return Outcome(abuse.name, None, (time.perf_counter() - started) * 1000, False, "timeout")
    except (httpx.HTTPError, OSError) as exc:  # OSError: refused, the server is gone
        ms = (time.perf_counter() - started) * 1000
        return Outcome(abuse.name, None, ms, False, f"{type(exc).__name__}: {exc}")
    ms = (time.perf_counter() - started) * 1000
    note = ""
    ok = response.status_code in abuse.expect
    if "Host" in abuse.headers and "evil.example" in response.text:
        ok, note = False, "Host header reflected"
    if response.status_code == 503 and "retry-after" not in response.headers:
        ok, note = False, "503 without Retry-After"
    return Outcome(abuse.name, response.status_code, ms, ok, note)


def _answer(response: httpx.Response) -> str:
    """`200`, or for a 503 which one: `503 busy` (saturated) or `503 timeout` (too slow)."""
    if response.status_code != 503:
        return str(response.status_code)
    kind = str(response.json().get("type", "")).rsplit("/", 1)[-1]
    return f"503 {kind}"


def flood(base: str, clients: int, seconds: float, leave_after: float | None) -> dict[str, Any]:
    """`clients` threads send HEAVY requests for `seconds`; with `leave_after`, each client
    gives up after that long (a user closing the tab) and sends the next."""
    answers: list[tuple[str, float]] = []
    lock = threading.Lock()
    deadline = time.monotonic() + seconds
    gave_up = "left" if leave_after else "timeout"

    def client_loop(seed: int) -> None:
        rng = random.Random(seed)
        timeout = leave_after or CLIENT_TIMEOUT_S
        with httpx.Client(base_url=base, timeout=timeout) as client:
            while time.monotonic() < deadline:
                started = time.perf_counter()
                try:
                    answer = _answer(client.get("/quotes", params=rng.choice(HEAVY)))
                except (httpx.HTTPError, OSError):
                    answer = gave_up
                with lock:
                    answers.append((answer, (time.perf_counter() - started) * 1000))

    load_before = round(os.getloadavg()[0], 1)  # the machine may be shared: say how busy
    threads = [threading.Thread(target=client_loop, args=(i,)) for i in range(clients)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()
    times = sorted(ms for _, ms in answers)
    by_answer: dict[str, list[float]] = {}
    for answer, ms in answers:
        by_answer.setdefault(answer, []).append(ms)
    return {
        "clients": clients,
        "seconds": seconds,
        "requests": len(answers),
        "answers": {key: len(values) for key, values in sorted(by_answer.items())},
        "server errors (5xx but 503)": sum(
            len(v) for k, v in by_answer.items() if k[:1] == "5" and not k.startswith("503")
        ),
        "p50 ms": round(statistics.median(times), 1) if times else None,
        "p99 ms": round(times[int(len(times) * 0.99)], 1) if times else None,
        "worst ms": round(times[-1], 1) if times else None,
        "over 2 s": sum(1 for ms in times if ms > GOAL_MS),
        "worst ms by answer": {k: round(max(v), 1) for k, v in sorted(by_answer.items())},
        "load average before": load_before,
    }


def health_after(server: LiveServer) -> dict[str, Any]:
    started = time.perf_counter()
    healthy = server.healthy()
    return {
        "alive": server.alive(),
        "healthy": healthy,
        "health ms": round((time.perf_counter() - started) * 1000, 1),
    }


def run(args: argparse.Namespace) -> Report:
    report = Report(database=args.database_url.split("@")[-1])
    env = dict(pair.split("=", 1) for pair in args.env)
    with live_server(args.database_url, Path(args.log), env) as server:
        with httpx.Client(base_url=server.base_url, timeout=CLIENT_TIMEOUT_S) as client:
            for abuse in abuses():
                outcome = run_one(client, abuse)
                report.outcomes.append(outcome)
                print(
                    f"{outcome.status!s:>5} {outcome.ms:8.1f} ms  {'ok ' if outcome.ok else 'BAD'}"
                    f"  {abuse.name} {outcome.note}",
                    file=sys.stderr,
                )
        report.phases["after single requests"] = health_after(server)
        report.phases["flood"] = flood(server.base_url, args.clients, args.seconds, None)
        report.phases["after flood"] = health_after(server)
        report.phases["clients leaving"] = flood(server.base_url, args.clients, args.seconds, 0.3)
        report.phases["after clients left"] = health_after(server)
        report.alive_at_end = server.healthy()
    return report


def parse_args(argv: list[str] | None = None) -> argparse.Namespace:
    parser = argparse.ArgumentParser(
        description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter
    )
    parser.add_argument("--database-url", required=True, help="a migrated, populated database")
    parser.add_argument("--clients", type=int, default=32, help="concurrent flood clients")
    parser.add_argument("--seconds", type=float, default=10.0, help="length of each flood")
    parser.add_argument("--log", default="/tmp/otr_abuse_server.log", help="server output")
    parser.add_argument(
        "--env", action="append", default=[], help="server setting, e.g. REQUEST_TIMEOUT_MS=1000"
    )
    parser.add_argument("--output", type=Path, help="write the report as JSON here")
    return parser.parse_args(argv)


def main(argv: list[str] | None = None) -> int:
    args = parse_args(argv)
    report = run(args)
    result = {
        "summary": report.summary(),
        "phases": report.phases,
        "requests": [asdict(o) for o in report.outcomes],
    }
    print(json.dumps({"summary": result["summary"], "phases": report.phases}, indent=2))
    if args.output:
        args.output.parent.mkdir(parents=True, exist_ok=True)
        args.output.write_text(json.dumps(result, indent=2) + "\n")
    summary = report.summary()
    failed = summary["unexpected answers"] or summary["server errors (5xx but 503)"]
    return 1 if failed or not report.alive_at_end else 0


if __name__ == "__main__":
    raise SystemExit(main())
