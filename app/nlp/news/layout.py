"""Page furniture around a wire story: datelines, bylines, credits, captions, link lines.

Copied articles keep what the page printed around the copy: 'LONDON (Reuters) - ' before
the first sentence, 'By Lesley Wroughton and Arshad Mohammed', 'Reporting by ...; Editing by
...', 'U.S. Secretary of State John Kerry (L) speaks ... REUTERS/Kevin Lamarque', 'Read
more:' with a linked headline under it, 'Advertisement', 'Click to follow', kickers such as
'MIDDLE EAST'. None of these lines is anyone's statement, and the people a credit names are
reporters and photographers, who are never the speaker of a quote.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import dataclass

from app.nlp.news.text import Block

# 'LONDON (Reuters) - ', 'WASHINGTON (AP) — ', 'BEIRUT, Oct 16 (Reuters) -', 'ISLAMABAD,
# Sept. 20 (Xinhua) -- ', 'Sept. 20 (Xinhua) -- ', '(CNN) ', 'DOHA, Qatar — '.
_PLACE = r"[A-Z][A-Z.’'-]+(?:\s+[A-Z][A-Z.’'-]+){0,3}(?:,\s+[A-Z][\w.]+(?:\s+[A-Z][\w.]+)?)?"
_DATE = r"[A-Z][a-z]{2,4}\.?\s+\d{1,2}"
_OUTLET = r"\((?:Reuters|AP|AFP|Xinhua|CNN|Bloomberg|dpa|IANS|PTI|UPI|Al Jazeera)\)"
_DASH = r"(?:--|-|—|–)"
_DATELINE = re.compile(
    rf"(?:(?:{_PLACE})(?:,\s+{_DATE})?\s*{_OUTLET}\s*{_DASH}?"  # LONDON (Reuters) -
    rf"|(?:{_DATE})\s*{_OUTLET}\s*{_DASH}?"  # Sept. 20 (Xinhua) --
    rf"|{_OUTLET}\s*{_DASH}?"  # (CNN)
    rf"|{_PLACE}(?:,\s+{_DATE})?\s+{_DASH})\s+"  # DOHA, Qatar —
)

# Credits: the names in them are reporters, editors and photographers.
_CREDIT = re.compile(
    r"^\(?(?:(?:Additional\s+)?[Rr]eporting\s+by\b|Writing\s+by\b|Editing\s+by\b"
    r"|Compiled\s+by\b|Photo(?:graph)?s?:|Image\s+(?:caption|source|copyright)\b|Getty\s+Images)"
    r"|\bcontributed(?:\s+to\s+this\s+(?:report|story))?\.?\)?$"
    r"|\b(?:REUTERS|AFP|AP|EPA|ANADOLU|XINHUA)\s*/\s*[A-Z][^/\n]*$|\((?:AP|AFP)\s+Photo\b"
)
# 'Helena Smith in Athens': a Guardian byline, a name and a place, nothing else.
_NAME_IN_PLACE = re.compile(r"^[A-Z][a-z]+(?:\s+[A-Z][\w’'-]+){1,2}\s+in\s+[A-Z][\w ]+$")
# Lines that hold no copy at all; the link lines announce a linked headline after them.
_LINK = re.compile(
    r"^(?:Read\s+more|Related(?:\s+coverage|\s+content|\s+stories|\s+articles)?|See\s+also"
    r"|More\s+on\s+this\s+story|Also\s+read)\b\s*:?\s*$",
    re.IGNORECASE,
)
_INLINE_LINK = re.compile(r"^(?:Read\s+more|Related|See\s+also|Also\s+read)\s*:\s+\S", re.I)
_BOILERPLATE = re.compile(
    r"^(?:Advertisement|Click\s+to\s+follow|The\s+Independent\s+Online|Follow\s+.{1,40}\s+on\s+"
    r"(?:Twitter|Facebook|Instagram)|Share(?:\s+this)?|Enditem|Endit|_{2,}|[a-z]{2,4}(?:[-/]"
    r"[a-z]{2,4})+|Image\s+caption\b.*|Media\s+caption\b.*)$"
)
# 'U.S. Secretary of State John Kerry (L) speaks ... REUTERS/Kevin Lamarque': a caption may
# introduce a person, but its photo credit is cut off first.
_PHOTO_CREDIT = re.compile(
    r"(?:\b(?:REUTERS|AFP|AP|EPA)\s*/\s*[A-Z][^/\n]*|\((?:AP|AFP)\s+Photo[^)]*\)|"
    r"Photograph:.*|Photo:.*|\b[A-Z][\w ]+/(?:AFP|Getty Images|Reuters|AP|EPA)\b.*)$"
)
_CAPTION_SHAPE = re.compile(
    r"\((?:L|R|C|left|right|centre|center)\)|\bREUTERS/|\b(?:AFP|AP)\s+Photo"
)


@dataclass(frozen=True)
class Layout:
    """Which paragraphs are furniture and which credit people (never speakers)."""

    furniture: frozenset[int]
    credits: frozenset[int]
    captions: frozenset[int]
    headline: int | None


def strip_dateline(text: str, block: Block) -> Block:
    """The paragraph without a leading dateline: 'LONDON (Reuters) - Kerry said' -> 'Kerry
    said', so the sentence starts where its subject does."""
    match = _DATELINE.match(text, block.start, block.end)
    if match is None or match.end() >= block.end:
        return block
    return Block(match.end(), block.end)


def _is_kicker(line: str) -> bool:
    """'MIDDLE EAST', 'RELATED COVERAGE', 'EXCLUSIVE': short, all capitals, no sentence."""
    return line.isupper() and len(line.split()) <= 6 and not line.endswith((".", "”", '"'))


def _is_headline_like(line: str) -> bool:
    """A linked headline under 'Read more:': no final stop, not many words."""
    return not line.endswith((".", "”", '"', "’", "'")) and len(line.split()) <= 16


def _is_byline(line: str) -> bool:
    """'By Lesley Wroughton and Arshad Mohammed', 'By Peter Walker Political correspondent';
    not 'By Sunday, the army had retaken the town.' (a comma or a final stop is copy)."""
    return (
        line.startswith("By ")
        and line[3:4].isupper()
        and len(line.split()) <= 10
        and not line.endswith((".", "”", '"'))
        and "," not in line
    )


_CREDIT_STARTS: tuple[str, ...] = (
    "(",
    "By ",
    "Reporting",
    "Additional",
    "Writing",
    "Editing",
    "Compiled",
    "Photo",
    "Image",
    "Media",
    "Getty",
    "Read",
    "Related",
    "See",
    "Also",
)


def _surely_copy(line: str) -> bool:
    """Most paragraphs are sentences of copy: ending with a stop, they need no closer look
    unless they carry a credit's marks ('... contributed to this report.')."""
    return (
        line.endswith((".", "!", "?", "”", '"', "’", "'"))
        and "/" not in line
        and "contributed" not in line
        and not line.startswith(_CREDIT_STARTS)
    )


def _kind(line: str, index: int) -> str | None:
    if _surely_copy(line):
        return None
    if _CREDIT.search(line) or _is_byline(line) or (index < 4 and _NAME_IN_PLACE.match(line)):
        return "credit"
    if _CAPTION_SHAPE.search(line) or line.startswith(("Image caption", "Media caption")):
        return "caption"
    if _LINK.match(line) or _INLINE_LINK.match(line) or _BOILERPLATE.match(line):
        return "link"
    if _is_kicker(line):
        return "link"
    return None


def layout(text: str, blocks: Sequence[Block]) -> Layout:
    """Classify every paragraph; the headline is the first one that is not furniture."""
    furniture: set[int] = set()
    credits: set[int] = set()
    captions: set[int] = set()
    follows_link = False
    for index, block in enumerate(blocks):
        line = text[block.start : block.end]
        kind = _kind(line, index)
        if kind is None and follows_link and _is_headline_like(line):
            kind = "link"
        follows_link = kind == "link" and bool(_LINK.match(line))
        if kind is None:
            continue
        furniture.add(index)
        if kind == "credit":
            credits.add(index)
        elif kind == "caption":
            captions.add(index)
    headline = next((i for i in range(len(blocks)) if i not in furniture), None)
    return Layout(frozenset(furniture), frozenset(credits), frozenset(captions), headline)


def blank_credits(text: str, blocks: Sequence[Block], page: Layout) -> str:
    """The text with credit lines and photo credits replaced by spaces (offsets unchanged),
    so the people they name never join the cast."""
    pieces: list[tuple[int, int]] = [(blocks[i].start, blocks[i].end) for i in page.credits]
    for index in page.captions:
        block = blocks[index]
        match = _PHOTO_CREDIT.search(text, block.start, block.end)
        if match:
            pieces.append(match.span())
    if not pieces:
        return text
    chars = list(text)
    for start, end in pieces:
        chars[start:end] = " " * (end - start)
    return "".join(chars)
