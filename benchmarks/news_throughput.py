"""Throughput of the news quote extractor: MB of article text per second on one core.

The corpus is synthetic: the seed news articles (002-004) plus articles assembled from
varied passages (every attribution shape, organisations, descriptors, multi-paragraph and
scare quotes) with names, offices and verbs drawn at random from a fixed seed.

Run: .venv/bin/python benchmarks/news_throughput.py [--megabytes 4] [--repeat 3] [--clock cpu]
"""

from __future__ import annotations

import argparse
import random
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

from app.nlp.news import parse_news  # noqa: E402

FIRST = ["Anna", "Karl", "Sofia", "Tomas", "Linda", "Oleg", "Maria", "David", "Ines", "Omar"]
LAST = ["Lind", "Weber", "Osei", "Berg", "Volkov", "Duarte", "Haddad", "Novak", "Pike", "Holm"]
OFFICES = [
    ("British", "Foreign Secretary"),
    ("US", "Secretary of State"),
    ("French", "Finance Minister"),
    ("German", "Chancellor"),
    ("", "Mayor"),
    ("Russian", "Foreign Minister"),
]
VERBS = ["said", "added", "told reporters", "insisted", "warned", "explained"]
SENTENCES = [
    "We will not accept this outcome",
    "The talks were difficult but useful",
    "Nobody should be surprised by the decision",
    "There is still time to reach an agreement",
    "Our priority is the safety of civilians",
]

PASSAGES = [
    "“{s},” {last} {verb}.",
    "“{s},” said {office} {first} {last}.",
    "{last} said: “{s}.”",
    '{first} {last}, who arrived on Monday, said "{s}."',
    "“{s},” {pronoun} {verb}. “{s2}.”",
    "{pronoun_cap} said the plan was “{frag}” and called for calm.",
    "{last} confirmed the government was considering new measures, but gave no date.",
    "The decision had been expected for weeks, {last} said.",
    "“{s}.\n\n“{s2},” {last} {verb}.",
    "“{s2}.”",
    "The so-called “{frag}” never arrived.",
    "The festival opened with the film “The Long Road Home” on Friday.",
    "At least 40 people died, according to the Observatory for Civil Rights.",
    "“{s},” the monitor said.",
    "“{s},” the White House said in a statement.",
    "The {office_lower} said there would be “{frag}” for families.",
    "Kerry’s aides and the allies’ envoys met in the ministry’s offices.",
]


def _article(rng: random.Random) -> str:
    first, last = rng.choice(FIRST), rng.choice(LAST)
    country, office = rng.choice(OFFICES)
    title = f"{last}: talks 'will go on' after {rng.choice(['row', 'vote', 'summit'])}"
    intro = f"{country} {office} {first} {last} met counterparts on Sunday.".replace("  ", " ")
    paragraphs = [title, intro.strip()]
    for _ in range(rng.randint(6, 14)):
        pronoun = "she" if first in {"Anna", "Sofia", "Linda", "Maria", "Ines"} else "he"
        paragraphs.append(
            rng.choice(PASSAGES).format(
                s=rng.choice(SENTENCES),
                s2=rng.choice(SENTENCES),
                first=first,
                last=last,
                verb=rng.choice(VERBS),
                office=office,
                office_lower=office.lower(),
                pronoun=pronoun,
                pronoun_cap=pronoun.capitalize(),
                frag=rng.choice(["highly dubious", "more help", "a step forward", "reform"]),
            )
        )
    separator = rng.choice(["\n\n", "\n"])
    return separator.join(paragraphs)


def corpus(megabytes: float, seed: int = 7) -> list[str]:
    """Seed articles and generated ones until the corpus reaches `megabytes` of UTF-8."""
    rng = random.Random(seed)
    seeds = [p.read_text(encoding="utf-8") for p in sorted((ROOT / "seeds").glob("00[234]_*"))]
    articles: list[str] = []
    size = 0
    while size < megabytes * 1_000_000:
        article = rng.choice(seeds) if rng.random() < 0.3 else _article(rng)
        articles.append(article)
        size += len(article.encode("utf-8"))
    return articles


def measure(articles: list[str], repeat: int, clock: str = "wall") -> tuple[float, int]:
    """Best MB/s over `repeat` passes, and the number of quotes found in one pass.

    clock 'cpu' counts this process's CPU time: on a machine shared with other work the
    wall clock measures the neighbours too."""
    tick = time.process_time if clock == "cpu" else time.perf_counter
    size = sum(len(a.encode("utf-8")) for a in articles) / 1_000_000
    best, quotes = 0.0, 0
    for _ in range(repeat):
        started = tick()
        quotes = sum(len(parse_news(article).quotes) for article in articles)
        best = max(best, size / (tick() - started))
    return best, quotes


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--megabytes", type=float, default=4.0)
    parser.add_argument("--repeat", type=int, default=3)
    parser.add_argument("--clock", choices=["wall", "cpu"], default="wall")
    args = parser.parse_args()
    articles = corpus(args.megabytes)
    rate, quotes = measure(articles, args.repeat, args.clock)
    print(f"{len(articles)} articles, {args.megabytes:.1f} MB, {quotes} quotes per pass")
    print(f"throughput: {rate:.2f} MB/s (one core, {args.clock} clock, best of {args.repeat})")


if __name__ == "__main__":
    main()
