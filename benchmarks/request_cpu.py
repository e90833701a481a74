"""Server CPU per request of the hot read paths, in process, with an optional profile.

Builds the application as `ontherecord serve` does (`app.main.create_app`) on an existing
archive and drives it through ASGI (no network, no HTTP parsing: what remains is our Python
and the SQL) with the same kinds of request `http_compare.py` sends: speaker + topic pages
and one-word searches. Reports CPU time (all threads of this process) per request; with
`--profile`, the functions that cost most (yappi, in the `dev` extra; every thread: routes
run in the pool).
It only reads the archive. Usage:

    .venv/bin/python benchmarks/request_cpu.py --database-url sqlite:////tmp/otr_bench.db \\
        [--requests 2000] [--profile pair]
"""

from __future__ import annotations

import argparse
import asyncio
import random
import sys
import time
from pathlib import Path
from typing import Any
from urllib.parse import urlencode

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT / "benchmarks"))
sys.path.insert(0, str(ROOT))

from asgi_call import call  # noqa: E402
from scale import content_word_range, sample_quote_names, vocabulary  # noqa: E402

from app.main import create_app  # noqa: E402
from app.settings import Settings  # noqa: E402


def draw_paths(app: Any, n: int, seed: int) -> dict[str, list[str]]:
    """The same kinds of inputs as `http_compare.py`: names of random quotes, common words."""
    rng = random.Random(seed)
    with app.state.session_factory() as session:
        pairs = [(s, t) for s, t, _ in sample_quote_names(session, rng, n)]
    low, high = content_word_range()
    words = [rng.choice(vocabulary()[low:high]) for _ in range(n)]
    return {
        "pair": [f"/quotes?{urlencode({'speaker': s, 'topic': t})}" for s, t in pairs],
        "word": [f"/quotes?{urlencode({'q': w})}" for w in words],
    }


async def drive(app: Any, paths: list[str], n: int) -> float:
    """CPU ms per request over `n` requests rotating through `paths` (after a warm-up)."""
    for path in paths:
        if (status := await call(app, path)) != 200:
            raise RuntimeError(f"{path} -> {status}")
    started = time.process_time()
    for i in range(n):
        await call(app, paths[i % len(paths)])
    return (time.process_time() - started) / n * 1000


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--database-url", default="sqlite:////tmp/otr_bench.db")
    parser.add_argument("--requests", type=int, default=2000)
    parser.add_argument("--inputs", type=int, default=200)
    parser.add_argument("--seed", type=int, default=12)
    parser.add_argument("--kinds", nargs="+", default=["pair", "word"])
    parser.add_argument("--profile", help="profile this kind of request with yappi")
    parser.add_argument("--top", type=int, default=45)
    args = parser.parse_args()
    settings = Settings(
        database_url=args.database_url,
        max_concurrent_requests=64,
        request_timeout_ms=10_000,
        statement_timeout_ms=10_000,
    )
    app = create_app(settings)
    paths = draw_paths(app, args.inputs, args.seed)
    for kind in args.kinds:
        ms = asyncio.run(drive(app, paths[kind], args.requests))
        print(f"{kind:<6} {ms:6.3f} ms CPU per request ({args.requests} requests)")
    if args.profile:
        import yappi  # the `dev` extra; only needed to profile

        yappi.set_clock_type("cpu")
        yappi.start()
        asyncio.run(drive(app, paths[args.profile], args.requests))
        yappi.stop()
        stats = yappi.get_func_stats()
        calls = args.requests + len(paths[args.profile])  # the warm-up is profiled too
        rows = sorted(stats, key=lambda s: s.ttot, reverse=True)[: args.top]
        total = max(s.ttot for s in stats)
        print(f"\nprofile of {args.profile}: cumulative CPU share (of the largest)")
        for s in rows:
            where = f"{Path(s.module).name}:{s.lineno} {s.name}"
            print(
                f"{100 * s.ttot / total:6.1f}% {s.ttot * 1e6 / calls:8.0f} µs "
                f"{s.ncall / calls:6.1f}x  {where[:110]}"
            )
        rows = sorted(stats, key=lambda s: s.tsub, reverse=True)[: args.top]
        print(f"\nprofile of {args.profile}: own time per request")
        for s in rows:
            where = f"{Path(s.module).name}:{s.lineno} {s.name}"
            print(f"{s.tsub * 1e6 / calls:8.0f} µs {s.ncall / calls:6.1f}x  {where[:110]}")


if __name__ == "__main__":
    main()
