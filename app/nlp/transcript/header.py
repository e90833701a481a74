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

White House releases put the issuer and the date above the title ('THE WHITE HOUSE /
Office of the Press Secretary / For Immediate Release / January 5, 2016 / PRESS BRIEFING BY
...'), and GOV.UK pages a kind line and fields ('Speech / PM speech on ... / From: ... The Rt
Hon Theresa May MP / Location: Lancaster House, London'): the title is the first line that
is none of that furniture (see transcript_furniture), and an all-capitals title is read in
title case for the people it names.
"""

from __future__ import annotations

import datetime as dt
import re
from dataclasses import dataclass

from app.nlp.dates import find_date, parse_date
from app.nlp.names import fold
from app.nlp.transcript.furniture import (
    CAPTION,
    DOC_KIND,
    FIELD,
    is_issuer_line,
    is_time_line,
    issuer_country,
)
from app.nlp.transcript.places import country_adjective, country_name
from app.nlp.transcript.titles import (
    TitledName,
    implied_country,
    interviewer,
    is_role_line,
    readable,
    titled_names,
)


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
    principal: HeaderPerson | None = None  # whose page it is: the name above the office line
    interviewer: str | None = None  # "Margaret Brennan" from "Interview With Margaret Brennan"
    issuer_country: str | None = None  # "United States" under "THE WHITE HOUSE"
    issuer: str | None = None  # the line naming it: "From: Prime Minister's Office, 10 Downing ..."


# HTML left over from scraping: "London, United Kingdom</strong", "<b>Remarks</b>".
_HTML = re.compile(r"</?[A-Za-z][^<>\n]*>?|&nbsp;")
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
# Honours around a British name: "The Rt Hon Theresa May MP", "Rt. Hon. Sir Alan Duncan KCMG".
_RT_HON = re.compile(
    r"\b(?:Rt\.?|Right)\s+Hon(?:\.|ourable)?\s+(?:(?:Sir|Dame|Lord|Lady|Baroness|Dr)\s+)?"
    r"(?P<name>[A-Z][a-z][\w'’-]*(?:\s+[A-Z][a-z][\w'’-]*){1,3})"
)
# A word of a place name: capitalised, or a particle ("Sharm el-Sheikh", "Bosnia and ...").
_PLACE_WORD = re.compile(r"[A-Z][\w.'’-]*|(?:al|el|de|da|du|la|le|of|the|and)(?:-[A-Z][\w'’-]*)?")
# A parenthetical after a date: "17 January 2017 (Transcript of the speech, exactly as ...)".
_TRAILING_NOTE = re.compile(r"\s*\([^()]*\)\s*$")
# A short word a kind line may stand above: "Speech" over "PM speech on ..." is not the title.
_TITLE_MIN_WORDS = 3


@dataclass
class _Reading:
    """What the header lines have told so far."""

    people: list[HeaderPerson]
    venue: str | None = None
    city: str | None = None
    country: str | None = None
    date: dt.date | None = None
    loose: str | None = None  # last unclassified line: the venue, if a place line follows
    principal: HeaderPerson | None = None


def parse_header(text: str, end: int, known_cities: frozenset[str]) -> TranscriptHeader:
    """Read text[:end], the lines before the first speaker label."""
    lines = [_clean(line) for line in text[:end].split("\n")]
    lines = [line for line in lines if line]
    title_index = _title_index(lines)
    title = lines[title_index] if title_index is not None else None
    reading = _Reading(people=[])
    rest = [line for i, line in enumerate(lines) if i != title_index]
    _read_lines(rest, reading, known_cities, {title} if title else set())
    if reading.date is None and title:
        found = find_date(title)
        reading.date = found[0] if found else None
    from_title = [_person(t) for t in titled_names(readable(title or ""))]
    people = merge_people(reading.people, from_title)
    return TranscriptHeader(
        title,
        people,
        reading.venue,
        reading.city,
        reading.country,
        reading.date,
        end,
        _principal_of(reading.principal, people),
        _interviewer(title, reading.principal),
        next((c for line in lines if (c := issuer_country(line))), None),
        next((line for line in lines if issuer_country(line)), None),
    )


def _title_index(lines: list[str]) -> int | None:
    """The first line that can be a title: not a date, a clock time, an issuer ('THE WHITE
    HOUSE', 'For Immediate Release'), a field ('From:') or a caption; a bare kind line
    ('Speech') gives way to a longer line just below it, the GOV.UK page title."""
    for index, line in enumerate(lines):
        if _is_furniture(line):
            continue
        following = lines[index + 1] if index + 1 < len(lines) else ""
        if DOC_KIND.fullmatch(line) and _is_title_like(following):
            continue
        return index
    return None


def _is_furniture(line: str) -> bool:
    return (
        _line_date(line) is not None
        or _dateline(line) is not None
        or is_time_line(line)
        or is_issuer_line(line)
        or FIELD.fullmatch(line) is not None
        or CAPTION.search(line) is not None
    )


def _is_title_like(line: str) -> bool:
    return len(line.split()) >= _TITLE_MIN_WORDS and not _is_furniture(line)


def _principal_of(
    principal: HeaderPerson | None, people: tuple[HeaderPerson, ...]
) -> HeaderPerson | None:
    """The page's own speaker: the name above an office line (or a British 'Rt Hon' name),
    as merged with the title's facts; else the only person the header names."""
    if principal is None:
        return people[0] if len(people) == 1 else None
    key = fold(principal.name.split()[-1])
    return next((p for p in people if fold(p.name.split()[-1]) == key), principal)


def _interviewer(title: str | None, principal: HeaderPerson | None) -> str | None:
    """The title's 'Interview With NAME', unless NAME is the page's own speaker."""
    name = interviewer(title)
    if name is None or principal is None:
        return name
    same = fold(name.split()[-1]) == fold(principal.name.split()[-1])
    return None if same else name


def _read_lines(
    lines: list[str], reading: _Reading, cities: frozenset[str], seen: set[str]
) -> None:
    """Classify each line; a repeated line (the title again, a doubled caption) is skipped."""
    index = 0
    while index < len(lines):
        line = _field_value(lines[index])
        following = lines[index + 1] if index + 1 < len(lines) else ""
        index += 1
        if not line or line in seen or CAPTION.search(line):
            continue
        seen.add(line)
        if _read_date(line, reading, cities) or _read_honours(line, reading):
            continue
        if len(line.split()) > _MAX_HEADER_WORDS or is_time_line(line) or is_issuer_line(line):
            continue
        if _NAME_LINE.fullmatch(line) and is_role_line(following):
            _add_principal(reading, _principal(line, following))
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


def _field_value(line: str) -> str:
    """'Location: Brussels' -> 'Brussels'; a field name alone ('From:') -> ''."""
    field = FIELD.fullmatch(line)
    return field.group("value").strip() if field else line


def _add_principal(reading: _Reading, person: HeaderPerson) -> None:
    reading.people.append(person)
    reading.principal = reading.principal or person


def _read_honours(line: str, reading: _Reading) -> bool:
    """'... and The Rt Hon Theresa May MP': the British form names the page's minister."""
    found = _RT_HON.search(line)
    if found is None:
        return False
    _add_principal(reading, HeaderPerson(found.group("name"), None, None))
    return True


def _read_date(line: str, reading: _Reading, cities: frozenset[str]) -> bool:
    """A date line, alone or with a time, a note after it or a place before it:
    '17 January 2017 (Transcript of the speech ...)', 'Washington, DC, March 15, 2015'."""
    date = _line_date(line)
    if date is None:
        dateline = _dateline(line)
        if dateline is None or not _read_place(dateline[0], reading, cities):
            return False
        date = dateline[1]
    reading.date = reading.date or date
    return True


def _line_date(line: str) -> dt.date | None:
    return parse_date(line) or parse_date(_TRAILING_NOTE.sub("", line))


def _dateline(line: str) -> tuple[str, dt.date] | None:
    """'Washington, DC, March 15, 2015' -> ('Washington, DC', date): place words, then a date
    that ends the line (a time may follow it)."""
    found = find_date(line)
    if found is None or parse_date(line[found[1] :]) is None:
        return None
    place = line[: found[1]].rstrip(" ,–—-")
    parts = [part.strip() for part in place.split(",")]
    named = all(_PLACE_WORD.fullmatch(word) for word in place.replace(",", " ").split())
    return (place, found[0]) if named and all(_is_place_words(p) for p in parts) else None


def _read_person_line(line: str, reading: _Reading) -> bool:
    """'John Kerry, Secretary of State' or 'Secretary of State John Kerry' on one line."""
    name, _, role = line.partition(", ")
    if role and _NAME_LINE.fullmatch(name) and is_role_line(role):
        _add_principal(reading, _principal(name, role))
        return True
    found = titled_names(readable(line))
    if found and found[0].start == 0 and found[-1].end == len(line):
        reading.people.extend(_person(t) for t in found)
        return True
    return False


def _read_place(line: str, reading: _Reading, cities: frozenset[str]) -> bool:
    """'London, United Kingdom', 'Washington, DC', 'Lancaster House, London, United Kingdom'."""
    parts = [part.strip() for part in line.split(",")]
    if not _is_place_words(parts[-1]) or any(not _is_address_words(p) for p in parts[:-1]):
        return False
    country = country_name(parts[-1]) if len(parts) > 1 else None
    if country and _is_place_words(parts[-2]):
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


def _is_address_words(part: str) -> bool:
    """A venue part may be a street address: '10 Downing Street', '1600 Pennsylvania Avenue'."""
    return _is_place_words(part) or bool(re.fullmatch(r"\d{1,5}[A-Za-z]? [A-Z][\w .'-]+", part))


def _principal(name: str, role: str) -> HeaderPerson:
    """'John Kerry' + 'Secretary of State' -> the United States is implied by the office."""
    first, _, rest = role.partition(" ")
    country = country_adjective(first) if rest else None
    role = rest if country else role
    return HeaderPerson(name, role, country or implied_country(role))


def _person(found: TitledName) -> HeaderPerson:
    return HeaderPerson(found.name, found.title, found.country or implied_country(found.title))


def merge_people(first: list[HeaderPerson], second: list[HeaderPerson]) -> tuple[HeaderPerson, ...]:
    """One entry a person: the header block's role is the fuller one ('Secretary of State'
    beats the title line's 'Secretary'), the longer name wins, a known country is kept.
    Two full names that share a surname ('Ann Example', 'Taro Example') stay two people."""
    merged: list[HeaderPerson] = []
    for person in [*first, *second]:
        index = next((i for i, p in enumerate(merged) if _same_person(p, person)), None)
        if index is None:
            merged.append(person)
            continue
        known = merged[index]
        name = max(known.name, person.name, key=lambda n: len(n.split()))
        role = known.role or person.role
        country = known.country or person.country or implied_country(role)
        merged[index] = HeaderPerson(name, role, country)
    return tuple(merged)


def _same_person(one: HeaderPerson, other: HeaderPerson) -> bool:
    """'Kerry' and 'John Kerry' may be one person; 'John Kerry' and 'Ann Kerry' are not, nor
    'First Lady Jill Biden' and 'President Biden': two offices are two people."""
    a, b = fold(one.name).split(), fold(other.name).split()
    if not a or not b or a[-1] != b[-1]:
        return False
    if one.role and other.role and not _offices_agree(one.role, other.role):
        return False
    return len(a) == 1 or len(b) == 1 or a[0] == b[0]


def _offices_agree(one: str, other: str) -> bool:
    """'Secretary' and 'Secretary of State' agree (one names the other short); 'First Lady'
    and 'President' do not."""
    a, b = fold(one), fold(other)
    return a == b or a.startswith(b + " ") or b.startswith(a + " ")


def _clean(line: str) -> str:
    return " ".join(_HTML.sub(" ", line).split())
