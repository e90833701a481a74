"""One write's transaction: the key is re-checked and marked used, the audit row goes in."""

from __future__ import annotations

from collections.abc import Callable, Iterator
from contextlib import contextmanager

from sqlalchemy.orm import Session

from app.auth.store import KeyHolder, mark_used
from app.write.audit import Snapshot, record


@contextmanager
def audited_write(session: Session, holder: KeyHolder) -> Iterator[Audit]:
    """Commit the write and its audit entries together, or neither."""
    with session.begin():
        mark_used(session, holder)
        yield Audit(session, holder)


class Audit:
    """Records entries for one transaction's key; a change that changed nothing is not one."""

    def __init__(self, session: Session, holder: KeyHolder) -> None:
        self.session = session
        self.holder = holder

    def change(
        self,
        action: str,
        target: tuple[str, int],
        take: Callable[[], Snapshot],
        apply: Callable[[], object],
    ) -> bool:
        """Snapshot, apply, snapshot again; record the entry when the two differ."""
        before = take()
        apply()
        self.session.flush()
        self.session.expire_all()  # bulk updates in `apply` bypassed the identity map
        after = take()
        if before == after:
            return False
        self.entry(action, target, before, after)
        return True

    def entry(
        self, action: str, target: tuple[str, int | None], before: Snapshot, after: Snapshot
    ) -> None:
        record(self.session, (self.holder.id, self.holder.name), action, target, before, after)
