"""Fold the count shards parallel PostgreSQL writers leave (migration 0010) into shard 0.

Each write transaction keeps its facet counts and name generation in a shard of its own, so
stores run side by side; readers add the shards up. Summing is exact but not free: a
subject whose rows are all in shard 0 is read in count order from an index (its top 20 of
30k events in well under a millisecond), one with rows elsewhere is summed first (~30 ms).
After an ingest the other shards are folded into 0: every shard's advisory lock is taken
(in order, so two folds queue instead of deadlocking), which waits for writers in flight and
keeps new ones out of the count rows for the moment it takes. The sums do not change, so
readers see the same counts before and after. The name generation's shards are 16 rows at
most and stay as they are.
"""

from __future__ import annotations

from sqlalchemy import text
from sqlalchemy.orm import Session

from app.db.retry import write_with_retries

SHARDS = 16
SHARD_LOCK = 1_030_010  # migration 0010's advisory lock class: `write_shard()` takes these
_KEY = "subject, subject_id, facet, bucket"
_ANY = text("SELECT EXISTS (SELECT 1 FROM quote_facet_counts WHERE shard <> 0)")
_LOCK = text("SELECT pg_advisory_xact_lock(:lock_class, :shard)")
_FOLD = [
    text(
        f"INSERT INTO quote_facet_counts ({_KEY}, shard, n) SELECT {_KEY}, 0, sum(n) "
        f"FROM quote_facet_counts WHERE shard <> 0 GROUP BY {_KEY} ORDER BY {_KEY} "
        "ON CONFLICT (subject, subject_id, facet, bucket, shard) "
        "DO UPDATE SET n = quote_facet_counts.n + excluded.n"
    ),
    text("DELETE FROM quote_facet_counts WHERE shard <> 0"),
]


def fold_shards(session: Session) -> bool:
    """Move every count outside shard 0 into shard 0, in one transaction;
    whether there was anything to fold. Nothing to do on SQLite (one writer, shard 0)."""
    if session.get_bind().dialect.name != "postgresql":
        return False

    def fold(s: Session) -> bool:
        if not s.scalar(_ANY):
            return False
        for shard in range(SHARDS):
            s.execute(_LOCK, {"lock_class": SHARD_LOCK, "shard": shard})
        for statement in _FOLD:
            s.execute(statement)
        return True

    return write_with_retries(session, fold)
