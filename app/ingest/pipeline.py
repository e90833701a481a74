"""Files -> stored documents: load, parse, then store in one transaction per document.

The data path: `loader.read_document` (bytes -> text, or a clear reason) -> a short read to
skip documents already stored -> `parse.parse_document` (pure, no transaction open) ->
`store.store_document` inside `session.begin()`. A bad file never stops the batch.

Statuses: `ingested` (new), `revised` (a new version of a stored document: same URL or
path, other text), `updated` (same text, a changed sidecar), `unchanged`, `failed`, `skipped`.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import asdict, dataclass
from pathlib import Path
from typing import Any

from sqlalchemy.orm import Session, sessionmaker

from app.ingest.identity import sidecar_sha256
from app.ingest.loader import IngestError, LoadedDocument, expand_paths, read_document
from app.ingest.matcher import build_matcher
from app.ingest.parse import parse_document
from app.ingest.store import find_stored, store_document, update_metadata
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
) -> BatchReport:
    """Ingest files and folders; returns one report line per file, in the order processed.

    `on_start` hears how many documents the folders hold, `on_file` each file's report.
    """
    documents, skipped = expand_paths(paths)
    if on_start:
        on_start(len(documents))
    reports = [FileReport(str(p), "skipped", error="not a .txt or .md document") for p in skipped]
    with factory() as session:
        matcher = build_matcher(session)  # topics users added count from the start of a run
        session.rollback()
        for path in documents:
            report = ingest_file(session, matcher, path, max_bytes)
            reports.append(report)
            if on_file:
                on_file(report)
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
    path = loaded.path
    meta_sha256 = sidecar_sha256(loaded.meta)
    try:
        with session.begin():  # re-ingest skips parsing
            stored = find_stored(session, loaded.sha256, meta_sha256, loaded.meta)
        if stored is not None and stored.metadata_current:
            result = stored.result
        else:
            parsed = parse_document(loaded, matcher)
            with session.begin():
                if stored is None:
                    result = store_document(session, parsed)
                else:
                    result = update_metadata(session, stored.result.document_id, parsed)
    except Exception as exc:  # a parser or database failure on one file must not stop the batch
        session.rollback()
        return FileReport(
            str(path), "failed", error=f"could not store document: {type(exc).__name__}: {exc}"
        )
    return FileReport(
        str(path),
        result.status,
        result.document_id,
        result.quotes,
        None,
        result.notes,
        result.revision,
    )
