"""Words of a quote or a transcript, normalised so only wording can differ.

Case, quote-mark style, accents, whitespace, punctuation and house spelling are folded away.
What survives as structure are the editor's signposts: an ellipsis (words left out), square
brackets or parentheses (words added or replaced) and sentence ends (a sentence begun
mid-way). Every word keeps its character offsets so a diff can point back into the text.
"""

from __future__ import annotations

import re
import unicodedata
from bisect import bisect_left
from collections.abc import Sequence
from dataclasses import dataclass, replace
from functools import lru_cache

from app.nlp.verify.words import house_spelling

_TOKEN = re.compile(
    r"""
    (?P<ellipsis>\.(?:[ \u00a0]?\.){2,}|…)
    |(?P<open>[\[(])
    |(?P<close>[\])])
    |(?P<number>\d{1,3}(?:,\d{3})+(?:\.\d+)?|\d+(?:\.\d+)?)
    |(?P<word>[^\W_]+(?:['’‘`´.][^\W_]+)*)
    |(?P<percent>%)
    |(?P<currency>[$£€¥])
    |(?P<stop>[.?!]+)
    """,
    re.VERBOSE,
)
_BRACKET = re.compile(r"[\[\]()]")
_OPENING = {")": "(", "]": "["}
_APOSTROPHES = str.maketrans({"’": "'", "‘": "'", "`": "'", "´": "'"})
# Transcripts mark what was not speech in brackets: "(Laughter.)", "(inaudible)", "[crosstalk]".
# A longer bracketed stretch is more likely speech set off by the transcriber, so it stays.
ANNOTATION_WORDS = 6


CURRENCY = "\x01"  # marks a currency symbol until it is moved after its amount
CURRENCIES = {"$": "dollars", "£": "pounds", "€": "euros", "¥": "yen"}
# After a currency amount: '$5bn', '£3m', '€40k' (not after a bare number: '100m' is metres).
MULTIPLIERS = {
    "thousand": "thousand",
    "million": "million",
    "billion": "billion",
    "trillion": "trillion",
    "k": "thousand",
    "m": "million",
    "mn": "million",
    "bn": "billion",
    "tn": "trillion",
}


@dataclass(frozen=True, slots=True)
class Word:
    """One word: its normal form, where it sits in its text, and the signposts around it."""

    norm: str
    start: int
    end: int
    bracketed: bool = False  # inside [..] or (..): the editor's words, not the speaker's
    gap_before: str | None = None  # "ellipsis" or "break" (a new quoted part) before this word
    ends_sentence: bool = False
    capitalised: bool = False


@lru_cache(maxsize=1 << 16)  # a transcript repeats its words; fold each spelling once
def normalise_word(raw: str) -> str:
    """'U.S.' -> 'us', 'Recognised' -> 'recognized', '9,364' -> '9364', 'Erdoğan' -> 'erdogan'."""
    text = unicodedata.normalize("NFKD", raw)
    text = "".join(ch for ch in text if not unicodedata.combining(ch))
    text = text.casefold().translate(_APOSTROPHES).strip("'")
    if text[:1].isdigit():
        return text.replace(",", "")
    return house_spelling(text.replace(".", ""))


def _balanced_brackets(text: str) -> list[tuple[int, int]]:
    """Spans of brackets that close; a stray '(' must not turn the rest of a quote editorial."""
    spans: list[tuple[int, int]] = []
    stack: list[tuple[str, int]] = []
    for match in _BRACKET.finditer(text):
        ch, index = match.group(), match.start()
        if ch in "([":
            stack.append((ch, index))
        elif stack and stack[-1][0] == _OPENING[ch]:
            _, start = stack.pop()
            spans.append((start, index + 1))
    return spans


def tokenise(
    text: str, *, base: int = 0, gap: str | None = None, brackets: bool = True
) -> list[Word]:
    """Words of one stretch of text; `gap` marks what separates it from the stretch before.

    With `brackets` False no word is marked bracketed (a transcript's own brackets are
    annotations, dropped by `source_words`, not editing).
    """
    inside = _mask(len(text), _balanced_brackets(text) if brackets else [])
    words: list[Word] = []
    pending_gap = gap
    for match in _TOKEN.finditer(text):
        kind = match.lastgroup
        if kind == "ellipsis":
            pending_gap = pending_gap or "ellipsis"
        elif kind == "stop" and words:
            words[-1] = replace(words[-1], ends_sentence=True)
        elif kind == "currency":
            start, end = match.span()
            words.append(Word(CURRENCY + match.group(), base + start, base + end))
        elif kind in ("word", "number", "percent"):
            raw = match.group()
            norm = "percent" if kind == "percent" else normalise_word(raw)
            if not norm:
                continue
            start, end = match.span()
            if norm == "cent" and words and words[-1].norm == "per":
                words[-1] = replace(words[-1], norm="percent", end=base + end)
                continue
            words.append(
                Word(
                    norm,
                    base + start,
                    base + end,
                    bool(inside[start]),
                    pending_gap,
                    False,
                    raw[:1].isupper(),
                )
            )
            pending_gap = None
    return _spoken_currency(words)


def _spoken_currency(words: list[Word]) -> list[Word]:
    """'$500 million' is said "500 million dollars", '£5bn' "5 billion pounds": put the unit
    where it is spoken, so a print style is not a change of words and '$' for '£' is one."""
    if not any(w.norm.startswith(CURRENCY) for w in words):
        return words
    out: list[Word] = []
    i = 0
    while i < len(words):
        word = words[i]
        if not word.norm.startswith(CURRENCY):
            out.append(word)
            i += 1
            continue
        amount = words[i + 1 : i + 2]
        if not amount or not amount[0].norm[:1].isdigit():
            i += 1  # a stray symbol is punctuation
            continue
        size = words[i + 2 : i + 3]
        if size and size[0].norm in MULTIPLIERS:
            amount.append(replace(size[0], norm=MULTIPLIERS[size[0].norm]))
        unit = CURRENCIES[word.norm[len(CURRENCY) :]]
        out += [replace(amount[0], gap_before=word.gap_before or amount[0].gap_before), *amount[1:]]
        out.append(replace(word, norm=unit, start=word.start, end=amount[-1].end))
        i += 1 + len(amount)
    return out


def _mask(length: int, spans: list[tuple[int, int]]) -> bytearray:
    """One byte per character: 1 inside a bracketed span."""
    mask = bytearray(length)
    for start, end in spans:
        mask[start:end] = b"\x01" * (end - start)
    return mask


def news_words(parts: Sequence[str]) -> tuple[str, list[Word]]:
    """The words of a news quote given as its quoted parts ('“A,” he said, “B.”' -> A, B).

    Returns the parts joined by a space (offsets point into that) and the words; the first
    word of each later part carries a "break" gap, as an ellipsis would.
    """
    joined = ""
    words: list[Word] = []
    for index, part in enumerate(parts):
        if index:
            joined += " "
        words.extend(tokenise(part, base=len(joined), gap="break" if index else None))
        joined += part
    return joined, words


def source_words(text: str) -> list[Word]:
    """The spoken words of a transcript passage: short bracketed annotations are dropped."""
    words = tokenise(text, brackets=False)
    starts = [w.start for w in words]
    annotations = [
        (start, end)
        for start, end in _balanced_brackets(text)
        if bisect_left(starts, end) - bisect_left(starts, start) <= ANNOTATION_WORDS
    ]
    dropped = _mask(len(text), annotations)
    return [w for w in words if not dropped[w.start]] if annotations else words
