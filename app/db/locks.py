"""Transaction-scoped locks on names, so two writers never create the same thing at once.

PostgreSQL: `pg_advisory_xact_lock` on a 64-bit hash of each key, released at COMMIT or
ROLLBACK. Keys are taken in sorted order, so two transactions locking overlapping sets wait
for each other instead of deadlocking, and writers with nothing in common never wait.
SQLite needs none: a write transaction holds the database's one write lock from BEGIN
IMMEDIATE on, so writers are already one at a time.
"""

from __future__ import annotations

import hashlib
from collections.abc import Iterable

from sqlalchemy import text
from sqlalchemy.orm import Session

_LOCK = text("SELECT pg_advisory_xact_lock(:key)")
_SHARED = text("SELECT pg_advisory_xact_lock_shared(:key)")


def lock_id(key: str) -> int:
    """A stable signed 64-bit number for a key (Python's `hash` differs between processes)."""
    digest = hashlib.blake2b(key.encode("utf-8"), digest_size=8).digest()
    return int.from_bytes(digest, "big", signed=True)


def needs_locks(session: Session) -> bool:
    """Whether writers can run at once (PostgreSQL), so that `lock_names` does anything."""
    return session.get_bind().dialect.name == "postgresql"


def lock_names(session: Session, keys: Iterable[str], shared: Iterable[str] = ()) -> None:
    """Hold `keys` alone and `shared` beside other sharers until the transaction ends,
    waiting for any holder that excludes us. A key in both is held alone."""
    if not needs_locks(session):
        return
    alone = {lock_id(key) for key in keys}
    beside = {lock_id(key) for key in shared} - alone
    for number in sorted(alone | beside):
        session.execute(_SHARED if number in beside else _LOCK, {"key": number})
