"""Files that used to hang, crash or split the databases: each is refused with a reason, or
stored the same way on SQLite and PostgreSQL."""

from __future__ import annotations

import json
import os
import threading
from pathlib import Path

import pytest
from sqlalchemy import select
from sqlalchemy.orm import Session, sessionmaker

from app.db.models import Document, Event
from app.ingest.loader import IngestError, expand_paths, read_document
from app.ingest.pipeline import ingest_paths

ARTICLE = (
    "\n\n"
    "“We will not negotiate under fire,” Foreign Minister Jean Dupont said on Monday, adding "
    "that the talks in Geneva would resume only once the shelling had stopped.\n"
)


def _article(folder: Path, name: str = "doc.txt", first_line: str = "Talks stall") -> Path:
    path = folder / name
    path.write_text(first_line + ARTICLE, encoding="utf-8")
    return path


def test_a_device_is_refused_without_reading_it() -> None:
    with pytest.raises(IngestError, match="not a regular file \\(a character device\\)"):
        read_document(Path("/dev/zero"), 1_000_000)


def test_a_named_pipe_is_refused_without_waiting_for_a_writer(tmp_path: Path) -> None:
    fifo = tmp_path / "pipe.txt"
    os.mkfifo(fifo)
    outcome: list[BaseException] = []

    def read() -> None:
        try:
            read_document(fifo, 1_000_000)
        except BaseException as exc:
            outcome.append(exc)

    reader = threading.Thread(target=read, daemon=True)
    reader.start()
    reader.join(timeout=10)
    if reader.is_alive():  # unblock the reader before failing
        with open(fifo, "wb"):
            pass
        pytest.fail("reading a named pipe blocked")
    assert isinstance(outcome[0], IngestError)
    assert "named pipe" in outcome[0].reason


def test_nul_after_the_first_kilobytes_is_refused_with_its_position(tmp_path: Path) -> None:
    # UTF-16 text carries NULs in every other byte, so only the decoded text can be checked.
    text = "Talks stall\n\n" + "Dupont said the talks would resume. " * 200 + "\x00 end\n"
    path = tmp_path / "doc.txt"
    path.write_bytes(text.encode("utf-16"))
    with pytest.raises(IngestError, match="NUL character") as raised:
        read_document(path, 1_000_000)
    assert raised.value.path == path
    assert str(text.index("\x00")) in raised.value.reason


@pytest.mark.parametrize(
    ("sidecar", "expected"),
    [
        ({"published": "yesterday"}, "published: not a date"),
        ({"published": 2016}, "published: must be a string, not int 2016"),
        ({"title": ["a", "list"]}, "title: must be a string"),
        ({"genre": "op-ed"}, "genre: Input should be 'transcript' or 'news'"),
        ({"url": "https://example.org/" + "x" * 2000}, "url: String should have at most"),
        ({"author": "Jane\x00Doe"}, "author: contains a NUL character"),
    ],
    ids=["words-for-a-date", "number-date", "list-title", "unknown-genre", "long-url", "nul"],
)
def test_sidecar_values_of_the_wrong_type_are_reported_not_coerced(
    tmp_path: Path, sidecar: dict[str, object], expected: str
) -> None:
    path = _article(tmp_path)
    (tmp_path / "doc.meta.json").write_text(json.dumps(sidecar))
    with pytest.raises(IngestError, match="wrong metadata") as raised:
        read_document(path, 1_000_000)
    assert raised.value.path == tmp_path / "doc.meta.json"
    assert expected in raised.value.reason


def test_a_sidecar_with_right_values_and_own_fields_is_kept(tmp_path: Path) -> None:
    path = _article(tmp_path)
    sidecar = {"published": "2016-10-16", "title": "", "desk": {"editor": "R. Smith"}}
    (tmp_path / "doc.meta.json").write_text(json.dumps(sidecar))
    assert read_document(path, 1_000_000).meta == sidecar


def test_a_folder_that_cannot_be_listed_is_reported(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """Run as root, chmod cannot make a folder unreadable; listing it fails as it would."""
    locked = tmp_path / "locked"
    locked.mkdir()
    _article(locked)
    real_listdir = os.listdir
    real_scandir = os.scandir

    def refuse(path: object) -> object:
        if Path(str(path)) == locked:
            raise PermissionError(13, "Permission denied", str(path))
        return real_scandir(path)  # type: ignore[arg-type]

    monkeypatch.setattr(os, "scandir", refuse)
    monkeypatch.setattr(os, "listdir", lambda p: refuse(p) and real_listdir(p))
    documents, _ = expand_paths([tmp_path])
    assert documents == [locked]
    with pytest.raises(IngestError, match="cannot read file: Permission denied"):
        read_document(locked, 1_000)


def _hostile_batch(folder: Path) -> dict[str, str]:
    """Documents the two databases used to disagree on, and the status each must get."""
    headline = "Dupont " + "warns that the talks cannot go on under fire " * 7
    assert len(headline.strip()) > 300
    _article(folder, "headline.txt", headline.strip())
    _article(folder, "sidecar.txt", first_line="Talks stall again")
    (folder / "sidecar.meta.json").write_text(json.dumps({"title": "T" * 400}))
    front = "---\nurl: https://example.org/" + "x" * 2100 + "\n---\nTalks resume"
    _article(folder, "front.txt", first_line=front)
    late_nul = ("Talks stall\n\n" + "Dupont said talks would resume. " * 200 + "\x00\n").encode(
        "utf-16"
    )
    (folder / "nul.txt").write_bytes(late_nul)
    return {
        "front.txt": "ingested",
        "headline.txt": "ingested",
        "nul.txt": "failed",
        "sidecar.txt": "ingested",
    }


def test_both_databases_accept_and_refuse_the_same_documents(
    tmp_path: Path, session_factory: sessionmaker[Session]
) -> None:
    """A 316-character first line, a sidecar title of 400 and a front-matter URL of 2,100
    failed on PostgreSQL's varchar columns while SQLite stored them whole; a NUL after the
    first 4 KB failed on PostgreSQL only. Now both clip the same values and refuse the same
    file, with the same statuses on each backend this test runs on."""
    expected = _hostile_batch(tmp_path)
    report = ingest_paths(session_factory, [tmp_path], 1_000_000)
    statuses = {Path(f.path).name: f.status for f in report.files}
    assert statuses == expected, report.as_json()
    with session_factory() as session:
        rows = session.execute(select(Document.source_name, Document.title, Document.url)).all()
        event_titles = session.scalars(select(Event.title)).all()
    titles = {name: title or "" for name, title, _ in rows}
    assert len(titles["sidecar.txt"]) == 300
    assert titles["sidecar.txt"].endswith("…")
    assert all(len(t or "") <= 300 for t in [*titles.values(), *event_titles])
    urls = {name: url or "" for name, _, url in rows}
    assert len(urls["front.txt"]) == 2000


def test_an_unreadable_file_on_the_command_line_is_reported(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """`ontherecord ingest secret.txt ok.txt`: the unreadable file is named in the report, the
    readable one is ingested, and the exit status is 1 (some file failed)."""
    from typer.testing import CliRunner

    from app.cli import app
    from app.db.migrate import upgrade
    from app.settings import get_settings

    url = f"sqlite:///{tmp_path / 'cli.db'}"
    upgrade(url)
    monkeypatch.setenv("DATABASE_URL", url)
    get_settings.cache_clear()
    secret, ok = _article(tmp_path, "secret.txt"), _article(tmp_path, "ok.txt", "Talks resume")
    real_open = Path.open

    def guarded(self: Path, *args: object, **kwargs: object) -> object:
        if self == secret:
            raise PermissionError(13, "Permission denied", str(self))
        return real_open(self, *args, **kwargs)  # type: ignore[arg-type]

    monkeypatch.setattr(Path, "open", guarded)
    result = CliRunner().invoke(app, ["ingest", "--json", str(secret), str(ok)])
    get_settings.cache_clear()
    assert result.exit_code == 1, result.output
    files = {Path(f["path"]).name: f for f in json.loads(result.output)["files"]}
    assert files["secret.txt"]["status"] == "failed"
    assert files["secret.txt"]["error"] == "cannot read file: Permission denied"
    assert files["ok.txt"]["status"] == "ingested"
