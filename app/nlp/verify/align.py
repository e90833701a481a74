"""Find the passage a news quote reports and align it word by word.

Cheap by construction: a quote is split at its signposts (ellipses, breaks between quoted
parts) into segments; each segment is placed by voting with its rarest words ("anchors") on
where it would start in the source, and only a small window around each vote is aligned
(`window.place`). The segments must then sit in order in one passage: an ellipsis skips
forward, never back.
"""

from __future__ import annotations

from collections import defaultdict
from dataclasses import dataclass

from app.nlp.verify.source import SourceIndex
from app.nlp.verify.text import Word
from app.nlp.verify.window import Edit, Placement, place

EDITORIAL = "\x00"  # prefix that keeps a bracketed word from equalling a spoken one
ANCHORS = 6  # rarest words of a segment that vote; six rare words place a sentence
MAX_OCCURRENCES = 400  # a word this common in the source votes everywhere: it places nothing
TOP_CLUSTERS = 3  # windows aligned per segment when it places the quote
NEAR_CLUSTERS = 6  # windows aligned per segment once the passage is known


@dataclass(frozen=True)
class Alignment:
    """The whole quote against one passage; `edits` cover every news word in order."""

    passage: int
    start: int
    end: int
    edits: tuple[Edit, ...]


def segments(words: list[Word]) -> list[tuple[int, int]]:
    """News word ranges between signposted gaps."""
    bounds = [i for i, w in enumerate(words) if i and w.gap_before] + [len(words)]
    result, start = [], 0
    for bound in bounds:
        if bound > start:
            result.append((start, bound))
        start = bound
    return result


def _clusters(
    index: SourceIndex, norms: list[str], passage: int | None
) -> list[tuple[int, int, int, int]]:
    """(votes, passage, first diagonal, last diagonal) where anchors agree on a start."""
    distinct: list[int] = []
    for i in index.anchors(norms, limit=len(norms)):
        if norms[i] not in {norms[j] for j in distinct}:
            distinct.append(i)
        if len(distinct) == ANCHORS:
            break
    # Words cut or added without a signpost shift the diagonal; up to a quote's length of them
    # still counts as one placement (a dropped "let me make it clear" is still the sentence).
    tolerance = max(8, len(norms))
    votes: dict[int, list[tuple[int, int]]] = defaultdict(list)
    for anchor, i in enumerate(distinct):
        occurrences = index.positions[norms[i]]
        if len(occurrences) > MAX_OCCURRENCES and anchor:
            continue
        for number, position in occurrences:
            if passage is None or number == passage:
                votes[number].append((position - i, anchor))
    found = []
    for number, diagonals in votes.items():
        diagonals.sort()
        group = [diagonals[0]]
        for item in diagonals[1:]:
            if item[0] - group[-1][0] <= tolerance:
                group.append(item)
                continue
            found.append((len({a for _, a in group}), number, group[0][0], group[-1][0]))
            group = [item]
        found.append((len({a for _, a in group}), number, group[0][0], group[-1][0]))
    return found


def _best(
    index: SourceIndex,
    norms: list[str],
    offset: int,
    clusters: list[tuple[int, int, int, int]],
    fits: tuple[int, int, int] | None,
) -> Placement | None:
    """The window with most equal words; inside (passage, lo, hi) when `fits` is given."""
    best: Placement | None = None
    for cluster in clusters:
        placed = place(index, norms, offset, cluster, (fits[1], fits[2]) if fits else None)
        if placed is None:
            continue
        if fits is not None and not (
            placed.passage == fits[0] and fits[1] <= placed.start and placed.end <= fits[2]
        ):
            continue
        if best is None or (placed.equal, best.end - best.start) > (
            best.equal,
            placed.end - placed.start,
        ):
            best = placed
    return best


def align(index: SourceIndex, words: list[Word]) -> Alignment | None:
    """The best in-order placement of every segment in one passage, or None if none places."""
    # The editor's bracketed words never match the speaker's: "[The money] comes" must not
    # borrow "money" from an earlier sentence. They stay in the diff as signposted changes.
    norms = [EDITORIAL + w.norm if w.bracketed else w.norm for w in words]
    spans = segments(words)
    best: tuple[tuple[int, int], list[Placement | None]] | None = None
    for primary, (a, b) in enumerate(spans):
        ranked = sorted(_clusters(index, norms[a:b], None), key=lambda c: (-c[0], c[1], c[2]))
        for cluster in ranked[:TOP_CLUSTERS]:
            placed = place(index, norms[a:b], a, cluster)
            if placed is None:
                continue
            chain = _chain(index, norms, spans, primary, placed)
            # Most words matched; among equals, the tightest stretch of source.
            score = (
                sum(p.equal for p in chain if p is not None),
                -sum(p.end - p.start for p in chain if p is not None),
            )
            if best is None or score > best[0]:
                best = (score, chain)
            if score == (len(words), -len(words)):  # every word, contiguous: nothing beats it
                return _assemble(words, spans, chain)
    if best is None:
        return None
    return _assemble(words, spans, best[1])


def _chain(
    index: SourceIndex,
    norms: list[str],
    spans: list[tuple[int, int]],
    primary: int,
    placed: Placement,
) -> list[Placement | None]:
    """Place the other segments around the primary one, in order, in the same passage."""
    chain: list[Placement | None] = [None] * len(spans)
    chain[primary] = placed
    size = len(index.passages[placed.passage].words)
    limit = placed.start
    for k in range(primary - 1, -1, -1):
        chain[k] = _near(index, norms, spans[k], (placed.passage, 0, limit), limit, before=True)
        limit = chain[k].start if chain[k] is not None else limit  # type: ignore[union-attr]
    limit = placed.end
    for k in range(primary + 1, len(spans)):
        chain[k] = _near(index, norms, spans[k], (placed.passage, limit, size), limit, before=False)
        limit = chain[k].end if chain[k] is not None else limit  # type: ignore[union-attr]
    return chain


def _near(
    index: SourceIndex,
    norms: list[str],
    span: tuple[int, int],
    fits: tuple[int, int, int],
    boundary: int,
    *,
    before: bool,
) -> Placement | None:
    """A segment placed next to its neighbour: the nearest well-matching window wins."""
    a, b = span
    clusters = [
        c
        for c in _clusters(index, norms[a:b], fits[0])
        if (c[2] < boundary if before else c[3] + (b - a) > boundary)
    ]
    clusters.sort(key=lambda c: (-c[0], abs((c[3] + b - a if before else c[2]) - boundary)))
    return _best(index, norms[a:b], a, clusters[:NEAR_CLUSTERS], fits)


def _assemble(
    words: list[Word], spans: list[tuple[int, int]], chain: list[Placement | None]
) -> Alignment:
    """Stitch segment alignments: source words between segments are left out at the gap."""
    placed = [p for p in chain if p is not None]
    passage = placed[0].passage
    edits: list[Edit] = []
    cursor: int | None = None  # source position after the last placed segment
    for (a, b), p in zip(spans, chain, strict=True):
        if p is None:
            at = cursor if cursor is not None else placed[0].start
            edits.append(Edit("inserted", a, b, at, at))
            continue
        if cursor is not None and p.start > cursor:
            edits.append(Edit("deleted", a, a, cursor, p.start))
        edits.extend(p.edits)
        cursor = p.end
    return Alignment(passage, placed[0].start, placed[-1].end, tuple(edits))
