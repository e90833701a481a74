"""On the Record against Datasette and raw SQL, through HTTP, on the same 1M-quote archive.

Side by side in one run, on the archive `benchmarks/scale.py` builds:

- On the Record on SQLite: `ontherecord serve` (one worker unless `--otr-workers`), with
  `GET /quotes?speaker=..&topic=..` and `GET /quotes?q=word` as a client sends them
  (default `count=exact`, so every page also counts its total, up to the cap).
- Datasette 0.65.5 on the same SQLite file, through its JSON SQL API
  (`/otr_bench.json?sql=...&_shape=array`), with the same joins: speaker, document, event
  and each quote's topics (and the FTS5 snippet for searches). Names are matched exactly
  (`speakers.name = :speaker`); On the Record resolves them forgivingly. Datasette runs in
  its own virtualenv, `benchmarks/.venv-datasette`, created here on first use; it is never
  a dependency of the project.
- The same SQL with Python's sqlite3 (no HTTP): the floor.
- On the Record on PostgreSQL, and the same SQL on PostgreSQL with psycopg.
- `GET /quotes/facets?topic=..` for the biggest topics, on both databases.

The load generator is wrk (https://github.com/wg/wrk; Debian/Ubuntu: `apt-get install wrk`,
macOS: `brew install wrk`) with a Lua script that rotates through the request paths:
200 speaker + topic pairs drawn from random quotes (popular names come up often) and 200
one-word searches (vocabulary ranks 154-454, each word in 9,000-27,000 quotes). p50 at one
connection; throughput at 16 connections (two wrk threads). Servers run one at a time, on
the same machine as wrk: Datasette as one process (it has no worker processes; its SQL runs
in three threads), On the Record as `--otr-workers` processes (`ontherecord serve`'s
default is one per core).

No response cache is involved: On the Record has none, and Datasette's SQL API caches no
results (only its `Cache-Control` header, which wrk ignores).

Usage (safe to rerun; it reads the archives, never writes them):

    .venv/bin/python benchmarks/http_compare.py --rounds 3 \\
        --output benchmarks/results/http-compare.json
"""

from __future__ import annotations

import argparse
import json
import os
import random
import shutil
import socket
import sqlite3
import statistics
import subprocess
import sys
import tempfile
import time
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from dataclasses import asdict, dataclass, field
from pathlib import Path
from typing import Any
from urllib.parse import urlencode

import httpx
import psycopg

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT / "benchmarks"))
sys.path.insert(0, str(ROOT))

from scale import (  # noqa: E402
    content_word_range,
    cpu_busy,
    machine,
    sample_quote_names,
    vocabulary,
)

from app.db.session import make_engine, make_session_factory  # noqa: E402

DATASETTE_VERSION = "0.65.5"
DATASETTE_VENV = ROOT / "benchmarks" / ".venv-datasette"
MAX_CONNECTIONS = 16  # the most connections wrk opens in any run
TIME_LIMIT_MS = 10_000  # per request and statement, for every server (Datasette's setting)
PAGE = 20  # On the Record's default limit; the SQL fetches one more, as the API does

QUOTE_COLUMNS = """
    q.id, q.text, q.kind, q.start_offset, q.end_offset, q.spoken_on, q.elsewhere,
    q.attribution_label, q.attribution_start, q.attribution_end, q.attribution_method,
    q.confidence,
    s.id AS speaker_id, s.name AS speaker_name, s.slug AS speaker_slug,
    d.id AS document_id, d.title AS document_title, d.source_name AS document_source_name,
    e.id AS event_id, e.title AS event_title, e.kind AS event_kind, e.date AS event_date,
    e.city AS event_city"""
JOINS = """
    JOIN documents d ON d.id = q.document_id
    LEFT JOIN speakers s ON s.id = q.speaker_id
    LEFT JOIN events e ON e.id = q.event_id"""
PAIR_WHERE = """
    q.speaker_id IN (SELECT id FROM speakers WHERE name = :speaker)
    AND EXISTS (SELECT 1 FROM quote_topics qt WHERE qt.quote_id = q.id AND qt.scope = 'quote'
                AND qt.topic_id IN (SELECT id FROM topics WHERE name = :topic))"""

SQLITE_TOPICS = """(SELECT json_group_array(json_object('id', t.id, 'name', t.name,
    'kind', t.kind, 'scope', qt.scope)) FROM quote_topics qt JOIN topics t ON t.id = qt.topic_id
    WHERE qt.quote_id = page.id) AS topics"""
POSTGRES_TOPICS = """(SELECT json_agg(json_build_object('id', t.id, 'name', t.name,
    'kind', t.kind, 'scope', qt.scope)) FROM quote_topics qt JOIN topics t ON t.id = qt.topic_id
    WHERE qt.quote_id = page.id) AS topics"""

SQLITE_PAIR = f"""WITH page AS (SELECT {QUOTE_COLUMNS} FROM quotes q {JOINS}
    WHERE {PAIR_WHERE} ORDER BY q.id LIMIT {PAGE + 1})
SELECT page.*, {SQLITE_TOPICS} FROM page ORDER BY page.id"""

SQLITE_WORD = f"""WITH page AS (SELECT {QUOTE_COLUMNS},
    snippet(quotes_fts, 0, '<mark>', '</mark>', '…', 16) AS snippet
    FROM quotes_fts JOIN quotes q ON q.id = quotes_fts.rowid {JOINS}
    WHERE quotes_fts MATCH :q ORDER BY quotes_fts.rowid LIMIT {PAGE + 1})
SELECT page.*, {SQLITE_TOPICS} FROM page ORDER BY page.id"""

POSTGRES_PAIR = SQLITE_PAIR.replace(SQLITE_TOPICS, POSTGRES_TOPICS)
POSTGRES_WORD = f"""WITH page AS (SELECT {QUOTE_COLUMNS},
    ts_headline('english', q.text, plainto_tsquery('english', :q),
                'StartSel=<mark>, StopSel=</mark>, MaxWords=30, MinWords=10') AS snippet
    FROM quotes q {JOINS}
    WHERE q.quotes_fts_vector @@ plainto_tsquery('english', :q) ORDER BY q.id LIMIT {PAGE + 1})
SELECT page.*, {POSTGRES_TOPICS} FROM page ORDER BY page.id"""

# wrk: rotate through the paths in a file; each thread starts at a different offset.
WRK_SCRIPT = """
local paths = {}
local i = 0
function init(args)
  for line in io.lines(args[1]) do paths[#paths + 1] = line end
  i = math.random(#paths)
end
function request()
  i = i % #paths + 1
  return wrk.format("GET", paths[i])
end
function done(summary, latency, requests)
  io.write(string.format(
    'WRK_JSON {"requests": %d, "duration_us": %d, "p50_us": %d, "p95_us": %d, "p99_us": %d, '
    .. '"status_errors": %d, "socket_errors": %d}\\n',
    summary.requests, summary.duration, latency:percentile(50), latency:percentile(95),
    latency:percentile(99), summary.errors.status,
    summary.errors.connect + summary.errors.read + summary.errors.write + summary.errors.timeout))
end
"""


@dataclass
class Inputs:
    pairs: list[tuple[str, str]]
    words: list[str]
    big_topics: list[str]


@dataclass
class Result:
    target: str
    measure: str
    round: int
    p50_ms: float | None = None
    p95_ms: float | None = None
    rps: float | None = None
    requests: int = 0
    errors: int = 0
    extra: dict[str, Any] = field(default_factory=dict)


def log(message: str) -> None:
    print(message, file=sys.stderr, flush=True)


def require_wrk() -> str:
    found = shutil.which("wrk")
    if found is None:
        sys.exit(
            "wrk is not installed. Debian/Ubuntu: sudo apt-get install wrk; "
            "macOS: brew install wrk; or build it from https://github.com/wg/wrk"
        )
    return found


def ensure_datasette() -> Path:
    """Datasette in its own virtualenv next to this script (git-ignored), made once."""
    binary = DATASETTE_VENV / "bin" / "datasette"
    if binary.exists():
        version = subprocess.run([binary, "--version"], capture_output=True, text=True).stdout
        if DATASETTE_VERSION in version:
            return binary
    log(f"installing datasette=={DATASETTE_VERSION} into {DATASETTE_VENV}")
    subprocess.run([sys.executable, "-m", "venv", str(DATASETTE_VENV)], check=True)
    pip = DATASETTE_VENV / "bin" / "pip"
    subprocess.run([pip, "install", "--quiet", f"datasette=={DATASETTE_VERSION}"], check=True)
    return binary


def draw_inputs(sqlite_path: str, n: int, seed: int, facet_topics: int) -> Inputs:
    """The same inputs for every target: names of random quotes, common words, top topics."""
    factory = make_session_factory(make_engine(f"sqlite:///{sqlite_path}"))
    rng = random.Random(seed)
    with factory() as session:
        pairs = [(s, t) for s, t, _ in sample_quote_names(session, rng, n)]
    low, high = content_word_range()
    words = [rng.choice(vocabulary()[low:high]) for _ in range(n)]
    with sqlite3.connect(f"file:{sqlite_path}?mode=ro", uri=True) as conn:
        rows = conn.execute(
            "SELECT t.name FROM (SELECT topic_id, count(*) AS n FROM quote_topics "
            "WHERE scope = 'quote' GROUP BY topic_id ORDER BY n DESC LIMIT ?) c "
            "JOIN topics t ON t.id = c.topic_id ORDER BY c.n DESC",
            (facet_topics,),
        ).fetchall()
    return Inputs(pairs, words, [r[0] for r in rows])


# ---------------------------------------------------------------------------------------------
# Paths each server is asked


def otr_paths(inputs: Inputs) -> dict[str, list[str]]:
    return {
        "pair": [f"/quotes?{urlencode({'speaker': s, 'topic': t})}" for s, t in inputs.pairs],
        "word": [f"/quotes?{urlencode({'q': w})}" for w in inputs.words],
        # The same pages without `total` (`count=none`): the work Datasette's query does.
        "pair nocount": [
            f"/quotes?{urlencode({'speaker': s, 'topic': t, 'count': 'none'})}"
            for s, t in inputs.pairs
        ],
        "facets": [f"/quotes/facets?{urlencode({'topic': t})}" for t in inputs.big_topics],
        # The whole archive's facets (the search page with nothing typed yet).
        "facets archive": ["/quotes/facets"],
    }


def datasette_paths(inputs: Inputs, database: str) -> dict[str, list[str]]:
    def path(sql: str, **params: str) -> str:
        return f"/{database}.json?{urlencode({'sql': sql, **params, '_shape': 'array'})}"

    return {
        "pair": [path(SQLITE_PAIR, speaker=s, topic=t) for s, t in inputs.pairs],
        "word": [path(SQLITE_WORD, q=f'"{w}"') for w in inputs.words],
    }


# ---------------------------------------------------------------------------------------------
# Servers


SERVER_PIDS: dict[str, int] = {}  # base URL -> the server's process id, for its CPU time
CLOCK_TICKS = os.sysconf("SC_CLK_TCK")


def process_tree_cpu(pid: int) -> float:
    """CPU seconds (user + system) used so far by `pid` and its live descendants (workers):
    on a shared machine, CPU per request is the figure other helpers' load disturbs least."""
    parents: dict[int, int] = {}
    ticks: dict[int, int] = {}
    for entry in Path("/proc").iterdir():
        if not entry.name.isdigit():
            continue
        try:
            fields = (entry / "stat").read_text().rsplit(")", 1)[1].split()
        except OSError:
            continue
        parents[int(entry.name)] = int(fields[1])
        ticks[int(entry.name)] = int(fields[11]) + int(fields[12])
    tree, grew = {pid}, True
    while grew:
        grew = False
        for child, parent in parents.items():
            if parent in tree and child not in tree:
                tree.add(child)
                grew = True
    return sum(ticks.get(p, 0) for p in tree) / CLOCK_TICKS


def free_port() -> int:
    """A port nothing listens on: a shared machine may run other servers on any fixed one."""
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return int(probe.getsockname()[1])


@contextmanager
def server(
    command: list[str], env: dict[str, str], port: int, ready: str, cwd: Path = ROOT
) -> Iterator[str]:
    """Start `command` and wait until it answers `ready`; the answer must come from this
    process (it is checked to be alive), not from something else on the port."""
    base = f"http://127.0.0.1:{port}"
    log_file = tempfile.NamedTemporaryFile("w+", suffix=".log", delete=False)  # noqa: SIM115
    proc = subprocess.Popen(command, cwd=cwd, env=env, stdout=log_file, stderr=log_file)
    try:
        deadline = time.monotonic() + 120
        while True:
            try:
                if httpx.get(base + ready, timeout=5).status_code == 200 and proc.poll() is None:
                    break
            except httpx.HTTPError:
                pass
            if proc.poll() is not None or time.monotonic() > deadline:
                log_file.seek(0)
                raise RuntimeError(f"{command[0]} did not start on {port}:\n{log_file.read()}")
            time.sleep(0.3)
        SERVER_PIDS[base] = proc.pid
        yield base
    finally:
        proc.terminate()
        try:
            proc.wait(timeout=20)
        except subprocess.TimeoutExpired:
            proc.kill()
        log_file.close()
        os.unlink(log_file.name)


def otr_server(database_url: str, port: int, workers: int, root: Path = ROOT) -> Any:
    """`ontherecord serve` from `root`: this checkout, or another one (`--before`)."""
    command = [sys.executable, "-m", "app.cli.main", "serve", "--port", str(port)]
    command += ["--workers", str(workers)]
    # Accept every connection wrk opens, and give requests Datasette's time limit (10 s): the
    # production defaults (8 in flight a worker, 1 s a request) shed load with a cheap 503
    # on a busy machine, which would inflate requests/s.
    env = {
        **os.environ,
        "DATABASE_URL": database_url,
        "PYTHONPATH": str(root),
        # A request still counts as in flight while it closes, after its response: a
        # connection's next request arrives first, so the limit needs room above the 16.
        "MAX_CONCURRENT_REQUESTS": str(4 * MAX_CONNECTIONS),
        "REQUEST_TIMEOUT_MS": str(TIME_LIMIT_MS),
        "STATEMENT_TIMEOUT_MS": str(TIME_LIMIT_MS),
    }
    return server(command, env, port, "/health", cwd=root)


def datasette_server(binary: Path, sqlite_path: str, port: int) -> Any:
    command = [
        str(binary),
        "serve",
        sqlite_path,
        "--port",
        str(port),
        "--setting",
        "sql_time_limit_ms",
        str(TIME_LIMIT_MS),
    ]
    return server(command, dict(os.environ), port, "/-/versions.json")


def check_paths(base: str, paths: list[str], what: str) -> None:
    """Every path answers 200 with rows (and warms the server's caches once)."""
    empty = 0
    with httpx.Client(base_url=base, timeout=60) as client:
        for path in paths:
            response = client.get(path)
            if response.status_code != 200:
                raise RuntimeError(f"{what}: {path} -> {response.status_code} {response.text}")
            body = response.json()
            rows = body if isinstance(body, list) else body.get("items", body.get("topics"))
            if not rows and not empty:
                log(f"    {what}: no rows for {path}: {response.text[:300]}")
            empty += not rows
    log(f"    {what}: {len(paths)} paths answer 200 ({empty} with no rows)")


def run_wrk(
    wrk: str, base: str, paths: list[str], connections: int, seconds: float, workdir: Path
) -> dict[str, Any]:
    script = workdir / "rotate.lua"
    script.write_text(WRK_SCRIPT)
    listing = workdir / "paths.txt"
    listing.write_text("\n".join(paths) + "\n")
    threads = min(2, connections)
    command = [
        wrk,
        f"-t{threads}",
        f"-c{connections}",
        f"-d{seconds:g}s",
        "--timeout",
        "30s",
        "-s",
        str(script),
        base,
        "--",
        str(listing),
    ]
    out = subprocess.run(command, capture_output=True, text=True, check=True).stdout
    line = next(ln for ln in out.splitlines() if ln.startswith("WRK_JSON "))
    stats = json.loads(line.removeprefix("WRK_JSON "))
    stats["rps"] = stats["requests"] / (stats["duration_us"] / 1e6)
    return stats


def measure_server(
    target: str,
    base: str,
    paths: dict[str, list[str]],
    args: argparse.Namespace,
    round_no: int,
    workdir: Path,
) -> list[Result]:
    results = []
    for kind, listing in paths.items():
        check_paths(base, listing, f"{target} {kind}")
        plan = [(1, args.seconds), (MAX_CONNECTIONS, args.seconds)]
        if kind.startswith("facets"):
            plan = [(1, args.seconds)]
        if kind.endswith("nocount"):
            plan = [(MAX_CONNECTIONS, args.seconds)]
        for connections, seconds in plan:
            cpu = process_tree_cpu(SERVER_PIDS[base])
            stats = run_wrk(args.wrk, base, listing, connections, seconds, workdir)
            cpu = process_tree_cpu(SERVER_PIDS[base]) - cpu
            measure = f"{kind} c{connections}"
            result = Result(
                target,
                measure,
                round_no,
                p50_ms=stats["p50_us"] / 1000,
                p95_ms=stats["p95_us"] / 1000,
                rps=stats["rps"],
                requests=stats["requests"],
                errors=stats["status_errors"] + stats["socket_errors"],
                extra={"cpu_ms_per_request": 1000 * cpu / max(1, stats["requests"])},
            )
            log(
                f"    {target:<16} {measure:<10} p50 {result.p50_ms:7.2f} ms  "
                f"p95 {result.p95_ms:7.2f} ms  {result.rps:7.1f} req/s  "
                f"server CPU {result.extra['cpu_ms_per_request']:.2f} ms/req  "
                f"errors {result.errors}"
            )
            results.append(result)
    return results


# ---------------------------------------------------------------------------------------------
# Raw SQL, no HTTP


def raw_times(run: Callable[[dict[str, str]], int], params: list[dict[str, str]]) -> list[float]:
    for p in params[:20]:
        run(p)
    times = []
    for p in params:
        started = time.perf_counter()
        run(p)
        times.append((time.perf_counter() - started) * 1000)
    return times


def raw_sqlite(path: str, inputs: Inputs, round_no: int) -> list[Result]:
    conn = sqlite3.connect(f"file:{path}?mode=ro", uri=True)

    def runner(sql: str) -> Callable[[dict[str, str]], int]:
        return lambda p: len(conn.execute(sql, p).fetchall())

    pairs = [{"speaker": s, "topic": t} for s, t in inputs.pairs]
    words = [{"q": f'"{w}"'} for w in inputs.words]
    out = [
        raw_result("raw sqlite3", "pair c1", round_no, raw_times(runner(SQLITE_PAIR), pairs)),
        raw_result("raw sqlite3", "word c1", round_no, raw_times(runner(SQLITE_WORD), words)),
    ]
    conn.close()
    return out


def raw_postgres(url: str, inputs: Inputs, round_no: int) -> list[Result]:
    conninfo = url.replace("postgresql+psycopg://", "postgresql://")
    # No server-side prepared statements: after five runs psycopg would prepare, and
    # PostgreSQL's generic plan for the name subqueries walked far more rows.
    with psycopg.connect(conninfo, prepare_threshold=None) as conn:

        def runner(sql: str) -> Callable[[dict[str, str]], int]:
            pg_sql = sql.replace(":speaker", "%(speaker)s").replace(":topic", "%(topic)s")
            pg_sql = pg_sql.replace(":q", "%(q)s")
            return lambda p: len(conn.execute(pg_sql, p).fetchall())

        pairs = [{"speaker": s, "topic": t} for s, t in inputs.pairs]
        words = [{"q": w} for w in inputs.words]
        return [
            raw_result("raw psycopg", "pair c1", round_no, raw_times(runner(POSTGRES_PAIR), pairs)),
            raw_result("raw psycopg", "word c1", round_no, raw_times(runner(POSTGRES_WORD), words)),
        ]


def raw_result(target: str, measure: str, round_no: int, times: list[float]) -> Result:
    times.sort()
    result = Result(
        target,
        measure,
        round_no,
        p50_ms=statistics.median(times),
        p95_ms=times[int(len(times) * 0.95) - 1],
        requests=len(times),
    )
    log(f"    {target:<16} {measure:<10} p50 {result.p50_ms:7.2f} ms  p95 {result.p95_ms:7.2f} ms")
    return result


# ---------------------------------------------------------------------------------------------
# Report


def summarise(results: list[Result]) -> dict[str, dict[str, dict[str, float]]]:
    """Per target and measure: the median over rounds, and the best round."""
    table: dict[str, dict[str, dict[str, float]]] = {}
    keys = sorted({(r.target, r.measure) for r in results})
    for target, measure in keys:
        rows = [r for r in results if r.target == target and r.measure == measure]
        p50s = [r.p50_ms for r in rows if r.p50_ms is not None]
        p95s = [r.p95_ms for r in rows if r.p95_ms is not None]
        rates = [r.rps for r in rows if r.rps is not None]
        entry = {
            "p50_ms_median": statistics.median(p50s),
            "p50_ms_best": min(p50s),
            "p95_ms_median": statistics.median(p95s),
            "p95_ms_best": min(p95s),
            "rounds": len(rows),
            "errors": sum(r.errors for r in rows),
        }
        if rates:
            entry |= {"rps_median": statistics.median(rates), "rps_best": max(rates)}
        cpus = [r.extra["cpu_ms_per_request"] for r in rows if "cpu_ms_per_request" in r.extra]
        if cpus:
            entry["cpu_ms_per_request_median"] = statistics.median(cpus)
        table.setdefault(target, {})[measure] = entry
    return table


def print_summary(table: dict[str, dict[str, dict[str, float]]]) -> None:
    print(
        f"\n{'target':<18} {'measure':<16} {'p50 ms':>8} {'p95 ms':>8} {'req/s':>8} "
        f"{'CPU ms/req':>10}  (median)"
    )
    for target, measures in table.items():
        for measure, e in measures.items():
            rps = f"{e['rps_median']:8.1f}" if "rps_median" in e else f"{'':8}"
            cpu = e.get("cpu_ms_per_request_median")
            cpu_text = f"{cpu:10.2f}" if cpu is not None else f"{'':10}"
            print(
                f"{target:<18} {measure:<16} {e['p50_ms_median']:8.2f} "
                f"{e['p95_ms_median']:8.2f} {rps} {cpu_text}"
            )


def parse_args(argv: list[str] | None = None) -> argparse.Namespace:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--sqlite", default="/tmp/otr_bench.db", help="the SQLite archive")
    parser.add_argument(
        "--postgres",
        default="postgresql+psycopg://postgres@127.0.0.1:5432/otr_bench",
        help="the PostgreSQL archive ('' to skip PostgreSQL)",
    )
    parser.add_argument("--inputs", type=int, default=200, help="pairs and words each")
    parser.add_argument("--facet-topics", type=int, default=10, help="biggest topics for facets")
    parser.add_argument("--seconds", type=float, default=10.0, help="per wrk run")
    parser.add_argument("--rounds", type=int, default=1, help="repeat everything, interleaved")
    parser.add_argument("--otr-workers", type=int, default=1, help="On the Record's workers")
    parser.add_argument("--seed", type=int, default=12)
    parser.add_argument("--skip-datasette", action="store_true")
    parser.add_argument(
        "--before",
        type=Path,
        help="also serve On the Record from this checkout (e.g. `git archive` of an older "
        "commit unpacked somewhere), one worker, on the same archives",
    )
    parser.add_argument("--output", type=Path, help="write every round and the summary as JSON")
    return parser.parse_args(argv)


def main(argv: list[str] | None = None) -> None:
    args = parse_args(argv)
    args.wrk = require_wrk()
    datasette = None if args.skip_datasette else ensure_datasette()
    if not Path(args.sqlite).exists():
        sys.exit(f"{args.sqlite} is missing: build it with benchmarks/scale.py --build-only")
    log(f"drawing {args.inputs} pairs and words from {args.sqlite}")
    inputs = draw_inputs(args.sqlite, args.inputs, args.seed, args.facet_topics)
    database = Path(args.sqlite).stem
    results: list[Result] = []
    busy: list[float] = []
    with tempfile.TemporaryDirectory() as tmp:
        workdir = Path(tmp)
        for round_no in range(1, args.rounds + 1):
            busy.append(cpu_busy())
            log(f"round {round_no}/{args.rounds} (machine {busy[-1]:.0%} busy before it)")
            sqlite_url = f"sqlite:///{args.sqlite}"
            paths = otr_paths(inputs)
            if args.before:
                with otr_server(sqlite_url, free_port(), 1, args.before) as base:
                    results += measure_server("before sqlite", base, paths, args, round_no, workdir)
            with otr_server(sqlite_url, free_port(), args.otr_workers) as base:
                results += measure_server("otr sqlite", base, paths, args, round_no, workdir)
            if datasette is not None:
                with datasette_server(datasette, args.sqlite, free_port()) as base:
                    sql_paths = datasette_paths(inputs, database)
                    results += measure_server("datasette", base, sql_paths, args, round_no, workdir)
            results += raw_sqlite(args.sqlite, inputs, round_no)
            if args.postgres and args.before:
                with otr_server(args.postgres, free_port(), 1, args.before) as base:
                    results += measure_server(
                        "before postgres", base, paths, args, round_no, workdir
                    )
            if args.postgres:
                with otr_server(args.postgres, free_port(), args.otr_workers) as base:
                    results += measure_server("otr postgres", base, paths, args, round_no, workdir)
                results += raw_postgres(args.postgres, inputs, round_no)
    table = summarise(results)
    print_summary(table)
    if args.output:
        args.output.parent.mkdir(parents=True, exist_ok=True)
        report = {
            "machine": machine(),
            "busy_before_rounds": busy,
            "args": {k: str(v) for k, v in vars(args).items()},
            "inputs": asdict(inputs),
            "summary": table,
            "rounds": [asdict(r) for r in results],
        }
        args.output.write_text(json.dumps(report, indent=2, ensure_ascii=False))
        log(f"wrote {args.output}")


if __name__ == "__main__":
    main()
