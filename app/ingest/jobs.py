"""`ingest --jobs N`: N processes parse; on PostgreSQL they store too, on SQLite one writer.

Each process holds its own topic matcher (built once, from the entries the batch read at
its start). The main thread reads each file and skips those already stored, in input order,
at most a window of documents ahead, so memory stays bounded on a large archive.
- SQLite has one write lock: parallel writers would only queue for it. The processes parse;
  one writer thread of the main process stores the documents in input order.
- PostgreSQL stores in parallel: each process stores what it parsed, with its own engine and
  session, kept apart from the others by the locks of `store_parsed`, and writing facet
  counts and the name generation in a shard of its own (migration 0010). Processes, not
  threads: storing is Python work (the ORM, matching, verification) that holds the GIL,
  and writer threads made `--jobs 2` slower than `--jobs 1` (BENCHMARKS.md).
A parse that raises fails that file only; a document whose process died is tried once
more in a new pool, then failed. The batch goes on, and the report keeps the input order.
"""

from __future__ import annotations

import multiprocessing
import threading
from collections.abc import Callable
from concurrent.futures import Future, ProcessPoolExecutor, ThreadPoolExecutor
from concurrent.futures.process import BrokenProcessPool
from pathlib import Path

from sqlalchemy import Connection, Engine
from sqlalchemy.orm import Session, sessionmaker

from app.db.session import make_engine, make_session_factory
from app.ingest.loader import IngestError, LoadedDocument, read_document
from app.ingest.parse import ParsedDocument, parse_document
from app.ingest.pipeline import (
    FileReport,
    check_stored,
    failed_report,
    ingest_loaded,
    result_report,
    store_parsed,
)
from app.nlp.topics import TopicEntry, TopicMatcher

WINDOW_PER_JOB = 4  # documents read ahead per job: enough to keep every process busy

# A worker process's own, see `_start_worker`.
_matcher: TopicMatcher | None = None
_session: Session | None = None


def ingest_in_parallel(
    factory: sessionmaker[Session],
    entries: list[TopicEntry],
    documents: list[Path],
    max_bytes: int,
    jobs: int,
    on_file: Callable[[FileReport], None] | None = None,
) -> list[FileReport]:
    """Reports for `documents`, in their order; `on_file` hears each as it finishes."""
    window = threading.BoundedSemaphore(jobs * WINDOW_PER_JOB)
    done: list[Future[FileReport]] = []

    def finished(future: Future[FileReport]) -> None:
        window.release()
        if on_file:
            on_file(future.result())

    with factory() as reader:
        url = _storing_url(reader.get_bind())
        with _Parsers(entries, jobs, url) as parsers, ThreadPoolExecutor(1) as writing:
            for path in documents:
                window.acquire()
                step = _read(reader, parsers, path, max_bytes)
                future = writing.submit(_store, factory, parsers, step)
                future.add_done_callback(finished)
                done.append(future)
    return [future.result() for future in done]


# A process's result: the parse, or (when it stored the document itself) the report.
_Done = ParsedDocument | FileReport
# What the main thread hands the writer thread: a final report, or a process's work under way.
# (The document, the id of the same text stored with another sidecar, the work.)
_Step = FileReport | tuple[LoadedDocument, int | None, Future[_Done]]


def _storing_url(bind: Engine | Connection) -> str | None:
    """The URL the processes store through, when writers can store at once: PostgreSQL,
    through an engine (a single connection, as tests bind, cannot be shared)."""
    if isinstance(bind, Engine) and bind.dialect.name == "postgresql":
        return bind.url.render_as_string(hide_password=False)
    return None


def _read(reader: Session, parsers: _Parsers, path: Path, max_bytes: int) -> _Step:
    try:
        loaded = read_document(path, max_bytes)
    except IngestError as exc:
        return FileReport(str(path), "failed", error=exc.reason)
    try:
        stored = check_stored(reader, loaded)  # re-ingest skips parsing
    except Exception as exc:
        reader.rollback()
        return failed_report(path, exc)
    if stored is not None and stored.metadata_current:
        return result_report(path, stored.result)
    stored_id = stored.result.document_id if stored is not None else None
    return loaded, stored_id, parsers.submit(loaded)


def _store(factory: sessionmaker[Session], parsers: _Parsers, step: _Step) -> FileReport:
    """Wait for the process's work, then store the parse in this thread's session (unless
    the process stored it); never raises."""
    if isinstance(step, FileReport):
        return step
    loaded, stored_id, work = step
    try:
        try:
            done = work.result()
        except BrokenProcessPool:
            # Another document may have killed the process this one was queued on.
            done = parsers.submit(loaded).result()
        if isinstance(done, FileReport):
            return done
        with factory() as session:
            return result_report(loaded.path, store_parsed(session, done, stored_id))
    except BrokenProcessPool:
        return FileReport(str(loaded.path), "failed", error="the parsing process died")
    except Exception as exc:
        return failed_report(loaded.path, exc)


class _Parsers:
    """A process pool that parses documents (and, given a database URL, stores them),
    replaced by a new one if a process dies."""

    def __init__(self, entries: list[TopicEntry], jobs: int, url: str | None) -> None:
        self._entries = entries
        self._jobs = jobs
        self._url = url
        self._lock = threading.Lock()
        self._pool = self._new_pool()

    def _new_pool(self) -> ProcessPoolExecutor:
        # forkserver: a clean process, started once, that has imported this module and forks
        # the workers (forking this process, which runs threads, could copy a held lock;
        # spawning would import the application once per worker).
        context = multiprocessing.get_context("forkserver")
        context.set_forkserver_preload([__name__])
        return ProcessPoolExecutor(
            self._jobs,
            mp_context=context,
            initializer=_start_worker,
            initargs=(self._entries, self._url),
        )

    def submit(self, loaded: LoadedDocument) -> Future[_Done]:
        work = _parse if self._url is None else _parse_and_store
        with self._lock:
            try:
                return self._pool.submit(work, loaded)
            except BrokenProcessPool:
                self._pool.shutdown(wait=False, cancel_futures=True)
                self._pool = self._new_pool()
                return self._pool.submit(work, loaded)

    def __enter__(self) -> _Parsers:
        return self

    def __exit__(self, *_exc: object) -> None:
        with self._lock:
            self._pool.shutdown(wait=True, cancel_futures=True)


def _start_worker(entries: list[TopicEntry], url: str | None) -> None:
    global _matcher, _session
    _matcher = TopicMatcher(entries)
    if url is not None:
        _session = make_session_factory(make_engine(url, pool_size=1))()


def _parse(loaded: LoadedDocument) -> ParsedDocument:
    return parse_document(loaded, _matcher)


def _parse_and_store(loaded: LoadedDocument) -> FileReport:
    assert _session is not None and _matcher is not None
    return ingest_loaded(_session, _matcher, loaded)
