"""Names read the way transcripts write them, on passages of our own in several layouts.

Decisions recorded here:
- An office before a name is the role, never part of the name: 'Principal Deputy
  Communications Director Jane Roe' speaks as Jane Roe.
- A name printed family name first keeps its printed order ('Moon Jae-in', 'Kishida Fumio',
  'Orbán Viktor'); the label's surname finds it at either end.
- A reporter named by a moderator, the principal or themselves asks the next question only;
  a first name alone counts only when the document names that reporter in full elsewhere.
- Interpreter labels speak for no one; '(As interpreted.)' is a note on the labelled turn.
"""

from __future__ import annotations

import pytest

from app.nlp.names import family_name_first, korean_case, strip_titles, surname
from app.nlp.transcript import find_labels, parse_transcript
from app.nlp.transcript.questioners import Questioner, announced, introduced
from app.nlp.transcript.titles import readable, titled_names
from tests.nlp.passages.names import PASSAGES, Passage


@pytest.mark.parametrize("passage", PASSAGES, ids=[p.layout for p in PASSAGES])
def test_every_turn_has_the_speaker_the_document_names(passage: Passage) -> None:
    turns = parse_transcript(passage.text).turns
    found = [(t.kind, t.speaker, t.organisation) for t in turns]
    assert found == passage.turns


def test_a_long_office_is_the_role_not_the_name() -> None:
    turns = parse_transcript(PASSAGES[0].text).turns
    assert {(t.speaker, t.role) for t in turns if t.kind == "turn"} == {
        ("Jane Roe", "Principal Deputy Communications Director")
    }


def test_interpreted_turns_keep_the_note_and_their_own_leader() -> None:
    turns = parse_transcript(PASSAGES[2].text).turns
    moon = [t for t in turns if t.label == "PRESIDENT MOON"]
    assert {(t.speaker, t.country, t.note, t.surname) for t in moon} == {
        ("Moon Jae-in", "South Korea", "as interpreted", "Moon")
    }
    assert all(not t.text.startswith("(") for t in moon)
    interpreter = next(t for t in turns if t.label == "INTERPRETER")
    assert interpreter.speaker is None


def test_the_first_lady_is_not_the_president_of_her_surname() -> None:
    text = (
        "THE WHITE HOUSE\nMarch 1, 2022\n\nREMARKS BY FIRST LADY JILL EXAMPLE AND PRESIDENT "
        "EXAMPLE\n\nDR. EXAMPLE:  Thank you.\n\nTHE PRESIDENT:  Thank you, Jill.\n\n"
        "DR. EXAMPLE:  Welcome.\n"
    )
    turns = parse_transcript(text).turns
    assert [(t.speaker, t.role) for t in turns] == [
        ("Jill Example", "First Lady"), ("Example", "President"), ("Jill Example", "First Lady")
    ]  # fmt: skip


def test_a_foreign_office_page_does_not_make_its_minister_the_prime_minister() -> None:
    text = PASSAGES[7].text.replace(
        "Prime Minister's Office, 10 Downing Street", "Foreign & Commonwealth Office"
    )
    turns = parse_transcript(text).turns
    assert {t.speaker for t in turns if t.label == "Prime Minister"} == {None}


def test_a_translation_note_is_a_note() -> None:
    orban = parse_transcript(PASSAGES[6].text).turns[1]
    assert (orban.speaker, orban.note, orban.text) == (
        "Orbán Viktor",
        "as translated",
        "Thank you, Chancellor.",
    )


def test_the_white_house_is_a_us_issuer_and_gov_uk_a_british_one() -> None:
    assert parse_transcript(PASSAGES[3].text).header.issuer_country == "United States"
    assert parse_transcript(PASSAGES[7].text).header.issuer_country == "United Kingdom"


@pytest.mark.parametrize(
    ("name", "first", "family"),
    [
        ("Moon Jae-in", True, "Moon"),
        ("Xi Jinping", True, "Xi"),
        ("Kim Jong-un", True, "Kim"),
        ("Nguyen Xuan Phuc", True, "Nguyen"),
        ("Li Keqiang", True, "Li"),
        ("Kim Darroch", False, "Darroch"),  # a British ambassador: Kim is his given name
        ("Lee Anderson", False, "Anderson"),
        ("Tom Lee", False, "Lee"),
        ("John Kerry", False, "Kerry"),
        ("Secretary John Kerry", False, "Kerry"),
    ],
)
def test_family_name_first_names(name: str, first: bool, family: str) -> None:
    assert family_name_first(strip_titles(name)) is first
    assert surname(name) == family


def test_titles_and_korean_case() -> None:
    assert strip_titles("Principal Deputy Communications Director Jane Roe") == "Jane Roe"
    assert strip_titles("Senior Adviser Ann Example") == "Ann Example"
    assert korean_case("Moon Jae-In") == "Moon Jae-in"
    assert korean_case("Jean-Yves Le Drian") == "Jean-Yves Le Drian"


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("Our next question comes from Sam Doe with Example News.", ("Sam Doe", "Example News")),
        ("We'll go to the line of Lee Quill of the Daily Planet.", ("Lee Quill", "Daily Planet")),
        ("Okay. Let me go to Steve Example, Example Wire.", ("Steve Example", "Example Wire")),
        ("Sam Doe.", ("Sam Doe", None)),
        ("Yes, Sam.", ("Sam", None)),
        ("Go ahead, Sam.", ("Sam", None)),
        ("That's right. Jim, go ahead.", ("Jim", None)),
        ("Go ahead, sir.", None),
        ("Yes, ma'am.", None),
        ("Next question.", None),
        ("Thank you, Mr. President.", None),
        ("We will go to Kyiv next week.", None),
        ("Let me start with Iran.", None),
        ("And to all of you, Merry Christmas.", None),
        ("We will win.  Slava Ukraini!", None),
        ("We'll stand with you as long as it takes.  Thank you.  Jim Example.", None),
        ("We'll take a couple of questions.  Julie Example.", ("Julie Example", None)),
        (
            "Two questions. The first one from Anna Example of Example Zeitung.",
            ("Anna Example", "Example Zeitung"),
        ),
        (
            "I'll start with Jennifer\nExample, Example Press.",
            ("Jennifer Example", "Example Press"),
        ),
        ("Let me call on Sam Doe.", ("Sam Doe", None)),
        ("Next up, we have Lee Example of Example Daily.", ("Lee Example", "Example Daily")),
        (
            "Let's go to Sam Example with Example News.  Go ahead, Sam.",
            ("Sam Example", "Example News"),
        ),
    ],
)
def test_announced_questioners(text: str, expected: tuple[str, str | None] | None) -> None:
    assert announced(text) == (Questioner(*expected) if expected else None)


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("Sam Doe from Example Daily, sir.  On trade?", ("Sam Doe", "Example Daily")),
        ("Thank you, Mr. President. Sam Doe, Example News. Two questions.",
         ("Sam Doe", "Example News")),
        ("Hi, it's Jane Smith with the Washington Example. Quick one.",
         ("Jane Smith", "Washington Example")),
        ("Thank you.  Deputy Secretary, what did you tell them?", None),
        ("Mr. President, on Iran, what will you do?", None),
        ("Thank you, Mr. President. Secretary Kerry, Example question.", None),
        ("Chairman Kim, North Korea's missiles?", None),
        ("Mr. President, Jeff Example, Example Wire.", ("Jeff Example", "Example Wire")),
    ],
)  # fmt: skip
def test_self_introductions(text: str, expected: tuple[str, str] | None) -> None:
    assert introduced(text) == (Questioner(*expected) if expected else None)


@pytest.mark.parametrize(
    ("line", "people"),
    [
        ("PRESS GAGGLE BY PRINCIPAL DEPUTY COMMUNICATIONS DIRECTOR JANE ROE",
         [("Jane Roe", "Principal Deputy Communications Director")]),
        ("Press Briefing by Press Secretary Ann Example and National Security Council "
         "Coordinator for Strategic Communications John Kirby",
         [("Ann Example", "Press Secretary"),
          ("John Kirby", "Coordinator for Strategic Communications")]),
        ("Press Briefing by Press Secretary Ann Example and Homeland Security Advisor Dr. Liz "
         "Example-Roe", [("Ann Example", "Press Secretary"),
                         ("Liz Example-Roe", "Homeland Security Advisor")]),
        ("Remarks by Under Secretary for Political Affairs Jane Roe",
         [("Jane Roe", "Under Secretary for Political Affairs")]),
        ("Remarks by President Moon Jae-in of the Republic of Korea", [("Moon Jae-in", "President")]),
        ("REMARKS BY FIRST LADY JILL EXAMPLE AT A SCHOOL VISIT", [("Jill Example", "First Lady")]),
    ],
)  # fmt: skip
def test_offices_in_title_lines_are_roles(line: str, people: list[tuple[str, str]]) -> None:
    assert [(t.name, t.title) for t in titled_names(readable(line))] == people


GOV_UK_BARE = """Speech
PM's press conference with President Example
From: Prime Minister's Office, 10 Downing Street and The Rt Hon Jane Roe MP
Published 17 February 2012

Prime Minister
Thank you, Marc, for welcoming me to Paris.

President Example
(As translated) Welcome, Jane.

Question
Sam Example, Example Broadcasting. Prime Minister, on the budget?

Prime Minister
We will take the decisions we need to take.
"""


def test_labels_alone_on_their_line_in_a_question_and_answer_session() -> None:
    turns = parse_transcript(GOV_UK_BARE).turns
    assert [(t.kind, t.speaker, t.text[:12]) for t in turns] == [
        ("turn", "Jane Roe", "Thank you, M"),
        ("turn", "Example", "Welcome, Jan"),
        ("question", "Sam Example", "Sam Example,"),
        ("turn", "Jane Roe", "We will take"),
    ]


def test_a_heading_alone_on_its_line_is_not_a_label() -> None:
    article = (
        "Leaders meet in Paris\n\nPrime Minister\nThe prime minister arrived on Friday.\n\n"
        "President Example\nThe president welcomed her at the palace.\n"
    )
    assert find_labels(article) == []
