"""Held-out quotes for the verifier: transcripts written for the check, quotes made from them.

Two kinds. `written_cases`: quotes a reporter might print, each with the status a copy desk
would give it (tests/data/verify/quotes.json, then second/ and third/ on other transcripts,
each written after the verifier was tuned on the sets before it). `generated_cases`: every sentence the speaker
said, printed verbatim and with one known edit each (a figure changed, a negation dropped, a
word dropped or swapped, words cut at an ellipsis, a pronoun bracketed); a variant whose
words happen to appear in the source anyway is left out, since it would be verbatim.
"""

from __future__ import annotations

import json
import random
import re
from dataclasses import dataclass
from functools import cache
from pathlib import Path

from app.nlp.transcript import parse_transcript
from app.nlp.verify import SourceIndex
from app.nlp.verify.text import normalise_word
from app.nlp.verify.words import NEGATIONS, STOPWORDS

DATA = Path(__file__).resolve().parents[1] / "data" / "verify"
# Written in this order; each after the verifier was tuned on the ones before it.
SETS = ("quotes.json", "second/quotes.json", "third/quotes.json")
PRONOUNS = {"it", "they", "we", "he", "she", "this", "that"}


@dataclass(frozen=True)
class Case:
    transcript: str
    speaker: str
    parts: tuple[str, ...]
    expected: str
    edit: str


@cache
def speaker_turns(transcript: str, speaker: str) -> tuple[str, ...]:
    parsed = parse_transcript((DATA / transcript).read_text(encoding="utf-8"))
    return tuple(t.text for t in parsed.turns if t.speaker and speaker in t.speaker)


@cache
def index_for(transcript: str, speaker: str) -> SourceIndex:
    return SourceIndex.build(enumerate(speaker_turns(transcript, speaker)))


def written_cases(name: str = "quotes.json") -> list[Case]:
    raw = json.loads((DATA / name).read_text(encoding="utf-8"))
    return [
        Case(c["transcript"], c["speaker"], tuple(c["parts"]), c["expected"], c["edit"])
        for c in raw
    ]


def _folded(text: str) -> str:
    return " ".join(normalise_word(w) for w in re.findall(r"[\w’'.,%£$]+", text))


def generated_cases(seed: int = 16) -> list[Case]:
    rng = random.Random(seed)
    cases: list[Case] = []
    speakers = {(c.transcript, c.speaker) for name in SETS for c in written_cases(name)}
    for transcript, speaker in sorted(speakers):
        spoken = " ".join(speaker_turns(transcript, speaker))
        folded_source = _folded(spoken)
        for sentence in re.split(r"(?<=[.?!])\s+", spoken):
            words = sentence.split()
            if len(words) < 6:
                continue
            cases.append(Case(transcript, speaker, (sentence,), "verbatim", "sentence"))
            for edit, expected, text in _variants(words, rng):
                if _folded(text) not in folded_source:
                    cases.append(Case(transcript, speaker, (text,), expected, edit))
    return cases


def _variants(words: list[str], rng: random.Random) -> list[tuple[str, str, str]]:
    plain = [re.sub(r"\W", "", w).lower() for w in words]
    inner = range(1, len(words) - 1)
    out: list[tuple[str, str, str]] = []
    numbers = [i for i in range(len(words)) if any(ch.isdigit() for ch in words[i])]
    if numbers:
        i = rng.choice(numbers)
        changed = re.sub(r"\d", lambda m: str((int(m.group()) + 3) % 10), words[i], count=1)
        out.append(("figure changed", "altered", _join([*words[:i], changed, *words[i + 1 :]])))
    negations = [i for i in range(len(words)) if plain[i] == "not"]
    if negations:
        i = negations[0]
        out.append(("negation dropped", "altered", _join(words[:i] + words[i + 1 :])))
        if 0 < i < len(words) - 2:
            out.append(
                ("ellipsis hides a negation", "altered", _join([*words[:i], "…", *words[i + 2 :]]))
            )
    content = [i for i in inner if plain[i] and plain[i] not in STOPWORDS]
    if content:
        i = rng.choice(content)
        out.append(("word dropped", "altered", _join(words[:i] + words[i + 1 :])))
        j = rng.choice(content)
        other = rng.choice(["Syria", "billion", "never", "quickly", "Paris", "always"])
        if plain[j] != other.lower():
            out.append(("word swapped", "altered", _join([*words[:j], other, *words[j + 1 :]])))
    if len(words) >= 10:
        start = rng.randrange(2, len(words) - 6)
        size = rng.randint(2, 4)
        cut = plain[start : start + size]
        if not any(w in NEGATIONS or w.endswith("nt") for w in cut):
            text = _join([*words[:start], "…", *words[start + size :]])
            out.append(("ellipsis", "edited", text))
    if plain[0] in PRONOUNS and len(words) > 6:
        out.append(("pronoun bracketed", "edited", _join(["[the minister]", *words[1:]])))
    return out


def _join(words: list[str]) -> str:
    return " ".join(words)
