"""PDFs: a transcript typeset in the test reads back as its text version, and every PDF that
cannot give text says so, naming the file."""

from __future__ import annotations

import datetime as dt
import json
import re
import zlib
from pathlib import Path

import pytest

from app.ingest.formats import pdf as pdf_format
from app.ingest.formats import pdf_bombs
from app.ingest.loader import IngestError, load_bytes, read_document
from app.ingest.parse import ParsedDocument, parse_document
from tests.ingest.pdf_maker import scanned_pdf, transcript_pdf
from tests.support import SEEDS

# A State Department roundtable: a header block, then MR KIRBY:, SECRETARY KERRY:, QUESTION:.
TRANSCRIPT = SEEDS / "001_1b4245d2267ffe21.txt"
MADE = dt.datetime(2015, 11, 18, 9, 30, tzinfo=dt.UTC)


def _paragraphs() -> list[str]:
    text = TRANSCRIPT.read_text(encoding="utf-8")
    return [p.strip("\n") for p in text.split("\n\n") if p.strip()]


def _plain() -> str:
    return "\n\n".join(_paragraphs()) + "\n"


def _turns(parsed: ParsedDocument) -> list[tuple[str | None, str, str]]:
    return [
        (q.statement.claim and q.statement.claim.name, q.statement.kind, q.statement.text)
        for q in parsed.quotes
    ]


@pytest.fixture(scope="module")
def transcript() -> bytes:
    return transcript_pdf(
        _paragraphs(),
        title="Roundtable With Print Journalists",
        author="U.S. Department of State",
        created=MADE,
    )


def test_a_pdf_transcript_gives_the_turns_and_speakers_of_its_text(transcript: bytes) -> None:
    from_pdf = parse_document(load_bytes(Path("roundtable.pdf"), transcript))
    from_text = parse_document(load_bytes(Path("roundtable.txt"), _plain().encode()))
    assert from_pdf.genre == from_text.genre == "transcript"
    assert len(from_pdf.quotes) > 10
    assert _turns(from_pdf) == _turns(from_text)
    speakers = {name for name, _, _ in _turns(from_pdf)}
    assert "John Kerry" in speakers


@pytest.mark.parametrize(
    "seed", ["000_f2be9307d54a56c7.txt", "001_1b4245d2267ffe21.txt"], ids=["joint", "roundtable"]
)
def test_turns_set_without_space_between_them_keep_their_speakers(seed: str) -> None:
    """No space between paragraphs: a label or a finished sentence still starts a turn."""
    plain = (SEEDS / seed).read_text(encoding="utf-8")
    paragraphs = [p.strip("\n") for p in plain.split("\n\n") if p.strip()]
    from_pdf = parse_document(load_bytes(Path("t.pdf"), transcript_pdf(paragraphs, gap=0)))
    from_text = parse_document(load_bytes(Path("t.txt"), plain.encode()))
    assert [name for name, _, _ in _turns(from_pdf)] == [name for name, _, _ in _turns(from_text)]
    same = sum(a == b for a, b in zip(_turns(from_pdf), _turns(from_text), strict=True))
    assert same >= len(from_text.quotes) - 1  # one turn's two paragraphs may read as one


def test_pdf_lines_are_reflowed_into_the_paragraphs_of_the_text(transcript: bytes) -> None:
    text = load_bytes(Path("roundtable.pdf"), transcript).text
    assert text == _plain()  # wrapped lines joined, hyphenated words whole, pages seamless
    assert "Office of the Spokesperson" not in text  # the running header, on every page
    assert not re.search(r"Page \d+ of", text)  # the footer's page numbers


def test_the_maker_really_hyphenates_and_breaks_pages(transcript: bytes) -> None:
    """The test above means something only if the PDF has split words and several pages."""
    from pdfminer.high_level import extract_text

    raw = extract_text(__import__("io").BytesIO(transcript))
    assert re.search(r"[a-z]-\n[a-z]", raw)
    assert "Page 3 of 4" in raw


def test_pdf_metadata_is_used_and_a_sidecar_wins(tmp_path: Path, transcript: bytes) -> None:
    path = tmp_path / "roundtable.pdf"
    path.write_bytes(transcript)
    parsed = parse_document(read_document(path, 1_000_000))
    assert parsed.title == "Roundtable With Print Journalists"
    assert parsed.author == "U.S. Department of State"

    (tmp_path / "roundtable.meta.json").write_text(
        json.dumps({"title": "Paris roundtable", "publisher": "state.gov"})
    )
    parsed = parse_document(read_document(path, 1_000_000))
    assert parsed.title == "Paris roundtable"
    assert parsed.publisher == "state.gov"
    assert parsed.author == "U.S. Department of State"


def test_the_creation_date_is_the_publication_date_of_a_news_pdf() -> None:
    data = transcript_pdf(
        ["Talks stall", "“We will not negotiate under fire,” Foreign Minister Jean Dupont said."],
        created=MADE,
    )
    loaded = load_bytes(Path("story.pdf"), data)
    assert loaded.extracted["published"] == "2015-11-18"
    assert str(parse_document(loaded).published) == "2015-11-18"


def test_a_scanned_pdf_is_an_error_naming_the_file(tmp_path: Path) -> None:
    path = tmp_path / "scan.pdf"
    path.write_bytes(scanned_pdf(pages=3))
    with pytest.raises(IngestError, match=r"no text layer \(3 page\(s\)") as caught:
        read_document(path, 5_000_000)
    assert str(path) in str(caught.value)


def test_a_pdf_that_needs_a_password_is_an_error() -> None:
    data = transcript_pdf(["A secret", "Words."], owner_password="owner", user_password="user")
    with pytest.raises(IngestError, match="encrypted PDF: it needs a password"):
        load_bytes(Path("locked.pdf"), data)


def test_a_pdf_protected_only_against_editing_opens_like_any_reader_opens_it() -> None:
    data = transcript_pdf(["Open to read", "Words anyone may read."], owner_password="owner")
    assert "Words anyone may read." in load_bytes(Path("open.pdf"), data).text


@pytest.mark.parametrize(
    ("mangle", "reason"),
    [
        (lambda d: d[: len(d) // 3], "corrupt or unreadable PDF"),
        (lambda d: b"%PDF-1.7\n" + bytes(range(256)) * 40, "corrupt or unreadable PDF"),
        (lambda d: b"%PDF-1.4", "corrupt or unreadable PDF"),
        (lambda d: b"PK\x03\x04 a zip archive named .pdf", "not a PDF"),
    ],
    ids=["truncated", "garbage-after-header", "header-only", "not-a-pdf"],
)
def test_a_corrupt_pdf_is_an_error_naming_the_reason(
    tmp_path: Path, transcript: bytes, mangle: object, reason: str
) -> None:
    path = tmp_path / "broken.pdf"
    path.write_bytes(mangle(transcript))  # type: ignore[operator]
    with pytest.raises(IngestError, match=reason) as caught:
        read_document(path, 5_000_000)
    assert str(path) in str(caught.value)


def test_a_declared_page_count_over_the_limit_is_refused_before_reading(
    transcript: bytes,
) -> None:
    hostile = transcript.replace(b"/Count 4", b"/Count 9999999", 1)
    assert hostile != transcript
    with pytest.raises(IngestError, match="9999999 pages, over the limit"):
        load_bytes(Path("huge.pdf"), hostile)


def test_pages_beyond_the_limit_are_not_read_whatever_the_count_says(
    transcript: bytes, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr(pdf_format, "MAX_PAGES", 2)
    lying = transcript.replace(b"/Count 4", b"/Count 1", 1)
    with pytest.raises(IngestError, match="more than 2 pages"):
        load_bytes(Path("long.pdf"), lying)


def test_the_size_limit_applies_to_the_pdf_bytes(tmp_path: Path, transcript: bytes) -> None:
    path = tmp_path / "roundtable.pdf"
    path.write_bytes(transcript)
    with pytest.raises(IngestError, match="over the limit"):
        read_document(path, len(transcript) - 1)


def test_an_upload_with_an_unknown_suffix_is_sniffed_as_pdf(transcript: bytes) -> None:
    loaded = load_bytes(Path("upload"), transcript)
    assert loaded.encoding == "pdf"
    assert loaded.text == _plain()


def _pdf_with_content(stream: bytes) -> bytes:
    """A one-page PDF whose page content is `stream`, Flate-compressed."""
    body = zlib.compress(stream, 9)
    objects = [
        b"<< /Type /Catalog /Pages 2 0 R >>",
        b"<< /Type /Pages /Kids [3 0 R] /Count 1 >>",
        b"<< /Type /Page /Parent 2 0 R /MediaBox [0 0 612 792] /Contents 4 0 R"
        b" /Resources << /Font << /F1 << /Type /Font /Subtype /Type1 /BaseFont /Helvetica >> >> >>"
        b" >>",
        b"<< /Length %d /Filter /FlateDecode >>\nstream\n" % len(body) + body + b"\nendstream",
    ]
    out = bytearray(b"%PDF-1.4\n")
    offsets = []
    for number, obj in enumerate(objects, start=1):
        offsets.append(len(out))
        out += b"%d 0 obj\n" % number + obj + b"\nendobj\n"
    xref = len(out)
    out += b"xref\n0 %d\n0000000000 65535 f \n" % (len(objects) + 1)
    out += b"".join(b"%010d 00000 n \n" % offset for offset in offsets)
    out += b"trailer\n<< /Size %d /Root 1 0 R >>\nstartxref\n%d\n%%%%EOF\n" % (
        len(objects) + 1,
        xref,
    )
    return bytes(out)


def test_a_decompression_bomb_is_refused_before_it_is_inflated(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    monkeypatch.setattr(pdf_bombs, "MAX_INFLATED_BYTES", 1_000_000)
    bomb = _pdf_with_content(b" " * 5_000_000)  # 5 MB of content from a few KB of file
    assert len(bomb) < 20_000
    with pytest.raises(IngestError, match="inflates to over 1000000 bytes"):
        load_bytes(Path("bomb.pdf"), bomb)
    # The same file with content under the bound is read as a PDF like any other.
    small = _pdf_with_content(
        b"BT /F1 12 Tf 72 700 Td (Words under the bound) Tj ET" + b" " * 500_000
    )
    assert load_bytes(Path("small.pdf"), small).text == "Words under the bound\n"
