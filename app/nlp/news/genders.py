"""A person's gender as the article itself gives it, when no first name or honorific does.

'Okafor, a former trade negotiator, ... She said ...' and 'Adair said her department would
pay': a sentence that mentions one person only and goes on with 'her' or 'his', or is
followed by a sentence that opens with 'She' or 'He', tells which pronoun points at that
person. Two clues that disagree tell nothing.
"""

from __future__ import annotations

import bisect
import re
from collections.abc import Callable, Sequence

from app.nlp.news.people import Person

_POSSESSIVE = re.compile(r"\b(?:(?P<female>her)|(?P<male>his))\b")
_OPENING = re.compile(r"[“\"‘']?(?:(?P<female>She)|(?P<male>He))\b")


def learn_genders(
    text: str,
    sentences: Sequence[tuple[int, int]],
    mentions: Sequence[tuple[int, int, Person]],
    quoted: Callable[[int], bool],
) -> None:
    """Set `gender` on people the article's own pronouns identify (mentions in order)."""
    starts = [start for start, _ in sentences]
    alone: dict[int, tuple[int, Person] | None] = {}  # sentence -> (mention end, person)
    for start, end, person in mentions:
        index = bisect.bisect_right(starts, start) - 1
        if index < 0:
            continue
        if index in alone:
            seen = alone[index]
            if seen is not None and seen[1] is not person:
                alone[index] = None  # two people: the pronoun could be either's
            continue
        alone[index] = (end, person)
    clues: dict[int, set[str]] = {}
    people: dict[int, Person] = {}
    for index, seen in alone.items():
        if seen is None or seen[1].gender is not None:
            continue
        end, person = seen
        found = set()
        own = _POSSESSIVE.search(text, end, sentences[index][1])
        if own and not quoted(own.start()):
            found.add("female" if own.group("female") else "male")
        if index + 1 < len(sentences) and index + 1 not in alone:
            opening = _OPENING.match(text, sentences[index + 1][0], sentences[index + 1][1])
            if opening and not opening.group().startswith(("“", '"', "‘", "'")):
                found.add("female" if opening.group("female") else "male")
        clues.setdefault(id(person), set()).update(found)
        people[id(person)] = person
    for key, found in clues.items():
        if len(found) == 1:
            people[key].gender = found.pop()
