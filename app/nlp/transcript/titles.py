"""People named with a title in a line of prose, and lines that are an office.

'Joint Statement From Secretary John Kerry and U.K. Foreign Secretary Boris Johnson' names
two people: the title before a capitalised name gives the role, a country word before the
title ('U.K.', 'Russian') gives the country. 'Secretary of State' alone is a role line.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from app.nlp.names import fold, korean_case
from app.nlp.transcript.labels import TITLES, display_word
from app.nlp.transcript.places import country_adjective, country_name

_PROSE_TITLES = (
    *TITLES,
    "Minister of Foreign Affairs",
    "Foreign Affairs Minister",
    "Secretary General",
    "Spokesman",
    "Spokeswoman",
    "Adviser",
    "Advisor",
    "Coordinator",
    "Counselor",
    "Chief of Staff",
    "Gen.",
    "Adm.",
    "Amb.",
)
_TITLE_ALTERNATIVES = "|".join(
    re.escape(t) for t in sorted(set(_PROSE_TITLES), key=len, reverse=True)
)
# A name word: "Kerry", "O'Brien" (an apostrophe after one capital), "C.", "al-Jubeir".
_NAME_WORD = (
    r"(?:[A-Z][a-z][\w'’-]*|[A-Z]['’][A-Z][a-z][\w'’-]*|[A-Z]\.|"
    r"(?:al|el|bin|de|van|von)-?[A-Z][\w'’-]*)"
)
# The subject an office may name before the holder: "Coordinator for Strategic
# Communications John Kirby", "Under Secretary for Political Affairs Jane Roe".
_SUBJECT_WORDS = (
    r"(?:Strategic|Communications|Political|Public|Affairs|Policy|Security|International|"
    r"Economic|Military|Legislative|Management|Global|Arms|Control|Counterterrorism|Homeland|"
    r"National|Energy|Climate|Health|Democracy|Human|Rights|Diplomacy|Press|Media|Intelligence)"
)
_TITLED = re.compile(
    rf"\b(?P<title>(?:{_TITLE_ALTERNATIVES})(?:\s+(?:for|of)(?:\s+{_SUBJECT_WORDS}){{1,4}}"
    rf"(?=\s+{_NAME_WORD}\s+{_NAME_WORD}))?)\s+(?:(?:Dr|Mr|Ms|Mrs|Sir|Dame)\.?\s+)?"
    rf"(?P<name>{_NAME_WORD}(?:\s+{_NAME_WORD}){{0,3}})"
)
# Words an all-capitals title keeps small when read in title case: they end a name.
_SMALL_WORDS = frozenset({"A", "AN", "AND", "OF", "THE", "BY", "IN", "ON", "AT", "WITH", "FOR"})
_COUNTRY_BEFORE = re.compile(r"([A-Z][\w.]*)\s+$")
_WORD_BEFORE = re.compile(r"([A-Z][a-z]+)\s+$")
# "President Moon Jae-in of the Republic of Korea", "Prime Minister Kishida Fumio of Japan".
_OF_COUNTRY_AFTER = re.compile(
    r"\s+of\s+((?:the\s+)?[A-Z][\w'’.]*(?:\s+(?:of\s+)?[A-Z][\w'’.]*){0,4})"
)
_COUNTRY_WINDOW = 40  # characters searched back for "U.K." / "Japanese" before a title


def _folded(words: str) -> frozenset[str]:
    return frozenset(fold(word) for word in words.split())


# Words that widen an office written before its title: "Principal Deputy Communications
# Director", "Senior Adviser", "Assistant to the President and Press Secretary" keeps "Press".
_TITLE_MODIFIERS = _folded(
    """
    homeland economic domestic cyber climate
    principal deputy senior chief assistant associate acting special executive
    communications press national security strategic political legal policy digital
    public affairs
    """
)
# Capitalised words that end a name in a title line: "Fumio Kishida Before Their Meeting".
STOP_WORDS = _folded(
    """
    And With At On In Before After During Following Ahead Of For To From The Their His Her
    Meeting Meetings Remarks Press Joint Statement Availability Conference Interview Briefing
    Roundtable Trip Visit Travel Delegation Day Ceremony Signing Luncheon Lunch Dinner Reception
    Event Opening Closing Session Dialogue Summit Talks Discussion Call Readout Q&A
    Hold Holds Host Hosts Give Gives Deliver Delivers Speak Speaks Meet Meets Announce
    Announces Participate Participates Travel Travels Visit Visits Welcome Welcomes
    Monday Tuesday Wednesday Thursday Friday Saturday Sunday January February March April May
    June July August September October November December
    """
)
# First words of an office written on its own line: "Secretary of State", "Spokesperson".
_ROLE_STARTS = _folded(
    """
    Secretary Deputy Under Assistant Acting Special Spokesperson Spokesman Spokeswoman Press
    Foreign Prime President Vice Minister Ambassador Ambassador-at-Large Senator Representative
    Envoy Director Administrator Coordinator Counselor Chief Senior Principal Permanent High
    National Chairman Chair Governor Mayor King Queen Chancellor Head Commander General Admiral
    Secretary-General Emir Crown Defense Defence Attorney Executive Legal Political
    """
)


_ABBREVIATED = {"Gen.": "General", "Adm.": "Admiral", "Amb.": "Ambassador"}


@dataclass(frozen=True)
class TitledName:
    name: str  # "Boris Johnson"
    title: str  # "Foreign Secretary"
    country: str | None  # "United Kingdom"
    start: int  # offset of the country word or title
    end: int  # offset past the name


def titled_names(line: str) -> list[TitledName]:
    """Everyone a line names as 'Title Name', with the country word before the title."""
    found = []
    for match in _TITLED.finditer(line):
        words = _name_words(match.group("name"))
        if not words:
            continue
        start, title = _widened(line, match.start(), match.group("title"))
        title = _ABBREVIATED.get(title, title)
        window = max(0, start - _COUNTRY_WINDOW)
        before = _COUNTRY_BEFORE.search(line[window:start])
        country = country_adjective(before.group(1)) if before else None
        if country and before:
            start = window + before.start(1)
        end = match.start("name") + len(" ".join(words))
        country = country or _country_after(line, end)
        name = korean_case(" ".join(words))
        found.append(TitledName(name, title, country, start, end))
    return found


def _widened(line: str, start: int, title: str) -> tuple[int, str]:
    """'Director' preceded by 'Principal Deputy Communications' is that whole office."""
    while (before := _WORD_BEFORE.search(line, 0, start)) and fold(
        before.group(1)
    ) in _TITLE_MODIFIERS:
        start = before.start(1)
        title = f"{before.group(1)} {title}"
    return start, title


def _country_after(line: str, end: int) -> str | None:
    """The country an 'of ...' after the name gives: 'Kishida Fumio of Japan' -> Japan."""
    found = _OF_COUNTRY_AFTER.match(line, end)
    if found is None:
        return None
    words = found.group(1).split()
    for size in range(len(words), 0, -1):  # "the Republic of Korea in Joint Press ..."
        named = country_name(" ".join(words[:size]))
        if named:
            return named
    return None


# Words naming the body an office belongs to, written before the office itself:
# "Department Spokesperson", "White House Press Secretary", "State Department Spokesperson".
_OFFICE_QUALIFIERS = _folded(
    """
    Department State White House Pentagon NSC Embassy Ministry Government Cabinet Council
    Commission Agency Office Treasury Defense Defence Foreign Home UN NATO EU
    """
)


def is_role_line(line: str) -> bool:
    """'Secretary of State', 'U.S. Ambassador to the United Nations', 'Department
    Spokesperson': an office (after a country or the body it belongs to), no name."""
    words = line.split()
    if not words or len(words) > 12 or any(c.isdigit() or c in "()" for c in line):
        return False
    index = 1 if len(words) > 1 and country_adjective(words[0]) else 0
    first = words[index]
    while fold(first) not in _ROLE_STARTS and fold(first) in _OFFICE_QUALIFIERS:
        index += 1
        if index == len(words):
            return False
        first = words[index]
    return fold(first) in _ROLE_STARTS and not titled_names(line)


def implied_country(role: str | None) -> str | None:
    """The bare title 'Secretary of State' is the U.S. office (British ones add 'for ...')."""
    return "United States" if role and fold(role) == "secretary of state" else None


def _name_words(name: str) -> list[str]:
    """Name words up to the first stop word; a possessive ends the name ("Kerry's Remarks")."""
    words: list[str] = []
    for word in name.split():
        if fold(word) in STOP_WORDS:
            break
        if word.endswith(("'s", "’s")):
            words.append(word[:-2])
            break
        words.append(word)
    return words


# The interviewer a title names: "Interview With Margaret Brennan of CBS's Face the Nation",
# "INTERVIEW OF THE PRESIDENT BY STEVE KROFT OF CBS'S 60 MINUTES" (read title-cased).
_INTERVIEW = re.compile(
    rf"\bInterview\b.*?\b(?:With|By)\s+(?P<name>{_NAME_WORD}(?:\s+{_NAME_WORD}){{1,3}})",
    re.IGNORECASE,
)


def readable(line: str) -> str:
    """An all-capitals line in title case, same length, so prose patterns read it:
    'PRESS BRIEFING BY PRESS SECRETARY JOSH EARNEST' -> 'Press Briefing By Press Secretary
    Josh Earnest'. Dotted abbreviations keep their case ('U.S.'); mixed-case lines are kept."""
    if any(c.islower() for c in line) or not any(c.isupper() for c in line):
        return line
    return re.sub(r"[A-Z][A-Z'’-]*\b(?!\.)", lambda m: _word_case(m.group(0)), line)


def _word_case(word: str) -> str:
    """'AND' -> 'and' (a small word stays small, so it ends a name), 'MCCAIN' -> 'McCain'."""
    return word.lower() if word in _SMALL_WORDS else display_word(word)


def interviewer(title: str | None) -> str | None:
    """The journalist 'Interview With NAME' names, with two name words or more."""
    if not title:
        return None
    match = _INTERVIEW.search(readable(title))
    if match is None:
        return None
    words = _name_words(match.group("name"))
    return " ".join(words) if len(words) >= 2 else None
