"""Occasions: where and when a news article's words were spoken (dateline, relative days,
place, outlet), and what kind of occasion a title names."""

from __future__ import annotations

import datetime as dt
import re
from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path

from app.nlp.dates import find_date, find_relative_day, resolve_weekday
from app.nlp.roles import country_of


@dataclass(frozen=True)
class Occasion:
    """What an article says about the occasion it reports; any field may be unknown."""

    kind: str | None
    title: str | None
    date: dt.date | None
    published: dt.date | None
    city: str | None
    venue: str | None
    outlet: str | None


# "In an interview with CBS News", "told the BBC in an interview", "interviewed by CBS News"
_INTERVIEW = re.compile(
    r"\b(?:interview(?:ed)? (?:with|by)|told) (?:the )?((?:[A-Z][\w&.]*\s?){1,4})(?=[\s,.;]|$)"
)
_INTERVIEW_WORD = re.compile(r"\binterview", re.IGNORECASE)
# "briefing allies in London", "held talks on Saturday in London"
_CITY = re.compile(r"\bin ([A-Z][a-z]+(?: [A-Z][a-z]+)?)\b(?!['’]s)")
# "at Hammond's official residence", "at Lancaster House", "at the Benjamin Franklin Room"
_VENUE = re.compile(
    r"\bat (?:the )?((?:[A-Z][\w'’]*\s){0,4}?(?:[a-z]+\s)?"
    r"(?:[Rr]esidence|House|Palace|Hotel|Hall|Embassy|Ministry|Room|Cent(?:er|re)|Building))\b"
)
# Words after "in" that are not places: "In an interview", "in September", "in Syria" stays.
_NOT_CITY_TEXT = """
January February March April May June July August September October November December Monday
Tuesday Wednesday Thursday Friday Saturday Sunday The This That Europe
"""
_NOT_CITY = frozenset(_NOT_CITY_TEXT.split())
_TALK_WORDS = re.compile(
    r"\b(held talks|talks with|met|meeting|press conference|summit|speaking|briefing"
    r"|visit(?:ing)?)\b"
)
# A sentence about another time: "failed last year", "previously", "in 2012".
_PAST = re.compile(r"\b(last (?:year|month|week)|previously|earlier this year|in (?:19|20)\d\d)\b")
_SENTENCE = re.compile(r"(?<=[.!?])\s+(?=[A-Z\"“])|\n+")


@lru_cache(maxsize=1)
def known_cities() -> frozenset[str]:
    """The shipped gazetteer: data, so users can extend it without touching code."""
    path = Path(__file__).with_name("data") / "cities.txt"
    lines = path.read_text(encoding="utf-8").splitlines()
    return frozenset(line.strip() for line in lines if line.strip() and not line.startswith("#"))


def find_occasion(
    text: str, published: dt.date | None, cities: frozenset[str] | None = None
) -> Occasion:
    """Read the occasion from the first paragraphs, where news style states it."""
    cities = known_cities() if cities is None else cities
    lead = text[:3000]
    dateline = find_date(lead[:400])
    if published is None and dateline is not None:
        published = dateline[0]
    date = _spoken_on(lead, published)
    outlet = _outlet(lead)
    scene = " ".join(_occasion_sentences(lead))
    kind = "interview" if outlet else ("talks" if scene else None)
    city = _city(scene, cities)
    return Occasion(kind, _title(kind, outlet, city), date, published, city, _venue(scene), outlet)


def _occasion_sentences(lead: str) -> list[str]:
    """Sentences that describe the meeting itself ("held talks on Saturday in London"); a city
    named elsewhere ("talks in Geneva failed last year") says nothing about this occasion."""
    sentences = _SENTENCE.split(lead)
    return [s for s in sentences if _TALK_WORDS.search(s) and not _PAST.search(s)]


def _title(kind: str | None, outlet: str | None, city: str | None) -> str | None:
    if outlet:
        return f"Interview with {outlet}"
    if kind and city:
        return f"{kind.capitalize()} in {city}"
    return None


def _spoken_on(lead: str, published: dt.date | None) -> dt.date | None:
    """'on Saturday' in an article dated Sunday 20 September 2015 is 19 September 2015."""
    relative = find_relative_day(lead)
    if relative is None:
        return published
    if published is None:
        return None
    return resolve_weekday(relative[0], published)


# The interview that is the article's occasion is stated in its first paragraphs; one
# mentioned further down ('he said in an interview with Ukrainian television') is where a
# single quote came from, not the occasion of every quote.
_OUTLET_PARAGRAPHS = 3


def _outlet(lead: str) -> str | None:
    head = "\n".join([line for line in lead.splitlines() if line.strip()][:_OUTLET_PARAGRAPHS])
    if not _INTERVIEW_WORD.search(head):
        return None
    match = _INTERVIEW.search(head)
    if match is None or country_of(match.group(1).split()[0]):
        return None  # 'an interview with Ukrainian television' names no outlet
    return match.group(1).strip()


def _city(lead: str, cities: frozenset[str]) -> str | None:
    for match in _CITY.finditer(lead):
        name = match.group(1)
        if name.split()[0] in _NOT_CITY:
            continue
        if not cities or name in cities:
            return name
    return None


def _venue(lead: str) -> str | None:
    match = _VENUE.search(lead)
    return match.group(1).strip() if match else None


# Title words that name the kind of occasion, most specific first.
_EVENT_KINDS = (
    ("joint press availability", "press availability"),
    ("press availability", "press availability"),
    ("press conference", "press conference"),
    ("joint statement", "joint statement"),
    ("roundtable", "roundtable"),
    ("interview", "interview"),
    ("briefing", "briefing"),
    ("remarks", "remarks"),
    ("statement", "statement"),
    ("talks", "talks"),
    ("meeting", "meeting"),
)


def event_kind(title: str | None) -> str | None:
    """The kind a transcript's title names: 'Joint Press Availability With ...' -> 'press
    availability'; None when the title names no known kind."""
    lowered = (title or "").casefold()
    return next((kind for words, kind in _EVENT_KINDS if words in lowered), None)
