"""Paragraphs and sentences of a news article, as character offsets into the source."""

from __future__ import annotations

import bisect
import itertools
import re
from collections.abc import Sequence
from dataclasses import dataclass

from app.nlp.news.lexicon import AUX_WORDS, ROLE_TITLES, SPEECH_VERBS, words


@dataclass(frozen=True)
class Block:
    """A paragraph or sentence: text[start:end], outer whitespace excluded."""

    start: int
    end: int


# A paragraph is a non-empty line: articles separate them by blank lines or by single
# newlines, and both occur in the same corpus.
_LINE = re.compile(r"[^\n]+")
# A sentence ends at .!? (perhaps followed by a closing mark or bracket) before whitespace and
# a capital, a digit or an opening mark: 'time.” Kerry', 'time. "We'.
_BOUNDARY = re.compile(r"[.!?…]+[”\"’')\]]*\s+(?=[“\"‘'(\[]?[A-Z0-9])")
# Words whose final period is not a sentence end: "Mr. Kerry", "Gen. Smith", "U.S. Secretary".
_ABBREVIATIONS = words(
    """
    mr mrs ms dr st gen col lt sgt rep sen gov prof jr sr inc ltd co corp vs no jan feb mar
    apr jun jul aug sep sept oct nov dec capt cmdr adm maj rev fig approx dept est
    """
)
# '“Enough is enough!” Osei told the crowd': after !” or ?” a name and a speech verb carry
# on the same sentence; lowercase title words may sit inside the name ('“Why would we
# wait?” White House press secretary Karen Dale asked').
_TITLE_WORDS = "|".join(sorted({w for title in ROLE_TITLES for w in title.split()}))
_ATTRIBUTION_AHEAD = re.compile(
    r"[A-Z][\w’'.-]*\s+(?:(?:[A-Z][\w’'.-]*|(?:"
    + _TITLE_WORDS
    + r"))\s+){0,5}?(?:(?:"
    + "|".join(sorted(AUX_WORDS))
    + r")\s+)?(?:"
    + "|".join(sorted(SPEECH_VERBS, key=len, reverse=True))
    + r")\b"
)
_EXCLAIMED_QUOTE = re.compile(r"[!?][”\"’']")
_INITIALS = re.compile(r"(?:\b[A-Za-z]\.)+$")


def paragraphs(text: str) -> list[Block]:
    """Every non-empty line, trimmed of surrounding spaces."""
    blocks = []
    for match in _LINE.finditer(text):
        line = match.group()
        stripped = line.strip()
        if stripped:
            start = match.start() + line.index(stripped[0])
            blocks.append(Block(start, start + len(stripped)))
    return blocks


def _is_abbreviation(text: str, dot: int) -> bool:
    """'Mr.' and dotted initials ('U.S.', 'J.') do not end a sentence; 'Syria.' does."""
    if text[dot] != ".":
        return False
    word_start = dot
    while word_start > 0 and not text[word_start - 1].isspace():
        word_start -= 1
    word = text[word_start : dot + 1].lstrip("(“\"‘'")
    return word[:-1].casefold() in _ABBREVIATIONS or bool(_INITIALS.search(word))


def sentences(text: str, block: Block, protected: Sequence[tuple[int, int]]) -> list[Block]:
    """Split a paragraph into sentences, never inside a protected (quoted) span.

    A quote is one unit: '“Q1. Q2,” he said.' is one sentence, so its attribution stays
    with it. `protected` holds sorted, non-overlapping (start, end) spans.
    """
    starts = [span[0] for span in protected]
    cuts = [block.start]
    for match in _BOUNDARY.finditer(text, block.start, block.end):
        cut = match.end()
        index = bisect.bisect_right(starts, cut - 1) - 1
        if index >= 0 and protected[index][0] < cut - 1 < protected[index][1]:
            continue
        if _is_abbreviation(text, match.start()):
            continue
        if _EXCLAIMED_QUOTE.search(match.group()) and _ATTRIBUTION_AHEAD.match(text, cut):
            continue
        cuts.append(cut)
    cuts.append(block.end)
    result = []
    for start, end in itertools.pairwise(cuts):
        while end > start and text[end - 1].isspace():
            end -= 1
        if end > start:
            result.append(Block(start, end))
    return result
