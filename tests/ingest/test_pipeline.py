"""Ingestion as users run it: batches with bad files, re-ingest, one transaction per document."""

from __future__ import annotations

import datetime as dt
import shutil
from pathlib import Path

import pytest
from sqlalchemy import func, select
from sqlalchemy.orm import Session, sessionmaker

from app.db.base import Base
from app.db.migrate import upgrade
from app.db.models import Document, Event, Quote, Speaker
from app.db.session import make_engine
from app.ingest import store
from app.ingest.pipeline import ingest_paths
from tests.support import BACKENDS, SEEDS, Databases

CP1252_ARTICLE = (
    "Minister warns on talks\n\n"
    "\x93We will not negotiate under fire,\x94 Foreign Minister Jean Dupont said on Monday.\n"
).encode("latin-1")


def _table_counts(session: Session) -> dict[str, int]:
    return {
        name: session.scalar(select(func.count()).select_from(table)) or 0
        for name, table in Base.metadata.tables.items()
    }


def _batch(tmp_path: Path) -> Path:
    folder = tmp_path / "batch"
    shutil.copytree(SEEDS, folder)
    (folder / "empty.txt").write_bytes(b"")
    (folder / "binary.txt").write_bytes(b"\x00\x01\x02PK\x03\x04" * 50)
    (folder / "windows.txt").write_bytes(CP1252_ARTICLE)
    (folder / "notes.docx").write_bytes(b"PK\x03\x04")
    return folder


def test_bad_files_are_reported_and_the_rest_is_ingested(
    tmp_path: Path, session_factory: sessionmaker[Session]
) -> None:
    report = ingest_paths(session_factory, [_batch(tmp_path)], 1_000_000)
    by_name = {Path(f.path).name: f for f in report.files}
    assert by_name["empty.txt"].status == "failed"
    assert "empty" in (by_name["empty.txt"].error or "")
    assert by_name["binary.txt"].status == "failed"
    assert "binary" in (by_name["binary.txt"].error or "")
    assert by_name["notes.docx"].status == "skipped"
    assert by_name["windows.txt"].status == "ingested"
    assert all(by_name[p.name].status == "ingested" for p in SEEDS.glob("*.txt"))
    assert report.failed
    assert report.totals()["ingested"] == 6

    with session_factory() as session:
        windows = session.scalars(
            select(Document).where(Document.source_name == "windows.txt")
        ).one()
        assert "“We will not negotiate under fire,”" in windows.text
        quote = session.scalars(select(Quote).where(Quote.document_id == windows.id)).one()
        assert quote.text == "We will not negotiate under fire,"


def test_reingesting_changes_nothing(
    tmp_path: Path, session_factory: sessionmaker[Session]
) -> None:
    first = ingest_paths(session_factory, [SEEDS], 1_000_000)
    with session_factory() as session:
        before = _table_counts(session)
    second = ingest_paths(session_factory, [SEEDS], 1_000_000)
    with session_factory() as session:
        after = _table_counts(session)
    assert before == after
    assert {f.status for f in second.files} == {"unchanged"}
    assert [f.document_id for f in first.files] == [f.document_id for f in second.files]


def test_a_document_that_fails_midway_leaves_nothing_behind(
    tmp_path: Path, session_factory: sessionmaker[Session], monkeypatch: pytest.MonkeyPatch
) -> None:
    def explode(*args: object, **kwargs: object) -> int:
        raise RuntimeError("disk on fire")

    monkeypatch.setattr(store, "match_document_quotes", explode)
    doc = tmp_path / "one.txt"
    shutil.copy(next(SEEDS.glob("003_*.txt")), doc)
    report = ingest_paths(session_factory, [doc], 1_000_000)
    assert report.files[0].status == "failed"
    assert "disk on fire" in (report.files[0].error or "")
    with session_factory() as session:
        assert _table_counts(session)["documents"] == 0
        assert _table_counts(session)["quotes"] == 0


def _identities(session: Session) -> dict[str, object]:
    """What a user sees of identities: who said each quote, and which documents share events."""
    rows = session.execute(
        select(Document.source_name, Quote.position, Speaker.name)
        .join(Quote, Quote.document_id == Document.id)
        .outerjoin(Speaker, Speaker.id == Quote.speaker_id)
    ).all()
    events: dict[int | None, list[str]] = {}
    for name, event_id in session.execute(select(Document.source_name, Document.event_id)):
        events.setdefault(event_id, []).append(name)
    return {
        "speakers": sorted(rows, key=lambda r: (r[0], r[1])),
        "events": sorted(sorted(names) for names in events.values()),
    }


@pytest.mark.parametrize("backend", BACKENDS)
def test_the_result_does_not_depend_on_the_order_of_documents(
    databases: Databases, backend: str
) -> None:
    seen = []
    for order in (sorted, lambda paths: sorted(paths, reverse=True)):
        url = databases.new(backend)
        upgrade(url)
        factory = sessionmaker(bind=make_engine(url))
        for path in order(SEEDS.glob("*.txt")):
            assert not ingest_paths(factory, [path], 1_000_000).failed
        with factory() as session:
            seen.append(_identities(session))
    assert seen[0] == seen[1]


def test_sidecar_metadata_wins_and_dates_the_interview(
    tmp_path: Path, session_factory: sessionmaker[Session]
) -> None:
    doc = tmp_path / "interview.txt"
    shutil.copy(next(SEEDS.glob("004_*.txt")), doc)
    (tmp_path / "interview.meta.json").write_text(
        '{"published": "2015-03-16", "publisher": "The Independent", "title": "Kerry on Assad",'
        ' "url": "https://example.org/kerry", "author": "Staff"}'
    )
    report = ingest_paths(session_factory, [doc], 1_000_000)
    assert report.files[0].status == "ingested"
    with session_factory() as session:
        stored = session.scalars(
            select(Document).where(Document.source_name == "interview.txt")
        ).one()
        assert (stored.title, stored.publisher, stored.author) == (
            "Kerry on Assad",
            "The Independent",
            "Staff",
        )
        assert stored.published == dt.date(2015, 3, 16)
        event = session.get(Event, stored.event_id)
        # "interviewed by CBS News on Sunday", published Monday 16 March 2015
        assert event is not None and event.kind == "interview"
        assert event.date == dt.date(2015, 3, 15)


def test_a_quote_reprinted_many_times_keeps_its_best_matches_only(
    tmp_path: Path, session_factory: sessionmaker[Session]
) -> None:
    from app.db.models import QuoteMatch
    from app.ingest.matching import MATCHES_PER_QUOTE

    article = next(SEEDS.glob("002_*.txt")).read_text(encoding="utf-8")
    transcript = next(SEEDS.glob("000_*.txt"))
    folder = tmp_path / "reprints"
    folder.mkdir()
    for copy in range(MATCHES_PER_QUOTE + 5):
        (folder / f"reprint-{copy:02}.txt").write_text(
            f"{article}\n\nThis is reprint number {copy}.\n", encoding="utf-8"
        )
    assert not ingest_paths(session_factory, [folder], 1_000_000).failed
    report = ingest_paths(session_factory, [transcript], 1_000_000)
    assert not report.failed
    with session_factory() as session:
        per_quote = session.execute(
            select(QuoteMatch.quote_id, func.count())
            .join(Quote, Quote.id == QuoteMatch.quote_id)
            .where(Quote.document_id == report.files[0].document_id)
            .group_by(QuoteMatch.quote_id)
        ).all()
    assert per_quote, "the transcript's turns are reported by the reprints"
    assert max(n for _, n in per_quote) == MATCHES_PER_QUOTE
