"""Files -> stored documents: load, parse, then store in one transaction per document.

The data path: `loader.read_document` (bytes -> text, or a clear reason) -> a short read to
skip documents already stored -> `parse.parse_document` (pure, no transaction open) ->
`store.store_document` in one write transaction (`store_parsed`: the write lock or the
document's name locks first, and a fresh try when another writer won a race). A bad file
never stops the batch. With `jobs` > 1, `ingest.jobs` runs worker processes.

Statuses: `ingested` (new), `revised` (a new version of a stored document: same URL or
path, other text), `updated` (same text, a changed sidecar), `unchanged`, `failed`, `skipped`.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import asdict, dataclass
from pathlib import Path
from typing import Any

from sqlalchemy.orm import Session, sessionmaker

from app.db.locks import lock_names, needs_locks
from app.db.retry import write_with_retries
from app.db.session import transaction
from app.db.shards import fold_shards
from app.ingest.formats import skip_reason
from app.ingest.identity import sidecar_sha256
from app.ingest.loader import IngestError, LoadedDocument, expand_paths, read_document
from app.ingest.matcher import matcher_entries
from app.ingest.parse import ParsedDocument, parse_document
from app.ingest.store import Stored, StoreResult, find_stored, store_document, update_metadata
from app.ingest.store_locks import document_lock_keys
from app.nlp.topics import TopicMatcher


@dataclass(frozen=True)
class FileReport:
    path: str
    status: str  # "ingested" | "revised" | "updated" | "unchanged" | "failed" | "skipped"
    document_id: int | None = None
    quotes: int = 0
    error: str | None = None
    # Speakers left unnamed because several people fit; for a revision, what it changed.
    notes: tuple[str, ...] = ()
    revision: int | None = None  # the document's current revision number


@dataclass(frozen=True)
class BatchReport:
    files: list[FileReport]

    @property
    def failed(self) -> bool:
        return any(f.status == "failed" for f in self.files)

    def totals(self) -> dict[str, int]:
        totals = {
            "files": len(self.files),
            "ingested": 0,
            "revised": 0,
            "updated": 0,
            "unchanged": 0,
            "failed": 0,
            "skipped": 0,
        }
        for report in self.files:
            totals[report.status] += 1
        totals["quotes"] = sum(f.quotes for f in self.files if f.status in ("ingested", "revised"))
        return totals

    def as_json(self) -> dict[str, Any]:
        return {"files": [asdict(f) for f in self.files], "totals": self.totals()}


def ingest_paths(
    factory: sessionmaker[Session],
    paths: list[Path],
    max_bytes: int,
    on_file: Callable[[FileReport], None] | None = None,
    on_start: Callable[[int], None] | None = None,
    jobs: int = 1,
) -> BatchReport:
    """Ingest files and folders; returns one report line per file, in the order given.

    `on_start` hears how many documents the folders hold, `on_file` each file's report (in
    the order they finish). `jobs` > 1 parses in that many processes (`ingest.jobs`; on
    PostgreSQL they store too). The factory must then be bound to an engine: the writer
    thread and the processes open their own sessions.
    """
    documents, skipped = expand_paths(paths)
    if on_start:
        on_start(len(documents))
    reports = [FileReport(str(p), "skipped", error=skip_reason(p)) for p in skipped]
    with factory() as session:
        with transaction(session, "deferred"):
            entries = matcher_entries(session)  # topics users added count from the start
        if jobs > 1:
            from app.ingest.jobs import ingest_in_parallel  # imports this module: import late

            reports += ingest_in_parallel(factory, entries, documents, max_bytes, jobs, on_file)
        else:
            matcher = TopicMatcher(entries)
            for path in documents:
                report = ingest_file(session, matcher, path, max_bytes)
                reports.append(report)
                if on_file:
                    on_file(report)
        fold_shards(session)  # parallel writers' counts into one shard: readers' fast path
    return BatchReport(reports)


def ingest_file(session: Session, matcher: TopicMatcher, path: Path, max_bytes: int) -> FileReport:
    """One document, one transaction: stored completely or not at all."""
    try:
        loaded = read_document(path, max_bytes)
    except IngestError as exc:
        return FileReport(str(path), "failed", error=exc.reason)
    return ingest_loaded(session, matcher, loaded)


def ingest_loaded(session: Session, matcher: TopicMatcher, loaded: LoadedDocument) -> FileReport:
    """Store a document already read (a file or an upload): parse outside any transaction,
    then write it in one; a failure is reported, never raised."""
    try:
        stored = check_stored(session, loaded)  # re-ingest skips parsing
        if stored is not None and stored.metadata_current:
            result = stored.result
        else:
            stored_id = stored.result.document_id if stored is not None else None
            result = store_parsed(session, parse_document(loaded, matcher), stored_id)
    except Exception as exc:  # a parser or database failure on one file must not stop the batch
        session.rollback()
        return failed_report(loaded.path, exc)
    return result_report(loaded.path, result)


def check_stored(session: Session, loaded: LoadedDocument) -> Stored | None:
    """The stored document with this text, and whether its sidecar is current; read
    without waiting for any writer."""
    with transaction(session, "deferred"):
        return find_stored(session, loaded.sha256, sidecar_sha256(loaded.meta), loaded.meta)


def store_parsed(
    session: Session, parsed: ParsedDocument, stored_id: int | None = None
) -> StoreResult:
    """Store one parsed document (or, given `stored_id`, the same text stored with another
    sidecar: update its metadata) in one write transaction, run again if it lost a race with
    another writer (`db.retry`); each try re-checks whether the document got stored."""
    return write_with_retries(session, lambda s: _store_locked(s, parsed, stored_id))


def _store_locked(session: Session, parsed: ParsedDocument, stored_id: int | None) -> StoreResult:
    if needs_locks(session):
        locks = document_lock_keys(session, parsed)
        lock_names(session, locks.alone, locks.shared)
    if stored_id is None:
        return store_document(session, parsed)
    return update_metadata(session, stored_id, parsed)


def failed_report(path: Path, exc: BaseException) -> FileReport:
    reason = f"could not store document: {type(exc).__name__}: {exc}"
    return FileReport(str(path), "failed", error=reason)


def result_report(path: Path, result: StoreResult) -> FileReport:
    return FileReport(
        str(path),
        result.status,
        result.document_id,
        result.quotes,
        None,
        result.notes,
        result.revision,
    )
