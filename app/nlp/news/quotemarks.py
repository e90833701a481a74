"""Quotation marks: which characters open and close a quote, and the spans they enclose.

News mixes curly and straight marks, closes “ with " ("various kinds”), uses single marks
in headlines ('have to negotiate') and runs a quote over several paragraphs with an opening
mark at each and a closing mark only at the end. Apostrophes (don’t, Kerry’s, the US’ top
diplomat) look like closing single marks and must not be taken for them.
"""

from __future__ import annotations

import bisect
import re
from collections.abc import Sequence
from dataclasses import dataclass

from app.nlp.news.text import Block

OPEN, CLOSE, EITHER = "open", "close", "either"

_DOUBLE = re.compile(r"[“”\"„«»]")
_SINGLE = re.compile(r"[‘’']")
_LEFT_SIDE = set("([{—–-/:;,“‘\"'«")
_RIGHT_SIDE = set(".,;:!?)]}—–-…”’\"'»")


@dataclass(frozen=True)
class QuoteSpan:
    """A quote: its opening and closing marks and the words in between, per paragraph.

    `parts` holds the content of each paragraph the quote runs over, stripped of spaces;
    `closed` is False when the article never closes it (the span then ends at its paragraph).
    """

    open_at: int
    close_at: int
    parts: tuple[tuple[int, int], ...]
    first_paragraph: int
    last_paragraph: int
    closed: bool
    single: bool


def _side(text: str, at: int, block: Block) -> tuple[bool, bool]:
    """(may open, may close) from the neighbours: space before opens, space after closes."""
    before = text[at - 1] if at > block.start else " "
    after = text[at + 1] if at + 1 < block.end else " "
    may_open = (before.isspace() or before in _LEFT_SIDE) and not after.isspace()
    may_close = (after.isspace() or after in _RIGHT_SIDE) and not before.isspace()
    return may_open, may_close


def _double_role(text: str, at: int, block: Block) -> str:
    """Context first, glyph second: '“Q,“ he said' still closes; '"' alone toggles."""
    may_open, may_close = _side(text, at, block)
    if may_open and not may_close:
        return OPEN
    if may_close and not may_open:
        return CLOSE
    return {"“": OPEN, "„": OPEN, "«": OPEN, "”": CLOSE, "»": CLOSE}.get(text[at], EITHER)


def _single_role(text: str, at: int, block: Block) -> str | None:
    """‘ or ' before a word opens; ’ or ' after a word, before a space, closes; else apostrophe."""
    may_open, may_close = _side(text, at, block)
    if may_open and text[at] in "‘'" and text[at + 1].isalnum():
        return OPEN
    if may_close:
        return CLOSE
    return None


def _strip(text: str, start: int, end: int) -> tuple[int, int]:
    while start < end and text[start].isspace():
        start += 1
    while end > start and text[end - 1].isspace():
        end -= 1
    return start, end


@dataclass
class _Open:
    """A quote still open while scanning: where it opened and its finished parts."""

    open_at: int
    content_from: int
    first_paragraph: int
    parts: list[tuple[int, int]]


def _double_events(text: str, block: Block) -> list[tuple[int, str]]:
    return [
        (m.start(), _double_role(text, m.start(), block))
        for m in _DOUBLE.finditer(text, block.start, block.end)
    ]


def find_double(text: str, blocks: Sequence[Block]) -> list[QuoteSpan]:
    """Pair double marks paragraph by paragraph; nested doubles stay inside the outer quote."""
    spans: list[QuoteSpan] = []
    carry: _Open | None = None
    for index, block in enumerate(blocks):
        events = _double_events(text, block)
        if carry is not None:
            if events and events[0][0] == block.start and events[0][1] != CLOSE:
                carry.content_from = block.start + 1
                events = events[1:]
            else:
                spans.extend(_unclosed(text, carry, blocks, index - 1))
                carry = None
        carry = _pair_paragraph(text, block, index, events, carry, spans)
    if carry is not None:
        spans.extend(_unclosed(text, carry, blocks, len(blocks) - 1))
    return spans


def _pair_paragraph(
    text: str,
    block: Block,
    index: int,
    events: list[tuple[int, str]],
    carry: _Open | None,
    spans: list[QuoteSpan],
) -> _Open | None:
    """Walk one paragraph's marks with a depth counter; return the quote left open, if any."""
    current, depth = carry, (1 if carry else 0)
    for at, role in events:
        if current is None:
            if role != CLOSE:
                current, depth = _Open(at, at + 1, index, []), 1
            continue
        if role == OPEN:
            depth += 1
            continue
        depth -= 1
        if depth == 0:
            current.parts.append(_strip(text, current.content_from, at))
            spans.append(_finish(current, at, index, closed=True, single=False))
            current = None
    if current is not None:
        current.parts.append(_strip(text, current.content_from, block.end))
        current.content_from = block.end
    return current


def _finish(opened: _Open, close_at: int, last: int, closed: bool, single: bool) -> QuoteSpan:
    parts = tuple(part for part in opened.parts if part[1] > part[0])
    return QuoteSpan(opened.open_at, close_at, parts, opened.first_paragraph, last, closed, single)


def _unclosed(text: str, opened: _Open, blocks: Sequence[Block], last: int) -> list[QuoteSpan]:
    """A quote never closed counts only if it opened its paragraph (“We can’t ... ⏎)."""
    if opened.open_at != blocks[opened.first_paragraph].start:
        return []
    return [_finish(opened, blocks[last].end, last, closed=False, single=False)]


def find_single(text: str, blocks: Sequence[Block], taken: Sequence[QuoteSpan]) -> list[QuoteSpan]:
    """Single-mark quotes outside double quotes: ‘Q’ or 'Q', an opener must find a closer.

    A closer like "allies’ plans" (s’ before a lowercase word) is an apostrophe when a later
    closer exists in the paragraph.
    """
    spans = []
    inside = QuoteIndex(taken)
    for index, block in enumerate(blocks):
        marks = [
            (m.start(), _single_role(text, m.start(), block))
            for m in _SINGLE.finditer(text, block.start, block.end)
            if not inside(m.start())
        ]
        if not any(role == OPEN for _, role in marks):
            continue  # apostrophes only: "Kerry’s", "don’t"
        closer_after = _closers(text, marks)
        position = 0
        while position < len(marks):
            at, role = marks[position]
            position += 1
            close_index = closer_after[position]
            if role != OPEN or close_index is None:
                continue
            close = marks[close_index][0]
            opened = _Open(at, at + 1, index, [_strip(text, at + 1, close)])
            spans.append(_finish(opened, close, index, closed=True, single=True))
            position = close_index + 1
    return spans


def _closers(text: str, marks: Sequence[tuple[int, str | None]]) -> list[int | None]:
    """For each index i, the index of the mark that closes a quote opened before mark i:
    the first closer from i on that is not a possessive ('allies’ plans'), else the last
    closer of the paragraph. One pass from the right keeps a paragraph of thousands of
    marks linear."""
    result: list[int | None] = [None] * (len(marks) + 1)
    closers = [i for i, (_, role) in enumerate(marks) if role == CLOSE]
    last = closers[-1] if closers else None
    upcoming: int | None = None
    for i in range(len(marks) - 1, -1, -1):
        at, role = marks[i]
        if role == CLOSE:
            possessive = text[at - 1] in "sS" and text[at + 1 : at + 3].strip()[:1].islower()
            if not possessive or i == last:
                upcoming = i
        result[i] = upcoming
    return result


def find_quotes(text: str, blocks: Sequence[Block]) -> list[QuoteSpan]:
    """All quotes in document order."""
    doubles = find_double(text, blocks)
    singles = find_single(text, blocks, doubles)
    return sorted(doubles + singles, key=lambda span: span.open_at)


class QuoteIndex:
    """Answers 'is this position inside a quote (marks included)?' in O(log n)."""

    def __init__(self, spans: Sequence[QuoteSpan]) -> None:
        self._starts = [span.open_at for span in spans]
        self._ends = [span.close_at for span in spans]

    def __call__(self, position: int) -> bool:
        index = bisect.bisect_right(self._starts, position) - 1
        return index >= 0 and self._ends[index] >= position

    def any_between(self, start: int, end: int) -> bool:
        """Does a quote open in [start, end)?"""
        index = bisect.bisect_left(self._starts, start)
        return index < len(self._starts) and self._starts[index] < end
