"""A quote page in the service layer: its time, and each of its SQL statements' share.

Runs `services.quotes.quote_page_data` (no HTTP, no FastAPI) on an existing archive for the
same kinds of input as `http_compare.py` (speaker + topic pairs of random quotes, one common
word), and reports per page: wall and CPU time, the statements it ran with the time each took to
execute as the driver saw it (a round trip on PostgreSQL; SQLite produces rows as they are
fetched, so its figures leave most of the work out), and on SQLite the same SQL replayed
with Python's sqlite3, fetch included (the floor under what SQLAlchemy and our Python add).
Each page runs as a read request does (`current_cancel` set: the read limits apply).
It only reads the archive. Usage:

    .venv/bin/python benchmarks/page_statements.py --database-url sqlite:////tmp/otr_bench.db
    .venv/bin/python benchmarks/page_statements.py \\
        --database-url postgresql+psycopg://postgres@127.0.0.1:5432/otr_bench
"""

from __future__ import annotations

import argparse
import random
import sqlite3
import sys
import time
from collections import defaultdict
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT / "benchmarks"))
sys.path.insert(0, str(ROOT))

from scale import content_word_range, sample_quote_names, vocabulary  # noqa: E402
from sqlalchemy import event  # noqa: E402

from app.api.deps import end_read  # noqa: E402
from app.db.limits import RequestCancel, current_cancel  # noqa: E402
from app.db.session import make_engine, make_session_factory  # noqa: E402
from app.services.quotes import QuoteFilters, quote_page_data  # noqa: E402


def inputs(factory: Any, n: int, seed: int) -> dict[str, list[QuoteFilters]]:
    rng = random.Random(seed)
    with factory() as session:
        pairs = [(s, t) for s, t, _ in sample_quote_names(session, rng, n)]
    low, high = content_word_range()
    words = [rng.choice(vocabulary()[low:high]) for _ in range(n)]
    return {
        "pair": [QuoteFilters(speakers=[s], topics=[t]) for s, t in pairs],
        "word": [QuoteFilters(q=w) for w in words],
    }


def page(factory: Any, filters: QuoteFilters) -> None:
    """One page, as a read request reads it and ends it (`end_read`: COMMIT, which keeps
    the connection's prepared statements)."""
    token = current_cancel.set(RequestCancel())
    try:
        session = factory()
        quote_page_data(session, filters, 20, None)
        end_read(session)
    finally:
        current_cancel.reset(token)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--database-url", default="sqlite:////tmp/otr_bench.db")
    parser.add_argument("--inputs", type=int, default=200)
    parser.add_argument("--rounds", type=int, default=3, help="passes over the inputs")
    parser.add_argument("--seed", type=int, default=12)
    args = parser.parse_args()
    engine = make_engine(args.database_url, statement_timeout_ms=10_000)
    factory = make_session_factory(engine, read_only=True)
    timings: dict[str, list[float]] = defaultdict(lambda: [0, 0.0])
    replay: list[tuple[str, Any]] = []
    recording = False

    @event.listens_for(engine, "before_cursor_execute")
    def _start(conn: Any, _cursor: Any, statement: str, params: Any, *_: Any) -> None:
        conn.info["started"] = time.perf_counter()
        if recording and statement.lstrip().upper().startswith(("SELECT", "WITH")):
            replay.append((statement, params))

    @event.listens_for(engine, "after_cursor_execute")
    def _end(conn: Any, _cursor: Any, statement: str, *_: Any) -> None:
        if recording:
            entry = timings[" ".join(statement.split())[:96]]
            entry[0] += 1
            entry[1] += time.perf_counter() - conn.info["started"]

    for kind, filters in inputs(factory, args.inputs, args.seed).items():
        for f in filters:  # warm: caches, shapes, the OS page cache
            page(factory, f)
        timings.clear()
        replay.clear()
        recording = True
        wall, cpu = time.perf_counter(), time.process_time()
        for _ in range(args.rounds):
            for f in filters:
                page(factory, f)
        wall, cpu = time.perf_counter() - wall, time.process_time() - cpu
        recording = False
        pages = args.rounds * len(filters)
        print(f"== {kind}: {wall / pages * 1e3:.3f} ms a page, {cpu / pages * 1e3:.3f} ms CPU")
        for statement, (n, seconds) in sorted(timings.items(), key=lambda kv: -kv[1][1]):
            print(f"  {n / pages:5.2f}x {seconds / pages * 1e3:6.3f} ms  {statement}")
        if engine.dialect.name == "sqlite":
            raw = sqlite3.connect(engine.url.database or "")
            started = time.perf_counter()
            for statement, params in replay:
                raw.execute(statement, params).fetchall()
            floor = (time.perf_counter() - started) / pages * 1e3
            print(f"  the same SQL through sqlite3 alone: {floor:.3f} ms a page")


if __name__ == "__main__":
    main()
