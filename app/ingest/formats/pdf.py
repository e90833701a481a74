"""A PDF -> its text and metadata, through pdfminer.six, or a clear reason why not.

pdfminer.six rather than pypdf: it gives each line with its position, so paragraphs (the
space between them), wrapped lines and running headers can be told apart (`pdf_layout`);
pypdf's text of a generated transcript loses every paragraph break (BENCHMARKS.md).

Hostile files are bounded: streams that would inflate past a bound are refused first
(`pdf_bombs`), a page count over `MAX_PAGES` before any page is read, and reading stops with
an error once `MAX_SECONDS` have gone by.
"""

from __future__ import annotations

import io
import re
import time
from collections.abc import Iterator
from pathlib import Path
from typing import Any

from app.ingest.errors import IngestError
from app.ingest.formats import Extracted, usable_meta
from app.ingest.formats.pdf_bombs import refuse_bombs
from app.ingest.formats.pdf_layout import Line, page_lines, paragraphs_text

# More pages than any transcript or report has (a year of daily briefings is ~250 pages).
MAX_PAGES = 2000
# Long enough for MAX_PAGES pages of dense text on a loaded machine (~0.05 s a page here).
MAX_SECONDS = 120.0
# Titles that name the tool or the file, not the document: "Microsoft Word - brief.docx".
_JUNK_TITLE = re.compile(
    r"^(?:untitled\b.*|microsoft \w+ - .*|.*\.(?:docx?|pdf|rtf|odt|pages|indd|txt))$",
    re.IGNORECASE,
)
_PDF_DATE = re.compile(r"^D?:?(\d{4})(\d{2})?(\d{2})?")


def extract_pdf(path: Path, data: bytes) -> Extracted:
    """Paragraphs of every page, headers, footers and page numbers dropped."""
    from pdfminer.pdfdocument import PDFEncryptionError, PDFPasswordIncorrect

    if b"%PDF-" not in data[:1024]:
        raise IngestError(path, "not a PDF (no %PDF- header)")
    refuse_bombs(path, data)
    try:
        document = _open(data)
        pages = list(_read_pages(path, document))
        meta = _metadata(document)
    except IngestError:
        raise
    except PDFPasswordIncorrect as exc:
        raise IngestError(path, "encrypted PDF: it needs a password to open") from exc
    except PDFEncryptionError as exc:
        raise IngestError(path, f"encrypted PDF that cannot be decrypted: {exc}") from exc
    except Exception as exc:  # pdfminer raises many kinds on damaged files
        reason = str(exc).strip() or type(exc).__name__
        raise IngestError(path, f"corrupt or unreadable PDF: {reason}") from exc
    text = paragraphs_text(pages)
    if not text.strip():
        raise IngestError(
            path,
            f"PDF has no text layer ({len(pages)} page(s) of images only, probably a scan): "
            "run OCR on it first",
        )
    return Extracted(text, meta)


def _open(data: bytes) -> Any:
    from pdfminer.pdfdocument import PDFDocument
    from pdfminer.pdfparser import PDFParser

    return PDFDocument(PDFParser(io.BytesIO(data)), password="")


def _read_pages(path: Path, document: Any) -> Iterator[list[Line]]:
    """Each page's text lines, within the page and time bounds."""
    from pdfminer.converter import PDFPageAggregator
    from pdfminer.layout import LAParams
    from pdfminer.pdfinterp import PDFPageInterpreter, PDFResourceManager
    from pdfminer.pdfpage import PDFPage

    declared = _page_count(document)
    if declared > MAX_PAGES:
        raise IngestError(path, f"PDF has {declared} pages, over the limit of {MAX_PAGES}")
    resources = PDFResourceManager()
    device = PDFPageAggregator(resources, laparams=LAParams())
    interpreter = PDFPageInterpreter(resources, device)
    started = time.monotonic()
    for number, page in enumerate(PDFPage.create_pages(document), start=1):
        if number > MAX_PAGES:
            raise IngestError(path, f"PDF has more than {MAX_PAGES} pages")
        if time.monotonic() - started > MAX_SECONDS:
            raise IngestError(
                path, f"reading the PDF took over {MAX_SECONDS:.0f} s (stopped at page {number})"
            )
        interpreter.process_page(page)
        yield page_lines(device.get_result())


def _page_count(document: Any) -> int:
    from pdfminer.pdftypes import resolve1

    try:
        count = resolve1(resolve1(document.catalog["Pages"]).get("Count"))
    except (KeyError, AttributeError, TypeError):
        return 0
    return count if isinstance(count, int) else 0


def _metadata(document: Any) -> dict[str, str]:
    """Title, author and creation date from the document information dictionary."""
    info: dict[str, Any] = {}
    for entry in document.info:
        info.update(entry)
    title = _info_text(info.get("Title"))
    created = _pdf_date(_info_text(info.get("CreationDate")))
    return usable_meta(
        {
            "title": None if title and _JUNK_TITLE.match(title) else title,
            "author": _info_text(info.get("Author")),
            "published": created,
        }
    )


def _info_text(value: Any) -> str | None:
    from pdfminer.pdftypes import resolve1
    from pdfminer.utils import decode_text

    value = resolve1(value)
    if isinstance(value, bytes):
        return decode_text(value).strip() or None
    return value.strip() or None if isinstance(value, str) else None


def _pdf_date(value: str | None) -> str | None:
    """'D:20160301143200Z' -> '2016-03-01'; a date without a day is not a publication date."""
    match = _PDF_DATE.match(value or "")
    if not match or not match.group(3):
        return None
    return f"{match.group(1)}-{match.group(2)}-{match.group(3)}"
