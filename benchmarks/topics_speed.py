"""Speed of the topic finder: seconds for a megabyte of seed text, best of a few runs.

Was a wall-clock assertion in the test suite (`test_find_topics_is_fast`, under 2 s), which
failed under load on a shared machine; a speed check is a measurement, so it lives here.
The finder should stay linear in the text: the megabyte is the seeds repeated.

Run: .venv/bin/python benchmarks/topics_speed.py [--megabytes 1] [--repeat 3]
"""

from __future__ import annotations

import argparse
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

from app.nlp.topics import TopicMatcher, find_topics, load_lexicon  # noqa: E402


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--megabytes", type=float, default=1.0)
    parser.add_argument("--repeat", type=int, default=3)
    args = parser.parse_args()
    seeds = "\n\n".join(f.read_text("utf-8") for f in sorted((ROOT / "seeds").glob("*.txt")))
    size = int(args.megabytes * 1_000_000)
    text = "\n\n".join([seeds] * (size // len(seeds) + 1))
    matcher = TopicMatcher(load_lexicon())
    times = []
    for _ in range(args.repeat):
        began = time.perf_counter()
        find_topics(text, matcher)
        times.append(time.perf_counter() - began)
    best = min(times)
    print(
        f"find_topics: {len(text) / 1e6:.2f} MB in {best:.2f} s best of {args.repeat} "
        f"({len(text) / 1e6 / best:.2f} MB/s)"
    )


if __name__ == "__main__":
    main()
