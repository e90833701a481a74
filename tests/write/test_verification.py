"""Verdicts follow the events: when two events merge, the news quotes that moved are checked
again against the transcripts of the event they joined."""

from __future__ import annotations

import shutil
from pathlib import Path

from sqlalchemy import select
from sqlalchemy.orm import Session, sessionmaker

from app.db.models import Document, Event, Quote, QuoteVerification
from app.ingest.pipeline import ingest_paths
from app.write.events import merge_events
from tests.support import ROOT

DATA = ROOT / "tests" / "data" / "verify" / "ingest"


def test_a_quote_moved_into_an_event_with_a_transcript_is_checked_again(
    tmp_path: Path, session_factory: sessionmaker[Session]
) -> None:
    for path in [*DATA.glob("briefing.*"), *DATA.glob("later.*")]:
        shutil.copy(path, tmp_path / path.name)
    report = ingest_paths(
        session_factory, [tmp_path / "briefing.txt", tmp_path / "later.txt"], 10**6
    )
    assert not report.failed

    def later_quote(session: Session) -> tuple[int, str]:
        event_id, status = session.execute(
            select(Quote.event_id, QuoteVerification.status)
            .join(QuoteVerification, QuoteVerification.quote_id == Quote.id)
            .join(Document, Document.id == Quote.document_id)
            .where(Document.source_name == "later.txt")
        ).one()
        return event_id, status

    with session_factory() as session, session.begin():
        event_id, status = later_quote(session)
        assert status == "no_source"  # five weeks after the briefing: not its source
        briefing = session.scalar(
            select(Document.event_id).where(Document.source_name == "briefing.txt")
        )
        # An editor (or a later report) says the April words were the briefing's after all.
        merge_events(
            session, source=session.get(Event, event_id), target=session.get(Event, briefing)
        )
        assert later_quote(session) == (briefing, "verbatim")
