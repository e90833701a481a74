"""A document uploaded through the API: the same path as a file given to `ingest`.

The bytes go through `ingest.loader.load_bytes` and `ingest.pipeline.ingest_loaded`, which
owns its transactions (one per document, retried or revised as ingestion decides). The audit
row must commit with the document, so it is written from the session's `before_commit`: every
document row the transaction inserted or updated gets its entry there, with the key marked used.
"""

from __future__ import annotations

from pathlib import Path
from typing import Any

from sqlalchemy import event
from sqlalchemy.orm import Session, SessionTransaction

from app.auth.store import KeyHolder, mark_used
from app.db.models import Document
from app.ingest.loader import IngestError, load_bytes
from app.ingest.matcher import build_matcher
from app.ingest.pipeline import BatchReport, FileReport, ingest_loaded
from app.ingest.sidecar import sidecar_problems
from app.write.audit import record, snapshot_document


def ingest_upload(
    session: Session, holder: KeyHolder, filename: str, data: bytes, meta: dict[str, Any]
) -> BatchReport:
    """Ingest one uploaded document: the report `ingest --json` prints, for one file. A
    failure is the report's `error`, never raised."""
    return BatchReport([_ingest(session, holder, filename, data, meta)])


def _ingest(
    session: Session, holder: KeyHolder, filename: str, data: bytes, meta: dict[str, Any]
) -> FileReport:
    path = Path(filename)
    problems = sidecar_problems(meta)
    if problems:
        return FileReport(str(path), "failed", error="metadata: " + "; ".join(problems))
    try:
        loaded = load_bytes(path, data, meta)
    except IngestError as exc:
        return FileReport(str(path), "failed", error=exc.reason)
    with session.begin():
        matcher = build_matcher(session)  # topics users added count, as in a CLI ingest
    trail = _DocumentTrail(session, holder)
    try:
        return ingest_loaded(session, matcher, loaded)
    finally:
        trail.close()


class _DocumentTrail:
    """Audits the document rows a session's transactions write, as each one commits."""

    def __init__(self, session: Session, holder: KeyHolder) -> None:
        self.session = session
        self.holder = holder
        self.written: dict[int, str] = {}  # document id -> "create" | "update"
        self._listeners = (
            ("after_flush", self._collect),
            ("before_commit", self._record),
            ("after_transaction_end", self._forget),
        )
        for name, listener in self._listeners:
            event.listen(session, name, listener)

    def close(self) -> None:
        for name, listener in self._listeners:
            event.remove(self.session, name, listener)

    def _collect(self, session: Session, _context: Any) -> None:
        for obj in session.new:
            if isinstance(obj, Document):
                self.written[obj.id] = "create"
        for obj in session.dirty:
            if isinstance(obj, Document) and session.is_modified(obj):
                self.written.setdefault(obj.id, "update")

    def _record(self, session: Session) -> None:
        written, self.written = self.written, {}
        if not written:
            return
        mark_used(session, self.holder)
        for document_id, how in written.items():
            after = snapshot_document(session, document_id)
            record(
                session,
                (self.holder.id, self.holder.name),
                f"document.{how}",
                ("document", document_id),
                None,
                after,
            )

    def _forget(self, _session: Session, transaction: SessionTransaction) -> None:
        """A transaction that ended without committing them: its documents were not written.
        Only the outermost one counts; a savepoint rolled back inside keeps the document."""
        if transaction.parent is None:
            self.written = {}
