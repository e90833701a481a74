"""Positioned lines of PDF pages -> paragraphs of plain text.

Three typesetting facts, each a precise rule rather than a guess about words:
- a line was wrapped (not broken by the author) when the next line's first word would not
  have fitted after it, within the widest line of the document: such lines are re-flowed
  into one, and a word split with a hyphen at the break (`negoti-` / `ations`) is joined;
- pdfminer groups lines set at the normal line pitch into one text box: a new box on the
  same page starts a new paragraph (a blank line in the text); so does a line that opens
  with a turn label (`SECRETARY KERRY:`) or follows a sentence ended on a line not wrapped,
  for PDFs that set paragraphs without space between them; a page break starts one only
  when the last line of the page was not wrapped or ends a sentence;
- the top and bottom line of a page is a running header or footer when the same words
  (digits aside) stand there on at least half of the pages (two at least), and a page
  number when it is only one (`12`, `- 12 -`, `Page 12 of 40`).
"""

from __future__ import annotations

import re
from collections import Counter
from dataclasses import dataclass
from typing import Any

_PAGE_NUMBER = re.compile(
    r"^(?:page\s+)?[-–—]?\s*\d{1,5}\s*[-–—]?(?:\s*(?:of|/)\s*\d{1,5})?$", re.IGNORECASE
)
# A sentence's last characters: a stop, then any closing quotes or brackets ('... now.”').
_SENTENCE_END = re.compile(r"[.?!…][\"”’')\]]*$")
# A transcript turn's label ('SECRETARY KERRY:', 'MR KIRBY:', 'QUESTION:'): it always opens a
# paragraph, even in a PDF that sets turns without space between them.
_LABEL = re.compile(r"^(?:[A-Z][A-Z.'’-]*\s+){0,4}[A-Z][A-Z.'’-]+:(?:\s|$)")
# Helvetica's space is 0.278 em; a line's height is about one em.
_SPACE_EM = 0.25


@dataclass(frozen=True)
class Line:
    text: str
    x1: float  # right end
    top: float  # from the bottom of the page, as PDF coordinates run
    bottom: float
    first_word: float  # width of the line's first word
    box: int  # the text box (pdfminer's paragraph candidate) it belongs to

    @property
    def height(self) -> float:
        return self.top - self.bottom


def page_lines(layout: Any) -> list[Line]:
    """The text lines of one pdfminer page layout, in reading order."""
    from pdfminer.layout import LTTextBox, LTTextLine

    lines: list[Line] = []
    boxes = (item for item in layout if isinstance(item, LTTextBox))
    for index, box in enumerate(boxes):
        for line in box:
            text = " ".join(line.get_text().split()) if isinstance(line, LTTextLine) else ""
            if text:
                x0, y0, x1, y1 = line.bbox
                lines.append(Line(text, x1, y1, y0, _first_word_width(line, x0), index))
    return lines


def _first_word_width(line: Any, x0: float) -> float:
    from pdfminer.layout import LTChar

    end = x0
    for char in line:
        if not isinstance(char, LTChar):
            continue
        if char.get_text().isspace():
            break
        end = char.x1
    return end - x0


def paragraphs_text(pages: list[list[Line]]) -> str:
    """The pages' text, paragraphs separated by a blank line, headers and footers dropped."""
    pages = _without_furniture(pages)
    body = [line for page in pages for line in page]
    if not body:
        return ""
    edge = max(line.x1 for line in body)
    paragraphs: list[str] = []
    previous: Line | None = None
    for page in pages:
        for index, line in enumerate(page):
            new_page = index == 0
            if previous is None or _starts_paragraph(previous, line, new_page, edge):
                paragraphs.append(line.text)
            else:
                paragraphs[-1] = _join(paragraphs[-1], line.text, _wrapped(previous, line, edge))
            previous = line
    return "\n\n".join(paragraphs) + "\n"


def _starts_paragraph(previous: Line, line: Line, new_page: bool, edge: float) -> bool:
    """A new text box on the page, a turn label, or a sentence ended on a line not wrapped
    (lines set without space between paragraphs: 'Thank you.' / 'QUESTION: ...')."""
    if (line.box != previous.box and not new_page) or _LABEL.match(line.text):
        return True
    ended = bool(_SENTENCE_END.search(previous.text))
    if new_page:
        return ended or not _wrapped(previous, line, edge)
    return ended and not _wrapped(previous, line, edge)


def _wrapped(previous: Line, line: Line, edge: float) -> bool:
    """The next line's first word would not have fitted after this line."""
    space = _SPACE_EM * previous.height
    return previous.x1 + space + line.first_word > edge


def _join(paragraph: str, text: str, wrapped: bool) -> str:
    if not wrapped:
        return f"{paragraph}\n{text}"
    if len(paragraph) > 1 and paragraph.endswith("-") and paragraph[-2].isalpha():
        if text[:1].islower():
            return paragraph[:-1] + text  # 'negoti-' + 'ations'
        if text[:1].isalpha():
            return paragraph + text  # 'al-' + 'Nusrah': a real hyphen
    return f"{paragraph} {text}"


def _without_furniture(pages: list[list[Line]]) -> list[list[Line]]:
    """Drop running headers, footers and page numbers from each page's top and bottom."""
    repeated = _repeated_edges(pages)
    cleaned: list[list[Line]] = []
    for page in pages:
        edges = _edge_lines(page)
        cleaned.append(
            [
                line
                for line in page
                if not (
                    any(line is e for e in edges)
                    and (_key(line.text) in repeated or _PAGE_NUMBER.match(line.text))
                )
            ]
        )
    return cleaned


def _repeated_edges(pages: list[list[Line]]) -> set[str]:
    counts: Counter[str] = Counter()
    for page in pages:
        counts.update({_key(line.text) for line in _edge_lines(page)})
    needed = max(2, (len(pages) + 1) // 2)
    return {key for key, count in counts.items() if count >= needed}


def _edge_lines(page: list[Line]) -> tuple[Line, ...]:
    if not page:
        return ()
    return (max(page, key=lambda line: line.top), min(page, key=lambda line: line.bottom))


def _key(text: str) -> str:
    return re.sub(r"\d+", "#", text.casefold())
