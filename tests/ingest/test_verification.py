"""Verification at ingest: news quotes checked against transcripts found through the event and
the speaker, in whichever order the documents arrive.

tests/data/verify/ingest holds a briefing by a (fictional) foreign secretary, a wire report of
it the next day (a changed figure, an ellipsis, a verbatim line, a partial quote he never
said there, indirect speech) and a report five weeks later repeating one line.
"""

from __future__ import annotations

import itertools
import shutil
from pathlib import Path

import pytest
from sqlalchemy import select
from sqlalchemy.orm import Session, sessionmaker

from app.db.models import Document, Quote, QuoteVerification
from app.ingest.pipeline import ingest_paths
from tests.support import ROOT, SEEDS

DATA = ROOT / "tests" / "data" / "verify" / "ingest"
FILES = ["briefing.txt", "report.txt", "later.txt"]
EXPECTED = {
    ("report.txt", "The ceasefire must hold for at least 48 hours"): "altered",
    ("report.txt", "We will not … support the resolution"): "edited",
    ("report.txt", "The door is open, and it will stay open"): "verbatim",
    ("report.txt", "a great success for Europe"): "unmatched",
    # Five weeks on, a transcript of March says nothing of what he said in April.
    ("later.txt", "The door is open, and it will stay open"): "no_source",
}
SEEDS_002 = {
    "There’s a lot of measures we’re proposing": "altered",
    "These things will eventually come to bite": "altered",
    "highly dubious": "verbatim",
    "It is up to them to show mercy": "altered",
    "It is right now that we should be looking": "no_source",  # said on another occasion
    "We can’t do anything without a coalition": "no_source",
    "We are considering additional sanctions": "altered",
    "There is some work to be done": "verbatim",
    "It’s hard, and it’s hard because": "verbatim",
}


def _statuses(session: Session) -> dict[tuple[str, str], str | None]:
    rows = session.execute(
        select(Document.source_name, Quote.text, Quote.kind, QuoteVerification.status)
        .join(Document, Document.id == Quote.document_id)
        .outerjoin(QuoteVerification, QuoteVerification.quote_id == Quote.id)
        .where(Document.genre == "news")
    ).all()
    return {(name, text): status for name, text, _, status in rows}


def _ingest(factory: sessionmaker[Session], tmp_path: Path, order: list[str]) -> None:
    for name in order:
        for path in DATA.glob(Path(name).stem + ".*"):
            shutil.copy(path, tmp_path / path.name)
    report = ingest_paths(factory, [tmp_path / name for name in order], 1_000_000)
    assert not report.failed, report.as_json()


@pytest.mark.parametrize("order", list(itertools.permutations(FILES)), ids="-".join)
def test_every_order_of_ingestion_gives_the_same_statuses(
    tmp_path: Path, session_factory: sessionmaker[Session], order: tuple[str, ...]
) -> None:
    _ingest(session_factory, tmp_path, list(order))
    with session_factory() as session:
        found = _statuses(session)
    for (name, start), status in EXPECTED.items():
        matches = [s for (n, text), s in found.items() if n == name and text.startswith(start)]
        assert matches == [status], (name, start)


def test_indirect_speech_is_never_held_to_the_source(
    tmp_path: Path, session_factory: sessionmaker[Session]
) -> None:
    _ingest(session_factory, tmp_path, FILES)
    with session_factory() as session:
        rows = session.execute(
            select(Quote.kind, QuoteVerification.status).outerjoin(
                QuoteVerification, QuoteVerification.quote_id == Quote.id
            )
        ).all()
    assert {kind for kind, status in rows if status is not None} == {"direct", "partial"}
    assert any(kind == "indirect" for kind, _ in rows)


def test_the_diff_points_into_the_transcript(
    tmp_path: Path, session_factory: sessionmaker[Session]
) -> None:
    _ingest(session_factory, tmp_path, FILES)
    with session_factory() as session:
        row, text = session.execute(
            select(QuoteVerification, Document.text)
            .join(Document, Document.id == QuoteVerification.source_document_id)
            .where(QuoteVerification.status == "edited")
        ).one()
    assert text[row.source_start : row.source_end] == (
        "We will not rule out that we support the resolution at the Security Council"
    )
    left_out = [run for run in row.diff if run["op"] == "deleted"]
    assert [text[r["source_start"] : r["source_end"]] for r in left_out] == ["rule out that we"]
    assert left_out[0]["signpost"] == "ellipsis"


@pytest.mark.parametrize("order", [["000", "002"], ["002", "000"]], ids="-".join)
def test_the_reuters_report_against_the_london_transcript_in_either_order(
    tmp_path: Path, session_factory: sessionmaker[Session], order: list[str]
) -> None:
    paths = [next(SEEDS.glob(f"{prefix}_*.txt")) for prefix in order]
    report = ingest_paths(session_factory, paths, 5_000_000)
    assert not report.failed
    with session_factory() as session:
        found = _statuses(session)
    for start, status in SEEDS_002.items():
        assert [s for (_, text), s in found.items() if text.startswith(start)] == [status], start
