"""Calendar dates as documents write them, and the relative days news uses ("on Saturday").

Written forms are matched by explicit patterns, never by a fuzzy parser: a lone number
("2016", "16") is not a date, and a day is never invented for "October 2016".
"""

from __future__ import annotations

import datetime as dt
import re

_MONTHS = {
    "january": 1, "jan": 1, "february": 2, "feb": 2, "march": 3, "mar": 3,
    "april": 4, "apr": 4, "may": 5, "june": 6, "jun": 6, "july": 7, "jul": 7,
    "august": 8, "aug": 8, "september": 9, "sept": 9, "sep": 9, "october": 10, "oct": 10,
    "november": 11, "nov": 11, "december": 12, "dec": 12,
}  # fmt: skip
_WEEKDAYS = ("monday", "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday")

_MONTH = r"(?P<month>" + "|".join(sorted(_MONTHS, key=len, reverse=True)) + r")\.?"
_WEEKDAY = r"(?:(?:mon|tues?|wed(?:nes)?|thu(?:rs?)?|fri|sat(?:ur)?|sun)(?:day)?\.?,?\s+)?"
_DAY = r"(?P<day>\d{1,2})(?:st|nd|rd|th)?"
_YEAR = r"(?P<year>\d{4})"

# "October 16, 2016", "Oct. 16, 2016", "November 17th, 2015", "Sunday, October 16, 2016"
_MDY = rf"\b{_WEEKDAY}{_MONTH}\s+{_DAY},?\s+{_YEAR}\b"
# "16 October 2016", "Sunday, 16 October 2016", "16th of October, 2016", "Sun, 16 Oct 2016"
_DMY = rf"\b{_WEEKDAY}{_DAY}\s+(?:of\s+)?{_MONTH},?\s+{_YEAR}\b"
# "2016-10-16", "2016/10/16", "2016-10-16T14:00:00Z" (the time is left to the caller)
_ISO = r"\b(?P<year>\d{4})([-/.])(?P<month>\d{1,2})\2(?P<day>\d{1,2})(?!\d)"
# "10/16/2016": the U.S. order the genre uses; "16/10/2016" only when the first part exceeds 12.
_SLASHED = r"\b(?P<first>\d{1,2})/(?P<second>\d{1,2})/(?P<year>\d{4})\b"

_ISO_START = re.compile(r"\d{4}[-/.]")
_FORMS = tuple(re.compile(p, re.IGNORECASE) for p in (_MDY, _DMY, _ISO, _SLASHED))
# What may follow a date in a field that is "just a date": a time and a zone.
_TIME_TAIL = re.compile(
    r"[\s,.–—-]*(?:(?:at\s+)?T?\d{1,2}[:.]\d{2}(?::\d{2})?(?:\.\d+)?\s*(?:[ap]\.?m\.?)?"
    r"\s*(?:Z|[+-]\d{2}:?\d{2}|[A-Z]{2,4})?)?[\s.]*",
    re.IGNORECASE,
)

# A clock time written before the date: "10:30 a.m. EDT, March 15, 2015", "12:47 PM - ".
_TIME_HEAD = re.compile(
    r"\d{1,2}[:.]\d{2}\s*(?:[ap]\.?m\.?)?\s*(?:[A-Z]{2,4}\b)?[\s,–—-]+", re.IGNORECASE
)

# "on Saturday", "last Tuesday", "Monday night", "said Monday", "yesterday", "today"
_RELATIVE = re.compile(
    r"\b(?:(?P<on>on\s+)?(?P<day>(?:Mon|Tues|Wednes|Thurs|Fri|Satur|Sun)day)\b(?![’'-])"
    r"|(?P<word>yesterday|today|tonight)\b)"
)
# After a weekday: the rest of a written date ("Sunday, 16 October"), or a name ("Sunday Times").
_DATE_AFTER = re.compile(r",?\s+(?:\d|(?:Jan|Feb|Mar|Apr|May|Jun|Jul|Aug|Sep|Oct|Nov|Dec)[a-z]*\b)")
_NAME_AFTER = re.compile(r"\s+[A-Z]")
_RELATIVE_SHIFT = {"yesterday": -1, "today": 0, "tonight": 0}


def parse_date(text: str) -> dt.date | None:
    """The date a whole field states ('Oct. 16, 2016', '2016-10-16T09:00Z'); None otherwise.
    A time may stand beside the date on either side ('10:30 a.m. EDT, March 15, 2015')."""
    stripped = text.strip()
    head = _TIME_HEAD.match(stripped)
    if head and not _ISO_START.match(stripped):
        stripped = stripped[head.end() :]
    for form in _FORMS:
        match = form.match(stripped)
        if match is None:
            continue
        date = _to_date(match)
        tail = _TIME_TAIL.fullmatch(stripped, match.end())
        if date is not None and tail is not None:
            return date
    return None


def find_date(text: str) -> tuple[dt.date, int, int] | None:
    """The first valid date written in a text, with its offsets ('Xinhua, September 20, 2015')."""
    best: tuple[dt.date, int, int] | None = None
    for form in _FORMS:
        for match in form.finditer(text):
            if best is not None and match.start() >= best[1]:
                break
            date = _to_date(match)
            if date is not None:
                best = (date, match.start(), match.end())
                break
    return best


def resolve_weekday(word: str, reference: dt.date) -> dt.date | None:
    """'Saturday' in an article of Sunday 2015-09-20 is 2015-09-19: the latest such day on or
    before the reference, because news reports past events; 'yesterday' is the day before."""
    key = word.strip().split()[-1].casefold() if word.strip() else ""
    if key in _RELATIVE_SHIFT:
        return reference + dt.timedelta(days=_RELATIVE_SHIFT[key])
    if key not in _WEEKDAYS:
        return None
    back = (reference.weekday() - _WEEKDAYS.index(key)) % 7
    return reference - dt.timedelta(days=back)


def find_relative_day(text: str) -> tuple[str, int, int] | None:
    """The first relative day mention: a weekday name not part of a full date, or
    'yesterday' / 'today' / 'tonight'. Returns the word as written and its offsets."""
    for match in _RELATIVE.finditer(text):
        if match.group("word"):
            return match.group("word"), match.start("word"), match.end("word")
        end = match.end("day")
        if _DATE_AFTER.match(text, end):
            continue
        if not match.group("on") and _NAME_AFTER.match(text, end):
            continue
        return match.group("day"), match.start("day"), end
    return None


def _to_date(match: re.Match[str]) -> dt.date | None:
    groups = match.groupdict()
    year = int(groups["year"])
    if groups.get("first"):
        first, second = int(groups["first"]), int(groups["second"])
        month, day = (second, first) if first > 12 else (first, second)
    else:
        raw = groups["month"]
        month = int(raw) if raw.isdigit() else _MONTHS[raw.casefold()]
        day = int(groups["day"])
    try:
        return dt.date(year, month, day)
    except ValueError:
        return None
