"""Resolved names kept in process, valid while the database's name generation stands still.

`speaker=Kerry&topic=Assad` cost four queries of name lookup per request; the same handful of
names comes up again and again. Triggers (migration 0006) raise `name_generations.value` on
any change to speakers, topics or their aliases, by any process, in the writing transaction;
an answer remembered at one generation is used only while the database still reports it.
The generation is read in one statement, before the answer is computed: under READ
COMMITTED the answer's statements see at least that state, so an answer is never older than
the generation it is stored under.
"""

from __future__ import annotations

import threading
import weakref
from collections import OrderedDict
from collections.abc import Callable, Hashable
from typing import Any, TypeVar

from sqlalchemy import Engine, func, select
from sqlalchemy.orm import Session

from app.db.models import NameGeneration
from app.db.session import PREPARED, READ_ONLY

T = TypeVar("T")
# The sum of the shards: a PostgreSQL writer raises its own shard's row (migration 0010); the
# sum still rises by one per committed change, so an unchanged sum means unchanged names.
# Prepared on PostgreSQL: the first statement of nearly every request.
_GENERATION = (
    select(func.sum(NameGeneration.value))
    .where(NameGeneration.name.like("names%"))
    .execution_options(**{PREPARED: True})
)
MAX_ENTRIES = 4096  # names, not pages: a few hundred bytes each; the oldest go first


class _Remembered:
    def __init__(self) -> None:
        self.generation: int | None = None
        self.entries: OrderedDict[Hashable, Any] = OrderedDict()
        self.lock = threading.Lock()


_PER_ENGINE: weakref.WeakKeyDictionary[Engine, _Remembered] = weakref.WeakKeyDictionary()
_PER_ENGINE_LOCK = threading.Lock()


def name_generation(session: Session) -> int:
    """The database's name generation, as this session's transaction sees it.

    A session flagged read-only (an API request) reads it once; any other session reads it
    each time, since its own writes raise it.
    """
    if session.info.get(READ_ONLY) and "name_generation" in session.info:
        return int(session.info["name_generation"])
    value = session.connection().scalar(_GENERATION)
    generation = int(value or 0)
    if session.info.get(READ_ONLY):
        session.info["name_generation"] = generation
    return generation


def remembered(session: Session, key: Hashable, compute: Callable[[], T]) -> T:
    """`compute()`, or its answer from an earlier call at the same name generation.

    Only read-only sessions store answers: a writing transaction may see a generation its
    own uncommitted changes raised, and if it rolled back, another writer could commit the
    same number for different names.
    """
    generation = name_generation(session)
    store = _store(session.get_bind().engine)
    with store.lock:
        if store.generation == generation and key in store.entries:
            store.entries.move_to_end(key)
            return store.entries[key]  # type: ignore[no-any-return]
    value = compute()
    if session.info.get(READ_ONLY):
        with store.lock:
            if store.generation != generation:
                store.generation = generation
                store.entries.clear()
            store.entries[key] = value
            if len(store.entries) > MAX_ENTRIES:
                store.entries.popitem(last=False)
    return value


def _store(engine: Engine) -> _Remembered:
    with _PER_ENGINE_LOCK:
        store = _PER_ENGINE.get(engine)
        if store is None:
            store = _PER_ENGINE[engine] = _Remembered()
        return store


def forget(engine: Engine) -> None:
    """Drop everything remembered for `engine` (tests that roll back what they saw)."""
    with _PER_ENGINE_LOCK:
        _PER_ENGINE.pop(engine, None)
