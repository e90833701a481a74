"""A folder of web pages, PDFs and text through `ingest_paths`, on SQLite and PostgreSQL:
what is stored, what the API returns, and re-ingest changing nothing."""

from __future__ import annotations

import json
import shutil
from pathlib import Path

from sqlalchemy import func, select
from sqlalchemy.orm import Session, sessionmaker

from app.db.base import Base
from app.db.models import Document, Quote
from app.ingest.pipeline import ingest_paths
from tests.ingest.pdf_maker import transcript_pdf
from tests.support import SEEDS, api_client

PAGES = Path(__file__).resolve().parents[1] / "data" / "formats"
TRANSCRIPT = SEEDS / "001_1b4245d2267ffe21.txt"


def _folder(tmp_path: Path) -> Path:
    folder = tmp_path / "mixed"
    folder.mkdir()
    shutil.copy(PAGES / "kerry_geneva.html", folder / "kerry_geneva.html")
    (folder / "kerry_geneva.meta.json").write_text(json.dumps({"publisher": "World Wire Europe"}))
    paragraphs = [p for p in TRANSCRIPT.read_text(encoding="utf-8").split("\n\n") if p.strip()]
    (folder / "roundtable.pdf").write_bytes(
        transcript_pdf(paragraphs, title="Roundtable With Print Journalists")
    )
    shutil.copy(SEEDS / "003_8c788b2675bf58f6.txt", folder / "xinhua.txt")
    (folder / "brief.docx").write_bytes(b"PK\x03\x04 word processor file")
    return folder


def _counts(session: Session) -> dict[str, int]:
    return {
        name: session.scalar(select(func.count()).select_from(table)) or 0
        for name, table in Base.metadata.tables.items()
    }


def test_a_folder_of_mixed_types_is_ingested_and_the_rest_reported(
    tmp_path: Path, session_factory: sessionmaker[Session]
) -> None:
    report = ingest_paths(session_factory, [_folder(tmp_path)], 1_000_000)
    by_name = {Path(f["path"]).name: f for f in report.as_json()["files"]}
    assert {name: f["status"] for name, f in by_name.items()} == {
        "kerry_geneva.html": "ingested",
        "roundtable.pdf": "ingested",
        "xinhua.txt": "ingested",
        "brief.docx": "skipped",
    }
    assert by_name["brief.docx"]["error"].startswith("unsupported file type .docx")
    assert not report.failed

    with session_factory() as session:
        page = session.get(Document, by_name["kerry_geneva.html"]["document_id"])
        pdf = session.get(Document, by_name["roundtable.pdf"]["document_id"])
        assert page is not None and pdf is not None
        assert (page.genre, page.publisher, page.author) == (
            "news",
            "World Wire Europe",  # the sidecar beats the page's site name
            "Anna Lindqvist",  # the page's own author tag
        )
        assert page.url == "https://worldwire.example/world/2016/03/01/kerry-syria-talks-geneva"
        assert page.text == (PAGES / "kerry_geneva.txt").read_text(encoding="utf-8")
        assert (pdf.genre, pdf.title) == ("transcript", "Roundtable With Print Journalists")
        quotes = session.scalars(
            select(Quote).where(Quote.document_id.in_([page.id, pdf.id]))
        ).all()
        assert len(quotes) > 10
        texts = {page.id: page.text, pdf.id: pdf.text}
        for quote in quotes:  # offsets point into the stored, extracted text
            assert texts[quote.document_id][quote.start_offset : quote.end_offset] == quote.text


def test_the_api_returns_the_extracted_text_unchanged(
    tmp_path: Path, session_factory: sessionmaker[Session]
) -> None:
    report = ingest_paths(session_factory, [_folder(tmp_path)], 1_000_000)
    ids = [f.document_id for f in report.files if f.path.endswith((".html", ".pdf"))]
    with session_factory() as session, api_client(session_factory) as client:
        for document_id in ids:
            stored = session.get(Document, document_id)
            assert stored is not None
            body = client.get(f"/documents/{document_id}").json()
            assert body["text"] == stored.text
            assert "<" not in body["text"]


def test_reingesting_pages_and_pdfs_changes_nothing(
    tmp_path: Path, session_factory: sessionmaker[Session]
) -> None:
    folder = _folder(tmp_path)
    first = ingest_paths(session_factory, [folder], 1_000_000)
    with session_factory() as session:
        before = _counts(session)
    second = ingest_paths(session_factory, [folder], 1_000_000)
    with session_factory() as session:
        assert _counts(session) == before
    statuses = {Path(f.path).name: f.status for f in second.files}
    assert statuses["kerry_geneva.html"] == statuses["roundtable.pdf"] == "unchanged"
    assert [f.document_id for f in first.files] == [f.document_id for f in second.files]
