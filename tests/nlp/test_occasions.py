"""Where and when a news article's words were spoken, read from its lead."""

from __future__ import annotations

import datetime as dt

import pytest

from app.nlp.occasions import find_occasion

SUNDAY = dt.date(2015, 9, 20)


@pytest.mark.parametrize(
    ("text", "published", "date", "city", "kind"),
    [
        (
            "Ministers held talks on Saturday in London.",
            SUNDAY,
            dt.date(2015, 9, 19),
            "London",
            "talks",
        ),
        (
            "Reuters, September 20, 2015\nThe two met on Friday in Vienna.",
            None,
            dt.date(2015, 9, 18),
            "Vienna",
            "talks",
        ),
        (
            "Speaking after a meeting in Geneva, she said more was needed.",
            SUNDAY,
            SUNDAY,
            "Geneva",
            "talks",
        ),
        (
            "Peace talks in Geneva failed last year. He said nothing new.",
            SUNDAY,
            SUNDAY,
            None,
            None,
        ),
        (
            "In an interview with CBS News on Sunday the minister spoke.",
            None,
            None,
            None,
            "interview",
        ),
        ("The president was interviewed by the BBC on Sunday.", SUNDAY, SUNDAY, None, "interview"),
        ("The minister said in Syria the war goes on.", SUNDAY, SUNDAY, None, None),
        ("Officials held talks in September in Paris.", None, None, "Paris", "talks"),
    ],
    ids=[
        "relative-day",
        "dateline",
        "speaking-after",
        "other-occasion-city",
        "interview-undated",
        "interviewed-by",
        "country-not-city",
        "month-not-city",
    ],
)
def test_occasion_from_the_lead(
    text: str, published: dt.date | None, date: dt.date | None, city: str | None, kind: str | None
) -> None:
    occasion = find_occasion(text, published)
    assert (occasion.date, occasion.city, occasion.kind) == (date, city, kind)


def test_interview_names_the_outlet() -> None:
    occasion = find_occasion("In an interview with CBS News, Kerry said talks were needed.", None)
    assert occasion.outlet == "CBS News"
    assert occasion.title == "Interview with CBS News"


def test_venue_is_read_where_the_meeting_was() -> None:
    text = "After the meeting at Hammond's official residence, Kerry said talks went well."
    assert find_occasion(text, SUNDAY).venue == "Hammond's official residence"


def test_interview_late_in_the_article_is_not_the_occasion() -> None:
    """One quote 'in an interview with Ukrainian television' in the last paragraph does not
    make the whole article an interview (issue 11: every quote was pulled into it)."""
    text = (
        "Kuleba urges allies to speed up air defence deliveries\n\n"
        "Foreign Minister Dmytro Kuleba met his Romanian counterpart in Bucharest on Monday.\n\n"
        "“We need the systems now,” Kuleba said at a news conference.\n\n"
        "The talks covered grain exports.\n\n"
        "He later said in an interview with Ukrainian television that he was optimistic."
    )
    occasion = find_occasion(text, None)
    assert occasion.kind != "interview"
    assert occasion.title is None or "Interview" not in occasion.title


def test_country_word_is_not_an_outlet() -> None:
    occasion = find_occasion("In an interview with Ukrainian television, Kuleba spoke.", None)
    assert occasion.outlet is None
