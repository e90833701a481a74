"""Parser time on adversarial shapes: is parsing near-linear in document size?

Seconds are the child's CPU time (the machine is shared; wall time would measure the
neighbours too). Each shape is built at two sizes (the second 4x the first) and parsed by
the news parser (`app.nlp.news.parse_news`) and the transcript parser
(`app.nlp.transcript.parse_transcript`).
A near-linear parser keeps MB/s roughly the same across the two sizes; a quadratic one
loses 4x. Each parse runs in a child process with a time limit, so a runaway shape is
reported as 'timeout' instead of hanging the benchmark.

Shapes:
- huge-sentence: one sentence full of quotes and speech verbs, no full stop ('Osei said
  “...,” and Weber told reporters “...,” and ...').
- single-line: ordinary prose and quotes with every newline removed.
- short-quotes: thousands of one-line paragraphs '“Yes,” he said.'.
- article: an ordinary article grown to megabytes (paragraphs, names, quotes, reported speech).
- transcript: a briefing with thousands of labelled turns ('SECRETARY MARSH: ...'), 5 MB.
- long-turn: one labelled turn of 1 MB on a single line.

Run: .venv/bin/python benchmarks/parse_adversarial.py [--scale 1.0] [--timeout 120]
(--scale 0.1 for a quick look; figures in BENCHMARKS.md come from --scale 1).
"""

from __future__ import annotations

import argparse
import multiprocessing as mp
import random
import sys
import time
from collections.abc import Callable
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

NAMES = ["Linda Osei", "Karl Weber", "Sofia Lind", "Tomas Berg", "Ana Ruiz", "Oleg Volkov"]
TITLES = ["Mayor", "Finance Minister", "Trade Minister", "Senator", "Gov.", "Rep."]
VERBS = ["said", "told reporters", "added", "warned", "insisted", "wrote"]
WORDS = [
    *[
        "the",
        "budget",
        "plan",
        "talks",
        "river",
        "border",
        "vote",
        "reform",
        "tax",
        "port",
        "bridge",
        "council",
        "water",
    ],
    *["price", "deal", "court", "law", "market", "school", "road", "election"],
]


def _clause(rng: random.Random) -> str:
    return " ".join(rng.choice(WORDS) for _ in range(rng.randint(4, 9)))


def huge_sentence(size: int, rng: random.Random) -> str:
    """One sentence of quotes joined by 'and', never a full stop: the worst case for any
    search that scans the sentence per quote."""
    parts = []
    total = 0
    while total < size:
        name = rng.choice(NAMES).split()[-1]
        piece = f"{name} {rng.choice(VERBS)} “{_clause(rng)},” and "
        parts.append(piece)
        total += len(piece)
    return "The council met, " + "".join(parts) + "the meeting ended"


def _paragraph(rng: random.Random) -> str:
    name = rng.choice(NAMES)
    first, last = name.split()
    shapes = [
        f"{rng.choice(TITLES)} {name} visited the {rng.choice(WORDS)} on Monday.",
        f"“{_clause(rng).capitalize()},” {last} {rng.choice(VERBS)}.",
        f"{last} said: “{_clause(rng).capitalize()}.”",
        f"{last} said the {_clause(rng)} would be “{_clause(rng)}” by Friday.",
        f"“{_clause(rng).capitalize()},” she said. “{_clause(rng).capitalize()}.”",
        f"{first} {last}, who {_clause(rng)}, said the {_clause(rng)} was unfair.",
        f"The {_clause(rng)} had been expected for weeks, {last} said.",
        "At least 40 people were hurt, according to the Observatory for Civil Rights.",
    ]
    return rng.choice(shapes)


def article(size: int, rng: random.Random) -> str:
    """An ordinary article grown to `size` characters."""
    paragraphs = ["Council agrees budget after long night", ""]
    total = 0
    while total < size:
        paragraph = _paragraph(rng)
        paragraphs.append(paragraph)
        total += len(paragraph) + 2
    return "\n\n".join(paragraphs)


def single_line(size: int, rng: random.Random) -> str:
    """The same prose with no newline at all: one paragraph of `size` characters."""
    return article(size, rng).replace("\n\n", " ").replace("\n", " ")


def short_quotes(size: int, rng: random.Random) -> str:
    """Thousands of tiny quote paragraphs after one introduction."""
    lines = ["Mayor Linda Osei spoke to reporters on Sunday."]
    total = 0
    while total < size:
        line = f"“{rng.choice(['Yes', 'No', 'Maybe', 'Never', 'Soon'])},” she said."
        lines.append(line)
        total += len(line) + 1
    return "\n".join(lines)


def transcript_turns(size: int, rng: random.Random) -> str:
    """A briefing transcript with thousands of short labelled turns."""
    lines = ["Remarks With Foreign Minister Oleg Volkov", "Press Availability", "Vienna, Austria"]
    labels = ["SECRETARY MARSH", "FOREIGN MINISTER VOLKOV", "QUESTION", "MS OSEI", "Q"]
    total = 0
    while total < size:
        line = f"{rng.choice(labels)}: {_clause(rng).capitalize()}. {_clause(rng)}?"
        lines.append(line)
        total += len(line) + 2
    return "\n\n".join(lines)


def long_turn(size: int, rng: random.Random) -> str:
    """One speaker talking for megabytes on a single line."""
    words = " ".join(f"{_clause(rng).capitalize()}." for _ in range(size // 40))
    return "Remarks by Mayor Linda Osei\n\nMAYOR OSEI: " + words


# (shape, builder, base size in characters); each runs at base and 4 x base.
SHAPES: list[tuple[str, Callable[[int, random.Random], str], int]] = [
    ("huge-sentence", huge_sentence, 25_000),
    ("single-line", single_line, 250_000),
    ("short-quotes", short_quotes, 250_000),
    ("article", article, 1_250_000),
    ("transcript", transcript_turns, 1_250_000),
    ("long-turn", long_turn, 250_000),
]


def _parse(parser: str, text: str, queue: mp.Queue) -> None:  # type: ignore[type-arg]
    if parser == "news":
        from app.nlp.news import parse_news

        started = time.process_time()
        found = len(parse_news(text).quotes)
    else:
        from app.nlp.transcript import parse_transcript

        started = time.process_time()
        found = len(parse_transcript(text).turns)
    queue.put((time.process_time() - started, found))


def timed(parser: str, text: str, timeout: float) -> tuple[float | None, int]:
    """Seconds to parse `text` in a child process, or None when it ran past `timeout`."""
    queue: mp.Queue = mp.Queue()  # type: ignore[type-arg]
    child = mp.Process(target=_parse, args=(parser, text, queue))
    child.start()
    child.join(timeout)
    if child.is_alive():
        child.terminate()
        child.join()
        return None, 0
    if child.exitcode != 0:
        raise SystemExit(f"{parser} parser crashed on this shape (exit code {child.exitcode})")
    seconds, found = queue.get(timeout=10)
    return seconds, found


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--scale", type=float, default=1.0, help="multiply every size")
    parser.add_argument("--timeout", type=float, default=120.0, help="seconds per parse")
    parser.add_argument("--parsers", default="news,transcript")
    args = parser.parse_args()
    print(f"{'parser':<11}{'shape':<15}{'MB':>7}{'seconds':>10}{'MB/s':>8}{'found':>8}")
    for name in args.parsers.split(","):
        for shape, build, base in SHAPES:
            for factor in (1, 4):
                text = build(int(base * factor * args.scale), random.Random(7))
                megabytes = len(text.encode("utf-8")) / 1_000_000
                seconds, found = timed(name, text, args.timeout)
                if seconds is None:
                    print(f"{name:<11}{shape:<15}{megabytes:>7.2f}{'timeout':>10}{'-':>8}{'-':>8}")
                    continue
                rate = megabytes / seconds if seconds else float("inf")
                print(
                    f"{name:<11}{shape:<15}{megabytes:>7.2f}{seconds:>10.2f}{rate:>8.2f}{found:>8}",
                    flush=True,
                )


if __name__ == "__main__":
    main()
