"""CPU instructions a request costs, through the whole ASGI app: a figure the noise leaves alone.

This machine's speed changes by the hour (±20%), so timing two versions of a request only
compares them within one run, and even then barely. Instructions don't drift: this runs
the app in process (no HTTP, no wrk; the middlewares, routing, the thread-pool trip, the
SQL and the JSON all included) under valgrind's callgrind, which counts every instruction
of every thread, Python's and SQLite's alike. Counting starts after a warm-up (caches
filled, statements built), so start-up is left out; the figure is instructions a request,
the same for the same code and archive to within a fraction of a percent.

Instructions are not time (a cache miss costs more than an add), and a request's SQLite
share runs outside the GIL, so use this to compare versions of the code, and
`http_compare.py` for what a client sees.

Needs valgrind (`apt-get install valgrind`) and an archive (`scale.py --build-only`).
About 2 minutes a kind, most of it start-up under valgrind. Usage:

    .venv/bin/python benchmarks/request_instructions.py --kinds pair word
    .venv/bin/python benchmarks/request_instructions.py --root /tmp/before  # another checkout
"""

from __future__ import annotations

import argparse
import asyncio
import os
import shutil
import subprocess
import sys
import tempfile
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT / "benchmarks"))

from asgi_call import call  # noqa: E402

WARM_UP = 20


def request_paths(sqlite_path: str, kind: str, n: int, seed: int) -> list[str]:
    """The paths `http_compare.py` asks, drawn the same way."""
    if kind == "nowhere":
        return ["/nowhere"]  # routing, middlewares and a 404: what every request pays
    from http_compare import draw_inputs, otr_paths  # type: ignore[import-not-found]

    return list(otr_paths(draw_inputs(sqlite_path, n, seed, facet_topics=1))[kind])


async def serve_in_process(paths: list[str], count: int) -> None:
    """Answer `count` requests one after another, zeroing callgrind's counters after the
    warm-up and dumping them at the end."""
    from app.main import create_app

    app = create_app()
    async with app.router.lifespan_context(app):
        for i in range(WARM_UP):
            await _request(app, paths[i % len(paths)])
        _callgrind("-z")
        for i in range(count):
            await _request(app, paths[i % len(paths)])
        _callgrind("-d")


async def _request(app: Any, path: str) -> None:
    status = await call(app, path)
    if status not in (200, 404):
        raise RuntimeError(f"{path} answered {status}")


def _callgrind(flag: str) -> None:
    subprocess.run(["callgrind_control", flag, str(os.getpid())], check=True, capture_output=True)


def count_instructions(root: Path, sqlite_path: str, kind: str, count: int, seed: int) -> float:
    """Run this script under callgrind as the child that serves; instructions a request."""
    paths = request_paths(sqlite_path, kind, 200, seed)
    with tempfile.TemporaryDirectory() as scratch:
        paths_file = Path(scratch) / "paths.txt"
        paths_file.write_text("\n".join(paths))
        env = {
            **os.environ,
            "DATABASE_URL": f"sqlite:///{sqlite_path}",
            "PYTHONPATH": str(root),
            "MAX_CONCURRENT_REQUESTS": "64",
            # valgrind runs ~40x slower: no request or statement may be cut short
            "REQUEST_TIMEOUT_MS": "600000",
            "STATEMENT_TIMEOUT_MS": "600000",
        }
        command = [
            "valgrind",
            "--tool=callgrind",
            f"--callgrind-out-file={scratch}/out.%p",
            sys.executable,
            __file__,
            "--serve",
            str(paths_file),
            "--count",
            str(count),
        ]
        done = subprocess.run(command, cwd=root, env=env, capture_output=True, text=True)
        if done.returncode != 0:
            raise RuntimeError(f"the app under callgrind failed:\n{done.stderr[-3000:]}")
        dumps = sorted(Path(scratch).glob("out.*.1"))  # the dump taken after the timed part
        if not dumps:
            raise RuntimeError("callgrind wrote no dump: is callgrind_control on PATH?")
        totals = [line for line in dumps[0].read_text().splitlines() if line.startswith("totals:")]
        return int(totals[0].split()[1]) / count


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--sqlite", default="/tmp/otr_bench.db", help="the SQLite archive")
    kinds = ["pair", "word", "nowhere"]
    parser.add_argument("--kinds", nargs="+", default=kinds[:2], choices=kinds)
    parser.add_argument("--count", type=int, default=60, help="requests counted a kind")
    parser.add_argument("--seed", type=int, default=12)
    parser.add_argument("--root", type=Path, default=ROOT, help="the checkout to measure")
    parser.add_argument("--serve", type=Path, help=argparse.SUPPRESS)  # the child under valgrind
    args = parser.parse_args()
    if args.serve is not None:
        asyncio.run(serve_in_process(args.serve.read_text().splitlines(), args.count))
        return
    if shutil.which("valgrind") is None:
        sys.exit("valgrind is not installed (Debian/Ubuntu: apt-get install valgrind)")
    for kind in args.kinds:
        per_request = count_instructions(args.root, args.sqlite, kind, args.count, args.seed)
        print(f"{kind:8} {per_request / 1e6:7.2f} M instructions a request ({args.root})")


if __name__ == "__main__":
    main()
