"""Align one segment of a news quote inside a window of source words.

Two alignments of the word lists, difflib's (longest common run first) and the longest common
subsequence (RapidFuzz Indel), and the tighter one kept; the window is then trimmed to the
passage and widened by the words the news changed at its edges.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from difflib import SequenceMatcher

from rapidfuzz.distance import Indel, Opcodes

from app.nlp.verify.source import SourceIndex
from app.nlp.verify.text import Word
from app.nlp.verify.words import is_contraction


@dataclass(frozen=True)
class Edit:
    """One run of the alignment: news words [n0, n1) against source words [s0, s1)."""

    tag: str  # equal | inserted (news only) | deleted (source only) | replaced
    n0: int
    n1: int
    s0: int
    s1: int


@dataclass(frozen=True)
class Placement:
    """A segment aligned to source words [start, end) of one passage."""

    passage: int
    start: int
    end: int
    edits: tuple[Edit, ...]
    equal: int


# difflib names edits turning the news into the source; we name them as the news did them.
_TAGS = {"equal": "equal", "insert": "deleted", "delete": "inserted", "replace": "replaced"}


def place(
    index: SourceIndex,
    norms: list[str],
    offset: int,
    cluster: tuple[int, int, int, int],
    bounds: tuple[int, int] | None = None,
) -> Placement | None:
    """Align one segment inside the window a cluster of votes points at; trim the window.

    A first pass over the window finds the matched stretch; the second re-aligns it widened
    by the news words left over at each edge, so "Syria" at the end of a quote pairs with
    "Aleppo", the word it replaced, not with whatever the window happened to end on.
    """
    _, number, first, last = cluster
    source = index.passages[number].words
    floor, ceiling = bounds if bounds is not None else (0, len(source))
    for start in (first, last):
        if floor <= start and start + len(norms) <= ceiling and _same(norms, source, start):
            edit = Edit("equal", offset, offset + len(norms), start, start + len(norms))
            return Placement(number, start, start + len(norms), (edit,), len(norms))
    slack = max(4, len(norms) // 2)
    lo = max(floor, first - slack)
    hi = min(ceiling, last + len(norms) + slack)
    if hi <= lo:
        return None
    first_pass = [
        e for e in _edits(norms, [w.norm for w in source[lo:hi]], 0, lo) if e.tag == "equal"
    ]
    if not first_pass:
        return None
    lo, hi = _widen(
        source,
        first_pass[0].s0,
        first_pass[-1].s1,
        head=_spoken_width(norms[: first_pass[0].n0]),
        tail=_spoken_width(norms[first_pass[-1].n1 :]),
        bounds=(floor, ceiling),
    )
    edits = _edits(norms, [w.norm for w in source[lo:hi]], offset, lo)
    equal = sum(e.n1 - e.n0 for e in edits if e.tag == "equal")
    if not equal:
        return None
    covered = [e for e in edits if e.s1 > e.s0]
    return Placement(number, covered[0].s0, covered[-1].s1, tuple(edits), equal)


def _widen(
    source: tuple[Word, ...], lo: int, hi: int, head: int, tail: int, bounds: tuple[int, int]
) -> tuple[int, int]:
    """Take in as many source words as the news has unmatched words at each edge, within the
    sentence: "[The government] will" replaces "We", not "this. We"."""
    floor, ceiling = bounds
    for _ in range(head):
        if lo <= floor or source[lo - 1].ends_sentence:
            break
        lo -= 1
    for _ in range(tail):
        if hi >= ceiling or source[hi - 1].ends_sentence:
            break
        hi += 1
    return lo, hi


def _spoken_width(norms: list[str]) -> int:
    """Words as spoken: "it's" or "won't" stand for two ("it is", "will not")."""
    return sum(2 if is_contraction(norm) else 1 for norm in norms)


def _same(norms: list[str], source: tuple[Word, ...], start: int) -> bool:
    return all(source[start + i].norm == norm for i, norm in enumerate(norms))


def _edits(norms: list[str], window: list[str], offset: int, lo: int) -> list[Edit]:
    """The tighter of two alignments: difflib's (longest run first) and the longest common
    subsequence (RapidFuzz Indel). Each goes wrong on its own on repeated words; the one that
    matches more words in the shorter stretch of source is the one a reader would draw.
    """
    matcher = SequenceMatcher(None, norms, window, autojunk=False)
    runs = [_trim(_from_difflib(matcher.get_opcodes(), offset, lo))]
    runs.append(_trim(_pair(_from_indel(Indel.opcodes(norms, window), offset, lo))))
    return min(runs, key=_untidiness)


def _untidiness(edits: list[Edit]) -> tuple[int, int, int]:
    matched = [e for e in edits if e.tag == "equal"]
    equal = sum(e.n1 - e.n0 for e in matched)
    span = (matched[-1].s1 - matched[0].s0) if matched else 0
    return (-equal, span, len(edits))


def _from_difflib(
    opcodes: Sequence[tuple[str, int, int, int, int]], offset: int, lo: int
) -> list[Edit]:
    return [
        Edit(_TAGS[t], offset + i1, offset + i2, lo + j1, lo + j2) for t, i1, i2, j1, j2 in opcodes
    ]


def _from_indel(opcodes: Opcodes, offset: int, lo: int) -> list[Edit]:
    return [
        Edit(
            _TAGS[op.tag],
            offset + op.src_start,
            offset + op.src_end,
            lo + op.dest_start,
            lo + op.dest_end,
        )
        for op in opcodes
    ]


def _pair(edits: list[Edit]) -> list[Edit]:
    """A deletion next to an insertion is one replacement ("billion" for "million")."""
    paired: list[Edit] = []
    for edit in edits:
        previous = paired[-1] if paired else None
        if previous and {previous.tag, edit.tag} == {"inserted", "deleted"}:
            paired[-1] = Edit(
                "replaced",
                min(previous.n0, edit.n0),
                max(previous.n1, edit.n1),
                min(previous.s0, edit.s0),
                max(previous.s1, edit.s1),
            )
        else:
            paired.append(edit)
    return paired


def _trim(edits: list[Edit]) -> list[Edit]:
    """Source words at the window's edges that the news lacks are outside the passage."""
    while edits and edits[0].tag == "deleted":
        edits.pop(0)
    while edits and edits[-1].tag == "deleted":
        edits.pop()
    return edits
