"""Who said it, scored: the share of transcript turns given the right full name.

Reads the annotated passages of benchmarks/transcript_passages.py (written for this
benchmark) and tests/nlp/passages/names.py (the table tests' passages, annotated with full
names here), and reports per passage and overall:

- right: the turn's speaker is the annotated full name (an unnamed questioner left null counts);
- wrong: a speaker is given and it is someone else (the costly error: a quote put in the
  wrong mouth);
- missing: null or a surname alone where a full name was due;
- unfound: the parser found no turn of that kind there.

Two levels: `--level document` scores the parser alone (what the page says); `--level
pipeline` (the default) ingests each passage into a fresh SQLite database with the shipped
directory loaded, as `make run` does, and scores the stored quotes.

    .venv/bin/python benchmarks/transcript_names.py [--level document|pipeline]
        [--set fresh|tuned]

`--set tuned` scores the passages the rules were written against (a regression check, not a
measure); `--set fresh` (the default) the passages written afterwards.
"""

from __future__ import annotations

import argparse
import sys
from collections.abc import Callable, Iterable
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

from app.nlp.transcript import parse_transcript
from benchmarks.transcript_passages import BENCHMARK, FRESH, FRESH_WHITE_HOUSE
from tests.nlp.passages.names import PASSAGES

Turns = list[tuple[str, str | None]]  # (kind, speaker)
Annotated = tuple[str, str, Turns]
# Full names a careful reader knows for the table passages' people printed by surname alone.
_KNOWN = {"Trump": "Donald Trump", "Obama": "Barack Obama", "Biden": "Joe Biden",
          "Merkel": "Angela Merkel"}  # fmt: skip


def annotated() -> list[Annotated]:
    tables = [
        (p.layout, p.text, [(kind, _KNOWN.get(name or "", name)) for kind, name, _ in p.turns])
        for p in PASSAGES
    ]
    return [*BENCHMARK, *tables]


def document_speakers(name: str, text: str) -> Turns:
    return [(t.kind, t.speaker) for t in parse_transcript(text).turns]


def score(found: Turns, wanted: Turns) -> tuple[int, int, int, int]:
    """(right, wrong, missing, unfound) over the annotated turns, aligned by position; a turn
    the parser did not find (or found as another kind) is unfound, whatever its speaker."""
    counts = [0, 0, 0, 0]
    for index, (kind, want) in enumerate(wanted):
        if index >= len(found) or found[index][0] != kind:
            counts[3] += 1
            continue
        got = found[index][1]
        if got == want:
            counts[0] += 1
        elif got is None or (want and len(got.split()) == 1 and want.endswith(got)):
            counts[2] += 1
        else:
            counts[1] += 1
    return counts[0], counts[1], counts[2], counts[3]


def run(reader: Callable[[str, str], Turns], passages: Iterable[Annotated]) -> None:
    totals = [0, 0, 0, 0]
    for name, text, wanted in passages:
        found = reader(name, text)
        counts = score(found, wanted)
        totals = [a + b for a, b in zip(totals, counts, strict=True)]
        right, wrong, missing, unfound = counts
        flag = "" if right == len(wanted) else "  <-"
        print(
            f"{right:3d}/{len(wanted):<3d} wrong {wrong}  missing {missing}  unfound {unfound}  "
            f"{name}{flag}"
        )
        if flag:
            padded = [*found, *[("?", "?")] * len(wanted)]
            for (kind, want), got in zip(wanted, padded, strict=False):
                if got != (kind, want):
                    print(f"        want {kind} {want!r:24} got {got[0]} {got[1]!r}")
    turns = sum(totals)
    right, wrong, missing, unfound = (f"{n / turns:.1%}" for n in totals)
    print(f"\n{turns} turns: right {right}, wrong {wrong}, missing {missing}, unfound {unfound}")


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--level", choices=["document", "pipeline"], default="pipeline")
    parser.add_argument(
        "--set",
        choices=["tuned", "fresh", "fresh-white-house"],
        default="fresh",
        help="tuned: passages the rules were built on; fresh: written after, scored once",
    )
    args = parser.parse_args()
    level = args.level
    sets = {"fresh": FRESH, "fresh-white-house": FRESH_WHITE_HOUSE, "tuned": annotated()}
    passages = sets[args.set]
    if level == "document":
        run(document_speakers, passages)
    else:
        from benchmarks.transcript_pipeline import pipeline_speakers

        run(pipeline_speakers, passages)


if __name__ == "__main__":
    main()
