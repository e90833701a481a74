"""`ingest --jobs N`: parse in N processes, store with N writer threads (PostgreSQL) or one.

Parsing is pure and takes most of the time, so it moves to a process pool, each process
holding its own topic matcher (built once, from the entries the batch read at its start).
The main thread reads each file and skips those already stored, in input order, at most a
window of documents ahead of the writers, so memory stays bounded on a large archive.
Writers store in input order as parses finish: on SQLite one writer (the database has
one write lock; parallel writers would only queue for it), on PostgreSQL N, each with its
own session, kept apart by the locks of `store_parsed`. A parse that raises, or a parsing
process that dies, fails that file only; the batch goes on.
"""

from __future__ import annotations

import multiprocessing
import threading
from collections.abc import Callable
from concurrent.futures import Future, ProcessPoolExecutor, ThreadPoolExecutor
from concurrent.futures.process import BrokenProcessPool
from pathlib import Path

from sqlalchemy.orm import Session, sessionmaker

from app.ingest.loader import IngestError, LoadedDocument, read_document
from app.ingest.parse import ParsedDocument, parse_document
from app.ingest.pipeline import (
    FileReport,
    failed_report,
    find_unchanged,
    result_report,
    store_parsed,
)
from app.nlp.topics import TopicEntry, TopicMatcher

WINDOW_PER_JOB = 4  # documents read ahead per job: enough to keep every process busy

_matcher: TopicMatcher | None = None  # the parsing process's own, see `_start_parser`


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
        writers = jobs if reader.get_bind().dialect.name == "postgresql" else 1
        with _Parsers(entries, jobs) as parsers, ThreadPoolExecutor(writers) as writing:
            for path in documents:
                window.acquire()
                step = _read(reader, parsers, path, max_bytes)
                future = writing.submit(_store, factory, parsers, step)
                future.add_done_callback(finished)
                done.append(future)
    return [future.result() for future in done]


# What the main thread hands a writer: a final report, or a parse under way.
_Step = FileReport | tuple[LoadedDocument, Future[ParsedDocument]]


def _read(reader: Session, parsers: _Parsers, path: Path, max_bytes: int) -> _Step:
    try:
        loaded = read_document(path, max_bytes)
    except IngestError as exc:
        return FileReport(str(path), "failed", error=exc.reason)
    try:
        stored = find_unchanged(reader, loaded.sha256)  # re-ingest skips parsing
    except Exception as exc:
        reader.rollback()
        return failed_report(path, exc)
    if stored is not None:
        return result_report(path, stored)
    return loaded, parsers.submit(loaded)


def _store(factory: sessionmaker[Session], parsers: _Parsers, step: _Step) -> FileReport:
    """Wait for the parse, then store it in this thread's own session; never raises."""
    if isinstance(step, FileReport):
        return step
    loaded, parse = step
    try:
        try:
            parsed = parse.result()
        except BrokenProcessPool:
            # Another document's parse may have killed the process this one was queued on.
            parsed = parsers.submit(loaded).result()
        with factory() as session:
            return result_report(loaded.path, store_parsed(session, parsed))
    except BrokenProcessPool:
        return FileReport(str(loaded.path), "failed", error="the parsing process died")
    except Exception as exc:
        return failed_report(loaded.path, exc)


class _Parsers:
    """A process pool that parses documents, replaced by a new one if a process dies."""

    def __init__(self, entries: list[TopicEntry], jobs: int) -> None:
        self._entries = entries
        self._jobs = jobs
        self._lock = threading.Lock()
        self._pool = self._new_pool()

    def _new_pool(self) -> ProcessPoolExecutor:
        # spawn: forking a process that runs writer threads can copy a lock held by one.
        return ProcessPoolExecutor(
            self._jobs,
            mp_context=multiprocessing.get_context("spawn"),
            initializer=_start_parser,
            initargs=(self._entries,),
        )

    def submit(self, loaded: LoadedDocument) -> Future[ParsedDocument]:
        with self._lock:
            try:
                return self._pool.submit(_parse, loaded)
            except BrokenProcessPool:
                self._pool.shutdown(wait=False, cancel_futures=True)
                self._pool = self._new_pool()
                return self._pool.submit(_parse, loaded)

    def __enter__(self) -> _Parsers:
        return self

    def __exit__(self, *_exc: object) -> None:
        with self._lock:
            self._pool.shutdown(wait=True, cancel_futures=True)


def _start_parser(entries: list[TopicEntry]) -> None:
    global _matcher
    _matcher = TopicMatcher(entries)


def _parse(loaded: LoadedDocument) -> ParsedDocument:
    return parse_document(loaded, _matcher)
