"""Header lines that name a person with the body's name before the office are people, never the venue."""

from __future__ import annotations

import pytest

from app.nlp.transcript import parse_transcript

BODY = "\n\nMR HALVORSEN: Good afternoon.\n\nQUESTION: On the talks?\n\nMR HALVORSEN: They go on.\n"


@pytest.mark.parametrize(
    ("person_line", "role"),
    [
        ("Erik Halvorsen, Department Spokesperson", "Department Spokesperson"),
        (
            "Erik Halvorsen, State Department Deputy Spokesperson",
            "State Department Deputy Spokesperson",
        ),
        ("Erik Halvorsen, White House Press Secretary", "White House Press Secretary"),
    ],
)
def test_person_line_with_office_body_is_the_principal_not_the_venue(
    person_line: str, role: str
) -> None:
    header = parse_transcript(
        f"Department Press Briefing\n{person_line}\nWashington, DC\nMarch 4, 2024{BODY}"
    ).header
    assert header.venue is None
    assert header.city == "Washington"
    assert header.principal is not None
    assert (header.principal.name, header.principal.role) == ("Erik Halvorsen", role)


def test_a_real_venue_line_is_still_the_venue() -> None:
    header = parse_transcript(
        f"Remarks to the Press\nChief of Mission's Residence\nLondon, United Kingdom\nMay 2, 2016{BODY}"
    ).header
    assert header.venue == "Chief of Mission's Residence"
