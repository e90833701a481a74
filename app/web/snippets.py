"""Quotable sentences: which sentences of a quote match a search, and the excerpt a card shows.

A transcript turn can run to thousands of characters; a card shows the sentences that name
what was searched for (the words of `q`, any name of the searched topic), joined by "…", with
those sentences and the matching words marked. Matching compares Snowball (Porter 2) stems,
the stemmer behind PostgreSQL's `english` search, so `sanction` finds "sanctions".
"""

from __future__ import annotations

import re
import unicodedata
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from functools import lru_cache

import snowballstemmer  # type: ignore[import-untyped]

from app.nlp.news.text import Block, paragraphs, sentences

_WORD = re.compile(r"\w+(?:['’]\w+)*", re.UNICODE)
SHORT_QUOTE = 320  # characters: a quote this short is shown whole, matching sentences marked
EXCERPT_SENTENCES = 3  # matching sentences a long quote shows at most
EXCERPT_CHARS = 480  # ...and about this many characters of them (a card, not the turn)
LONG_SENTENCE = 360  # characters: a longer sentence is cut around its first match
_stemmer = snowballstemmer.stemmer("english")


@lru_cache(maxsize=4096)
def stem(word: str) -> str:
    """Case-, accent- and inflection-insensitive form of one word."""
    folded = unicodedata.normalize("NFKD", word.casefold().replace("’", "'"))
    folded = "".join(c for c in folded if not unicodedata.combining(c))
    return str(_stemmer.stemWord(folded.removesuffix("'s")))


@dataclass(frozen=True)
class Term:
    """Words to find in a row: a word, a phrase, a prefix (`negotiat*`) or a topic's name.

    `exact_case` keeps acronyms from matching ordinary words: the alias "IS" (Islamic State)
    must not mark every "is".
    """

    words: tuple[str, ...]
    prefix: bool = False
    exact_case: bool = False

    @classmethod
    def of_name(cls, name: str) -> Term | None:
        words = tuple(_WORD.findall(name))
        if not words:
            return None
        if len(words) == 1 and words[0].isupper() and len(words[0]) <= 4:
            return cls(words, exact_case=True)
        return cls(tuple(stem(w) for w in words))

    @classmethod
    def of_query(cls, words: Sequence[str], prefix: bool) -> Term:
        if prefix:
            return cls((words[-1].casefold(),), prefix=True)
        return cls(tuple(stem(w) for w in words))


@dataclass(frozen=True)
class Token:
    start: int
    end: int
    word: str


def tokens(text: str) -> list[Token]:
    return [Token(m.start(), m.end(), m.group()) for m in _WORD.finditer(text)]


class Words:
    """A text's words, tokenised and stemmed once, indexed by stem: a 5,000-character turn
    is checked against every name of a topic without re-reading it per name."""

    def __init__(self, text: str) -> None:
        self.tokens = tokens(text)
        self.stems = [stem(t.word) for t in self.tokens]
        self.at: dict[str, list[int]] = {}
        for i, s in enumerate(self.stems):
            self.at.setdefault(s, []).append(i)

    def _matches(self, term: Term, k: int, i: int) -> bool:
        word, token = term.words[k], self.tokens[i]
        if term.exact_case:
            return token.word == word
        if term.prefix and k == len(term.words) - 1:
            return token.word.casefold().startswith(word) or self.stems[i] == stem(word)
        return self.stems[i] == word

    def _starts(self, term: Term) -> list[int]:
        if term.exact_case or term.prefix:
            return [i for i in range(len(self.tokens)) if self._matches(term, 0, i)]
        return self.at.get(term.words[0], [])

    def hits(self, terms: Iterable[Term]) -> list[tuple[int, int]]:
        """Sorted, merged (start, end) spans where any term occurs as whole words."""
        spans = []
        for term in terms:
            n = len(term.words)
            for i in self._starts(term):
                if i + n <= len(self.tokens) and all(
                    self._matches(term, k, i + k) for k in range(1, n)
                ):
                    spans.append((self.tokens[i].start, self.tokens[i + n - 1].end))
        return _merge(sorted(spans))


def find_hits(text: str, terms: Iterable[Term]) -> list[tuple[int, int]]:
    """Sorted, merged (start, end) spans of text where any term occurs as whole words."""
    return Words(text).hits(terms)


def _merge(spans: list[tuple[int, int]]) -> list[tuple[int, int]]:
    merged: list[tuple[int, int]] = []
    for start, end in spans:
        if merged and start <= merged[-1][1]:
            merged[-1] = (merged[-1][0], max(end, merged[-1][1]))
        else:
            merged.append((start, end))
    return merged


@dataclass(frozen=True)
class Piece:
    text: str
    hit: bool = False


@dataclass(frozen=True)
class Shown:
    """One sentence on a card: its pieces, whether it matched, and an elision before it."""

    pieces: tuple[Piece, ...]
    matched: bool
    gap_before: bool


@dataclass(frozen=True)
class Excerpt:
    sentences: tuple[Shown, ...]
    gap_after: bool

    @property
    def whole(self) -> bool:
        return not self.gap_after and not any(s.gap_before for s in self.sentences)

    @property
    def text(self) -> str:
        """Plain text, "…" for what was left out: for feeds and citations."""
        parts = []
        for shown in self.sentences:
            if shown.gap_before:
                parts.append("…")
            parts.append("".join(p.text for p in shown.pieces))
        if self.gap_after:
            parts.append("…")
        return " ".join(parts)


def split_sentences(text: str) -> list[Block]:
    """Every sentence of every line, as offsets into `text`."""
    return [s for para in paragraphs(text) for s in sentences(text, para, [])]


def excerpt(text: str, terms: Sequence[Term]) -> Excerpt:
    """A short quote whole; a long one as its matching sentences (or its opening), with "…"."""
    blocks = split_sentences(text) or [Block(0, len(text))]
    words = Words(text) if terms else None
    per_term = [words.hits([term]) for term in terms] if words else []
    hits = _merge(sorted(span for spans in per_term for span in spans))
    matched = [i for i, b in enumerate(blocks) if _hits_in(hits, b)]
    if len(text) <= SHORT_QUOTE:
        chosen = list(range(len(blocks)))
    elif matched:
        chosen = _best(blocks, matched, per_term)
    else:
        chosen = _opening(blocks)
    shown = []
    previous = -1
    for i in chosen:
        block = blocks[i]
        pieces = _pieces(text, block, _hits_in(hits, block))
        shown.append(Shown(pieces, i in matched, gap_before=i != previous + 1))
        previous = i
    return Excerpt(tuple(shown), previous != len(blocks) - 1)


def _best(
    blocks: list[Block], matched: list[int], per_term: list[list[tuple[int, int]]]
) -> list[int]:
    """The sentences naming the most of what was searched (`Kerry on Assad and sanctions`:
    one naming both beats two naming one), in the order they were said."""

    def score(i: int) -> tuple[int, int]:
        return (-sum(bool(_hits_in(spans, blocks[i])) for spans in per_term), i)

    chosen: list[int] = []
    length = 0
    for i in sorted(matched, key=score)[:EXCERPT_SENTENCES]:
        size = min(blocks[i].end - blocks[i].start, LONG_SENTENCE)
        if chosen and length + size > EXCERPT_CHARS:
            break
        chosen.append(i)
        length += size
    return sorted(chosen)


def _opening(blocks: list[Block]) -> list[int]:
    """The first sentences, up to about a short quote's length."""
    chosen: list[int] = []
    length = 0
    for i, block in enumerate(blocks):
        if chosen and length + (block.end - block.start) > SHORT_QUOTE:
            break
        chosen.append(i)
        length += block.end - block.start
    return chosen


def _hits_in(hits: list[tuple[int, int]], block: Block) -> list[tuple[int, int]]:
    return [(s, e) for s, e in hits if s >= block.start and e <= block.end]


def _pieces(text: str, block: Block, hits: list[tuple[int, int]]) -> tuple[Piece, ...]:
    """The sentence split at its hits; a very long one cut to a window around the first hit."""
    start, end = block.start, block.end
    if end - start > LONG_SENTENCE:
        centre = hits[0][0] if hits else start
        start = max(start, centre - LONG_SENTENCE // 3)
        end = min(end, start + LONG_SENTENCE)
        start, end = _word_edges(text, start, end, block)
    pieces = [Piece("… ")] if start > block.start else []
    at = start
    for s, e in hits:
        if s < start or e > end:
            continue
        if s > at:
            pieces.append(Piece(text[at:s]))
        pieces.append(Piece(text[s:e], hit=True))
        at = e
    if at < end:
        pieces.append(Piece(text[at:end]))
    if end < block.end:
        pieces.append(Piece(" …"))
    return tuple(pieces)


def _word_edges(text: str, start: int, end: int, block: Block) -> tuple[int, int]:
    """Move a window's edges out of the middle of words."""
    while start > block.start and not text[start - 1].isspace():
        start -= 1
    while end < block.end and not text[end].isspace():
        end += 1
    return start, end
