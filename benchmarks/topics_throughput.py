"""Throughput of topic finding: MB of seed text per second on one core.

Topic finding is linear in the text (one pass of the lexicon automaton, one of discovery);
the target is a megabyte of seeds in well under two seconds on an idle core. This used to be
a test, but a wall-clock limit fails on a loaded machine without any code being slower.

Run: .venv/bin/python benchmarks/topics_throughput.py [--megabytes 1] [--repeat 3]
"""

from __future__ import annotations

import argparse
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

from app.nlp.topics import TopicMatcher, find_topics, load_lexicon  # noqa: E402


def corpus(megabytes: float) -> str:
    """The seeds repeated until the text reaches `megabytes` characters (about bytes)."""
    text = "\n\n".join(p.read_text("utf-8") for p in sorted((ROOT / "seeds").glob("*.txt")))
    return "\n\n".join([text] * (int(megabytes * 1_000_000) // len(text) + 1))


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--megabytes", type=float, default=1.0)
    parser.add_argument("--repeat", type=int, default=3)
    args = parser.parse_args()
    matcher = TopicMatcher(load_lexicon())
    text = corpus(args.megabytes)
    size = len(text.encode("utf-8")) / 1_000_000
    best, mentions = float("inf"), 0
    for _ in range(args.repeat):
        started = time.perf_counter()
        mentions = len(find_topics(text, matcher))
        best = min(best, time.perf_counter() - started)
    print(f"{size:.2f} MB, {mentions} mentions per pass")
    print(f"best of {args.repeat}: {best:.2f} s, {size / best:.2f} MB/s (target: 1 MB < 2 s)")


if __name__ == "__main__":
    main()
