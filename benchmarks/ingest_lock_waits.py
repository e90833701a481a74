"""What `ingest --jobs N` on PostgreSQL waits for: `pg_stat_activity` sampled every 50 ms.

Why: wall-clock time on a shared 2-core machine says little about whether parallel stores
still queue on a lock; sampling the ingest's backends does. Each sample counts the active
backends and, for each backend waiting on a lock, the lock type and the statement.

    .venv/bin/python benchmarks/ingest_lock_waits.py \\
        --postgres-url postgresql://root@127.0.0.1:5432/postgres [--jobs 2] [--occasions 65]

The corpus is `benchmarks/ingest_jobs.py`'s; the database is created, migrated and dropped.
Results: BENCHMARKS.md ("Ingest with --jobs").
"""

from __future__ import annotations

import argparse
import collections
import os
import subprocess
import sys
import tempfile
import time
import uuid
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

from sqlalchemy import create_engine, text  # noqa: E402
from sqlalchemy.engine import make_url  # noqa: E402

from app.db.migrate import upgrade  # noqa: E402
from tests.corpus import write_corpus  # noqa: E402

CLI = str(Path(sys.executable).parent / "ontherecord")
ACTIVITY = text(
    "SELECT state, wait_event_type, wait_event, left(query, 60) FROM pg_stat_activity "
    "WHERE datname = :name AND backend_type = 'client backend'"
)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--postgres-url", required=True)
    parser.add_argument("--jobs", type=int, default=2)
    parser.add_argument("--occasions", type=int, default=65)
    parser.add_argument("--people", type=int, default=60)
    args = parser.parse_args()
    admin = create_engine(args.postgres_url, isolation_level="AUTOCOMMIT")
    name = f"otr_bench_waits_{uuid.uuid4().hex[:8]}"
    with tempfile.TemporaryDirectory() as tmp, admin.connect() as conn:
        folder = write_corpus(Path(tmp) / "corpus", args.occasions, people=args.people, mixed=True)
        conn.execute(text(f'CREATE DATABASE "{name}"'))
        try:
            url = make_url(args.postgres_url).set(database=name)
            upgrade(url.render_as_string(hide_password=False))
            env = {**os.environ, "DATABASE_URL": url.render_as_string(hide_password=False)}
            command = [CLI, "ingest", "--json", "--jobs", str(args.jobs), str(folder)]
            ingest = subprocess.Popen(command, env=env, stdout=subprocess.DEVNULL)
            active: collections.Counter[int] = collections.Counter()
            waits: collections.Counter[tuple[str, str]] = collections.Counter()
            while ingest.poll() is None:
                rows = conn.execute(ACTIVITY, {"name": name}).all()
                active[sum(row[0] == "active" for row in rows)] += 1
                waits.update((row[2], row[3]) for row in rows if row[1] == "Lock")
                time.sleep(0.05)
        finally:
            conn.execute(text(f'DROP DATABASE IF EXISTS "{name}" WITH (FORCE)'))
    print(f"samples: {sum(active.values())}; active backends: {dict(sorted(active.items()))}")
    for (lock, query), n in waits.most_common(10):
        print(f"{n:5d} waiting on {lock}: {query}")
    print(f"ingest exit code {ingest.returncode}; load average {os.getloadavg()}")


if __name__ == "__main__":
    main()
