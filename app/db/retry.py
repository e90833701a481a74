"""Re-run a write transaction that lost a race with another writer, on a fresh transaction.

Two ingests (two CLI processes, or an upload during an ingest) write the same database. On
SQLite a writer can still find the write lock taken past the busy timeout (another process
storing a long document); on PostgreSQL two transactions can create the same row (a unique
violation), wait on each other's locks (a deadlock) or fail serialization. None of these is
the document's fault: the whole transaction is rolled back and run again after a short,
growing, randomised pause, and the work re-reads everything (a document the other writer
stored meanwhile is then found and reported unchanged). Anything else is raised at once.
"""

from __future__ import annotations

import logging
import random
import time
from collections.abc import Callable
from typing import Any, TypeVar

from sqlalchemy.exc import DBAPIError
from sqlalchemy.orm import Session

from app.db.session import transaction

T = TypeVar("T")
log = logging.getLogger(__name__)

# Eight attempts: on SQLite each already waits up to the 30 s busy timeout for the lock, so a
# store gives up only after minutes of another writer holding it; on PostgreSQL a conflict
# resolves in one or two retries.
ATTEMPTS = 8
FIRST_PAUSE = 0.05  # seconds; doubled each attempt, up to MAX_PAUSE, then randomised
MAX_PAUSE = 2.0

# SQLite primary result codes (an extended code carries one in its low byte).
_SQLITE_BUSY, _SQLITE_LOCKED = 5, 6
# PostgreSQL SQLSTATEs of a lost race: serialization failure, deadlock, lock not available,
# unique violation (both created the same speaker, topic or alias; the retry finds it) and
# foreign key violation (a row it refers to was merged away, as two events merge, meanwhile).
_PG_RACES = frozenset({"40001", "40P01", "55P03", "23505", "23503"})


def is_race(exc: BaseException) -> bool:
    """A failure another writer caused, which the same work on a fresh transaction can avoid."""
    if not isinstance(exc, DBAPIError) or exc.orig is None:
        return False
    orig: Any = exc.orig
    sqlstate = getattr(orig, "sqlstate", None)
    if sqlstate is not None:
        return sqlstate in _PG_RACES
    code = getattr(orig, "sqlite_errorcode", None)
    if code is not None:
        return code & 0xFF in (_SQLITE_BUSY, _SQLITE_LOCKED)
    message = str(orig).lower()
    return "database is locked" in message or "database is busy" in message


def pause(attempt: int) -> float:
    """Full jitter: a random pause up to the attempt's exponential bound, so writers that
    collided once do not collide again in step."""
    return random.uniform(0, min(MAX_PAUSE, FIRST_PAUSE * 2**attempt))


def write_with_retries(
    session: Session,
    work: Callable[[Session], T],
    attempts: int = ATTEMPTS,
    sleep: Callable[[float], None] = time.sleep,
) -> T:
    """Run `work` in one write transaction (SQLite: BEGIN IMMEDIATE), committed on return;
    on a lost race roll back and run it again, at most `attempts` times in all."""
    for attempt in range(attempts):
        try:
            with transaction(session, "immediate"):
                return work(session)
        except DBAPIError as exc:
            if attempt + 1 >= attempts or not is_race(exc):
                raise
            delay = pause(attempt)
            log.info("write lost a race (%s); retry %d in %.2f s", exc.orig, attempt + 1, delay)
            sleep(delay)
    raise AssertionError("unreachable: the last attempt returns or raises")
