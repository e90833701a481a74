"""Parse, then store: a document becomes one value before any transaction opens."""

from __future__ import annotations

import dataclasses
import datetime as dt
import subprocess
import sys
from pathlib import Path

import pytest
from sqlalchemy import select
from sqlalchemy.orm import Session, sessionmaker

from app.db.models import Document
from app.ingest import parse as parse_module
from app.ingest import pipeline
from app.ingest.loader import LoadedDocument
from app.ingest.parse import ParsedDocument, parse_document
from app.nlp import genre as genre_module
from app.nlp.transcript import parser as transcript_parser
from tests.support import ROOT

GENEVA = """Joint Press Availability With French Foreign Minister Jean Dupont

Secretary of State Anna Lindqvist
Geneva, Switzerland
March 3, 2016

SECRETARY LINDQVIST: Good afternoon. The minister and I talked about Lebanon.

QUESTION: Madam Secretary, will the ceasefire in Syria hold?

SECRETARY LINDQVIST: We believe it will hold if everyone keeps their word.

FOREIGN MINISTER DUPONT: France shares that view.

QUESTION: And Iran?

SECRETARY LINDQVIST: Iran has a role to play.
"""


def _loaded(text: str, meta: dict[str, str] | None = None) -> LoadedDocument:
    return LoadedDocument(Path("geneva.txt"), text, "0" * 64, "utf-8", meta or {})


def test_a_transcript_parses_to_one_value_with_people_event_and_topics() -> None:
    parsed = parse_document(_loaded(GENEVA))
    assert (parsed.genre, parsed.published) == ("transcript", dt.date(2016, 3, 3))
    assert (parsed.event.kind, parsed.event.city) == ("press availability", "Geneva")
    assert [p.name for p in parsed.people] == ["Anna Lindqvist", "Jean Dupont"]
    kinds = [q.statement.kind for q in parsed.quotes]
    assert kinds == ["turn", "question", "turn", "turn", "question", "turn"]
    # Both answers after the first question reply to it; its topics are their context.
    assert [q.statement.replies_to for q in parsed.quotes] == [None, None, 1, 1, None, 4]
    scopes = {(t.name, t.scope) for t in parsed.quotes[2].topics}
    assert {("Syria", "context"), ("ceasefire", "context")} <= scopes
    assert ("Iran", "quote") in {(t.name, t.scope) for t in parsed.quotes[5].topics}
    with pytest.raises(dataclasses.FrozenInstanceError):
        parsed.genre = "news"  # type: ignore[misc]


def test_sidecar_genre_and_title_win_over_the_text() -> None:
    parsed = parse_document(_loaded(GENEVA, {"genre": "news", "title": "Geneva talks"}))
    assert (parsed.genre, parsed.title) == ("news", "Geneva talks")


def test_labels_are_found_once_for_genre_and_parser(monkeypatch: pytest.MonkeyPatch) -> None:
    calls: list[str] = []
    real = parse_module.find_labels

    def counting(text: str) -> list:  # type: ignore[type-arg]
        calls.append(text)
        return real(text)

    def refuse(text: str) -> list:  # type: ignore[type-arg]
        raise AssertionError("labels found a second time")

    monkeypatch.setattr(parse_module, "find_labels", counting)
    monkeypatch.setattr(genre_module, "find_labels", refuse)
    monkeypatch.setattr(transcript_parser, "find_labels", refuse)
    parsed = parse_document(_loaded(GENEVA))
    assert parsed.genre == "transcript" and len(parsed.quotes) == 6
    assert len(calls) == 1


def test_parsing_needs_no_database() -> None:
    """The parse step imports no SQL layer: it cannot hold a transaction open."""
    code = "import sys, app.ingest.parse; print('sqlalchemy' in sys.modules)"
    result = subprocess.run(
        [sys.executable, "-c", code], capture_output=True, text=True, cwd=ROOT, check=True
    )
    assert result.stdout.strip() == "False"


def test_documents_are_parsed_outside_the_write_transaction(
    tmp_path: Path, session_factory: sessionmaker[Session], monkeypatch: pytest.MonkeyPatch
) -> None:
    sessions: list[Session] = []
    parsed_while: list[bool] = []

    def factory() -> Session:
        sessions.append(session_factory())
        return sessions[-1]

    def watched(loaded: LoadedDocument, matcher: object) -> ParsedDocument:
        parsed_while.append(sessions[-1].in_transaction())
        return parse_document(loaded, matcher)  # type: ignore[arg-type]

    monkeypatch.setattr(pipeline, "parse_document", watched)
    (tmp_path / "geneva.txt").write_text(GENEVA, encoding="utf-8")
    report = pipeline.ingest_paths(factory, [tmp_path], 1_000_000)  # type: ignore[arg-type]
    assert report.files[0].status == "ingested"
    assert parsed_while == [False]
    again = pipeline.ingest_paths(factory, [tmp_path], 1_000_000)  # type: ignore[arg-type]
    assert again.files[0].status == "unchanged"
    assert parsed_while == [False]  # a stored document is not parsed again
    with session_factory() as session:
        stored = session.scalars(select(Document).where(Document.source_name == "geneva.txt"))
        assert stored.one().genre == "transcript"
