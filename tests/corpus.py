"""A folder of documents for ingesting in bulk: the seeds plus generated transcripts and news
reports of the same occasions, so that documents share speakers (by full name, surname and
office), events, topics and quoted words, the links concurrent writers could get wrong.

Deterministic for a given seed; used by the concurrency tests and benchmarks/ingest_jobs.py.
"""

from __future__ import annotations

import datetime as dt
import random
import shutil
from dataclasses import dataclass
from pathlib import Path

SEEDS = Path(__file__).resolve().parents[1] / "seeds"


@dataclass(frozen=True)
class Person:
    first: str
    last: str
    office: str
    country: str

    @property
    def name(self) -> str:
        return f"{self.first} {self.last}"


PEOPLE = [
    Person("Anna", "Lindqvist", "Foreign Minister", "Swedish"),
    Person("Karl", "Weber", "Finance Minister", "German"),
    Person("Sofia", "Duarte", "Prime Minister", "Portuguese"),
    Person("Tomas", "Novak", "Defence Minister", "Czech"),
    Person("Ines", "Haddad", "Foreign Minister", "Lebanese"),
    Person("Oleg", "Volkov", "Energy Minister", "Russian"),
    Person("Maria", "Osei", "Trade Minister", "Ghanaian"),
    Person("David", "Pike", "Home Secretary", "British"),
]
EXTRA_FIRST = ["Lena", "Marek", "Carla", "Pavel", "Nora", "Emil", "Rosa", "Jonas", "Ida", "Luca"]
# Family names made of two syllables ('Bernovic', 'Kalsen'): a hundred, none a real person's
# and none shared, so that only the occasions decide who meets whom.
HEADS = ["Ber", "Kal", "Mor", "Sil", "Jen", "Hor", "Ric", "Nag", "Dal", "Cos"]
TAILS_OF_NAMES = ["novic", "sen", "eau", "varo", "ring", "atti", "czyk", "mann", "gaard", "elli"]
OFFICES = ["Foreign Minister", "Finance Minister", "Interior Minister", "Health Minister"]
COUNTRIES = ["Danish", "Austrian", "Belgian", "Polish", "Irish", "Croatian", "Finnish"]
CITIES = ["London", "Geneva", "Vienna", "Lisbon", "Berlin"]
SUBJECTS = ["Syria", "Aleppo", "the ceasefire", "sanctions", "refugees", "Russia", "Iran"]
CLAIMS = [
    "We will not accept an outcome that leaves {s} without a plan",
    "The talks on {s} were difficult but they were useful for everybody",
    "Nobody in this room should be surprised by our decision on {s}",
    "There is still time to reach an agreement on {s} before the winter",
    "Our priority on {s} is the safety of civilians and of aid workers",
    "We have asked our partners to look again at {s} with fresh eyes",
    "I do not think the question of {s} can be settled by force alone",
]

# Keeps each occasion's words its own: the same sentence said at two occasions days apart
# would be matched across them, which the tests do not need to reason about.
TAILS = ["as we said in round", "after session", "as agreed at meeting", "since visit"]


def cast(people: int) -> list[Person]:
    """`PEOPLE`, then made-up office-holders: an archive's many speakers, few shared."""
    lasts = [head + tail for tail in TAILS_OF_NAMES for head in HEADS]
    extra = [
        Person(EXTRA_FIRST[n % 10], last, OFFICES[n % 4], COUNTRIES[n % 7])
        for n, last in enumerate(lasts)
    ]
    return (PEOPLE + extra)[:people]


def write_corpus(
    folder: Path,
    occasions: int,
    seed: int = 14,
    with_seeds: bool = True,
    people: int = 8,
    mixed: bool = False,
    background: int = 0,
) -> Path:
    """Write the seeds (optionally) and, per occasion, a transcript and two news reports by
    two of the first `people` speakers. `mixed` names the files in a random order, so the
    reports of one occasion are not read one after another; `background` adds that many
    paragraphs of prose without quotes to each report, as real articles have."""
    folder.mkdir(parents=True, exist_ok=True)
    if with_seeds:
        for path in SEEDS.glob("*.txt"):
            shutil.copy(path, folder / path.name)
    rng = random.Random(seed)
    everyone = cast(people)
    names = random.Random(seed).sample(range(3 * occasions), 3 * occasions)
    start = dt.date(2016, 10, 3)
    for n in range(occasions):
        people = rng.sample(everyone, 2)
        day = start + dt.timedelta(days=rng.randrange(12))  # occasions share days
        city = rng.choice(CITIES)
        words = [
            rng.choice(CLAIMS).format(s=rng.choice(SUBJECTS)) + f" {rng.choice(TAILS)} {n + 1}"
            for _ in range(6)
        ]
        prefix = f"{names.pop():04d}_" if mixed else ""
        (folder / f"{prefix}occasion_{n:03d}_transcript.txt").write_text(
            _transcript(people, day, city, words)
        )
        for report in range(2):
            prefix = f"{names.pop():04d}_" if mixed else ""
            prose = [_background(rng, city) for _ in range(background)]
            (folder / f"{prefix}occasion_{n:03d}_news_{report}.txt").write_text(
                _news(people, day, city, words, rng, report) + "\n" + "\n\n".join(prose)
            )
    return folder


def _transcript(people: list[Person], day: dt.date, city: str, words: list[str]) -> str:
    host, guest = people
    lines = [
        f"Remarks With {guest.country} {guest.office} {guest.name}",
        "",
        host.name,
        host.office,
        f"{city} Conference Centre",
        city,
        f"{day:%B} {day.day}, {day.year}",
        "",
    ]
    for i, sentence in enumerate(words):
        speaker = people[i % 2]
        label = f"{speaker.office.split()[-1].upper()} {speaker.last.upper()}"
        lines += [f"{label}: {sentence}. Thank you.", ""]
        if i == 2:
            lines += [f"QUESTION: What did you tell the {host.country} side about it?", ""]
    return "\n".join(lines)


def _news(
    people: list[Person],
    day: dt.date,
    city: str,
    words: list[str],
    rng: random.Random,
    report: int,
) -> str:
    host, guest = people
    published = day + dt.timedelta(days=report)
    lines = [
        f"{host.last} and {guest.last} meet in {city} as talks go on",
        "",
        f"{city}, {published:%B} {published.day}, {published.year}",
        "",
        f"{host.country} {host.office} {host.name} met {guest.country} {guest.office} "
        f"{guest.name} in {city} on {day:%A}.",
        "",
    ]
    for i, sentence in enumerate(words):
        speaker = people[i % 2]
        if rng.random() < 0.5:
            lines += [f"“{sentence},” {speaker.last} said.", ""]
        else:
            lines += [f"“{sentence},” said {speaker.office} {speaker.name}.", ""]
    return "\n".join(lines)


BACKGROUND = [
    "The meeting in {city} came after weeks of preparation by officials from both sides",
    "Diplomats had described the previous round of talks as tense but constructive",
    "Several aid organisations have warned that the situation on the ground is deteriorating",
    "Analysts in the region said the outcome would depend on decisions taken elsewhere",
    "The two governments have disagreed in public over the pace of the process",
    "Officials did not say when the next round of discussions would take place",
]


def _background(rng: random.Random, city: str) -> str:
    """A paragraph of reporting prose: no quotation marks, no attribution."""
    return ". ".join(rng.choice(BACKGROUND).format(city=city) for _ in range(4)) + "."
