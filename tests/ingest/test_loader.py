"""Bytes -> text: every encoding users send, and a clear reason for what cannot be read."""

from __future__ import annotations

import codecs
import json
from pathlib import Path

import pytest

from app.ingest.formats import skip_reason
from app.ingest.loader import IngestError, expand_paths, read_document

TEXT = "Kerry said: “We will talk.”\nIt’s hard.\n"


@pytest.mark.parametrize(
    ("data", "encoding"),
    [
        (TEXT.encode("utf-8"), "utf-8"),
        (codecs.BOM_UTF8 + TEXT.encode("utf-8"), "utf-8-sig"),
        (TEXT.encode("utf-16"), "utf-16"),
        (codecs.BOM_UTF16_BE + TEXT.encode("utf-16-be"), "utf-16"),
        (TEXT.encode("cp1252"), "cp1252"),
    ],
    ids=["utf8", "utf8-bom", "utf16-le-bom", "utf16-be-bom", "windows-1252"],
)
def test_every_supported_encoding_gives_the_same_text(
    tmp_path: Path, data: bytes, encoding: str
) -> None:
    path = tmp_path / "doc.txt"
    path.write_bytes(data)
    loaded = read_document(path, 10_000)
    assert loaded.text == TEXT
    assert loaded.encoding == encoding


def test_windows_newlines_are_normalised(tmp_path: Path) -> None:
    path = tmp_path / "doc.txt"
    path.write_bytes(b"Title\r\n\r\nBody one.\rBody two.\r\n")
    assert read_document(path, 10_000).text == "Title\n\nBody one.\nBody two.\n"


def test_same_text_same_hash_whatever_the_encoding(tmp_path: Path) -> None:
    a, b = tmp_path / "a.txt", tmp_path / "b.txt"
    a.write_bytes(TEXT.encode("utf-8"))
    b.write_bytes(TEXT.encode("utf-16"))
    assert read_document(a, 10_000).sha256 == read_document(b, 10_000).sha256


@pytest.mark.parametrize(
    ("data", "reason"),
    [
        (b"", "empty"),
        (b"  \n\n \t", "empty"),
        (b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR\x00\x00", "binary"),
        (bytes(range(1, 32)) * 20, "binary"),
    ],
    ids=["zero-bytes", "whitespace-only", "png", "control-bytes"],
)
def test_unreadable_files_name_path_and_reason(tmp_path: Path, data: bytes, reason: str) -> None:
    path = tmp_path / "bad.txt"
    path.write_bytes(data)
    with pytest.raises(IngestError) as caught:
        read_document(path, 10_000)
    assert reason in caught.value.reason
    assert str(path) in str(caught.value)


def test_files_over_the_size_limit_are_refused(tmp_path: Path) -> None:
    path = tmp_path / "huge.txt"
    path.write_text("word " * 1000)
    with pytest.raises(IngestError, match="over the limit of 100 bytes"):
        read_document(path, 100)


def test_sidecar_metadata_is_read(tmp_path: Path) -> None:
    (tmp_path / "doc.txt").write_text(TEXT)
    (tmp_path / "doc.meta.json").write_text(
        json.dumps({"publisher": "CBS", "published": "2015-03-15"})
    )
    loaded = read_document(tmp_path / "doc.txt", 10_000)
    assert loaded.meta == {"publisher": "CBS", "published": "2015-03-15"}


def test_broken_sidecar_is_an_error_naming_the_sidecar(tmp_path: Path) -> None:
    (tmp_path / "doc.txt").write_text(TEXT)
    (tmp_path / "doc.meta.json").write_text("{not json")
    with pytest.raises(IngestError, match=r"doc\.meta\.json"):
        read_document(tmp_path / "doc.txt", 10_000)


def test_folders_contribute_documents_and_report_other_files(tmp_path: Path) -> None:
    names = ("a.txt", "b.md", "c.pdf", "d.HTML", "e.htm", "f.docx", "g", "a.meta.json")
    for name in names:
        (tmp_path / name).write_text("x")
    documents, skipped = expand_paths([tmp_path])
    assert [p.name for p in documents] == ["a.txt", "b.md", "c.pdf", "d.HTML", "e.htm"]
    assert [p.name for p in skipped] == ["f.docx", "g"]
    assert skip_reason(skipped[0]).startswith("unsupported file type .docx")
    assert skip_reason(skipped[1]).startswith("unsupported file type (no extension")
