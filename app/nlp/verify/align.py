"""Find the passage a news quote reports and align it word by word.

Cheap by construction: a quote is split at its signposts (ellipses, breaks between quoted
parts) into segments; each segment is placed by voting with its rarest words ("anchors") on
where it would start in the source, and only a small window around each vote is aligned
(difflib on word lists). The segments must then sit in order in
one passage: an ellipsis skips forward, never back.
"""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Sequence
from dataclasses import dataclass
from difflib import SequenceMatcher

from rapidfuzz.distance import Indel, Opcodes

from app.nlp.verify.source import SourceIndex
from app.nlp.verify.text import Word
from app.nlp.verify.words import is_contraction

EDITORIAL = "\x00"  # prefix that keeps a bracketed word from equalling a spoken one
ANCHORS = 6  # rarest words of a segment that vote; six rare words place a sentence
MAX_OCCURRENCES = 400  # a word this common in the source votes everywhere: it places nothing
TOP_CLUSTERS = 3  # windows aligned per segment when it places the quote
NEAR_CLUSTERS = 6  # windows aligned per segment once the passage is known


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


@dataclass(frozen=True)
class Alignment:
    """The whole quote against one passage; `edits` cover every news word in order."""

    passage: int
    start: int
    end: int
    edits: tuple[Edit, ...]


# difflib names edits turning the news into the source; we name them as the news did them.
_TAGS = {"equal": "equal", "insert": "deleted", "delete": "inserted", "replace": "replaced"}


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


def _place(
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
        placed = _place(index, norms, offset, cluster, (fits[1], fits[2]) if fits else None)
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
            placed = _place(index, norms[a:b], a, cluster)
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
