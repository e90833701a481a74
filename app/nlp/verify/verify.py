"""Put it together: align the quote, judge each difference, name the status."""

from __future__ import annotations

from collections.abc import Hashable, Sequence
from dataclasses import dataclass

from app.nlp.verify.align import Alignment, align
from app.nlp.verify.classify import (
    SHORT_ELISION,
    Judged,
    close_enough,
    judge,
    score,
    slide_to_signposts,
)
from app.nlp.verify.source import SourceIndex, SourcePassage
from app.nlp.verify.text import Word, news_words
from app.nlp.verify.window import Edit
from app.nlp.verify.words import NEGATIONS

# In the order a reader worries about them; `no_source` is decided by the caller.
STATUSES = ("altered", "edited", "verbatim", "unmatched", "no_source")


@dataclass(frozen=True)
class DiffOp:
    """One run of the word-level diff, with the words as printed and as spoken.

    Offsets are characters: news ones into the quote text (parts joined by a space), source
    ones into the source passage. `signpost` says what excuses a difference (ellipsis,
    brackets, break, sentence begun mid-way); `problem` what no signpost excuses.
    """

    op: str  # equal | inserted | deleted | replaced
    news: str
    source: str
    news_start: int
    news_end: int
    source_start: int
    source_end: int
    signpost: str | None = None
    problem: str | None = None


@dataclass(frozen=True)
class Verification:
    status: str
    score: float
    source_key: Hashable | None = None
    source_start: int | None = None  # characters into the source passage
    source_end: int | None = None
    diff: tuple[DiffOp, ...] = ()


def verify_quote(parts: str | Sequence[str], index: SourceIndex) -> Verification:
    """Classify a news quote against the passages it could have been taken from."""
    text, words = news_words([parts] if isinstance(parts, str) else list(parts))
    if not words or not index.passages:
        return Verification("unmatched", 0.0)
    found = align(index, words)
    if found is None or not close_enough(words, found.edits):
        return Verification("unmatched", 0.0)
    passage = index.passages[found.passage]
    found = _sentence_opening(found, words, passage.words)
    edits = slide_to_signposts(found.edits, words, passage.words)
    found = Alignment(found.passage, found.start, found.end, edits)
    judged = [judge(edit, words, passage.words) for edit in found.edits]
    if all(j.edit.tag == "equal" for j in judged):
        status = "verbatim"
    elif all(j.fine for j in judged):
        status = "edited"
    else:
        status = "altered"
    return Verification(
        status=status,
        score=score(words, judged),
        source_key=passage.key,
        source_start=passage.words[found.start].start,
        source_end=passage.words[found.end - 1].end,
        diff=_diff(text, words, passage, found, judged),
    )


def _sentence_opening(found: Alignment, words: list[Word], source: tuple[Word, ...]) -> Alignment:
    """A quote printed as a sentence that starts part-way through one: show the opening left
    out when it is short and holds a negation ("The recovery will last" from "I don't think
    that the recovery will last"). Otherwise starting part-way is simply quoting.
    """
    first = found.edits[0]
    if first.tag != "equal" or not words[0].capitalised or found.start == 0:
        return found
    if source[found.start].capitalised or source[found.start - 1].ends_sentence:
        return found
    start = found.start
    while start > 0 and not source[start - 1].ends_sentence and found.start - start < SHORT_ELISION:
        start -= 1
    opening = source[start : found.start]
    if not (start == 0 or source[start - 1].ends_sentence) or not any(
        w.norm in NEGATIONS for w in opening
    ):
        return found
    cut = Edit("deleted", 0, 0, start, found.start)
    return Alignment(found.passage, start, found.end, (cut, *found.edits))


def _diff(
    text: str, words: list[Word], passage: SourcePassage, found: Alignment, judged: list[Judged]
) -> tuple[DiffOp, ...]:
    ops: list[DiffOp] = []
    for j in judged:
        e = j.edit
        n_start, n_end = _span(words, e.n0, e.n1, len(text))
        s_start, s_end = _span(list(passage.words), e.s0, e.s1, len(passage.text))
        ops.append(
            DiffOp(
                op=e.tag,
                news=text[n_start:n_end],
                source=passage.text[s_start:s_end],
                news_start=n_start,
                news_end=n_end,
                source_start=s_start,
                source_end=s_end,
                signpost=j.signpost,
                problem=j.problem,
            )
        )
    return tuple(ops)


def _span(words: Sequence[Word], first: int, last: int, length: int) -> tuple[int, int]:
    """Character span of words [first, last); an empty run sits where the next word starts."""
    if last > first:
        return words[first].start, words[last - 1].end
    at = words[first].start if first < len(words) else length
    return at, at
