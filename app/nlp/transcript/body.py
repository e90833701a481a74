"""Where the spoken body of a transcript without speaker labels begins.

Header lines are short facts without sentence punctuation ('John Kerry', 'Munich, Germany',
'As Prepared for Delivery'); the body is prose. The first line that reads as a sentence
starts the body: fifteen words or more, or a shorter line that ends like a sentence and has
a lowercase function word ('Thank you very much, Wolfgang.', 'Good evening.'). A header
marker that happens to end with a period ('As prepared for delivery.') does not count.
"""

from __future__ import annotations

import re

from app.nlp.dates import parse_date
from app.nlp.transcript.furniture import FIELD, is_issuer_line, is_time_line

_LONG_LINE = 15  # words: a line this long is prose whatever its punctuation
_SENTENCE_END = re.compile(r"[.!?…][\"”’')]*$")
_LOWER_WORD = re.compile(r"\b[a-z]{2,}\b")


def prose_start(text: str) -> int:
    """Offset of the first line that reads as a sentence; len(text) when none does."""
    position = 0
    for line in text.split("\n"):
        if _is_prose(line):
            return position + len(line) - len(line.lstrip())
        position += len(line) + 1
    return len(text)


def _is_prose(line: str) -> bool:
    stripped = line.strip()
    words = stripped.split()
    if len(words) >= _LONG_LINE:
        return True
    if len(words) < 2 or not _SENTENCE_END.search(stripped) or stripped.startswith("("):
        return False
    if not stripped[:1].isupper() or not _LOWER_WORD.search(stripped):
        return False
    return not _is_header_fact(stripped)


def _is_header_fact(line: str) -> bool:
    """A dated, timed, issuer or field line that merely ends with a period."""
    bare = line.rstrip(".")
    return (
        parse_date(bare) is not None
        or is_time_line(bare)
        or is_issuer_line(bare)
        or FIELD.fullmatch(bare) is not None
    )
