"""Who a news cue refers to: 'Johnson' -> Boris Johnson, 'he' -> the last subject, 'the US’ top
diplomat' -> the Secretary of State, 'the monitor' -> the Syrian Observatory for Human Rights.

Precision first: an ambiguous label refers to nobody rather than to a guess. This is reference
within one article; matching a name to a stored speaker is `app.write.speaker_matching`.
"""

from __future__ import annotations

import bisect
import re
from collections.abc import Callable
from dataclasses import dataclass

from app.nlp.news.lexicon import (
    HONORIFICS,
    KNOWN_ORGS,
    NOT_NAMES,
    ORG_HEADS,
    ORG_SYNONYMS,
    OUTLET_SUFFIXES,
    OUTLETS,
    PLACES,
    PRONOUNS,
    ROLE_TITLES,
    words,
)
from app.nlp.news.people import Cast, Organisation, Person
from app.nlp.roles import ROLE_FAMILIES, country_of, role_family


@dataclass(frozen=True)
class Speaker:
    """The speaker a label refers to and the exact words (label) that named it."""

    name: str | None
    kind: str | None  # "person" | "organisation" | None
    person: Person | None
    method: str  # "named" | "pronoun" | "descriptor"
    confidence: float
    start: int
    end: int


_DETERMINERS = words("the a an his her its their")
_INDEFINITE = words("a an")
_OBJECT_WORDS = words(
    """
    with by to from alongside against on of for about at in into than between among towards
    toward like as via over under after before behind beside near during including involving
    told asked met urged thanked criticised criticized accused invited joined replaced and or
    """
)
_KNOWN_FAMILIES = frozenset(ROLE_FAMILIES)
# Between two names joined as one subject: ' and ', ' and Taliban negotiator '.
_JOINED = re.compile(r"\s+(?:and|&)\s+(?:[\w’'.-]+\s+){0,4}")
_CAPITALISED = re.compile(r"(?<![\w’'-])[A-Z][\w’'-]*")
_WORD_CHAR = re.compile(r"[\w-]")
_ROLE_KEYS = frozenset(ROLE_TITLES)


_HONORIFICS = frozenset(h.rstrip(".") for h in HONORIFICS)


def _is_honorific(word: str) -> bool:
    return word.casefold().rstrip(".") in _HONORIFICS


def _norm_words(label: str) -> list[str]:
    """'the US’ top diplomat' -> ['the', 'us', 'top', 'diplomat']."""
    cleaned = re.sub(r"(?<=\b[A-Za-z])\.", "", label.replace("’", "'"))
    return [re.sub(r"'s?$", "", word).casefold() for word in cleaned.split()]


_LEADING_FAMILIES = frozenset({"head of state", "head of government"})


def _leads(role: str, country: str | None, person: Person) -> bool:
    """'the Russian leader' is the president or prime minister of Russia the article named;
    without a country 'the leader' could be anyone's, so it names no one."""
    return (
        role == "leader"
        and country is not None
        and person.country == country
        and role_family(person.role) in _LEADING_FAMILIES
    )


class Referents:
    """The referents of labels in one article's cast, remembering who was last the subject."""

    def __init__(self, text: str, cast: Cast, quoted: Callable[[int], bool]) -> None:
        self.text, self.cast = text, cast
        self._events: list[tuple[int, Speaker]] = []
        self._pairs: dict[int, tuple[Person, Person]] = {}
        self._static = sorted(
            self._subject_mentions(quoted) + self._organisation_mentions(quoted),
            key=lambda event: event[0],
        )
        self._static_pos = [pos for pos, _ in self._static]

    # --- antecedents -------------------------------------------------------------------
    def _subject_mentions(self, quoted: Callable[[int], bool]) -> list[tuple[int, Speaker]]:
        """Names outside quotes in subject position ('Boris spoke', not 'alongside Kerry').

        Two names joined as one subject ('Karim Sadat and Taliban negotiator Abdul Hakim
        Haqqani met ...') become one 'pair' event: a later 'he' could mean either.
        """
        found: list[tuple[int, Speaker]] = []
        previous: tuple[int, Person, bool] | None = None  # end, person, was a subject
        for start, end, person in self._name_mentions(quoted):
            subject = not self._is_object(start, end)
            if previous and self._joined(previous, start, person):
                found.pop()
                self._pairs[start] = (previous[1], person)
                found.append((start, Speaker(None, "pair", None, "named", 0.0, start, end)))
                previous = (end, person, False)
                continue
            if subject:
                found.append((start, self._person(person, "named", (start, end))))
            previous = (end, person, subject)
        return found

    def _joined(self, previous: tuple[int, Person, bool], start: int, person: Person) -> bool:
        """'Sadat and Taliban negotiator Haqqani': a subject, 'and', a few words, a name."""
        end, other, was_subject = previous
        return (
            was_subject
            and other is not person
            and _JOINED.fullmatch(self.text, end, start) is not None
        )

    def _name_mentions(self, quoted: Callable[[int], bool]) -> list[tuple[int, int, Person]]:
        """Every cast name outside quotes, longest alias first; 'Sadat' inside 'Karim Sadat'
        is not read again."""
        by_first: dict[str, list[str]] = {}
        for alias in {a for person in self.cast.people for a in person.aliases}:
            by_first.setdefault(alias.split()[0], []).append(alias)
        for aliases in by_first.values():
            aliases.sort(key=len, reverse=True)
        mentions = []
        covered = 0
        for word in _CAPITALISED.finditer(self.text):
            start = word.start()
            if start < covered:
                continue
            key = re.sub(r"['’]s?$", "", word.group()).casefold()
            matched = self._alias_at(start, by_first.get(key, []))
            if matched is None or quoted(start):
                continue
            covered = start + len(matched)
            person = self.cast.find_alias(matched, start)
            if person is not None:
                mentions.append((start, covered, person))
        return mentions

    def _alias_at(self, start: int, aliases: list[str]) -> str | None:
        """The longest alias written at `start` and ending at a word boundary."""
        for alias in aliases:
            end = start + len(alias)
            if self.text[start:end].casefold() == alias and not _WORD_CHAR.match(self.text, end):
                return alias
        return None

    def _is_object(self, start: int, end: int) -> bool:
        """'alongside Kerry', 'told Kerry', 'Kerry’s plan': not the subject of a sentence."""
        before = self.text[max(0, start - 20) : start].split()
        if before and before[-1].casefold() in _OBJECT_WORDS:
            return True
        return self.text[end : end + 2] in {"’s", "'s"}

    def _organisation_mentions(self, quoted: Callable[[int], bool]) -> list[tuple[int, Speaker]]:
        """Organisation names outside quotes: what a later 'it said' can point at."""
        found = []
        for org in self.cast.organisations:
            for position in org.positions:
                if not quoted(position):
                    end = position + len(org.name)
                    found.append(
                        (
                            position,
                            Speaker(org.name, "organisation", None, "named", 0.9, position, end),
                        )
                    )
        return found

    def note(self, position: int, speaker: Speaker) -> None:
        """Record a speaker found for a label as the latest subject at `position`."""
        self._events.append((position, speaker))

    def _antecedent(self, position: int, want: str) -> Speaker | None:
        """The latest subject before `position` compatible with the pronoun's gender/kind."""
        candidates = [event for event in self._events if event[0] < position]
        index = bisect.bisect_left(self._static_pos, position)
        candidates.extend(self._static[:index])
        for _, speaker in sorted(candidates, key=lambda event: event[0], reverse=True):
            if want == "organisation":
                if speaker.kind == "organisation":
                    return speaker
                continue
            if speaker.kind == "pair":
                fits = [p for p in self._pairs[speaker.start] if p.gender in (None, want)]
                if len(fits) == 1:
                    return self._person(fits[0], "named", (speaker.start, speaker.end))
                if fits:
                    return None  # 'Kerry and Lavrov met. “Q,” he said.': either could speak
                continue
            if speaker.kind != "person":
                continue
            gender = speaker.person.gender if speaker.person else None
            if gender in (None, want):
                return speaker
        return None

    # --- reference ----------------------------------------------------------------------
    def referent(self, start: int, end: int) -> Speaker | None:
        """The speaker a label names, or None (outlets, places, unknown or ambiguous)."""
        label = self.text[start:end]
        words = label.split()
        lowered = label.casefold()
        if lowered in PRONOUNS:
            return self._pronoun(lowered, start, end)
        if words[0].casefold() in _INDEFINITE:
            return None  # 'a spokesman said', 'a spokesman for the Pentagon': someone unnamed
        org = self._organisation(label, start, end)
        if org or self.is_outlet(label) or lowered in {"they", "we", "i", "you"}:
            return org
        if words[0].casefold() in _DETERMINERS and not words[-1][:1].isupper():
            return self._descriptor(label, start, end)
        return self._named(label, start, end)

    def _pronoun(self, word: str, start: int, end: int) -> Speaker | None:
        found = self._antecedent(start, PRONOUNS[word])
        if found is None:
            return None
        return Speaker(found.name, found.kind, found.person, "pronoun", 0.75, start, end)

    def is_outlet(self, label: str) -> bool:
        """'BBC', 'local media reports', 'CBS News' relay words; they do not speak them."""
        bare = label.removeprefix("the ").removeprefix("The ")
        return bare in OUTLETS or label in OUTLETS or bare.endswith(OUTLET_SUFFIXES)

    def _organisation(self, label: str, start: int, end: int) -> Speaker | None:
        bare = re.sub(r"^(?:(?:the|The)\s+|\S+-based\s+|\S+['’]s\s+)+", "", label)
        names = {org.name for org in self.cast.organisations} | KNOWN_ORGS
        if bare in names:
            offset = start + len(label) - len(bare)
            return Speaker(bare, "organisation", None, "named", 0.9, offset, end)
        words = bare.split()
        if len(words) > 1 and words[-1].casefold() in ORG_HEADS and words[0][:1].isupper():
            offset = start + len(label) - len(bare)
            return Speaker(bare, "organisation", None, "named", 0.8, offset, end)
        return None

    def _named(self, label: str, start: int, end: int) -> Speaker | None:
        """The longest tail of the label that is a known name: 'Saturday Kerry' -> Kerry."""
        spans = [m.span() for m in re.finditer(r"\S+", label)]
        for first in range(len(spans)):
            piece = label[spans[first][0] :].strip()
            key = re.sub(r"['’]s$", "", piece)
            person = self.cast.find_alias(key, start)
            if person:
                begin = first
                while begin > 0 and _is_honorific(label[slice(*spans[begin - 1])]):
                    begin -= 1
                return self._person(person, "named", (start + spans[begin][0], end))
        if any(title in label.casefold() for title in _ROLE_KEYS):
            return self._descriptor(label, start, end)
        return self._unintroduced(label, spans, start, end)

    def _unintroduced(
        self, label: str, spans: list[tuple[int, int]], start: int, end: int
    ) -> Speaker | None:
        """A name the article never introduced: 'Mr Smith' or 'Jane Smith' as written."""
        words = label.split()
        titled = _is_honorific(words[0])
        names = [w for w in words if not _is_honorific(w)]
        if not names or any(w in NOT_NAMES or w in PLACES or country_of(w) for w in names):
            return None
        if not (titled or len(names) >= 2):
            return None
        name = " ".join(names)
        return Speaker(name, "person", None, "named", 0.7, start, end)

    def _person(self, person: Person, method: str, span: tuple[int, int]) -> Speaker:
        confidence = 0.95 if method == "named" else 0.8
        return Speaker(person.name, "person", person, method, confidence, span[0], span[1])

    def _descriptor(self, label: str, start: int, end: int) -> Speaker | None:
        """'the US’ top diplomat' -> the person holding that office (country must agree)."""
        words = [
            word
            for word, raw in zip(_norm_words(label), label.split(), strict=True)
            if word not in _DETERMINERS
            and not word.endswith("-based")
            and not (raw.isupper() and len(raw) > 1 and not country_of(raw))  # 'EU', 'UN'
        ]
        country = None
        if words and country_of(words[0]):
            country, words = country_of(words[0]), words[1:]
        if len(words) > 1 and " ".join(words[:2]) in {"united states", "united kingdom"}:
            country, words = country_of(" ".join(words[:2])), words[2:]
        if not words:
            return None
        org = self._org_descriptor(words[-1], start)
        if org:
            return Speaker(org.name, "organisation", None, "descriptor", 0.75, start, end)
        person = self._office_holder(" ".join(words), country, start)
        return self._person(person, "descriptor", (start, end)) if person else None

    def _org_descriptor(self, head: str, position: int) -> Organisation | None:
        wanted = ORG_SYNONYMS.get(head, frozenset({head}) if head in ORG_HEADS else frozenset())
        matches = [org for org in self.cast.organisations if org.nouns & wanted]
        earlier = [org for org in matches if org.start < position]
        pool = earlier or matches
        return pool[-1] if pool else None

    def _office_holder(self, role: str, country: str | None, position: int) -> Person | None:
        """Exact title beats same office family beats same head noun; ties go to the latest."""
        family = role_family(role)
        scored: list[tuple[int, Person]] = []
        for person in self.cast.people:
            if not person.role or (country and person.country and person.country != country):
                continue
            held = person.role.casefold()
            if held == role:
                scored.append((3, person))
            elif family in _KNOWN_FAMILIES and role_family(held) == family:
                scored.append((2, person))
            elif " " not in role and held.split()[-1] == role:
                scored.append((1, person))  # 'the minister' for the Foreign Minister
            elif _leads(role, country, person):
                scored.append((1, person))  # 'the Russian leader' for Russian President Putin
        if not scored:
            return None
        best = max(score for score, _ in scored)
        pool = [person for score, person in scored if score == best]
        if country:
            exact = [p for p in pool if p.country == country]
            pool = exact or pool
        return pool[0] if len(pool) == 1 else self._latest(pool, position)

    def _latest(self, pool: list[Person], position: int) -> Person | None:
        """Among equally good office holders, the one most recently the subject."""
        for _, speaker in sorted(
            [e for e in self._events if e[0] < position]
            + self._static[: bisect.bisect_left(self._static_pos, position)],
            key=lambda event: event[0],
            reverse=True,
        ):
            if speaker.person in pool:
                return speaker.person
        return None
