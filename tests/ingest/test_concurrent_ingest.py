"""Ingests running at the same time, as real processes: two CLI runs over overlapping folders,
the same new document from two processes, and `--jobs 2`, on SQLite and PostgreSQL.

Each must leave the database one ingest after the other leaves, compared without ids. Which
order: what a document resolves to can depend on what came before it (a 'Weber' stored
before or after 'Karl Weber' makes a different topic), so the reference is a sequential
ingest of the same files in the order the concurrent run stored them (document ids), the
order it claims to be equivalent to. Nothing failed, nothing is stored twice, and on SQLite
`--jobs 2` keeps the input order, so it equals the plain sequential ingest exactly.
"""

from __future__ import annotations

import json
import os
import shutil
import subprocess
import sys
import time
from collections.abc import Sequence
from pathlib import Path
from typing import Any

import pytest
from sqlalchemy import select
from sqlalchemy.orm import Session

from app.db.migrate import upgrade
from app.db.models import Document, Topic, TopicAlias
from app.db.session import make_engine, make_session_factory, transaction
from app.ingest.loader import load_bytes
from app.ingest.matcher import build_matcher
from app.ingest.pipeline import ingest_loaded
from tests.corpus import write_corpus
from tests.dump import canonical_dump
from tests.facet_check import assert_counts_right
from tests.support import BACKENDS, ROOT, SEEDS, Databases

OCCASIONS = 9  # with the five seeds: 32 documents


def _start(url: str, *args: str) -> subprocess.Popen[str]:
    env = {**os.environ, "DATABASE_URL": url}
    command = [str(Path(sys.executable).parent / "ontherecord"), "ingest", "--json", *args]
    return subprocess.Popen(
        command, cwd=ROOT, env=env, stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True
    )


def _report(process: subprocess.Popen[str]) -> dict[str, Any]:
    out, err = process.communicate(timeout=600)
    assert process.returncode == 0, err[-3000:]
    report: dict[str, Any] = json.loads(out)
    return report


def _ingest(url: str, *args: str) -> dict[str, Any]:
    return _report(_start(url, *args))


Topics = Sequence[tuple[str, str, str, str, str]]  # name, kind, slug, alias, alias_norm


def _new_database(databases: Databases, backend: str, topics: Topics = ()) -> str:
    """A migrated database, holding `topics` and their aliases when given."""
    url = databases.new(backend)
    upgrade(url)
    engine = make_engine(url)
    with Session(engine) as session, session.begin():
        ids: dict[str, int] = {}
        for name, kind, slug, alias, alias_norm in topics:
            if slug not in ids:
                topic = Topic(name=name, kind=kind, slug=slug)
                session.add(topic)
                session.flush()
                ids[slug] = topic.id
            session.add(TopicAlias(topic_id=ids[slug], alias=alias, alias_norm=alias_norm))
    engine.dispose()
    return url


def _dump(url: str) -> dict[str, Any]:
    engine = make_engine(url)
    try:
        return canonical_dump(engine)
    finally:
        engine.dispose()


def _assert_counts_right(url: str) -> None:
    """The facet counts the parallel writers kept (each in its shard) equal a fresh count."""
    engine = make_engine(url)
    try:
        with Session(engine) as session:
            assert_counts_right(session)
    finally:
        engine.dispose()


def _statuses(report: dict[str, Any]) -> dict[str, str]:
    return {Path(f["path"]).name: f["status"] for f in report["files"]}


def _stored_order(url: str) -> list[str]:
    engine = make_engine(url)
    try:
        with Session(engine) as session:
            return list(session.scalars(select(Document.source_name).order_by(Document.id)))
    finally:
        engine.dispose()


def _one_after_the_other(
    databases: Databases, backend: str, url: str, corpus: Path, tmp_path: Path, topics: Topics
) -> dict[str, Any]:
    """The content a sequential ingest of the corpus, in the order `url` stored it, leaves."""
    folder = tmp_path / "replay"
    folder.mkdir()
    for n, name in enumerate(_stored_order(url)):
        shutil.copy(corpus / name, folder / f"{n:03d}_{name}")  # folders are read sorted
    replay = _new_database(databases, backend, topics)
    report = _ingest(replay, str(folder))
    assert report["totals"]["ingested"] == report["totals"]["files"]
    return _dump(replay)


@pytest.fixture(scope="module")
def corpus(tmp_path_factory: pytest.TempPathFactory) -> Path:
    return write_corpus(tmp_path_factory.mktemp("corpus") / "all", OCCASIONS)


@pytest.fixture(scope="module")
def topics(corpus: Path, databases: Databases) -> Topics:
    """Every topic and alias an ingest of the corpus makes, loaded before each run below.

    A run reads topic aliases once, at its start (`build_matcher`), and an ingest adds the
    surfaces it found: a run that starts after another committed a document parses with more
    aliases. Known beforehand, they are the same for every run, so only how the runs wrote
    can make a difference."""
    url = _new_database(databases, "sqlite")
    _ingest(url, str(corpus))
    engine = make_engine(url)
    with Session(engine) as session:
        rows = session.execute(
            select(Topic.name, Topic.kind, Topic.slug, TopicAlias.alias, TopicAlias.alias_norm)
            .join(TopicAlias, TopicAlias.topic_id == Topic.id)
            .order_by(Topic.id, TopicAlias.id)
        )
        found = [(row[0], row[1], row[2], row[3], row[4]) for row in rows]
    engine.dispose()
    return found


def _overlapping(corpus: Path, tmp_path: Path) -> tuple[list[str], list[str]]:
    """Two ingests' arguments sharing the middle third of the corpus: a folder read forwards
    and files named backwards, so both reach the same occasions at about the same time."""
    files = sorted(corpus.glob("*.txt"))
    third = len(files) // 3
    first = tmp_path / "first"
    first.mkdir()
    for path in files[: 2 * third]:
        shutil.copy(path, first / path.name)
    return [str(first)], [str(p) for p in reversed(files[third:])]


@pytest.mark.parametrize("backend", BACKENDS)
def test_two_overlapping_ingests_at_once_equal_one_after_the_other(
    backend: str, databases: Databases, corpus: Path, tmp_path: Path, topics: Topics
) -> None:
    url = _new_database(databases, backend, topics)
    first, second = _overlapping(corpus, tmp_path)
    running = [_start(url, *first), _start(url, *second)]
    reports = [_report(process) for process in running]

    for report in reports:  # nothing failed: every file stored here or found stored
        assert set(_statuses(report).values()) <= {"ingested", "unchanged"}, report["files"]
    ingested = [n for r in reports for n, s in _statuses(r).items() if s == "ingested"]
    assert sorted(ingested) == sorted(p.name for p in corpus.glob("*.txt"))  # each once
    assert _dump(url) == _one_after_the_other(databases, backend, url, corpus, tmp_path, topics)
    _assert_counts_right(url)


@pytest.mark.parametrize("backend", BACKENDS)
def test_an_ingest_beside_a_running_ingest_of_the_whole_folder(
    backend: str, databases: Databases, corpus: Path, tmp_path: Path, topics: Topics
) -> None:
    """Same files, same order: the second process trails the first document by document."""
    url = _new_database(databases, backend, topics)
    reports = [_report(p) for p in [_start(url, str(corpus)), _start(url, str(corpus))]]
    totals = [r["totals"] for r in reports]
    assert sum(t["ingested"] for t in totals) == totals[0]["files"]
    assert all(t["failed"] == 0 for t in totals), totals
    assert _dump(url) == _one_after_the_other(databases, backend, url, corpus, tmp_path, topics)


def _wait_for_a_document(session: Session, cli: subprocess.Popen[str]) -> None:
    """Until the CLI stored its first document (so it read its topic aliases first)."""
    for _ in range(6000):  # at most about 5 minutes: a start-up on a loaded machine
        with transaction(session, "deferred"):
            if session.scalar(select(Document.id).limit(1)) is not None:
                return
        if cli.poll() is not None:
            return
        time.sleep(0.05)


@pytest.mark.parametrize("backend", BACKENDS)
def test_uploads_during_a_cli_ingest_equal_one_after_the_other(
    backend: str, databases: Databases, corpus: Path, tmp_path: Path, topics: Topics
) -> None:
    """The API's way in (bytes -> `load_bytes` -> `ingest_loaded` on a write session) while
    the CLI ingests the same files, from the other end of the list."""
    url = _new_database(databases, backend, topics)
    files = sorted(corpus.glob("*.txt"))
    engine = make_engine(url)
    try:
        with make_session_factory(engine)() as session:
            # Each run reads topic aliases once, at its start: both read the empty database,
            # as the sequential reference does, so only the writes can differ.
            with transaction(session, "deferred"):
                matcher = build_matcher(session)
            cli = _start(url, *(str(p) for p in files))
            _wait_for_a_document(session, cli)
            uploads = [
                ingest_loaded(session, matcher, load_bytes(Path(p.name), p.read_bytes()))
                for p in reversed(files)
            ]
    finally:
        engine.dispose()
    report = _report(cli)

    assert {u.status for u in uploads} <= {"ingested", "unchanged"}, [u.error for u in uploads]
    ingested = [Path(u.path).name for u in uploads if u.status == "ingested"]
    ingested += [n for n, s in _statuses(report).items() if s == "ingested"]
    assert sorted(ingested) == [p.name for p in files]  # each stored once, by one of them
    assert set(_statuses(report).values()) <= {"ingested", "unchanged"}
    assert _dump(url) == _one_after_the_other(databases, backend, url, corpus, tmp_path, topics)


@pytest.mark.parametrize("backend", BACKENDS)
def test_jobs_2_stores_what_jobs_1_stores(
    backend: str, databases: Databases, corpus: Path, tmp_path: Path, topics: Topics
) -> None:
    url = _new_database(databases, backend, topics)
    report = _ingest(url, "--jobs", "2", str(corpus))
    files = sorted(corpus.glob("*.txt"))
    assert [Path(f["path"]).name for f in report["files"]] == [p.name for p in files]  # order
    assert report["totals"]["ingested"] == len(files)
    expected = _one_after_the_other(databases, backend, url, corpus, tmp_path, topics)
    assert _dump(url) == expected
    _assert_counts_right(url)
    if backend == "sqlite":  # one writer, in input order: exactly `--jobs 1`
        assert _stored_order(url) == [p.name for p in files]
    again = _ingest(url, "--jobs", "2", str(corpus))
    assert again["totals"]["unchanged"] == len(files)


@pytest.mark.parametrize("backend", BACKENDS)
def test_the_same_new_document_from_two_processes_is_stored_once(
    backend: str, databases: Databases, tmp_path: Path
) -> None:
    url = _new_database(databases, backend)
    # A long transcript (every seed transcript turn, twice) takes a while to parse and store,
    # so both processes are usually past their "already stored?" check when one commits.
    text = "\n\n".join(p.read_text() for p in sorted(SEEDS.glob("00[01]_*.txt")))
    for name in ("a", "b"):
        (tmp_path / name).mkdir()
        (tmp_path / name / "same.txt").write_text(text)
    reports = [_report(p) for p in [_start(url, str(tmp_path / n)) for n in ("a", "b")]]
    assert sorted(r["files"][0]["status"] for r in reports) == ["ingested", "unchanged"]
    assert reports[0]["files"][0]["document_id"] == reports[1]["files"][0]["document_id"]
    assert len(_dump(url)["documents"]) == 1
