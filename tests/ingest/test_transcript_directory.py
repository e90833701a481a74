"""Transcripts ingested with the shipped directory, as `make run` does: full names for turns
whose page prints a surname or an office alone, reporters with their outlets."""

from __future__ import annotations

from pathlib import Path
from textwrap import dedent

from sqlalchemy import select
from sqlalchemy.orm import Session, joinedload, sessionmaker

from app.db.models import Document, Quote, SpeakerRole
from app.ingest.pipeline import ingest_paths
from app.write.directory import SHIPPED_DIRECTORY, load_directory
from tests.nlp.passages.names import PASSAGES

VICE_PRESIDENT = dedent(
    """
    THE WHITE HOUSE
    Office of the Vice President
    For Immediate Release
    March 26, 2014

    REMARKS BY THE VICE PRESIDENT AT A BUSINESS ROUNDTABLE

    THE VICE PRESIDENT:  Thank you all for having me.  Let me say a word on trade.

    Q    Mr. Vice President, a question on the budget?

    THE VICE PRESIDENT:  We'll get it done.
    """
).lstrip()


def _ingest(factory: sessionmaker[Session], tmp_path: Path, texts: dict[str, str]) -> None:
    with factory() as session, session.begin():
        load_directory(session, SHIPPED_DIRECTORY)
    for name, text in texts.items():
        (tmp_path / f"{name}.txt").write_text(text, encoding="utf-8")
    report = ingest_paths(factory, [tmp_path], 1_000_000)
    assert not report.failed


def _speakers(session: Session, name: str) -> list[tuple[str, str | None]]:
    doc = session.scalars(select(Document).where(Document.source_name.startswith(name))).one()
    quotes = session.scalars(
        select(Quote)
        .where(Quote.document_id == doc.id)
        .options(joinedload(Quote.speaker))
        .order_by(Quote.position)
    )
    return [(q.kind, q.speaker.name if q.speaker else None) for q in quotes]


def test_surnames_and_offices_get_the_directorys_full_names(
    session_factory: sessionmaker[Session], tmp_path: Path
) -> None:
    _ingest(
        session_factory,
        tmp_path,
        {"moon": PASSAGES[2].text, "xi": PASSAGES[3].text, "vp": VICE_PRESIDENT},
    )
    with session_factory() as session:
        moon = _speakers(session, "moon")
        assert {n for k, n in moon if k == "turn"} == {"Donald Trump", "Moon Jae-in", None}
        assert [n for k, n in moon if k == "question"] == ["Jim Park", "Sam Doe"]
        xi = _speakers(session, "xi")
        assert {n for k, n in xi if k == "turn"} == {"Barack Obama", "Xi Jinping"}
        assert _speakers(session, "vp") == [
            ("turn", "Joe Biden"), ("question", None), ("turn", "Joe Biden")
        ]  # fmt: skip


def test_a_named_reporter_carries_the_outlet(
    session_factory: sessionmaker[Session], tmp_path: Path
) -> None:
    _ingest(session_factory, tmp_path, {"xi": PASSAGES[3].text})
    with session_factory() as session:
        roles = session.execute(
            select(SpeakerRole.title, SpeakerRole.organisation).where(
                SpeakerRole.title == "Reporter"
            )
        ).all()
        assert sorted(roles) == [("Reporter", "China Daily"), ("Reporter", "Example Wire")]
