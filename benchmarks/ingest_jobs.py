"""`ingest --jobs 1` against `--jobs 2`: wall-clock time of the real CLI on a folder of about
200 generated documents (tests/corpus.py: the seeds plus a transcript and two news reports
per occasion, by two of 60 speakers, files in mixed order), each run on a fresh database,
on SQLite and PostgreSQL.

Why: `--jobs N` parses in N processes; on PostgreSQL those processes also store, in
parallel, kept apart by name locks (documents sharing a speaker still store one after the
other); on SQLite one writer stores while the processes parse. Storing, not parsing, is most
of the work for documents of this size, so SQLite gains little; the speed-up is bounded by
the cores (this machine has 2, shared with other work: see `uptime` in the output).

    .venv/bin/python benchmarks/ingest_jobs.py \\
        [--postgres-url postgresql://root@127.0.0.1:5432/postgres] [--occasions 65] [--repeat 3] \\
        [--output benchmarks/results/ingest-jobs.json]

Each database is created (PostgreSQL: a throwaway database on that server, dropped after) and
migrated before the clock starts; the time covers the whole command, start-up included, as
a user waits for it. Safe to rerun. Results: BENCHMARKS.md ("Ingest with --jobs").
"""

from __future__ import annotations

import argparse
import json
import os
import platform
import subprocess
import sys
import tempfile
import time
import uuid
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

from sqlalchemy import create_engine, text  # noqa: E402
from sqlalchemy.engine import make_url  # noqa: E402

from app.db.migrate import upgrade  # noqa: E402
from tests.corpus import write_corpus  # noqa: E402

CLI = str(Path(sys.executable).parent / "ontherecord")


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--postgres-url", help="A PostgreSQL server to create databases on.")
    parser.add_argument("--occasions", type=int, default=65, help="3 documents each, + 5 seeds")
    parser.add_argument("--people", type=int, default=60, help="Speakers the occasions draw on.")
    parser.add_argument(
        "--background", type=int, default=0, help="Paragraphs of prose added to each report."
    )
    parser.add_argument("--jobs", default="1,2", help="Comma-separated --jobs values to time.")
    parser.add_argument(
        "--backends", default="sqlite,postgresql", help="Comma-separated databases to time on."
    )
    parser.add_argument("--repeat", type=int, default=3, help="Runs per setting; best is kept.")
    parser.add_argument("--output", type=Path)
    args = parser.parse_args()
    jobs = [int(n) for n in args.jobs.split(",")]
    with tempfile.TemporaryDirectory() as tmp:
        folder = write_corpus(
            Path(tmp) / "corpus",
            args.occasions,
            people=args.people,
            mixed=True,
            background=args.background,
        )
        files = list(folder.glob("*.txt"))
        results: dict[str, Any] = {
            "documents": len(files),
            "megabytes": round(sum(p.stat().st_size for p in files) / 1e6, 2),
            "background": args.background,
            "machine": _machine(),
            "runs": [],
        }
        wanted = args.backends.split(",")
        backends = [b for b in ("sqlite", "postgresql") if b in wanted]
        if not args.postgres_url and "postgresql" in backends:
            backends.remove("postgresql")
        for backend in backends:
            for _ in range(args.repeat):  # settings alternate, so load drifts hit both
                for n in jobs:
                    url, drop = _database(backend, Path(tmp), args.postgres_url)
                    try:
                        run = _time_ingest(url, folder, n)
                    finally:
                        drop()
                    run.update(backend=backend, jobs=n, load_before=os.getloadavg()[0])
                    results["runs"].append(run)
                    print(json.dumps(run), flush=True)
        results["summary"] = _summary(results["runs"])
        results["machine"]["uptime_at_end"] = _uptime()
    print(json.dumps(results["summary"], indent=2))
    if args.output:
        args.output.write_text(json.dumps(results, indent=2) + "\n")


def _time_ingest(url: str, folder: Path, jobs: int) -> dict[str, Any]:
    env = {**os.environ, "DATABASE_URL": url}
    started = time.perf_counter()
    done = subprocess.run(
        [CLI, "ingest", "--json", "--jobs", str(jobs), str(folder)],
        env=env,
        capture_output=True,
        text=True,
        check=False,
    )
    seconds = time.perf_counter() - started
    report = json.loads(done.stdout) if done.stdout else {}
    totals = report.get("totals", {})
    if done.returncode != 0 or totals.get("failed"):
        failed = [f for f in report.get("files", []) if f["status"] == "failed"]
        raise SystemExit(f"ingest failed ({done.returncode}): {failed} {done.stderr[-2000:]}")
    return {"seconds": round(seconds, 2), "ingested": totals["ingested"]}


def _database(backend: str, tmp: Path, server: str | None) -> tuple[str, Any]:
    name = f"otr_bench_jobs_{uuid.uuid4().hex[:8]}"
    if backend == "sqlite":
        path = tmp / f"{name}.db"
        url = f"sqlite:///{path}"
        upgrade(url)
        return url, lambda: [p.unlink() for p in tmp.glob(f"{name}.db*")]
    assert server
    admin = create_engine(server, isolation_level="AUTOCOMMIT")
    with admin.connect() as conn:
        conn.execute(text(f'CREATE DATABASE "{name}"'))
    url = make_url(server).set(database=name).render_as_string(hide_password=False)
    upgrade(url)

    def drop() -> None:
        with admin.connect() as conn:
            conn.execute(text(f'DROP DATABASE IF EXISTS "{name}" WITH (FORCE)'))

    return url, drop


def _summary(runs: list[dict[str, Any]]) -> dict[str, dict[str, float]]:
    best: dict[str, dict[str, float]] = {}
    for run in runs:
        key = f"jobs={run['jobs']}"
        table = best.setdefault(run["backend"], {})
        table[key] = min(table.get(key, float("inf")), run["seconds"])
    for table in best.values():
        if "jobs=1" in table:
            for key in list(table):
                if key != "jobs=1" and not key.startswith("speed-up"):
                    table[f"speed-up {key}"] = round(table["jobs=1"] / table[key], 2)
    return best


def _machine() -> dict[str, Any]:
    return {
        "cpus": os.cpu_count(),
        "python": platform.python_version(),
        "uptime_at_start": _uptime(),
    }


def _uptime() -> str:
    return subprocess.run(["uptime"], capture_output=True, text=True, check=False).stdout.strip()


if __name__ == "__main__":
    main()
