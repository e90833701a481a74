"""Transcript labels, turns, speakers and headers on small synthetic snippets of the genre.

Decisions recorded here: 'NOTE:', 'UPDATE:', 'EDITOR'S NOTE:' and 'PRN:' at a paragraph start
are not speaker labels; their paragraph stays inside the turn (or header) around it. Stage
notes inside a turn stay in its text; one closing the turn ('(Applause.)') does not. A label
naming the interviewer of an 'Interview With ...' title is a question, attributed to them.
"""

from __future__ import annotations

import datetime as dt
from typing import NamedTuple

import pytest

from app.nlp.transcript import parse_transcript

HEAD = "Press Availability\n\nJohn Kerry\nSecretary of State\nVienna, Austria\nMay 17, 2016\n\n"


class Want(NamedTuple):
    label: str
    speaker: str | None
    role: str | None
    text: str  # the turn's whole text
    kind: str = "turn"
    country: str | None = None
    note: str | None = None


Q = "question"
KERRY = ("John Kerry", "Secretary of State")

# (id, document, expected turns in order)
TURN_CASES: list[tuple[str, str, list[Want]]] = [
    (
        "secretary-resolves-to-header",
        HEAD + "SECRETARY KERRY: Good morning.",
        [Want("SECRETARY KERRY", *KERRY, "Good morning.", country="United States")],
    ),
    (
        "question-from-the-floor",
        HEAD + "QUESTION: Mr. Secretary, why now?\n\nSECRETARY KERRY: Because.",
        [
            Want("QUESTION", None, None, "Mr. Secretary, why now?", Q),
            Want("SECRETARY KERRY", *KERRY, "Because.", country="United States"),
        ],
    ),
    (
        "q-colon",
        "Q: Is it over?\nMS. PSAKI: Not yet.",
        [Want("Q", None, None, "Is it over?", Q), Want("MS. PSAKI", "Psaki", None, "Not yet.")],
    ),
    (
        "q-white-house-style-without-colon",
        "Q    Mr. President, a question.\n\nTHE PRESIDENT:  Go ahead.",
        [
            Want("Q", None, None, "Mr. President, a question.", Q),
            Want("THE PRESIDENT", None, "President", "Go ahead."),
        ],
    ),
    (
        "mr-without-period",
        "MR KIRBY: Last question.\nQUESTION: Thanks.",
        [
            Want("MR KIRBY", "Kirby", None, "Last question."),
            Want("QUESTION", None, None, "Thanks.", Q),
        ],
    ),
    (
        "mr-with-period",
        "MR. KIRBY: Two more.\n\nQUESTION: Sure.",
        [Want("MR. KIRBY", "Kirby", None, "Two more."), Want("QUESTION", None, None, "Sure.", Q)],
    ),
    (
        "moderator-is-a-role",
        "MODERATOR: Our first question.\nQUESTION: Hello.",
        [
            Want("MODERATOR", None, "Moderator", "Our first question."),
            Want("QUESTION", None, None, "Hello.", Q),
        ],
    ),
    (
        "participant-and-staff",
        "PARTICIPANT: Thank you.\nSTAFF: This way, please.",
        [
            Want("PARTICIPANT", None, "Participant", "Thank you."),
            Want("STAFF", None, "Staff", "This way, please."),
        ],
    ),
    (
        "president-without-first-name",
        "PRESIDENT OBAMA: Thank you all.\nQUESTION: Sir?",
        [
            Want("PRESIDENT OBAMA", "Obama", "President", "Thank you all."),
            Want("QUESTION", None, None, "Sir?", Q),
        ],
    ),
    (
        "foreign-minister-via-interpreter",
        "FOREIGN MINISTER LAVROV (via interpreter): We agreed.\nSECRETARY KERRY: We did.",
        [
            Want(
                "FOREIGN MINISTER LAVROV",
                "Lavrov",
                "Foreign Minister",
                "We agreed.",
                note="via interpreter",
            ),
            Want("SECRETARY KERRY", "Kerry", "Secretary", "We did."),
        ],
    ),
    (
        "secretary-via-interpreter",
        HEAD + "SECRETARY KERRY (via interpreter): Merci.\nQUESTION: And?",
        [
            Want(
                "SECRETARY KERRY", *KERRY, "Merci.", country="United States", note="via interpreter"
            ),
            Want("QUESTION", None, None, "And?", Q),
        ],
    ),
    (
        "first-name-from-body-mention",
        "FOREIGN MINISTER LAVROV: Yes.\nSECRETARY KERRY: My friend Sergey Lavrov is right.",
        [
            Want("FOREIGN MINISTER LAVROV", "Sergey Lavrov", "Foreign Minister", "Yes."),
            Want("SECRETARY KERRY", "Kerry", "Secretary", "My friend Sergey Lavrov is right."),
        ],
    ),
    (
        "first-name-from-titled-body-mention",
        "MS. DOE: Thank you.\nMR. TONER: Assistant Secretary Jane Doe will take questions.",
        [
            Want("MS. DOE", "Jane Doe", "Assistant Secretary", "Thank you."),
            Want("MR. TONER", "Toner", None, "Assistant Secretary Jane Doe will take questions."),
        ],
    ),
    (
        "ambiguous-first-names-stay-surname",
        "MR. SMITH: Hi.\nQUESTION: Is that Adam Smith or John Smith?",
        [
            Want("MR. SMITH", "Smith", None, "Hi."),
            Want("QUESTION", None, None, "Is that Adam Smith or John Smith?", Q),
        ],
    ),
    (
        "title-word-before-surname-is-no-first-name",
        "MR. TONER: Hi.\nQUESTION: Deputy Spokesperson Toner, and Secretary Toner?",
        [
            Want("MR. TONER", "Toner", None, "Hi."),
            Want("QUESTION", None, None, "Deputy Spokesperson Toner, and Secretary Toner?", Q),
        ],
    ),
    (
        "multi-paragraph-turn",
        "SECRETARY KERRY: First paragraph.\n\nSecond paragraph.\n\nThird.\n\nQUESTION: Next?",
        [
            Want(
                "SECRETARY KERRY",
                "Kerry",
                "Secretary",
                "First paragraph.\n\nSecond paragraph.\n\nThird.",
            ),
            Want("QUESTION", None, None, "Next?", Q),
        ],
    ),
    (
        "stage-notes-stay-in-text",
        "SECRETARY KERRY: (Laughter.) Well, (inaudible) yes.\n\n(Applause.)\n\n"
        "QUESTION: (Off-mike.)",
        [
            Want(
                "SECRETARY KERRY",
                "Kerry",
                "Secretary",
                "(Laughter.) Well, (inaudible) yes.",  # a closing '(Applause.)' is not speech
            ),
            Want("QUESTION", None, None, "(Off-mike.)", Q),
        ],
    ),
    (
        "in-progress-note-opens-turn",
        "MR KIRBY: (In progress) minutes.\nQUESTION: Okay.",
        [
            Want("MR KIRBY", "Kirby", None, "(In progress) minutes."),
            Want("QUESTION", None, None, "Okay.", Q),
        ],
    ),
    (
        "cut-off-question-is-a-turn",
        "QUESTION: Does the U.S. (inaudible) –\n\nQUESTION: Sorry —\n\nQUESTION: — so, can it?",
        [
            Want("QUESTION", None, None, "Does the U.S. (inaudible) –", Q),
            Want("QUESTION", None, None, "Sorry —", Q),
            Want("QUESTION", None, None, "— so, can it?", Q),
        ],
    ),
    (
        "empty-turn-dropped",
        "QUESTION:\n\nSECRETARY KERRY: Yes.",
        [Want("SECRETARY KERRY", "Kerry", "Secretary", "Yes.")],
    ),
    (
        "label-on-own-line",
        "SECRETARY KERRY:\n\nThank you all for coming.",
        [Want("SECRETARY KERRY", "Kerry", "Secretary", "Thank you all for coming.")],
    ),
    (
        "capitalised-sentence-is-no-label",
        "SECRETARY KERRY: Look.\n\nI said this: no.\n\nThe point: yes.\nUN: the body.",
        [
            Want(
                "SECRETARY KERRY",
                "Kerry",
                "Secretary",
                "Look.\n\nI said this: no.\n\nThe point: yes.\nUN: the body.",
            )
        ],
    ),
    (
        "q-and-a-is-no-label",
        "MODERATOR: Now the Q&A: first.\n\nQ&A: session follows.",
        [Want("MODERATOR", None, "Moderator", "Now the Q&A: first.\n\nQ&A: session follows.")],
    ),
    (
        "note-is-not-a-speaker",
        "SECRETARY KERRY: Hello.\n\nNOTE: The Secretary left.\n\nEDITOR'S NOTE: Corrected.",
        [
            Want(
                "SECRETARY KERRY",
                "Kerry",
                "Secretary",
                "Hello.\n\nNOTE: The Secretary left.\n\nEDITOR'S NOTE: Corrected.",
            )
        ],
    ),
    (
        "label-mid-paragraph-is-text",
        "MR. KIRBY: He said SECRETARY KERRY: no.",
        [Want("MR. KIRBY", "Kirby", None, "He said SECRETARY KERRY: no.")],
    ),
    (
        "digits-are-no-label",
        "MODERATOR: Go.\n\nSPEAKER 1: Hi.",
        [Want("MODERATOR", None, "Moderator", "Go.\n\nSPEAKER 1: Hi.")],
    ),
    (
        "country-prefix-in-label",
        "U.K. FOREIGN SECRETARY JOHNSON: Good afternoon.",
        [
            Want(
                "U.K. FOREIGN SECRETARY JOHNSON",
                "Johnson",
                "Foreign Secretary",
                "Good afternoon.",
                country="United Kingdom",
            )
        ],
    ),
    (
        "prime-minister-and-ambassador",
        "PRIME MINISTER ABE: Welcome.\nAMBASSADOR POWER: Thanks.",
        [
            Want("PRIME MINISTER ABE", "Abe", "Prime Minister", "Welcome."),
            Want("AMBASSADOR POWER", "Power", "Ambassador", "Thanks."),
        ],
    ),
    (
        "senator-general-admiral",
        "SENATOR MCCAIN: Hi.\nGENERAL DUNFORD: Sir.\nADMIRAL MULLEN: Yes.",
        [
            Want("SENATOR MCCAIN", "McCain", "Senator", "Hi."),  # Mc takes a capital
            Want("GENERAL DUNFORD", "Dunford", "General", "Sir."),
            Want("ADMIRAL MULLEN", "Mullen", "Admiral", "Yes."),
        ],
    ),
    (
        "body-casing-for-surname",
        "SENATOR MCCAIN: Hi.\nQUESTION: Senator, is John McCain running?",
        [
            Want("SENATOR MCCAIN", "John McCain", "Senator", "Hi."),
            Want("QUESTION", None, None, "Senator, is John McCain running?", Q),
        ],
    ),
    (
        "spokesperson-and-background-official",
        "SPOKESPERSON KIRBY: Go ahead.\nSENIOR STATE DEPARTMENT OFFICIAL ONE: On background.",
        [
            Want("SPOKESPERSON KIRBY", "Kirby", "Spokesperson", "Go ahead."),
            Want(
                "SENIOR STATE DEPARTMENT OFFICIAL ONE",
                None,
                "Senior State Department Official",
                "On background.",
            ),
        ],
    ),
    (
        "full-name-label",
        "JOHN KERRY: Thanks, Chuck.\nCHUCK TODD: Welcome.",
        [
            Want("JOHN KERRY", "John Kerry", None, "Thanks, Chuck."),
            Want("CHUCK TODD", "Chuck Todd", None, "Welcome."),
        ],
    ),
    (
        "title-line-people-resolve-labels",
        "Joint Press Availability With Secretary John Kerry and "
        "Russian Foreign Minister Sergey Lavrov\n\n"
        "FOREIGN MINISTER LAVROV (via interpreter): Good evening.\n\nSECRETARY KERRY: Thank you.",
        [
            Want(
                "FOREIGN MINISTER LAVROV",
                "Sergey Lavrov",
                "Foreign Minister",
                "Good evening.",
                country="Russia",
                note="via interpreter",
            ),
            Want("SECRETARY KERRY", "John Kerry", "Secretary", "Thank you."),
        ],
    ),
    (
        "the-president-is-the-header-president",
        "Remarks by President Barack Obama\n\nTHE PRESIDENT: Hello, everybody.",
        [Want("THE PRESIDENT", "Barack Obama", "President", "Hello, everybody.")],
    ),
    (
        "first-name-from-title-line",
        "Interview With Chuck Todd of NBC's Meet the Press\n\nMR TODD: Welcome back.\n\n"
        "SECRETARY KERRY: Thanks, Chuck.",
        [
            Want("MR TODD", "Chuck Todd", None, "Welcome back.", Q),  # the interviewer
            Want("SECRETARY KERRY", "Kerry", "Secretary", "Thanks, Chuck."),
        ],
    ),
    (
        "hyphenated-surname",
        "Remarks With Saudi Foreign Minister Adel al-Jubeir\n\nFOREIGN MINISTER AL-JUBEIR: Thanks.",
        [
            Want(
                "FOREIGN MINISTER AL-JUBEIR",
                "Adel al-Jubeir",
                "Foreign Minister",
                "Thanks.",
                country="Saudi Arabia",
            )
        ],
    ),
    (
        "footer-marks-trimmed",
        "SECRETARY KERRY: Thank you.\n\n# # #\n",
        [Want("SECRETARY KERRY", "Kerry", "Secretary", "Thank you.")],
    ),
]


@pytest.mark.parametrize(
    ("document", "expected"), [c[1:] for c in TURN_CASES], ids=[c[0] for c in TURN_CASES]
)
def test_turns(document: str, expected: list[Want]) -> None:
    turns = parse_transcript(document).turns
    got = [Want(t.label, t.speaker, t.role, t.text, t.kind, t.country, t.note) for t in turns]
    assert got == expected
    for turn in turns:
        assert document[turn.start : turn.end] == turn.text
        assert document[turn.label_start :].startswith(turn.label)


def test_surname_and_question_fields() -> None:
    turns = parse_transcript(HEAD + "MR KIRBY: Go.\nSECRETARY KERRY: Yes.\nQUESTION: Why?").turns
    assert [t.surname for t in turns] == ["Kirby", "Kerry", None]


class Head(NamedTuple):
    title: str | None
    date: dt.date | None
    venue: str | None
    city: str | None
    country: str | None
    people: tuple[tuple[str, str | None, str | None], ...] = ()


# (id, header block, expected header); each block is followed by a turn to end it.
HEADER_CASES: list[tuple[str, str, Head]] = [
    (
        "remarks-benjamin-franklin-room",
        "Remarks\n\nJohn Kerry\nSecretary of State\nBenjamin Franklin Room\nWashington, DC\n"
        "January 5, 2016\n",
        Head(
            "Remarks",
            dt.date(2016, 1, 5),
            "Benjamin Franklin Room",
            "Washington",
            "United States",
            (("John Kerry", "Secretary of State", "United States"),),
        ),
    ),
    (
        "press-availability-no-venue",
        "Press Availability on Syria\nJohn Kerry\nSecretary of State\nGeneva, Switzerland\n"
        "12 September 2016\n",
        Head(
            "Press Availability on Syria",
            dt.date(2016, 9, 12),
            None,
            "Geneva",
            "Switzerland",
            (("John Kerry", "Secretary of State", "United States"),),
        ),
    ),
    (
        "html-debris-and-caption",
        "Joint Statement From Secretary John Kerry and U.K. Foreign Secretary Boris Johnson\n\n"
        "John Kerry\nSecretary of State\nLancaster House\nLondon, United Kingdom</strong\n\n"
        "October 16, 2016\n\n"
        "Secretary John Kerry (right) and U.K. Foreign Secretary Boris Johnson (left)\n",
        Head(
            "Joint Statement From Secretary John Kerry and U.K. Foreign Secretary Boris Johnson",
            dt.date(2016, 10, 16),
            "Lancaster House",
            "London",
            "United Kingdom",
            (
                ("John Kerry", "Secretary of State", "United States"),
                ("Boris Johnson", "Foreign Secretary", "United Kingdom"),
            ),
        ),
    ),
    (
        "spokesperson-briefing-weekday-date",
        "Daily Press Briefing\n\nJohn Kirby\nSpokesperson\nWashington, DC\nMonday, May 2, 2016\n",
        Head(
            "Daily Press Briefing",
            dt.date(2016, 5, 2),
            None,
            "Washington",
            "United States",
            (("John Kirby", "Spokesperson", None),),
        ),
    ),
    (
        "iso-date-and-venue-city-country-line",
        "Interview With Margaret Brennan of CBS\nState Department, Washington, DC\n2015-09-20\n",
        Head(
            "Interview With Margaret Brennan of CBS",
            dt.date(2015, 9, 20),
            "State Department",
            "Washington",
            "United States",
        ),
    ),
    (
        "name-comma-role-line-and-abbreviated-date",
        "Remarks at the Opening Session\nMark C. Toner, Deputy Spokesperson\nParis, France\n"
        "Oct. 3, 2016\n",
        Head(
            "Remarks at the Opening Session",
            dt.date(2016, 10, 3),
            None,
            "Paris",
            "France",
            (("Mark C. Toner", "Deputy Spokesperson", None),),
        ),
    ),
    (
        "role-before-name-line",
        "Remarks on Climate\nSecretary of State John Kerry\nMarrakech, Morocco\n"
        "November 16th, 2016\n",
        Head(
            "Remarks on Climate",
            dt.date(2016, 11, 16),
            None,
            "Marrakech",
            "Morocco",
            (("John Kerry", "Secretary of State", "United States"),),
        ),
    ),
    (
        "city-only-known",
        "Roundtable With Journalists\nJohn Kerry\nSecretary of State\nU.S. Embassy\nLondon\n"
        "16 October 2016\n",
        Head(
            "Roundtable With Journalists",
            dt.date(2016, 10, 16),
            "U.S. Embassy",
            "London",
            None,
            (("John Kerry", "Secretary of State", "United States"),),
        ),
    ),
    (
        "title-people-with-country-words",
        "Remarks With Japanese Foreign Minister Fumio Kishida Before Their Meeting\nTokyo, Japan\n",
        Head(
            "Remarks With Japanese Foreign Minister Fumio Kishida Before Their Meeting",
            None,
            None,
            "Tokyo",
            "Japan",
            (("Fumio Kishida", "Foreign Minister", "Japan"),),
        ),
    ),
    (
        "daily-briefing-title-repeated-and-time-line",
        "Daily Press Briefing\nJohn Kirby\nSpokesperson\nDaily Press Briefing\nWashington, DC\n"
        "May 2, 2016\n\nTRANSCRIPT:\n\n2:16 p.m. EDT\n",
        Head(
            "Daily Press Briefing",
            dt.date(2016, 5, 2),
            None,
            "Washington",
            "United States",
            (("John Kirby", "Spokesperson", None),),
        ),
    ),
    (
        "street-address-venue-and-as-prepared",
        "Remarks With Saudi Foreign Minister Adel al-Jubeir Before Their Meeting\nRemarks\n"
        "John Kerry\nSecretary of State\n10 Downing Street\nLondon, United Kingdom\n"
        "January 7, 2016\n\nAs Prepared\n",
        Head(
            "Remarks With Saudi Foreign Minister Adel al-Jubeir Before Their Meeting",
            dt.date(2016, 1, 7),
            "10 Downing Street",
            "London",
            "United Kingdom",
            (
                ("John Kerry", "Secretary of State", "United States"),
                ("Adel al-Jubeir", "Foreign Minister", "Saudi Arabia"),
            ),
        ),
    ),
    (
        "press-statement-office-is-no-venue",
        "Press Statement\nOffice of the Spokesperson\nWashington, DC\nNovember 3, 2015\n",
        Head("Press Statement", dt.date(2015, 11, 3), None, "Washington", "United States"),
    ),
    (
        "no-header",
        "",
        Head(None, None, None, None, None),
    ),
]


@pytest.mark.parametrize(
    ("block", "expected"), [c[1:] for c in HEADER_CASES], ids=[c[0] for c in HEADER_CASES]
)
def test_header(block: str, expected: Head) -> None:
    document = block + "\nQUESTION: First question?"
    header = parse_transcript(document).header
    people = tuple((p.name, p.role, p.country) for p in header.people)
    got = Head(header.title, header.date, header.venue, header.city, header.country, people)
    assert got == expected
    assert header.end == document.index("QUESTION:")


def test_captions_in_header_are_not_turns() -> None:
    document = HEAD + "Secretary Kerry (center) speaks.\n\nSECRETARY KERRY: Hi."
    assert [t.label for t in parse_transcript(document).turns] == ["SECRETARY KERRY"]


def test_speech_without_labels_is_one_turn_of_the_principal() -> None:
    document = (
        HEAD + "Thank you very much. It is a great pleasure to be here today with all of you.\n"
    )
    parsed = parse_transcript(document)
    assert [(t.speaker, t.role, t.label) for t in parsed.turns] == [
        ("John Kerry", "Secretary of State", "")
    ]
    assert parsed.turns[0].text.endswith("with all of you.")
    assert parsed.header.date == dt.date(2016, 5, 17)
    assert parsed.header.end == document.index("Thank you")


def test_speech_without_labels_or_principal_has_no_turns() -> None:
    document = "Media Note\n\nOffice of the Spokesperson\nMay 17, 2016\n\n" + (
        "The United States and Austria today signed an agreement on science cooperation.\n"
    )
    assert parse_transcript(document).turns == ()


def test_long_document_is_linear() -> None:
    turn = "QUESTION: Why?\n\nSECRETARY KERRY: " + "Because we said so. " * 50 + "\n\n"
    parsed = parse_transcript(HEAD + turn * 2000)
    assert len(parsed.turns) == 4000
