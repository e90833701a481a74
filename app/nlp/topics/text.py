"""Where a capitalised word stands: at a sentence start, in a speaker label, or in a heading.

A capital letter signals a name only in running prose. At a sentence start it is grammar
("Well, Boris"), in a transcript label it is layout ("SECRETARY KERRY:"), and in a headline or
a title-case line it is style ("Roundtable With Print Journalists").
"""

from __future__ import annotations

import bisect
import re
from collections.abc import Iterable

from app.nlp.topics.words import ABBREVIATIONS

# "QUESTION:", "SECRETARY KERRY:", "FOREIGN SECRETARY JOHNSON:" at a line start.
_LABEL = re.compile(r"^[ \t]*(?:[A-Z][A-Z.'’\-]*[ \t]+){0,4}[A-Z][A-Z.'’\-]+[ \t]*:", re.MULTILINE)
_LINE = re.compile(r"[^\n]+")
_TERMINAL = tuple(".!?…\"”’'")
_WORD_BEFORE_DOT = re.compile(r"([\w.]+)\.$")
_PUNCT = ".,;:!?\"'“”‘’()[]"


def sentence_initial(text: str, start: int) -> bool:
    """Whether the word at start opens a sentence, a line, a bracket or a quotation."""
    i = start - 1
    while i >= 0 and text[i] in " \t":
        i -= 1
    if i < 0 or text[i] in "\n\r":
        return True
    ch = text[i]
    if ch in "“‘([{!?:;…":
        return True
    if ch in "\"'":  # a straight quote opens when a space precedes it: said "Would we ...
        return i == 0 or text[i - 1].isspace() or text[i - 1] in "(["
    if ch in "—–-":  # "QUESTION: — you have": look past the dash
        return sentence_initial(text, i)
    if ch == ".":
        return not _abbreviation_before(text, i)
    if ch in "”’":  # '... slaughter.” Johnson said' ends a sentence; '... now,” he' does not
        return i > 0 and text[i - 1] in ".!?"
    return False


def _abbreviation_before(text: str, dot: int) -> bool:
    """'Mr. Kerry', 'U.S. officials', 'John F. Kennedy': the dot ends a word, not a sentence."""
    match = _WORD_BEFORE_DOT.search(text[max(0, dot - 12) : dot + 1])
    if not match:
        return False
    word = match.group(1)
    return len(word) == 1 or "." in word or word.casefold() in ABBREVIATIONS


def _title_case(line: str) -> bool:
    """'Joint Statement From Secretary John Kerry and U.K. Foreign Secretary Boris Johnson'."""
    raw = line.split()
    if len(raw) > 30:
        return False  # a paragraph, not a title
    words = [w.strip(_PUNCT) for w in raw]
    long_words = [w for w in words if len(w) > 3 and w[:1].isalpha()]
    if len(words) < 3 or not long_words:
        return False
    return sum(w[:1].isupper() for w in long_words) >= 0.7 * len(long_words)


def _heading(line: str, alone: bool) -> bool:
    """A line with no closing punctuation that is short, or stands alone between blank lines,
    is a headline, dateline or byline; a hard-wrapped line of prose is neither."""
    stripped = line.rstrip()
    words = len(stripped.split())
    if _title_case(line):
        return True
    return not stripped.endswith(_TERMINAL) and (words <= 8 or (alone and words <= 20))


def _heading_spans(text: str) -> list[tuple[int, int]]:
    """Heading lines start with a capital and are not continued by a lowercase line."""
    lines = [m for m in _LINE.finditer(text) if m.group().strip()]
    spans = []
    for i, line in enumerate(lines):
        before = i == 0 or text.count("\n", lines[i - 1].end(), line.start()) > 1
        after = i == len(lines) - 1 or text.count("\n", line.end(), lines[i + 1].start()) > 1
        follows = not after and i + 1 < len(lines) and lines[i + 1].group().lstrip()[:1].islower()
        if (
            not follows
            and line.group().lstrip()[:1].isupper()
            and _heading(line.group(), before and after)
        ):
            spans.append((line.start(), line.end()))
    return spans


class Spans:
    """Non-overlapping spans, sorted, for an overlap test by bisection."""

    def __init__(self, spans: Iterable[tuple[int, int]]) -> None:
        ordered = sorted(spans)
        self._starts = [s for s, _ in ordered]
        self._ends = [e for _, e in ordered]

    def overlaps(self, start: int, end: int) -> bool:
        i = bisect.bisect_left(self._ends, start + 1)  # the first span ending after start
        return i < len(self._starts) and self._starts[i] < end


def label_spans(text: str) -> Spans:
    """Transcript speaker labels: a name there introduces words, it is not one of them."""
    return Spans((m.start(), m.end()) for m in _LABEL.finditer(text))


class Layout:
    """Spans of a text where capitals carry no signal: speaker labels and heading lines."""

    def __init__(self, text: str) -> None:
        spans = [(m.start(), m.end()) for m in _LABEL.finditer(text)]
        if "\n" in text.strip():  # a one-line text is prose, however short
            spans += _heading_spans(text)
        spans.sort()
        self._starts = [s for s, _ in spans]
        self._ends = [e for _, e in spans]

    def skipped(self, pos: int) -> bool:
        """Whether pos lies in a label or heading."""
        i = bisect.bisect_right(self._starts, pos) - 1
        return any(self._ends[j] > pos for j in range(max(0, i - 1), i + 1))
