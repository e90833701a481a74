"""`benchmarks/request_instructions.py --split`: a callgrind dump's instructions by library.

The split is what says how much of a request holds the GIL (the interpreter's share) and
how much runs in SQLite; a miscounted `calls=` line would add a callee's whole inclusive
cost to its caller's library.
"""

from __future__ import annotations

import sys
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent / "benchmarks"))

from request_instructions import split_by_library

DUMP = """\
version: 1
events: Ir
ob=(1) /usr/lib/libpython3.11.so.1.0
fl=(1) ceval.c
fn=(1) _PyEval_EvalFrameDefault
10 500
+2 100
cob=(2) /usr/lib/x86_64-linux-gnu/libsqlite3.so.0.8.6
cfi=(2) sqlite3.c
cfn=(2) sqlite3VdbeExec
calls=3 20
* 9000
ob=(2)
fl=(2)
fn=(2)
20 9000
ob=(3) /usr/lib/x86_64-linux-gnu/libc.so.6
fn=(3) memcpy
1 40
ob=(4) /opt/venv/orjson.cpython-311-x86_64-linux-gnu.so
fn=(4) dumps
1 7
ob=(1)
fn=(1)
12 3
totals: 9650
"""


def test_each_library_gets_its_own_instructions_not_its_callees() -> None:
    split = split_by_library(DUMP)
    assert split == {"python": 603, "sqlite": 9000, "libc": 40, "other": 7}
    assert sum(split.values()) == 9650  # the dump's own total: nothing counted twice
