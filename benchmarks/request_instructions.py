"""CPU instructions a request costs, through the whole ASGI app: a figure the noise leaves alone.

This machine's speed changes by the hour (±20%), so timing two versions of a request only
compares them within one run, and even then barely. Instructions don't drift: this runs
the app in process (no HTTP, no wrk; the middlewares, routing, the thread-pool trip, the
SQL and the JSON all included) under valgrind's callgrind, which counts every instruction
of every thread, Python's and SQLite's alike. Counting starts after a warm-up (caches
filled, statements built), so start-up is left out; the figure is instructions a request,
the same for the same code and archive to within a fraction of a percent. It does change
with `--count` (a run's one-off work is spread over its requests, and the inputs asked
differ): compare counts taken at the same `--count`.

Three servers answer the same inputs (`http_compare.py`'s): On the Record (`otr`, this
checkout or `--root`), Datasette (`datasette`, its SQL JSON API on the same file, from the
benchmark's own virtualenv) and a bare FastAPI app with one route returning an empty page
(`fastapi`: the least any FastAPI request costs, the floor under ours). `--split` divides
each count by library: what runs in the interpreter holds the GIL (as do most compiled
extensions, counted as `other`), what runs in SQLite does not; one process does only one
GIL-holding thing at a time.

Instructions are not time (a cache miss costs more than an add), so use this to compare
versions of the code and where the work goes, and `http_compare.py` for what a client sees.

Needs valgrind (`apt-get install valgrind`) and an archive (`scale.py --build-only`).
About 2 minutes a server and kind, most of it start-up under valgrind. Usage:

    .venv/bin/python benchmarks/request_instructions.py --kinds pair word
    .venv/bin/python benchmarks/request_instructions.py --root /tmp/before  # another checkout
    .venv/bin/python benchmarks/request_instructions.py --servers otr datasette fastapi --split
"""

from __future__ import annotations

import argparse
import asyncio
import os
import re
import shutil
import subprocess
import sys
import tempfile
from collections import Counter
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT / "benchmarks"))

from asgi_call import call  # noqa: E402

WARM_UP = 20
SERVERS = ("otr", "datasette", "fastapi")
# `--split`: the libraries a request's instructions are counted against, by file name.
LIBRARIES = {"python": "libpython", "sqlite": "libsqlite3", "libc": "libc.so"}


def request_paths(sqlite_path: str, server: str, kind: str, n: int, seed: int) -> list[str]:
    """The paths `http_compare.py` asks each server, drawn the same way."""
    if kind == "nowhere":
        return ["/nowhere"]  # routing, middlewares and a 404: what every request pays
    from http_compare import (  # type: ignore[import-not-found]
        datasette_paths,
        draw_inputs,
        otr_paths,
    )

    inputs = draw_inputs(sqlite_path, n, seed, facet_topics=1)
    if server == "datasette":
        return list(datasette_paths(inputs, Path(sqlite_path).stem)[kind])
    return list(otr_paths(inputs)[kind])


def build_app(server: str, sqlite_path: str) -> Any:
    """The ASGI app a child serves (imported there: Datasette runs from its own venv)."""
    if server == "datasette":
        from datasette.app import Datasette  # type: ignore[import-not-found]

        return Datasette([sqlite_path], settings={"sql_time_limit_ms": 600_000})
    from fastapi import FastAPI

    if server == "fastapi":
        bare = FastAPI()

        @bare.get("/quotes")
        def quotes() -> dict[str, Any]:  # a sync route, as most of ours: a thread-pool trip
            return {"items": [], "next_cursor": None, "total": 0}

        return bare
    from app.main import create_app

    return create_app()


async def serve_in_process(server: str, sqlite_path: str, paths: list[str], count: int) -> None:
    """Answer `count` requests one after another, zeroing callgrind's counters after the
    warm-up and dumping them at the end."""
    built = build_app(server, sqlite_path)
    if server == "datasette":
        await built.invoke_startup()
        await _serve(built.app(), paths, count)
        return
    async with built.router.lifespan_context(built):
        await _serve(built, paths, count)


async def _serve(app: Any, paths: list[str], count: int) -> None:
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


def python_for(server: str) -> str:
    """The interpreter a server runs under: Datasette's own venv, else this one."""
    if server != "datasette":
        return sys.executable
    from http_compare import ensure_datasette

    return str(ensure_datasette().parent / "python")


def count_instructions(
    args: argparse.Namespace, server: str, kind: str
) -> tuple[float, dict[str, float]]:
    """Run this script under callgrind as the child that serves: instructions a request,
    and their split by library. With `--keep`, the dump is copied there for
    `callgrind_annotate`."""
    paths = request_paths(args.sqlite, server, kind, 200, args.seed)
    with tempfile.TemporaryDirectory() as scratch:
        paths_file = Path(scratch) / "paths.txt"
        paths_file.write_text("\n".join(paths))
        env = {
            **os.environ,
            "DATABASE_URL": f"sqlite:///{args.sqlite}",
            "PYTHONPATH": str(args.root),
            "MAX_CONCURRENT_REQUESTS": "64",
            # valgrind runs ~40x slower: no request or statement may be cut short
            "REQUEST_TIMEOUT_MS": "600000",
            "STATEMENT_TIMEOUT_MS": "600000",
        }
        command = [
            "valgrind",
            "--tool=callgrind",
            f"--callgrind-out-file={scratch}/out.%p",
            python_for(server),
            __file__,
            "--serve",
            str(paths_file),
            "--server",
            server,
            "--sqlite",
            args.sqlite,
            "--count",
            str(args.count),
        ]
        done = subprocess.run(command, cwd=args.root, env=env, capture_output=True, text=True)
        if done.returncode != 0:
            raise RuntimeError(f"{server} under callgrind failed:\n{done.stderr[-3000:]}")
        dumps = sorted(Path(scratch).glob("out.*.1"))  # the dump taken after the timed part
        if not dumps:
            raise RuntimeError("callgrind wrote no dump: is callgrind_control on PATH?")
        if args.keep is not None:
            args.keep.mkdir(parents=True, exist_ok=True)
            shutil.copy(dumps[0], args.keep / f"callgrind.{server}.{kind}")
        text = dumps[0].read_text()
    totals = [line for line in text.splitlines() if line.startswith("totals:")]
    split = {name: n / args.count for name, n in split_by_library(text).items()}
    return int(totals[0].split()[1]) / args.count, split


def split_by_library(dump: str) -> Counter[str]:
    """Instructions a callgrind dump counts in each of `LIBRARIES` (and `other`): the cost
    lines of each object, leaving out the inclusive cost a `calls=` line is followed by."""
    names: dict[str, str] = {}
    found: Counter[str] = Counter()
    library = "other"
    after_call = False
    for line in dump.splitlines():
        if line.startswith("ob="):
            library = _library(_compressed_name(line[3:], names))
        elif line.startswith("cob="):
            _compressed_name(line[4:], names)  # names it, for later `ob=` lines
        elif line.startswith("calls="):
            after_call = True
        elif line[:1].isdigit() or line[:1] in "+-*":
            if after_call:
                after_call = False
                continue
            fields = line.split()
            if len(fields) > 1:
                found[library] += int(fields[1])
    return found


def _compressed_name(value: str, names: dict[str, str]) -> str:
    """`(3) /lib/x.so` names id 3; a later `(3)` refers to it (callgrind's compression)."""
    match = re.match(r"\((\d+)\)\s*(.*)", value.strip())
    if match is None:
        return value.strip()
    if match.group(2):
        names[match.group(1)] = match.group(2)
    return names.get(match.group(1), "")


def _library(path: str) -> str:
    file_name = path.rsplit("/", 1)[-1]
    for name, marker in LIBRARIES.items():
        if file_name.startswith(marker):
            return name
    return "other"


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--sqlite", default="/tmp/otr_bench.db", help="the SQLite archive")
    kinds = ["pair", "word", "nowhere"]
    parser.add_argument("--kinds", nargs="+", default=kinds[:2], choices=kinds)
    parser.add_argument("--servers", nargs="+", default=["otr"], choices=SERVERS)
    parser.add_argument("--split", action="store_true", help="split each count by library")
    parser.add_argument("--count", type=int, default=60, help="requests counted a kind")
    parser.add_argument("--seed", type=int, default=12)
    parser.add_argument("--root", type=Path, default=ROOT, help="the checkout to measure")
    parser.add_argument("--keep", type=Path, help="copy each dump to this directory")
    parser.add_argument("--serve", type=Path, help=argparse.SUPPRESS)  # the child under valgrind
    parser.add_argument("--server", default="otr", help=argparse.SUPPRESS)
    args = parser.parse_args()
    if args.serve is not None:
        paths = args.serve.read_text().splitlines()
        asyncio.run(serve_in_process(args.server, args.sqlite, paths, args.count))
        return
    if shutil.which("valgrind") is None:
        sys.exit("valgrind is not installed (Debian/Ubuntu: apt-get install valgrind)")
    for server in args.servers:
        for kind in args.kinds:
            if server == "datasette" and kind == "nowhere":
                continue  # Datasette's 404 is an HTML page: not the same work
            total, split = count_instructions(args, server, kind)
            line = f"{server:9} {kind:8} {total / 1e6:7.2f} M instructions a request"
            if args.split:
                line += "  " + "  ".join(
                    f"{name} {split.get(name, 0) / 1e6:5.2f} M" for name in (*LIBRARIES, "other")
                )
            print(line if server != "otr" else f"{line} ({args.root})", flush=True)


if __name__ == "__main__":
    main()
