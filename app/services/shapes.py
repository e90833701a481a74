"""Statements built once per shape and reused with each request's values.

Building a SQLAlchemy statement, deriving its cache key and mapping its result columns again
cost more than SQLite takes to run it (~0.5 ms of a 2 ms quote page). So a set of filters is
split in two: its *shape* (which clauses, how they combine: never a value) and its
*parameters* (the values, by bind name). The statement of a shape is built the first time it
is asked for and then reused as the very same object, for which SQLAlchemy memoises the
cache key and keeps the compiled result map.

A shaped statement takes its values only through bind parameters that have none of their
own (`slot`, `slots`): executed without them it raises, so one request's values can never
be carried into another's answer.
"""

from __future__ import annotations

import threading
from collections import OrderedDict
from collections.abc import Callable, Hashable
from typing import Any, TypeVar

from sqlalchemy import BindParameter, bindparam

T = TypeVar("T")

# Shapes in use at once: a few dozen filter combinations, times sorts and databases. Past
# this many the least recently used is built again when next asked for.
MAX_SHAPES = 512

_built: OrderedDict[Hashable, Any] = OrderedDict()
_lock = threading.Lock()


def shaped(key: Hashable, build: Callable[[], T]) -> T:
    """The statement of this shape: built by `build` the first time, the same object after.

    `key` must name everything `build` depends on; `build` must take every value through
    `slot`/`slots`. Two threads may build the same shape at once: both results are equal
    and the first stored wins.
    """
    with _lock:
        found = _built.get(key)
        if found is not None:
            _built.move_to_end(key)
            return found  # type: ignore[no-any-return]
    made = build()
    with _lock:
        found = _built.setdefault(key, made)
        if len(_built) > MAX_SHAPES:
            _built.popitem(last=False)
    return found  # type: ignore[no-any-return]


def slot(name: str, type_: Any = None) -> BindParameter[Any]:
    """One value, given when the statement runs; the column it is compared with types it."""
    return bindparam(name, type_=type_, required=True)


def slots(name: str) -> BindParameter[Any]:
    """A list of values for `IN`, given when the statement runs (any length, empty too)."""
    return bindparam(name, expanding=True, required=True)


def forget_shapes() -> None:
    """Drop every built statement (tests that count builds start from none)."""
    with _lock:
        _built.clear()


def shapes_built() -> int:
    with _lock:
        return len(_built)
