"""Documents change: a corrected article is a new revision of the same document.

Quotes whose words survive keep their ids (ids are what people cite), a changed quote is
retired (410 Gone, with links) and its correction added, and no listing, search, facet or
export shows both. Identical text, or the same text with trailing spaces or other newlines,
changes nothing; a changed sidecar updates the metadata. Ids are never reused.
"""

from __future__ import annotations

import csv
import io
import json
import shutil
from pathlib import Path

from sqlalchemy import select
from sqlalchemy.orm import Session, sessionmaker

from app.db.models import Document, DocumentRevision, Quote, RetiredQuote
from app.ingest.pipeline import BatchReport, ingest_paths
from app.ingest.revise import match_quotes
from app.write.deletion import delete_document
from tests.support import SEEDS, api_client

MAX_BYTES = 5_000_000
URL = "https://www.Example.com/world/kerry-assad-negotiate"
ARTICLE = (
    "Minister warns on talks\n\n"
    '"We will not negotiate under fire," Foreign Minister Jean Dupont said on Monday.\n\n'
    '"The talks must go on without any conditions at all," Dupont added.\n\n'
    '"Sanctions are not the answer to this crisis," said Prime Minister Anne Martin.\n'
)


def _write(path: Path, text: str, meta: dict[str, str] | None = None) -> Path:
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text(text, encoding="utf-8", newline="")
    if meta is not None:
        path.with_name(path.stem + ".meta.json").write_text(json.dumps(meta), encoding="utf-8")
    return path


def _ingest(factory: sessionmaker[Session], path: Path) -> BatchReport:
    report = ingest_paths(factory, [path], MAX_BYTES)
    assert not report.failed, report.as_json()
    return report


def _quotes(factory: sessionmaker[Session], document_id: int) -> list[tuple[int, str]]:
    with factory() as session:
        rows = session.execute(
            select(Quote.id, Quote.text)
            .where(Quote.document_id == document_id)
            .order_by(Quote.position)
        )
        return [(row.id, row.text) for row in rows]


def _corrected(text: str, quote: str, old: str, new: str) -> str:
    """The article with one word of one quote changed, everything else as it was."""
    start = text.index(quote)
    return text[:start] + quote.replace(old, new, 1) + text[start + len(quote) :]


def test_a_corrected_article_keeps_the_ids_of_the_quotes_it_did_not_change(
    tmp_path: Path, session_factory: sessionmaker[Session]
) -> None:
    original = next(SEEDS.glob("004_*")).read_text(encoding="utf-8")
    meta = {"url": URL, "publisher": "Example News"}
    first = _ingest(session_factory, _write(tmp_path / "v1" / "kerry.txt", original, meta))
    document_id = first.files[0].document_id
    assert document_id is not None and first.files[0].revision == 1
    before = _quotes(session_factory, document_id)
    target_id, target = next((i, t) for i, t in before if t.startswith("To get the Assad regime"))
    fixed = _corrected(original, target, "regime", "government")
    # Another folder and file name: the URL (compared normalised) says it is the same article.
    meta_later = {**meta, "url": "HTTPS://WWW.EXAMPLE.COM/world/kerry-assad-negotiate#top"}
    second = _ingest(session_factory, _write(tmp_path / "v2" / "story.txt", fixed, meta_later))

    report = second.files[0]
    assert (report.status, report.document_id, report.revision) == ("revised", document_id, 2)
    assert second.totals()["revised"] == 1
    after = _quotes(session_factory, document_id)
    assert len(after) == len(before)
    kept = [(i, t) for i, t in before if i != target_id]
    assert [q for q in after if q[0] != max(i for i, _ in after)] == kept
    new_id, new_text = next((i, t) for i, t in after if "Assad government" in t)
    assert new_id > max(i for i, _ in before)  # a new quote gets a new id, never the old one
    assert new_text == target.replace("regime", "government", 1)

    client = api_client(session_factory)
    gone = client.get(f"/quotes/{target_id}")
    assert gone.status_code == 410
    assert gone.headers["content-type"] == "application/problem+json"
    body = gone.json()
    assert body["type"] == "/problems/gone"
    assert body["document"] == f"/documents/{document_id}"
    assert body["revision"] == f"/documents/{document_id}/revisions/2"
    assert f"</documents/{document_id}>" in gone.headers["link"]
    assert client.get(body["document"]).json()["text"] == fixed
    assert client.get(f"/quotes/{new_id}").status_code == 200
    assert client.get("/quotes/987654").status_code == 404

    revisions = client.get(f"/documents/{document_id}/revisions").json()
    assert revisions["current"] == 2
    assert [r["number"] for r in revisions["items"]] == [1, 2]
    latest = revisions["items"][1]
    assert (latest["kept"], latest["added"], latest["retired"]) == (len(before) - 1, 1, 1)
    assert latest["retired_ids"] == [target_id] and latest["current"]
    assert client.get(f"/documents/{document_id}/revisions/1").json()["text"] == original
    assert client.get(f"/documents/{document_id}/revisions/2").json()["text"] == fixed
    assert client.get(f"/documents/{document_id}/revisions/3").status_code == 404

    listed = client.get("/quotes", params={"limit": 200}).json()
    ids = [q["id"] for q in listed["items"]]
    assert sorted(ids) == sorted(i for i, _ in after) and listed["total"] == len(after)
    assert client.get(f"/documents/{document_id}/quotes").json()["total"] == len(after)
    found = client.get("/quotes", params={"q": "regime negotiate", "limit": 200}).json()
    assert target_id not in [q["id"] for q in found["items"]]
    found = client.get("/quotes", params={"q": "Assad government", "limit": 200}).json()
    assert [q["id"] for q in found["items"]] == [new_id]
    facets = client.get("/quotes/facets").json()
    assert sum(f["count"] for f in facets["kinds"]) == len(after)
    assert sum(f["count"] for f in facets["speakers"]) == len(after)
    exported = client.get("/quotes?format=csv").text.lstrip("\ufeff")
    rows = list(csv.DictReader(io.StringIO(exported)))
    assert sorted(int(r["id"]) for r in rows) == sorted(i for i, _ in after)
    with session_factory() as session:
        assert session.scalar(select(Document.id).where(Document.id != document_id)) is None
        tombstone = session.get(RetiredQuote, target_id)
        assert tombstone is not None and tombstone.text == target and tombstone.revision == 2


def test_an_identical_or_merely_reformatted_file_changes_nothing(
    tmp_path: Path, session_factory: sessionmaker[Session]
) -> None:
    path = _write(tmp_path / "talks.txt", ARTICLE)
    document_id = _ingest(session_factory, path).files[0].document_id
    before = _quotes(session_factory, document_id or 0)
    assert _ingest(session_factory, path).files[0].status == "unchanged"
    # Trailing spaces and tabs, Windows newlines, blank lines at the end: the same words.
    messy = "\r\n".join(line + " \t" for line in ARTICLE.split("\n")) + "\r\n\r\n"
    report = _ingest(session_factory, _write(path, messy)).files[0]
    assert (report.status, report.document_id) == ("unchanged", document_id)
    assert _quotes(session_factory, document_id or 0) == before
    with session_factory() as session:
        assert session.scalar(select(Document.text).where(Document.id == document_id)) == ARTICLE
        numbers = session.scalars(
            select(DocumentRevision.number).where(DocumentRevision.document_id == document_id)
        ).all()
        assert numbers == [1]


def test_a_changed_sidecar_updates_the_metadata_of_the_same_text(
    tmp_path: Path, session_factory: sessionmaker[Session]
) -> None:
    meta = {"url": URL, "title": "Minister warns", "published": "2016-10-16"}
    path = _write(tmp_path / "talks.txt", ARTICLE, meta)
    document_id = _ingest(session_factory, path).files[0].document_id
    before = _quotes(session_factory, document_id or 0)
    changed = {**meta, "title": "Minister warns on talks", "published": "2016-10-17"}
    changed |= {"publisher": "Example News", "author": "A. Reporter"}
    report = _ingest(session_factory, _write(path, ARTICLE, changed)).files[0]
    assert (report.status, report.document_id, report.revision) == ("updated", document_id, 1)
    assert _ingest(session_factory, path).files[0].status == "unchanged"
    client = api_client(session_factory)
    document = client.get(f"/documents/{document_id}").json()
    assert (document["title"], document["published"]) == ("Minister warns on talks", "2016-10-17")
    assert (document["publisher"], document["author"]) == ("Example News", "A. Reporter")
    assert _quotes(session_factory, document_id or 0) == before
    dates = {q["spoken_on"] for q in client.get(f"/documents/{document_id}/quotes").json()["items"]}
    assert dates == {"2016-10-17"}  # the quotes were dated by publication
    assert len(client.get(f"/documents/{document_id}/revisions").json()["items"]) == 1


def test_a_quote_whose_words_survive_with_another_speaker_keeps_its_id(
    tmp_path: Path, session_factory: sessionmaker[Session]
) -> None:
    path = _write(tmp_path / "talks.txt", ARTICLE)
    document_id = _ingest(session_factory, path).files[0].document_id
    before = _quotes(session_factory, document_id or 0)
    misattributed = ARTICLE.replace('all," Dupont added', 'all," Martin added')
    report = _ingest(session_factory, _write(path, misattributed)).files[0]
    assert report.status == "revised"
    assert _quotes(session_factory, document_id or 0) == before
    moved = before[1][0]
    assert any(f"quote {moved}: speaker changed" in note for note in report.notes)
    client = api_client(session_factory)
    assert client.get(f"/quotes/{moved}").json()["speaker"]["name"] == "Anne Martin"
    latest = client.get(f"/documents/{document_id}/revisions").json()["items"][-1]
    assert latest["reattributed_ids"] == [moved]
    assert (latest["kept"], latest["added"], latest["retired"]) == (3, 0, 0)


def test_ids_are_never_reused_after_retirement_or_deletion(
    tmp_path: Path, session_factory: sessionmaker[Session]
) -> None:
    """The newest quote retired, then the newest document deleted: SQLite without
    AUTOINCREMENT would hand both ids to the next quotes."""
    path = _write(tmp_path / "talks.txt", ARTICLE)
    document_id = _ingest(session_factory, path).files[0].document_id or 0
    last = _quotes(session_factory, document_id)[-1][0]
    shortened = ARTICLE[: ARTICLE.index('"Sanctions')]
    assert _ingest(session_factory, _write(path, shortened)).files[0].status == "revised"
    assert last not in [i for i, _ in _quotes(session_factory, document_id)]
    other = _write(tmp_path / "other.txt", ARTICLE.replace("Monday", "Tuesday"))
    other_id = _ingest(session_factory, other).files[0].document_id or 0
    other_ids = [i for i, _ in _quotes(session_factory, other_id)]
    assert min(other_ids) > last
    with session_factory() as session, session.begin():
        delete_document(session, other_id)
    third = _ingest(session_factory, _write(tmp_path / "third.txt", ARTICLE + "\nMore.\n"))
    assert min(i for i, _ in _quotes(session_factory, third.files[0].document_id or 0)) > max(
        other_ids
    )
    client = api_client(session_factory)
    assert client.get(f"/quotes/{last}").status_code == 410
    assert client.get(f"/quotes/{other_ids[0]}").status_code == 404  # deleted, not revised


def test_a_file_is_identified_by_its_path_when_it_has_no_url(
    tmp_path: Path, session_factory: sessionmaker[Session]
) -> None:
    a = _ingest(session_factory, _write(tmp_path / "a" / "talks.txt", ARTICLE)).files[0]
    changed = ARTICLE.replace("crisis", "war")
    b = _ingest(session_factory, _write(tmp_path / "b" / "talks.txt", changed)).files[0]
    assert b.status == "ingested" and b.document_id != a.document_id  # another file
    shutil.copy(tmp_path / "b" / "talks.txt", tmp_path / "a" / "talks.txt")
    again = _ingest(session_factory, tmp_path / "a" / "talks.txt").files[0]
    assert again.status == "unchanged" and again.document_id == b.document_id  # same text
    _write(tmp_path / "a" / "talks.txt", ARTICLE.replace("crisis", "conflict"))
    revised = _ingest(session_factory, tmp_path / "a" / ".." / "a" / "talks.txt").files[0]
    assert (revised.status, revised.document_id) == ("revised", a.document_id)


def test_quotes_are_matched_by_their_words_in_order() -> None:
    old = ["We will not negotiate.", "The talks go on.", "No sanctions.", "The talks go on."]
    new = ["we will NOT negotiate!", "A new sentence.", "No sanctions.", "The talks go on."]
    assert match_quotes(old, new) == [(0, 0), (2, 2), (3, 3)]
    assert match_quotes(old, []) == [] and match_quotes([], new) == []


def test_a_document_stored_before_identities_is_revised_by_its_file_name_if_quotes_survive(
    tmp_path: Path, session_factory: sessionmaker[Session]
) -> None:
    """Migration 0007 could only give such documents `name:<file name>` (their path was never
    stored): the next version of that file is a revision, an unrelated file of the same name
    is a new document."""
    legacy = _ingest(session_factory, _write(tmp_path / "old" / "talks.txt", ARTICLE)).files[0]
    with session_factory() as session, session.begin():
        document = session.get(Document, legacy.document_id)
        assert document is not None
        document.identity = "name:talks.txt"
    unrelated = 'Weather\n\n"It will rain all week in the north," forecaster Ann Lee said.\n'
    other = _ingest(session_factory, _write(tmp_path / "x" / "talks.txt", unrelated)).files[0]
    assert other.status == "ingested" and other.document_id != legacy.document_id
    changed = ARTICLE.replace("crisis", "conflict")
    revised = _ingest(session_factory, _write(tmp_path / "new" / "talks.txt", changed)).files[0]
    assert (revised.status, revised.document_id) == ("revised", legacy.document_id)
    with session_factory() as session:
        identity = session.scalar(
            select(Document.identity).where(Document.id == legacy.document_id)
        )
        assert identity == f"path:{(tmp_path / 'new' / 'talks.txt').resolve()}"
