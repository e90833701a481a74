"""Written dates, first dates in text, and relative days resolved against a reference date."""

from __future__ import annotations

import datetime as dt

import pytest

from app.nlp.dates import find_date, find_relative_day, parse_date, resolve_weekday

D = dt.date

PARSE_CASES = [
    ("October 16, 2016", D(2016, 10, 16)),
    ("Oct. 16, 2016", D(2016, 10, 16)),
    ("Oct 16 2016", D(2016, 10, 16)),
    ("Sept. 20, 2015", D(2015, 9, 20)),
    ("16 October 2016", D(2016, 10, 16)),
    ("16 Oct. 2016", D(2016, 10, 16)),
    ("16th of October, 2016", D(2016, 10, 16)),
    ("2016-10-16", D(2016, 10, 16)),
    ("2016/10/16", D(2016, 10, 16)),
    ("Sunday, 16 October 2016", D(2016, 10, 16)),
    ("Sunday, October 16, 2016", D(2016, 10, 16)),
    ("November 17th, 2015", D(2015, 11, 17)),
    ("November 1st, 2015", D(2015, 11, 1)),
    ("OCTOBER 16, 2016", D(2016, 10, 16)),
    ("  May 2, 2016 \n", D(2016, 5, 2)),
    ("2016-10-16T14:30:00Z", D(2016, 10, 16)),
    ("2016-10-16 14:30:00+01:00", D(2016, 10, 16)),
    ("Sun, 16 Oct 2016 14:30:00 GMT", D(2016, 10, 16)),
    ("October 16, 2016, 2:30 p.m.", D(2016, 10, 16)),
    ("10/16/2016", D(2016, 10, 16)),  # U.S. order
    ("16/10/2016", D(2016, 10, 16)),  # only a day can exceed 12
    # Not dates: lone numbers, no day, impossible days, dates inside longer text.
    ("2016", None),
    ("16", None),
    ("October 2016", None),
    ("February 30, 2016", None),
    ("2016-13-01", None),
    ("Remarks on October 16, 2016", None),
    ("October 16, 2016 in London", None),
    ("", None),
    ("Secretary of State", None),
]


@pytest.mark.parametrize(("text", "expected"), PARSE_CASES)
def test_parse_date(text: str, expected: dt.date | None) -> None:
    assert parse_date(text) == expected


FIND_CASES = [
    ("Xinhua, September 20, 2015 Adjust font size:", (D(2015, 9, 20), 8, 26)),
    ("Paris, France\nNovember 17, 2015\n", (D(2015, 11, 17), 14, 31)),
    ("published 2016-10-16, updated 17 October 2016", (D(2016, 10, 16), 10, 20)),
    ("on 17 October 2016 and on October 16, 2016", (D(2016, 10, 17), 3, 18)),
    ("Sunday, 16 October 2016 at noon", (D(2016, 10, 16), 0, 23)),
    ("February 30, 2016 then March 1, 2016", (D(2016, 3, 1), 23, 36)),
    ("a 67-country coalition of 2016 members", None),
    ("7 days a week, 365 days a year", None),
]


@pytest.mark.parametrize(("text", "expected"), FIND_CASES)
def test_find_date(text: str, expected: tuple[dt.date, int, int] | None) -> None:
    assert find_date(text) == expected


SUNDAY = D(2015, 9, 20)
WEEKDAY_CASES = [
    ("Saturday", SUNDAY, D(2015, 9, 19)),
    ("Sunday", SUNDAY, SUNDAY),  # the same day counts as that day
    ("Monday", SUNDAY, D(2015, 9, 14)),
    ("friday", SUNDAY, D(2015, 9, 18)),
    ("on Saturday", SUNDAY, D(2015, 9, 19)),
    ("yesterday", SUNDAY, D(2015, 9, 19)),
    ("today", SUNDAY, SUNDAY),
    ("tonight", SUNDAY, SUNDAY),
    ("Saturday", D(2016, 1, 1), D(2015, 12, 26)),  # across a year end
    ("soon", SUNDAY, None),
    ("", SUNDAY, None),
]


@pytest.mark.parametrize(("word", "reference", "expected"), WEEKDAY_CASES)
def test_resolve_weekday(word: str, reference: dt.date, expected: dt.date | None) -> None:
    assert resolve_weekday(word, reference) == expected


RELATIVE_CASES = [
    ("Britain and the United States said on Sunday they", ("Sunday", 38, 44)),
    ("held talks on Saturday in London", ("Saturday", 14, 22)),
    ("Kerry said Monday that", ("Monday", 11, 17)),
    ("the meeting yesterday", ("yesterday", 12, 21)),
    ("He told reporters today.", ("today", 18, 23)),
    ("on Saturday Kerry met Lavrov", ("Saturday", 3, 11)),
    ("the Sunday Times reported on Tuesday", ("Tuesday", 29, 36)),
    ("Sunday, 16 October 2016: talks on Friday", ("Friday", 34, 40)),
    ("Sundays are quiet", None),
    ("no day is named here", None),
]


@pytest.mark.parametrize(("text", "expected"), RELATIVE_CASES)
def test_find_relative_day(text: str, expected: tuple[str, int, int] | None) -> None:
    assert find_relative_day(text) == expected
