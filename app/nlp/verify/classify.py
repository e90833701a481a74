"""Judge an alignment: is every difference signposted, and is any of them one that matters?

The rules a copy desk uses. Words left out need an ellipsis (or a break between quoted parts,
or the quote starting a sentence part-way through); words added or replaced need brackets.
Anything else is `altered`. Two guards keep a signpost from excusing a change of meaning: a
short elision that swallows a negation ("I will … support it" from "I will not support it")
and a bracket that swaps a number or a negation.
"""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import dataclass

from app.nlp.verify.text import Word
from app.nlp.verify.window import Edit
from app.nlp.verify.words import NEGATIONS, STOPWORDS, is_number

# An ellipsis over a sentence or more may pass a "not" that belongs to other words; over a
# few words it is the "not" of the sentence quoted.
SHORT_ELISION = 6
MIN_CONTENT_COVERAGE = 0.5  # half the news quote's content words must be found in order
MIN_WORD_COVERAGE = 0.4  # and a good share of all its words, so stray names do not place it
MOSTLY = 0.7  # or most of all its words, in order, in one short window: chance does not do that
MOSTLY_MIN_WORDS = 4


@dataclass(frozen=True)
class Judged:
    """An edit with what excuses it (`signpost`) and what no signpost excuses (`problem`)."""

    edit: Edit
    signpost: str | None
    problem: str | None

    @property
    def fine(self) -> bool:
        return self.edit.tag == "equal" or (self.signpost is not None and self.problem is None)


def judge(edit: Edit, news: list[Word], source: tuple[Word, ...]) -> Judged:
    if edit.tag == "equal":
        return Judged(edit, None, None)
    added = news[edit.n0 : edit.n1]
    removed = source[edit.s0 : edit.s1]
    if edit.tag == "deleted":
        signpost = _elision_signpost(edit, news, source)
        short = len(removed) <= SHORT_ELISION
        negation = short and any(w.norm in NEGATIONS for w in removed)
        return Judged(edit, signpost, "negation left out" if signpost and negation else None)
    if not all(w.bracketed for w in added):
        return Judged(edit, None, None)
    return Judged(edit, "brackets", _bracket_problem(added, removed))


def slide_to_signposts(
    edits: tuple[Edit, ...], news: list[Word], source: tuple[Word, ...]
) -> tuple[Edit, ...]:
    """Move each unsignposted cut to an equally good place that has a signpost.

    "We will study the ruling, and we will comply" printed "We will comply" can be read as
    "study the ruling, and we will" cut mid-sentence or as "We will study the ruling, and"
    cut at the start of the news sentence (a sentence begun mid-way): the same words
    either way, and the reader's view is the one with the signpost.
    """
    out = list(edits)
    for k in range(1, len(out) - 1):
        cut, before, after = out[k], out[k - 1], out[k + 1]
        if cut.tag != "deleted" or before.tag != "equal" or after.tag != "equal":
            continue
        if _elision_signpost(cut, news, source):
            continue
        for shift in _shifts(cut, before, after, news, source):
            moved = Edit("deleted", cut.n0 + shift, cut.n0 + shift, cut.s0 + shift, cut.s1 + shift)
            if _elision_signpost(moved, news, source):
                out[k - 1] = Edit(
                    "equal", before.n0, before.n1 + shift, before.s0, before.s1 + shift
                )
                out[k] = moved
                out[k + 1] = Edit("equal", after.n0 + shift, after.n1, moved.s1, after.s1)
                break
    return tuple(e for e in out if e.tag != "equal" or e.n1 > e.n0)


def _shifts(
    cut: Edit, before: Edit, after: Edit, news: list[Word], source: tuple[Word, ...]
) -> Iterator[int]:
    """Offsets (-1, -2, ..., then 1, 2, ...) the cut can move to with the same words kept."""
    left = 0
    while (
        left < before.n1 - before.n0
        and news[cut.n0 - left - 1].norm == source[cut.s1 - left - 1].norm
    ):
        left += 1
        yield -left
    right = 0
    while right < after.n1 - after.n0 and source[cut.s0 + right].norm == news[cut.n0 + right].norm:
        right += 1
        yield right


def _elision_signpost(edit: Edit, news: list[Word], source: tuple[Word, ...]) -> str | None:
    if edit.n0 >= len(news):
        return None
    after = news[edit.n0]
    if after.gap_before and edit.n0:
        return after.gap_before
    news_sentence_start = edit.n0 == 0 or news[edit.n0 - 1].ends_sentence
    source_sentence_start = edit.s0 == 0 or source[edit.s0 - 1].ends_sentence
    # Whole sentences dropped between two quoted ones are not a sentence begun mid-way:
    # the news resumes where a source sentence begins, so nothing shows the cut.
    resumes_mid_sentence = not source[edit.s1 - 1].ends_sentence
    if after.capitalised and news_sentence_start and source_sentence_start and resumes_mid_sentence:
        return "sentence begun mid-way"
    return None


def _bracket_problem(added: list[Word], removed: tuple[Word, ...]) -> str | None:
    """Brackets clarify ("[Russia]" for "they"); they must not change a number or a negation."""
    said = {w.norm for w in removed}
    written = {w.norm for w in added}
    if {n for n in said if is_number(n)} - written:
        return "number changed"
    if {n for n in said ^ written if n in NEGATIONS}:
        return "negation changed"
    return None


def close_enough(news: list[Word], edits: tuple[Edit, ...]) -> bool:
    """Is this passage the source at all, rather than other words on the same theme?"""
    spoken = [i for i, w in enumerate(news) if not w.bracketed]
    if not spoken:
        return False
    content = [i for i in spoken if news[i].norm not in STOPWORDS] or spoken
    matched = {i for e in edits if e.tag == "equal" for i in range(e.n0, e.n1)}
    found = sum(1 for i in content if i in matched)
    words_found = len(matched.intersection(spoken))
    # A short sentence of function words with one word swapped ("I will not [pretend] that
    # this was easy") keeps most of its words in order even with one content word left.
    mostly_there = words_found >= MOSTLY * len(spoken) and words_found >= MOSTLY_MIN_WORDS
    return mostly_there or (
        found >= MIN_CONTENT_COVERAGE * len(content)
        and found >= min(2, len(content))
        and words_found >= MIN_WORD_COVERAGE * len(spoken)
    )


def score(news: list[Word], judged: list[Judged]) -> float:
    """Word-level similarity 0-100; words left out at a signpost do not count against it."""
    equal = sum(j.edit.n1 - j.edit.n0 for j in judged if j.edit.tag == "equal")
    source = sum(
        j.edit.s1 - j.edit.s0
        for j in judged
        if not (j.edit.tag == "deleted" and j.signpost and not j.problem)
    )
    total = len(news) + source
    return round(200.0 * equal / total, 1) if total else 0.0
