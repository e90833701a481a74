"""The header block of a government transcript: title, principal speaker, place and date.

State Department transcripts open with one fact a line, in this order, any of them missing:

    Joint Statement From Secretary John Kerry and U.K. Foreign Secretary Boris Johnson
    John Kerry
    Secretary of State
    Lancaster House
    London, United Kingdom</strong
    October 16, 2016
    Secretary John Kerry (right) and U.K. Foreign Secretary Boris Johnson (left)

Lines are classified by shape, not position, so a missing venue or an extra photo
caption does not shift the others. Lines of no known shape are ignored.
"""

from __future__ import annotations

import datetime as dt
import re
from dataclasses import dataclass

from app.nlp.dates import find_date, parse_date
from app.nlp.names import fold
from app.nlp.transcript_places import country_adjective, country_name
from app.nlp.transcript_titles import TitledName, implied_country, is_role_line, titled_names


@dataclass(frozen=True)
class HeaderPerson:
    name: str  # "John Kerry"; a surname alone ("Obama") when the title line gives no more
    role: str | None  # "Secretary of State"
    country: str | None  # "United Kingdom" from "U.K. Foreign Secretary"


@dataclass(frozen=True)
class TranscriptHeader:
    title: str | None
    people: tuple[HeaderPerson, ...]
    venue: str | None
    city: str | None
    country: str | None
    date: dt.date | None
    end: int  # offset where the header ends: the first speaker label


# HTML left over from scraping: "London, United Kingdom</strong", "<b>Remarks</b>".
_HTML = re.compile(r"</?[A-Za-z][^<>\n]*>?|&nbsp;")
# Photo captions: "Secretary John Kerry (right) and ... (left)", "[Photo] ...".
_CAPTION = re.compile(
    r"\((?:(?:far |at |second from )?(?:left|right)|cent(?:er|re)|l|r|c)\)"
    r"|^\s*\[?(?:photo|image|state department photo)\b",
    re.IGNORECASE,
)
# A person's name on its own line: "John Kerry", "Mark C. Toner", "Adel al-Jubeir".
_NAME_LINE = re.compile(
    r"(?:[A-Z][a-z][\w'’-]*|[A-Z]\.|(?:al|de|van|von|bin|el)-?[A-Z]?[\w'’-]*)"
    r"(?: (?:[A-Z][a-z][\w'’-]*|[A-Z]\.|(?:al|de|van|von|bin|el)-?[A-Z]?[\w'’-]*)){1,3}"
)
_VENUE_WORDS = re.compile(
    r"\b(?:Room|House|Hotel|Residence|Embassy|Consulate|Palace|Ministry|Hall|Cent(?:er|re)|"
    r"Building|Airport|Base|Office|Club|University|Library|Museum|Auditorium|Headquarters|"
    r"Department|Chancery|Mission|Plaza|Conference|Court)\b"
)
# Header lines that are never the venue: "As Prepared for Delivery", "Office of the Spokesperson".
_NOT_VENUE = re.compile(
    r"^(?:As (?:Prepared|Delivered)|For Immediate Release|Office of|Media Note|Press Statement|"
    r"Transcript|Remarks|Interview|(?:Daily |Special |Background |Press )?Briefing|Fact Sheet|"
    r"Readout|Embargoed)\b|\d{1,2}:\d{2}",
    re.IGNORECASE,
)
_MAX_HEADER_WORDS = 14


@dataclass
class _Reading:
    """What the header lines have told so far."""

    people: list[HeaderPerson]
    venue: str | None = None
    city: str | None = None
    country: str | None = None
    date: dt.date | None = None
    loose: str | None = None  # last unclassified line: the venue, if a place line follows


def parse_header(text: str, end: int, known_cities: frozenset[str]) -> TranscriptHeader:
    """Read text[:end], the lines before the first speaker label."""
    lines = [_clean(line) for line in text[:end].split("\n")]
    lines = [line for line in lines if line]
    title_index = next((i for i, line in enumerate(lines) if parse_date(line) is None), None)
    title = lines[title_index] if title_index is not None else None
    reading = _Reading(people=[])
    rest = lines[title_index + 1 :] if title_index is not None else lines
    _read_lines(rest, reading, known_cities, {title} if title else set())
    if reading.date is None and title:
        found = find_date(title)
        reading.date = found[0] if found else None
    people = _merge(reading.people, [_person(t) for t in titled_names(title or "")])
    return TranscriptHeader(
        title, people, reading.venue, reading.city, reading.country, reading.date, end
    )


def _read_lines(
    lines: list[str], reading: _Reading, cities: frozenset[str], seen: set[str]
) -> None:
    """Classify each line; a repeated line (the title again, a doubled caption) is skipped."""
    index = 0
    while index < len(lines):
        line = lines[index]
        following = lines[index + 1] if index + 1 < len(lines) else ""
        index += 1
        if line in seen or _CAPTION.search(line) or len(line.split()) > _MAX_HEADER_WORDS:
            continue
        seen.add(line)
        if _read_date(line, reading):
            continue
        if _NAME_LINE.fullmatch(line) and is_role_line(following):
            reading.people.append(_principal(line, following))
            index += 1
            continue
        if _read_person_line(line, reading) or _read_place(line, reading, cities):
            continue
        if _NOT_VENUE.search(line):
            reading.loose = None
            continue
        if _VENUE_WORDS.search(line) and reading.venue is None and reading.city is None:
            reading.venue = line
        reading.loose = line


def _read_date(line: str, reading: _Reading) -> bool:
    date = parse_date(line)
    if date is None:
        return False
    reading.date = reading.date or date
    return True


def _read_person_line(line: str, reading: _Reading) -> bool:
    """'John Kerry, Secretary of State' or 'Secretary of State John Kerry' on one line."""
    name, _, role = line.partition(", ")
    if role and _NAME_LINE.fullmatch(name) and is_role_line(role):
        reading.people.append(_principal(name, role))
        return True
    found = titled_names(line)
    if found and found[0].start == 0 and found[-1].end == len(line):
        reading.people.extend(_person(t) for t in found)
        return True
    return False


def _read_place(line: str, reading: _Reading, cities: frozenset[str]) -> bool:
    """'London, United Kingdom', 'Washington, DC', 'Lancaster House, London, United Kingdom'."""
    parts = [part.strip() for part in line.split(",")]
    if any(not _is_place_words(part) for part in parts):
        return False
    country = country_name(parts[-1]) if len(parts) > 1 else None
    if country:
        city, venue = parts[-2], ", ".join(parts[:-2]) or None
    elif parts[-1] in cities:
        city, venue = parts[-1], ", ".join(parts[:-1]) or None
    else:
        return False
    if reading.city is not None:
        return True
    reading.city, reading.country = city, country
    reading.venue = venue or reading.venue or _venue_from(reading.loose)
    return True


def _venue_from(loose: str | None) -> str | None:
    """The unclassified line just before the place line: 'Chief of Mission's Residence'."""
    if loose is None or loose.endswith((".", "?", "!")):
        return None
    return loose


def _is_place_words(part: str) -> bool:
    words = part.split()
    return 0 < len(words) <= 5 and part[:1].isupper() and not any(c.isdigit() for c in part)


def _principal(name: str, role: str) -> HeaderPerson:
    """'John Kerry' + 'Secretary of State' -> the United States is implied by the office."""
    first, _, rest = role.partition(" ")
    country = country_adjective(first) if rest else None
    role = rest if country else role
    return HeaderPerson(name, role, country or implied_country(role))


def _person(found: TitledName) -> HeaderPerson:
    return HeaderPerson(found.name, found.title, found.country or implied_country(found.title))


def _merge(first: list[HeaderPerson], second: list[HeaderPerson]) -> tuple[HeaderPerson, ...]:
    """One entry a surname: the header block's role is the fuller one ('Secretary of State'
    beats the title line's 'Secretary'), the longer name wins, a known country is kept."""
    merged: dict[str, HeaderPerson] = {}
    for person in [*first, *second]:
        key = fold(person.name.split()[-1])
        known = merged.get(key)
        if known is None:
            merged[key] = person
            continue
        name = max(known.name, person.name, key=lambda n: len(n.split()))
        role = known.role or person.role
        country = known.country or person.country or implied_country(role)
        merged[key] = HeaderPerson(name, role, country)
    return tuple(merged.values())


def _clean(line: str) -> str:
    return " ".join(_HTML.sub(" ", line).split())
