"""The `ontherecord` command as users run it, against a real database on both backends."""

from __future__ import annotations

import json
from collections.abc import Iterator
from pathlib import Path

import pytest
from sqlalchemy import delete, select
from sqlalchemy.orm import Session
from typer.testing import CliRunner

from app.cli import app
from app.db.models import Document, Quote, QuoteVerification, Speaker, SpeakerAlias, Topic
from app.db.session import make_engine
from app.settings import get_settings
from tests.support import SEEDS, Databases

runner = CliRunner()


@pytest.fixture(params=["sqlite", pytest.param("postgres", marks=pytest.mark.postgres)])
def database_url(
    request: pytest.FixtureRequest, databases: Databases, monkeypatch: pytest.MonkeyPatch
) -> Iterator[str]:
    url = databases.new(request.param)
    monkeypatch.setenv("DATABASE_URL", url)
    get_settings.cache_clear()
    yield url
    get_settings.cache_clear()


def _run(*args: str) -> tuple[int, str]:
    result = runner.invoke(app, list(args))
    return result.exit_code, result.output


def _session(url: str) -> Session:
    return Session(make_engine(url))


def test_setup_migrates_loads_directory_and_ingests(database_url: str) -> None:
    code, output = _run("setup", "--seeds", str(SEEDS))
    assert code == 0, output
    with _session(database_url) as session:
        assert session.scalar(select(Speaker.id).where(Speaker.name == "John Kirby"))
    code, output = _run("setup", "--seeds", str(SEEDS))
    assert code == 0 and "5 unchanged" in output


def test_ingest_json_report_and_exit_code(database_url: str, tmp_path: Path) -> None:
    assert _run("migrate")[0] == 0
    (tmp_path / "empty.txt").write_bytes(b"")
    (tmp_path / "doc.txt").write_text((next(SEEDS.glob("003_*"))).read_text())
    code, output = _run("ingest", "--json", str(tmp_path))
    assert code == 1
    report = json.loads(output)
    by_name = {Path(f["path"]).name: f for f in report["files"]}
    assert by_name["empty.txt"] == {
        "path": str(tmp_path / "empty.txt"),
        "status": "failed",
        "document_id": None,
        "quotes": 0,
        "error": "file is empty",
        "notes": [],
        "revision": None,
    }
    assert by_name["doc.txt"]["status"] == "ingested" and by_name["doc.txt"]["quotes"] > 0
    assert report["totals"]["failed"] == 1 and report["totals"]["ingested"] == 1


def test_speaker_corrections_are_idempotent_and_move_quotes(database_url: str) -> None:
    assert _run("setup", "--seeds", str(SEEDS))[0] == 0
    for _ in range(2):
        code, output = _run("speakers", "alias", "add", "John Kerry", "JFK")
        assert code == 0, output
    with _session(database_url) as session:
        kerry = session.scalars(select(Speaker).where(Speaker.name == "John Kerry")).one()
        assert session.scalars(
            select(SpeakerAlias.alias).where(
                SpeakerAlias.speaker_id == kerry.id, SpeakerAlias.alias == "JFK"
            )
        ).all() == ["JFK"]
        kirby_quotes = len(
            session.scalars(
                select(Quote.id).join(Speaker).where(Speaker.name == "John Kirby")
            ).all()
        )

    # A (deliberately wrong) merge moves every quote with the identity; rename keeps the old name.
    assert _run("speakers", "merge", "John Kirby", "John Kerry")[0] == 0
    # Already merged: the second run changes nothing and succeeds.
    assert _run("speakers", "merge", "John Kirby", "John Kerry")[0] == 0
    assert _run("speakers", "rename", "John Kerry", "John Forbes Kerry")[0] == 0
    assert _run("speakers", "alias", "remove", "John Forbes Kerry", "JFK")[0] == 0
    with _session(database_url) as session:
        kerry = session.scalars(select(Speaker).where(Speaker.name == "John Forbes Kerry")).one()
        aliases = set(
            session.scalars(select(SpeakerAlias.alias).where(SpeakerAlias.speaker_id == kerry.id))
        )
        assert {"John Kerry", "MR KIRBY"} <= aliases and "JFK" not in aliases
        assert session.scalar(select(Speaker.id).where(Speaker.name == "John Kirby")) is None
        moved = session.scalars(select(Quote.id).where(Quote.attribution_label == "MR KIRBY")).all()
        assert len(moved) == kirby_quotes
        assert set(session.scalars(select(Quote.speaker_id).where(Quote.id.in_(moved)))) == {
            kerry.id
        }


def test_topic_alias_and_merge(database_url: str) -> None:
    assert _run("setup", "--seeds", str(SEEDS))[0] == 0
    for _ in range(2):
        assert _run("topics", "alias", "add", "ceasefire", "cessation")[0] == 0
    assert _run("topics", "merge", "truce talk", "ceasefire")[0] == 1  # unknown topic: an error
    assert (
        _run("topics", "alias", "add", "Lausanne talks", "Lausanne meeting", "--kind", "theme")[0]
        == 0
    )
    assert _run("topics", "merge", "Lausanne", "Lausanne talks")[0] == 0
    with _session(database_url) as session:
        names = set(session.scalars(select(Topic.name)))
        assert "Lausanne" not in names and "Lausanne talks" in names


def test_speakers_load_reads_popolo_and_wikidata_csv(database_url: str, tmp_path: Path) -> None:
    assert _run("migrate")[0] == 0
    popolo = tmp_path / "people.json"
    popolo.write_text(
        json.dumps(
            {
                "persons": [{"id": "p", "name": "Ann Example",
                             "identifiers": [{"scheme": "wikidata", "identifier": "Q900020"}]}],
                "memberships": [{"person_id": "p", "role": "Mayor of Example",
                                 "start_date": "2010-01-01"}],
            }
        )
    )  # fmt: skip
    csv = tmp_path / "query.csv"
    csv.write_text(
        "person,personLabel,positionLabel,countryLabel,start,end\n"
        "http://www.wikidata.org/entity/Q900020,Ann B. Example,Governor of Example,,2015-01-01,\n"
    )
    code, output = _run("speakers", "load", str(popolo))
    assert code == 0 and " ".join(output.split()) == f"loaded 1 people from {popolo}"
    assert _run("speakers", "load", str(csv))[0] == 0
    with _session(database_url) as session:
        assert session.scalars(select(Speaker.name).where(Speaker.wikidata == "Q900020")).all() == [
            "Ann Example"
        ]
    bad = tmp_path / "bad.csv"
    bad.write_text("who,what\nA,B\n")
    code, output = _run("speakers", "load", str(bad))
    assert code == 1 and "bad.csv: not a directory CSV" in "".join(output.split("\n"))


def test_unknown_speaker_is_a_clear_error(database_url: str) -> None:
    assert _run("migrate")[0] == 0
    code, output = _run("speakers", "rename", "Nobody Atall", "X")
    assert code == 1 and "no single speaker matches 'Nobody Atall'" in output


def test_export_streams_quotes(database_url: str) -> None:
    assert _run("setup", "--seeds", str(SEEDS))[0] == 0
    code, output = _run("export", "--speaker", "Kerry", "--topic", "Assad")
    assert code == 0
    rows = [json.loads(line) for line in output.splitlines()]
    assert len(rows) >= 5 and {r["speaker"]["name"] for r in rows} == {"John Kerry"}
    code, output = _run("export", "--format", "csv", "--q", "lozenge")
    assert code == 0 and output.splitlines()[0].startswith("\ufeffid,text,kind")
    assert len(output.splitlines()) == 2


def test_serve_runs_a_worker_per_core_unless_the_database_is_in_memory(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    from app.cli.main import default_workers

    monkeypatch.setattr("os.cpu_count", lambda: 4)
    assert default_workers("sqlite:////tmp/archive.db") == 4
    assert default_workers("postgresql+psycopg://u@h/db") == 4
    assert default_workers("sqlite://") == 1
    assert default_workers("sqlite:///:memory:") == 1


def test_verify_fills_in_an_archive_checked_before_and_is_safe_to_rerun(database_url: str) -> None:
    assert _run("setup", "--seeds", str(SEEDS))[0] == 0
    with _session(database_url) as session, session.begin():
        session.execute(delete(QuoteVerification))  # as if ingested before verification existed
    for _ in range(2):
        code, output = _run("verify")
        assert code == 0, output
        assert "4 altered, 0 edited, 3 verbatim, 0 unmatched, 15 no_source" in output


def test_an_unmigrated_database_gets_a_one_line_hint_not_a_traceback(database_url: str) -> None:
    for command in (["ingest", str(SEEDS)], ["export"], ["speakers", "rename", "1", "X"]):
        code, output = _run(*command)
        assert code == 1, (command, output)
        assert "the database has no schema yet" in output
        assert "run `ontherecord migrate`" in output
        assert "Traceback" not in output and len(output.splitlines()) <= 2, output
    assert _run("migrate")[0] == 0
    code, output = _run("export", "--format", "csv")
    assert code == 0, output


def test_an_unreachable_database_is_named_without_its_password(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    monkeypatch.setenv("DATABASE_URL", "postgresql://reader:secret@127.0.0.1:1/none")
    get_settings.cache_clear()
    try:
        code, output = _run("export")
    finally:
        get_settings.cache_clear()
    assert code == 1
    assert "cannot open the database postgresql+psycopg://reader:***@127.0.0.1:1/none" in output
    assert "secret" not in output and "Traceback" not in output


def test_documents_delete_removes_a_document_and_reports_what_went(database_url: str) -> None:
    assert _run("setup", "--seeds", str(SEEDS))[0] == 0
    with _session(database_url) as session:
        document_id = session.scalars(
            select(Document.id).where(Document.source_name.startswith("003_"))
        ).one()
        quotes = len(
            session.scalars(select(Quote.id).where(Quote.document_id == document_id)).all()
        )
    code, output = _run("documents", "delete", str(document_id))
    assert code == 0, output
    assert f"deleted document {document_id}" in output and f"{quotes} quotes, 1 events" in output
    with _session(database_url) as session:
        assert session.get(Document, document_id) is None
        assert session.scalar(select(Quote.id).where(Quote.document_id == document_id)) is None
    code, output = _run("documents", "delete", str(document_id))
    assert code == 1 and f"no document with id {document_id}" in output


def test_ingest_reports_a_revision_and_a_metadata_update(database_url: str, tmp_path: Path) -> None:
    assert _run("migrate")[0] == 0
    article = tmp_path / "talks.txt"
    text = (
        "Minister warns on talks\n\n"
        '"We will not negotiate under fire," Foreign Minister Jean Dupont said on Monday.\n\n'
        '"Sanctions are not the answer to this crisis," said Prime Minister Anne Martin.\n'
    )
    article.write_text(text)
    assert _run("ingest", str(article))[0] == 0
    article.write_text(text.replace("under fire", "under any fire"))
    code, output = _run("ingest", "--json", str(article))
    assert code == 0, output
    report = json.loads(output)
    assert report["files"][0]["status"] == "revised" and report["files"][0]["revision"] == 2
    assert report["totals"]["revised"] == 1 and report["totals"]["quotes"] == 2
    assert "revision 2: 1 quotes kept, 1 added, 1 retired" in report["files"][0]["notes"][0]
    (tmp_path / "talks.meta.json").write_text(json.dumps({"title": "Talks"}))
    code, output = _run("ingest", str(article))  # the human-readable report
    assert code == 0 and "updated" in output and "1 updated" in output
