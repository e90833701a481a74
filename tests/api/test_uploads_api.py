"""`POST /documents`: an upload is ingested as `ingest --json` would, within a size limit
enforced while the body arrives, and audited with the document it stored."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest
from fastapi.testclient import TestClient
from sqlalchemy import func, select
from sqlalchemy.orm import Session, sessionmaker
from starlette.applications import Starlette
from starlette.routing import Mount

from app.db.models import Document
from tests.api.write_support import Keys, make_keys
from tests.ingest.pdf_maker import transcript_pdf
from tests.support import SEEDS, api_client

FORMATS = Path(__file__).resolve().parent.parent / "data" / "formats"

ARTICLE = """Kerry urges Russia to halt Aleppo strikes

LONDON, Oct 20 (Reuters) - U.S. Secretary of State John Kerry on Thursday urged Russia to halt
its air strikes on Aleppo before talks in Lausanne.

"We are not going to stop pressing for a ceasefire in Aleppo," Kerry told reporters after
meeting British Foreign Secretary Boris Johnson in London.

Johnson said sanctions against those responsible remained on the table.
"""


@pytest.fixture
def keys(seeded_factory: sessionmaker[Session]) -> Keys:
    return make_keys(seeded_factory)


def _documents(session: Session) -> int:
    return session.scalar(select(func.count()).select_from(Document)) or 0


def test_an_upload_is_ingested_with_its_metadata_and_located(
    client: TestClient, keys: Keys
) -> None:
    response = client.post(
        "/documents",
        files={"file": ("kerry-aleppo.txt", ARTICLE.encode(), "text/plain")},
        data={"title": "Kerry urges Russia to halt Aleppo strikes", "published": "2016-10-20"},
        headers=keys.writer,
    )
    assert response.status_code == 201, response.json()
    report = response.json()
    (line,) = report["files"]
    assert line["path"] == "kerry-aleppo.txt" and line["status"] == "ingested"
    assert line["quotes"] >= 1 and line["error"] is None
    assert report["totals"] == {
        "files": 1,
        "ingested": 1,
        "revised": 0,
        "updated": 0,
        "unchanged": 0,
        "failed": 0,
        "skipped": 0,
        "quotes": line["quotes"],
    }
    assert response.headers["location"] == f"/documents/{line['document_id']}"
    stored = client.get(response.headers["location"]).json()
    assert stored["title"] == "Kerry urges Russia to halt Aleppo strikes"
    assert stored["published"] == "2016-10-20"
    assert stored["text"] == ARTICLE
    quotes = client.get(f"/documents/{line['document_id']}/quotes").json()["items"]
    assert any(q["speaker"] and q["speaker"]["name"] == "John Kerry" for q in quotes)

    (entry,) = client.get("/audit", headers=keys.writer).json()["items"]
    assert entry["action"] == "document.create" and entry["key_name"] == "desk"
    assert entry["target_id"] == line["document_id"] and entry["before"] is None
    assert entry["after"]["source_name"] == "kerry-aleppo.txt"
    assert entry["after"]["quote_count"] == line["quotes"]


def test_the_same_text_again_is_unchanged_and_not_audited(
    client: TestClient, keys: Keys, seeded_session: Session
) -> None:
    seed = next(SEEDS.glob("003_*"))
    before = _documents(seeded_session)
    response = client.post(
        "/documents",
        content=seed.read_bytes(),
        params={"filename": "again.txt"},
        headers={**keys.writer, "Content-Type": "text/plain"},
    )
    assert response.status_code == 200, response.json()
    (line,) = response.json()["files"]
    assert line["status"] == "unchanged" and line["document_id"] is not None
    assert "location" not in response.headers
    assert _documents(seeded_session) == before
    assert client.get("/audit", headers=keys.writer).json()["total"] == 0


def test_a_raw_body_with_query_metadata(client: TestClient, keys: Keys) -> None:
    response = client.post(
        "/documents",
        content=ARTICLE.encode(),
        params={"title": "Raw upload", "publisher": "Reuters"},
        headers={**keys.writer, "Content-Type": "text/plain; charset=utf-8"},
    )
    assert response.status_code == 201, response.json()
    (line,) = response.json()["files"]
    assert line["path"] == "upload.txt"
    stored = client.get(response.headers["location"]).json()
    assert (stored["title"], stored["publisher"]) == ("Raw upload", "Reuters")


def test_a_document_that_cannot_be_ingested_is_a_problem_naming_the_reason(
    client: TestClient, keys: Keys, seeded_session: Session
) -> None:
    before = _documents(seeded_session)
    empty = client.post(
        "/documents", files={"file": ("empty.txt", b"  \n", "text/plain")}, headers=keys.writer
    )
    assert empty.status_code == 422
    assert empty.headers["content-type"] == "application/problem+json"
    problem = empty.json()
    assert problem["type"] == "/problems/document-rejected"
    assert problem["detail"] == "empty.txt: file is empty"
    assert problem["report"]["files"][0]["status"] == "failed"
    assert problem["report"]["totals"]["failed"] == 1

    binary = client.post(
        "/documents",
        files={"file": ("blob.txt", bytes(range(256)) * 4, "text/plain")},
        headers=keys.writer,
    )
    assert binary.status_code == 422 and "binary" in binary.json()["detail"]

    bad_date = client.post(
        "/documents",
        files={"file": ("kerry.txt", ARTICLE.encode(), "text/plain")},
        data={"published": "yesterday"},
        headers=keys.writer,
    )
    assert bad_date.status_code == 422
    assert "published" in bad_date.json()["detail"]
    assert _documents(seeded_session) == before


def test_a_body_that_is_not_a_document_type_is_a_415(client: TestClient, keys: Keys) -> None:
    response = client.post("/documents", json={"text": ARTICLE}, headers=keys.writer)
    assert response.status_code == 415
    assert "multipart/form-data" in response.json()["detail"]
    no_file = client.post(
        "/documents", files={"title": (None, "a form without a file")}, headers=keys.writer
    )
    assert no_file.status_code == 422
    assert no_file.json()["errors"][0]["parameter"] == "file"


def test_an_upload_needs_a_write_key(
    client: TestClient, keys: Keys, seeded_session: Session
) -> None:
    before = _documents(seeded_session)
    files = {"file": ("kerry.txt", ARTICLE.encode(), "text/plain")}
    assert client.post("/documents", files=files).status_code == 401
    assert client.post("/documents", files=files, headers=Keys.header(keys.read)).status_code == 403
    assert _documents(seeded_session) == before


@pytest.fixture
def small_client(seeded_factory: sessionmaker[Session]) -> Iterator[TestClient]:
    with api_client(seeded_factory, max_document_bytes=2_000) as client:
        yield client


def _chunks(total: int) -> Iterator[bytes]:
    """A body with no Content-Length (chunked): the limit must hold while it streams."""
    sent = 0
    while sent < total:
        yield b"x" * 1000 + b"\n"
        sent += 1001


def test_an_upload_over_the_limit_is_a_413(
    small_client: TestClient, keys: Keys, seeded_session: Session
) -> None:
    before = _documents(seeded_session)
    text = {**keys.writer, "Content-Type": "text/plain"}
    big = ARTICLE.encode() * 6  # about 3 KB: over 2,000 bytes, under the multipart allowance
    assert len(big) > 2_000
    as_form = small_client.post(
        "/documents", files={"file": ("big.txt", big, "text/plain")}, headers=keys.writer
    )
    assert as_form.status_code == 413
    assert as_form.headers["content-type"] == "application/problem+json"
    assert as_form.json()["detail"] == "the document is over the limit of 2000 bytes"
    assert small_client.post("/documents", content=big, headers=text).status_code == 413
    # Far over the limit: refused on its Content-Length, or while it streams without one.
    huge = small_client.post("/documents", content=b"x" * 200_000, headers=text)
    assert huge.status_code == 413
    streamed = small_client.post("/documents", content=_chunks(500_000), headers=text)
    assert streamed.status_code == 413
    assert streamed.json()["type"] == "/problems/too-large"
    assert _documents(seeded_session) == before
    fits = small_client.post("/documents", content=ARTICLE.encode(), headers=text)
    assert fits.status_code == 201


def test_a_correction_body_is_small(client: TestClient, keys: Keys) -> None:
    response = client.post(
        "/speakers/john-kerry/aliases", json={"alias": "x" * 100_000}, headers=keys.writer
    )
    assert response.status_code == 413


def test_an_uploaded_document_is_deleted_with_what_only_it_held(
    client: TestClient, keys: Keys, seeded_session: Session
) -> None:
    before = _documents(seeded_session)
    uploaded = client.post(
        "/documents",
        files={"file": ("kerry-aleppo.txt", ARTICLE.encode(), "text/plain")},
        headers=keys.writer,
    )
    assert uploaded.status_code == 201
    document_id = uploaded.json()["files"][0]["document_id"]
    quote_ids = [q["id"] for q in client.get(f"/documents/{document_id}/quotes").json()["items"]]
    assert quote_ids

    assert client.delete(f"/documents/{document_id}").status_code == 401
    assert (
        client.delete(f"/documents/{document_id}", headers=Keys.header(keys.read)).status_code
        == 403
    )
    response = client.delete(f"/documents/{document_id}", headers=keys.writer)
    assert response.status_code == 200, response.json()
    summary = response.json()
    assert summary["document_id"] == document_id
    assert sorted(summary["quote_ids"]) == sorted(quote_ids)
    assert client.get(f"/documents/{document_id}").status_code == 404
    assert client.get(f"/quotes/{quote_ids[0]}").status_code in (404, 410)
    assert _documents(seeded_session) == before

    entry = client.get("/audit", params={"limit": 1}, headers=keys.writer).json()["items"][0]
    assert entry["action"] == "document.delete" and entry["target_id"] == document_id
    assert entry["before"]["source_name"] == "kerry-aleppo.txt"
    assert entry["after"]["quote_ids"] == summary["quote_ids"]

    again = client.delete(f"/documents/{document_id}", headers=keys.writer)
    assert again.status_code == 404
    assert again.json()["detail"] == f"no document with id {document_id}"


def test_new_text_for_the_same_url_is_a_revision_and_audited(
    client: TestClient, keys: Keys
) -> None:
    url = "https://example.org/kerry-aleppo"
    first = client.post(
        "/documents",
        files={"file": ("kerry-aleppo.txt", ARTICLE.encode(), "text/plain")},
        data={"url": url},
        headers=keys.writer,
    )
    assert first.status_code == 201
    document_id = first.json()["files"][0]["document_id"]
    corrected = ARTICLE.replace("on Thursday", "on Wednesday")
    second = client.post(
        "/documents",
        files={"file": ("kerry-aleppo.txt", corrected.encode(), "text/plain")},
        data={"url": url},
        headers=keys.writer,
    )
    assert second.status_code == 200, second.json()
    (line,) = second.json()["files"]
    assert (line["status"], line["document_id"], line["revision"]) == ("revised", document_id, 2)
    assert "location" not in second.headers
    assert client.get(f"/documents/{document_id}").json()["text"] == corrected
    entries = client.get("/audit", headers=keys.writer).json()["items"]
    assert [(e["action"], e["target_id"]) for e in entries] == [
        ("document.update", document_id),
        ("document.create", document_id),
    ]


def test_the_upload_limit_holds_under_a_path_prefix(
    seeded_factory: sessionmaker[Session], keys: Keys
) -> None:
    """Behind a proxy the app is mounted under a prefix; uploads keep the document's limit."""
    with api_client(seeded_factory) as inner:
        outer = Starlette(routes=[Mount("/newsroom", app=inner.app)])
        with TestClient(outer) as client:
            big = (ARTICLE * 200).encode()  # ~100 KB: over the 64 KB of a correction's body
            response = client.post(
                "/newsroom/documents",
                files={"file": ("long.txt", big, "text/plain")},
                headers=keys.writer,
            )
    assert response.status_code == 201, response.json()


def test_web_pages_and_pdfs_upload_as_their_text(client: TestClient, keys: Keys) -> None:
    """An upload goes through the same extraction as a folder: the page's article and the
    PDF's re-flowed turns are stored, not their markup or binary."""
    page = (FORMATS / "kerry_geneva.html").read_bytes()
    response = client.post(
        "/documents",
        files={"file": ("geneva.html", page, "text/html")},
        headers=keys.writer,
    )
    assert response.status_code == 201, response.json()
    text = client.get(response.headers["Location"]).json()["text"]
    assert text == (FORMATS / "kerry_geneva.txt").read_text(encoding="utf-8")
    assert "<" not in text

    # The seeded archive already holds this transcript as text: its PDF reads back as the
    # same text, so the upload finds the stored document instead of duplicating it.
    transcript = (SEEDS / "001_1b4245d2267ffe21.txt").read_text(encoding="utf-8")
    response = client.post(
        "/documents",
        content=transcript_pdf(transcript.split("\n\n")),
        headers={**keys.writer, "Content-Type": "application/pdf"},
    )
    assert response.status_code == 200, response.json()
    (line,) = response.json()["files"]
    assert line["status"] == "unchanged" and line["quotes"] == 28
    document = client.get(f"/documents/{line['document_id']}").json()
    assert document["genre"] == "transcript" and document["source_name"].startswith("001_")
