"""PDFs made in the test, laid out as official transcripts are: a running header and a page
number on every page, justified-width lines broken at words (long words hyphenated), a
blank line's worth of space between paragraphs, paragraphs running across pages.

Written with fpdf2 so no binary fixture is committed; the text goes in as paragraphs and the
test compares what comes out with the same text ingested as a `.txt`.
"""

from __future__ import annotations

import datetime as dt

from fpdf import FPDF
from fpdf.enums import EncryptionMethod
from PIL import Image

LEFT, RIGHT, TOP, BOTTOM = 25.0, 185.0, 30.0, 270.0  # text column on an A4 page, in mm
LINE, GAP = 5.5, 5.5  # line pitch, and extra space between paragraphs
SIZE = 11


class _Transcript(FPDF):
    def __init__(self, header: str) -> None:
        super().__init__(format="A4", unit="mm")
        self.core_fonts_encoding = "windows-1252"  # curly quotes and dashes in core fonts
        self.running_header = header
        self.set_auto_page_break(False)
        self.alias_nb_pages()

    def header(self) -> None:
        self.set_font("helvetica", size=8)
        self.text(LEFT, 15, self.running_header)

    def footer(self) -> None:
        self.set_font("helvetica", size=8)
        self.set_xy(95, 282)
        self.cell(text=f"Page {self.page_no()} of {{nb}}")  # cells, not text(), fill in {nb}


def transcript_pdf(
    paragraphs: list[str],
    *,
    header: str = "U.S. Department of State · Office of the Spokesperson",
    title: str | None = None,
    author: str | None = None,
    created: dt.datetime | None = None,
    hyphenate: bool = True,
    owner_password: str | None = None,
    user_password: str | None = None,
    gap: float = GAP,
) -> bytes:
    """The paragraphs (lines inside one kept as lines) typeset on as many pages as they need;
    with an owner password the file is encrypted, with a user password it needs one to open."""
    pdf = _Transcript(header)
    if owner_password:
        pdf.set_encryption(owner_password, user_password, EncryptionMethod.AES_128)
    if title:
        pdf.set_title(title)
    if author:
        pdf.set_author(author)
    pdf.set_creation_date(created or dt.datetime(2026, 1, 1, tzinfo=dt.UTC))
    pdf.add_page()
    pdf.set_font("helvetica", size=SIZE)
    y = TOP
    for paragraph in paragraphs:
        for line in paragraph.split("\n"):
            for row in _wrap(pdf, line, hyphenate):
                if y > BOTTOM:
                    pdf.add_page()
                    pdf.set_font("helvetica", size=SIZE)
                    y = TOP
                pdf.text(LEFT, y, row)
                y += LINE
        y += gap
    return bytes(pdf.output())


def _wrap(pdf: FPDF, line: str, hyphenate: bool) -> list[str]:
    """Greedy line breaking; a long word that does not fit is split with a hyphen."""
    width = RIGHT - LEFT
    rows: list[str] = []
    current = ""
    for word in line.split(" "):
        trial = f"{current} {word}" if current else word
        if pdf.get_string_width(trial) <= width:
            current = trial
            continue
        head, tail = _split(pdf, current, word, width) if hyphenate else ("", word)
        if head:
            rows.append(f"{current} {head}-" if current else f"{head}-")
            current = tail
        else:
            rows.append(current)
            current = word
    rows.append(current)
    return rows


def _split(pdf: FPDF, current: str, word: str, width: float) -> tuple[str, str]:
    """The longest head of a long plain word (>= 4 letters each side) that fits with a hyphen."""
    if len(word) < 9 or not word.isalpha():
        return "", word
    for cut in range(len(word) - 4, 3, -1):
        if pdf.get_string_width(f"{current} {word[:cut]}-") <= width:
            return word[:cut], word[cut:]
    return "", word


def scanned_pdf(pages: int = 2) -> bytes:
    """Pages that are pictures of text, as a scanner makes them: no text layer at all."""
    pdf = FPDF(format="A4", unit="mm")
    picture = Image.new("L", (120, 160), color=255)
    for row in range(20, 150, 8):  # grey bars where the lines of print would be
        picture.paste(60, (10, row, 110, row + 4))
    for _ in range(pages):
        pdf.add_page()
        pdf.image(picture, x=0, y=0, w=210, h=297)
    return bytes(pdf.output())
