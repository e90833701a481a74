"""Which format a document is in, and its extractors: each turns bytes into plain text with
blank-line separated paragraphs (the shape the parsers read in a `.txt`) plus the metadata the
file itself carries (title, author, published, url, publisher)."""

from __future__ import annotations

from dataclasses import dataclass, field
from pathlib import Path

from app.ingest.sidecar import sidecar_problems

# The suffixes a folder contributes, and the format each is read as.
FORMATS = {".txt": "text", ".md": "text", ".html": "html", ".htm": "html", ".pdf": "pdf"}

# How far into a file its signature may sit: a PDF may have bytes before `%PDF-` (the spec's
# readers allow 1024), an HTML page a BOM, a comment or a long doctype before `<html`.
_SNIFF_BYTES = 1024


@dataclass(frozen=True)
class Extracted:
    """The text of a document in another format, and the metadata the format carries."""

    text: str
    meta: dict[str, str] = field(default_factory=dict)


def format_of(path: Path, data: bytes) -> str:
    """'text', 'html' or 'pdf': by suffix when it is one we read, else by the content.

    An upload named `article` or `page.php` is sniffed: `%PDF-` makes it a PDF, an `<html`
    or `<!doctype html` near the start an HTML page; anything else is read as text.
    """
    known = FORMATS.get(path.suffix.lower())
    if known is not None:
        return known
    head = data[:_SNIFF_BYTES]
    if b"%PDF-" in head:
        return "pdf"
    lowered = head.lower().replace(b"\x00", b"")  # UTF-16 pages
    if b"<html" in lowered or b"<!doctype html" in lowered:
        return "html"
    return "text"


def skip_reason(path: Path) -> str:
    """Why a folder's file is not ingested: its type is not one of `FORMATS`."""
    suffix = path.suffix.lower()
    kinds = " ".join(FORMATS)
    if not suffix:
        return f"unsupported file type (no extension; ingested: {kinds})"
    return f"unsupported file type {suffix} (ingested: {kinds})"


def usable_meta(values: dict[str, str | None]) -> dict[str, str]:
    """The fields a file carries that a sidecar would accept; others are dropped, not fatal.

    The user did not write a page's `<meta>` tags or a PDF's info, so a value that cannot be
    stored (an over-long URL, a date no parser reads) is ignored rather than failing the file.
    """
    usable: dict[str, str] = {}
    for key, value in values.items():
        text = " ".join((value or "").split())
        if text and not sidecar_problems({key: text}):
            usable[key] = text
    return usable
