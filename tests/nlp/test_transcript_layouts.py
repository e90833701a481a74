"""Whole synthetic transcripts in the layouts the real sources use, end to end.

Each document is written in the style of its source (White House briefings, State Department
briefings, remarks and interviews, GOV.UK speeches and press conferences). For each we check
the header facts, the (kind, speaker) of every turn in order, the first and last words of
chosen turns, and that trailers, captions and release furniture never end up in turn text.

Decisions recorded here:
- A named interviewer ('MS. BRENNAN:' under 'Interview With Margaret Brennan of CBS ...') is
  kind "question" with her name as speaker: her turns are the questions the answers reply
  to, and they are hers, so both facts are kept.
- A speech with no labels at all is one turn spoken by the header's principal.
- Stage notes inside a turn stay ('(Laughter.)'); a stage note, caption or release line
  after a turn's last words is not part of it ('(Applause.)' before 'MODERATOR:').
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Mapping
from textwrap import dedent
from types import MappingProxyType
from typing import NamedTuple

import pytest

from app.nlp.genre import detect_genre
from app.nlp.transcript import Transcript, Turn, parse_transcript

Q = "question"
T = "turn"


class Layout(NamedTuple):
    text: str
    title: str | None
    date: dt.date | None
    venue: str | None
    city: str | None
    country: str | None
    turns: list[tuple[str, str | None]]  # (kind, speaker) in order
    edges: dict[int, tuple[str, str]]  # turn index -> (first words, last words)
    absent: tuple[str, ...] = ()  # never inside any turn's text
    roles: Mapping[str, str | None] = MappingProxyType({})  # speaker -> role of their turns


def _doc(text: str) -> str:
    return dedent(text).lstrip("\n")


WHITE_HOUSE_BRIEFING = Layout(
    _doc(
        """
        THE WHITE HOUSE

        Office of the Press Secretary

        For Immediate Release
        January 5, 2016

        PRESS BRIEFING BY PRESS SECRETARY JOSH EARNEST

        James S. Brady Press Briefing Room

        12:47 P.M. EST

        MR. EARNEST:  Good afternoon, everybody.  It's nice to see you all.  I know the
        President's remarks this morning ran a little long, so I'll keep my opening brief.

        As you saw, the President announced a series of executive actions on gun safety.

        Q    Thanks, Josh.  Can you tell us how the President will respond if Congress
        blocks the funding?

        MR. EARNEST:  Well, Kevin, these actions are squarely within his authority.  We're
        confident they will be upheld.

        Q    And on North Korea -- has the President been briefed on the test?

        MR. EARNEST:  He has.  He was briefed by his national security team this morning.

        Q    (Inaudible) -- one more on the budget?

        MR. EARNEST:  Okay.  We'll see you all tomorrow.

        END
        1:15 P.M. EST
        """
    ),
    "PRESS BRIEFING BY PRESS SECRETARY JOSH EARNEST",
    dt.date(2016, 1, 5),
    "James S. Brady Press Briefing Room",
    None,
    None,
    [(T, "Josh Earnest"), (Q, None)] * 3 + [(T, "Josh Earnest")],
    {0: ("Good afternoon", "gun safety."), 1: ("Thanks, Josh.", "the funding?"),
     5: ("(Inaudible) --", "on the budget?"), 6: ("Okay.", "see you all tomorrow.")},
    ("END", "1:15 P.M.", "12:47"),
    {"Josh Earnest": "Press Secretary"},
)  # fmt: skip

STATE_DAILY_BRIEFING = Layout(
    _doc(
        """
        Daily Press Briefing

        John Kirby
        Spokesperson
        Daily Press Briefing
        Washington, DC
        November 17, 2015

        Index for Today's Briefing

            * FRANCE/SYRIA
            * DEPARTMENT
            * IRAN
            * RUSSIA/TURKEY

        TRANSCRIPT:

        1:42 p.m. EST

        MR KIRBY: Good afternoon, everybody. I have a couple of things at the top and then
        we'll get right to your questions.

        First, on the Secretary's travel: he returned from Paris last night.

        QUESTION: Can we start with France? Has the United States received a request for
        assistance under Article 5?

        MR KIRBY: I'm not aware of any such request. We are in constant contact with our
        French colleagues.

        QUESTION: And on Iran – is implementation still on track for January?

        MR KIRBY: We continue to expect implementation day early in the new year.

        QUESTION: Thank you.

        MR KIRBY: Thanks, everybody.

        (The briefing was concluded at 2:35 p.m.)

        DPB # 194
        """
    ),
    "Daily Press Briefing",
    dt.date(2015, 11, 17),
    None,
    "Washington",
    "United States",
    [(T, "John Kirby"), (Q, None)] * 3 + [(T, "John Kirby")],
    {0: ("Good afternoon", "returned from Paris last night."),
     5: ("Thank you.", "Thank you."), 6: ("Thanks, everybody.", "Thanks, everybody.")},
    ("concluded", "DPB", "Index for Today", "1:42"),
    {"John Kirby": "Spokesperson"},
)  # fmt: skip

INTERVIEW_QUESTION_LABELS = Layout(
    _doc(
        """
        Interview With Margaret Brennan of CBS's Face the Nation

        John Kerry
        Secretary of State
        Sharm el-Sheikh, Egypt
        Sunday, March 15, 2015

        QUESTION: Mr. Secretary, welcome to Face the Nation. You've been meeting with
        leaders here all weekend. Is a deal with Iran within reach?

        SECRETARY KERRY: Well, Margaret, we've made progress, but there are still important
        gaps, and we're not going to sign a bad deal.

        QUESTION: The Ayatollah says the letter from Senate Republicans shows America
        can't be trusted.

        SECRETARY KERRY: The letter was a mistake. But our commitment stands, and the world
        knows it.

        QUESTION: Mr. Secretary, thank you.

        SECRETARY KERRY: Thank you, Margaret. Good to be with you.

        # # #
        """
    ),
    "Interview With Margaret Brennan of CBS's Face the Nation",
    dt.date(2015, 3, 15),
    None,
    "Sharm el-Sheikh",
    "Egypt",
    [(Q, None), (T, "John Kerry")] * 3,
    {1: ("Well, Margaret,", "a bad deal."), 5: ("Thank you, Margaret.", "with you.")},
    ("# # #",),
    {"John Kerry": "Secretary of State"},
)  # fmt: skip

INTERVIEW_NAMED_INTERVIEWER = Layout(
    _doc(
        """
        Interview With Margaret Brennan of CBS's Face the Nation

        John Kerry
        Secretary of State
        Washington, DC
        15 March 2015

        MS. BRENNAN: And we are back now with Secretary of State John Kerry. Mr. Secretary,
        thank you for joining us.

        SECRETARY KERRY: Glad to be with you.

        MS. BRENNAN: Iran. Are you closer to a deal this morning than you were a week ago?

        SECRETARY KERRY: We are closer in some respects, and in others there are still
        significant gaps. (Inaudible) we will see.

        I am not going to put a date on it.

        MS. BRENNAN: Thank you, Mr. Secretary.
        """
    ),
    "Interview With Margaret Brennan of CBS's Face the Nation",
    dt.date(2015, 3, 15),
    None,
    "Washington",
    "United States",
    [(Q, "Margaret Brennan"), (T, "John Kerry")] * 2 + [(Q, "Margaret Brennan")],
    {0: ("And we are back", "joining us."), 3: ("We are closer", "a date on it."),
     4: ("Thank you,", "Mr. Secretary.")},
)  # fmt: skip

JOINT_PRESS_AVAILABILITY = Layout(
    _doc(
        """
        Joint Press Availability With Russian Foreign Minister Sergey Lavrov

        John Kerry
        Secretary of State
        Moscow, Russia
        December 15, 2015

        Secretary Kerry (left) and Foreign Minister Lavrov shake hands in Moscow.

        FOREIGN MINISTER LAVROV: (Via interpreter) Ladies and gentlemen, we have just
        concluded a long and very substantive discussion with the Secretary of State.

        SECRETARY KERRY: Thank you very much, Sergey. Thank you for your hospitality.

        MODERATOR: (Via interpreter) We have time for two questions. Please.

        QUESTION: (Via interpreter) A question for Mr. Kerry. Will the United States change
        its position on the future of President Assad?

        SECRETARY KERRY: We have not changed our position. The Syrian people will decide.

        FOREIGN MINISTER LAVROV (via interpreter): I would add only one thing, if I may.

        QUESTION: For both ministers, on Ukraine.

        FOREIGN MINISTER LAVROV: (via interpreter) The Minsk agreements must be implemented
        in full.
        """
    ),
    "Joint Press Availability With Russian Foreign Minister Sergey Lavrov",
    dt.date(2015, 12, 15),
    None,
    "Moscow",
    "Russia",
    [(T, "Sergey Lavrov"), (T, "John Kerry"), (T, None), (Q, None), (T, "John Kerry"),
     (T, "Sergey Lavrov"), (Q, None), (T, "Sergey Lavrov")],
    {0: ("Ladies and gentlemen", "Secretary of State."), 2: ("We have time", "Please."),
     3: ("A question", "President Assad?"), 7: ("The Minsk", "in full.")},
    ("(Via interpreter)", "(via interpreter)", "shake hands"),
    {"Sergey Lavrov": "Foreign Minister"},
)  # fmt: skip

GOV_UK_PRESS_CONFERENCE = Layout(
    _doc(
        """
        Speech
        PM press conference with Chancellor Merkel: 9 April 2019
        From:
        Prime Minister's Office, 10 Downing Street and The Rt Hon Theresa May MP
        Delivered on:
        9 April 2019 (Transcript of the speech, exactly as it was delivered)
        Location:
        Chancellery, Berlin

        Prime Minister Theresa May:
        Thank you, Angela, for welcoming me to Berlin again. We have had a good discussion
        about the next steps.

        Chancellor Merkel:
        (Via interpreter) I am pleased to welcome the Prime Minister. We will do everything
        we can to avoid a disorderly exit.

        Question:
        Prime Minister, is a long extension now inevitable?

        Prime Minister:
        What matters is that we leave with a deal, and as soon as possible.

        Question:
        Chancellor, how long would you be prepared to wait?

        Chancellor Merkel:
        (Via interpreter) That is for the European Council to decide tomorrow.

        Published 9 April 2019
        """
    ),
    "PM press conference with Chancellor Merkel: 9 April 2019",
    dt.date(2019, 4, 9),
    "Chancellery",
    "Berlin",
    None,
    [(T, "Theresa May"), (T, "Merkel"), (Q, None), (T, "Theresa May"), (Q, None),
     (T, "Merkel")],
    {0: ("Thank you, Angela,", "the next steps."), 1: ("I am pleased", "disorderly exit."),
     5: ("That is for", "to decide tomorrow.")},
    ("Published 9 April", "(Via interpreter)"),
    {"Theresa May": "Prime Minister", "Merkel": "Chancellor"},
)  # fmt: skip

GOV_UK_SPEECH_WITHOUT_LABELS = Layout(
    _doc(
        """
        Speech
        PM speech on the government's plan for Britain
        From:
        Prime Minister's Office, 10 Downing Street and The Rt Hon Theresa May MP
        Delivered on:
        17 January 2017 (Transcript of the speech, exactly as it was delivered)
        Location:
        Lancaster House, London

        A little over six months ago, the British people voted for change.

        They voted to shape a brighter future for our country.

        And they did so with their eyes open: accepting that the road ahead will be
        uncertain at times, but believing that it leads towards a brighter future.

        So we are going to make it happen. Thank you.

        Published 17 January 2017
        """
    ),
    "PM speech on the government's plan for Britain",
    dt.date(2017, 1, 17),
    "Lancaster House",
    "London",
    None,
    [(T, "Theresa May")],
    {0: ("A little over six months ago", "make it happen. Thank you.")},
    ("Published 17 January",),
)  # fmt: skip

STATE_SPEECH_AS_PREPARED = Layout(
    _doc(
        """
        Remarks at the Munich Security Conference

        John Kerry
        Secretary of State
        Hotel Bayerischer Hof
        Munich, Germany
        February 13, 2016

        As Prepared for Delivery

        Thank you very much, Wolfgang.

        It is a privilege to be back in Munich, a city that has welcomed this conference for
        more than fifty years.

        (Laughter.)

        We meet at a moment of real consequence for Europe, for the United States, and for
        every nation that believes in a rules-based order.

        Thank you all very much.

        (Applause.)

        ###
        """
    ),
    "Remarks at the Munich Security Conference",
    dt.date(2016, 2, 13),
    "Hotel Bayerischer Hof",
    "Munich",
    "Germany",
    [(T, "John Kerry")],
    {0: ("Thank you very much, Wolfgang.", "Thank you all very much.")},
    ("As Prepared", "(Applause.)", "###"),
    {"John Kerry": "Secretary of State"},
)  # fmt: skip

MODERATED_PANEL = Layout(
    _doc(
        """
        Remarks at a Panel Discussion on the Global Refugee Crisis

        Samantha Power
        U.S. Permanent Representative to the United Nations
        Council on Foreign Relations
        New York, NY
        2015-03-15 10:30 a.m.

        MODERATOR: Good morning. We are joined today by Ambassador Samantha Power and by
        Senator John McCain. Ambassador, let me start with you.

        AMBASSADOR POWER: Thank you. The numbers are staggering: sixty million people
        displaced, more than at any time since the Second World War.

        (Applause.)

        MODERATOR: Senator?

        SENATOR MCCAIN: Well, I agree with the Ambassador, which may surprise some of you.
        (Laughter.) But we have to deal with the cause, and the cause is Assad.

        Ambassador Samantha Power (left) and Senator John McCain (right) at the Council.

        PARTICIPANT: Thank you. My question is for the Senator. What would you do tomorrow?

        SENATOR MCCAIN: A no-fly zone. Tomorrow.

        MODERATOR: Please join me in thanking our panel.

        (Applause.)
        """
    ),
    "Remarks at a Panel Discussion on the Global Refugee Crisis",
    dt.date(2015, 3, 15),
    "Council on Foreign Relations",
    "New York",
    "United States",
    [(T, None), (T, "Samantha Power"), (T, None), (T, "John McCain"), (T, None),
     (T, "John McCain"), (T, None)],
    {1: ("Thank you.", "Second World War."), 3: ("Well, I agree", "the cause is Assad."),
     6: ("Please join me", "our panel.")},
    ("(Applause.)", "(left)"),
    {"John McCain": "Senator", "Samantha Power": "Permanent Representative to the United Nations"},
)  # fmt: skip

PANEL_SURNAMES_ONLY = Layout(
    _doc(
        """
        Remarks at the Halifax International Security Forum

        Halifax, Canada
        November 21, 2015

        MODERATOR: Welcome back. Senator, you have been to the region twice this year.

        SENATOR MCCAIN: Three times, actually. And each time it is worse.

        MODERATOR: Ambassador?

        AMBASSADOR MACKAY: I would only add that our allies are watching closely.

        PARTICIPANT: (Inaudible) a question from the back, if I may.

        SENATOR MCCAIN: Go ahead.

        PRN: 2015/1234
        Source: Halifax International Security Forum
        """
    ),
    "Remarks at the Halifax International Security Forum",
    dt.date(2015, 11, 21),
    None,
    "Halifax",
    "Canada",
    [(T, None), (T, "McCain"), (T, None), (T, "Mackay"), (T, None), (T, "McCain")],
    {1: ("Three times", "it is worse."), 5: ("Go ahead.", "Go ahead.")},
    ("PRN", "Source:"),
    {"McCain": "Senator", "Mackay": "Ambassador"},
)  # fmt: skip

WHITE_HOUSE_JOINT_PRESS_CONFERENCE = Layout(
    _doc(
        """
        THE WHITE HOUSE
        Office of the Press Secretary
        For Immediate Release
        Friday, January 16, 2015

        REMARKS BY PRESIDENT OBAMA AND PRIME MINISTER CAMERON OF THE UNITED KINGDOM IN JOINT PRESS CONFERENCE

        East Room

        11:31 A.M. EST

        PRESIDENT OBAMA:  Good morning, everybody.  Please have a seat.  It is a great
        pleasure to welcome my friend, Prime Minister David Cameron, back to the White House.

        PRIME MINISTER CAMERON:  Thank you very much, Barack.  (Laughter.)  It is good to be
        back.

        Q    Thank you, Mr. President.  On cybersecurity -- what can you actually do?

        THE PRESIDENT:  Well, Nedra, a lot.  We are sharing information in real time.

        Q    Prime Minister, the same question to you.

        PRIME MINISTER CAMERON:  We are doing the same.  Thank you.

        END
        12:15 P.M. EST
        """
    ),
    "REMARKS BY PRESIDENT OBAMA AND PRIME MINISTER CAMERON OF THE UNITED KINGDOM IN JOINT PRESS CONFERENCE",
    dt.date(2015, 1, 16),
    "East Room",
    None,
    None,
    [(T, "Obama"), (T, "David Cameron"), (Q, None), (T, "Obama"), (Q, None),
     (T, "David Cameron")],
    {1: ("Thank you very much, Barack.", "to be\nback."), 5: ("We are doing", "Thank you.")},
    ("END", "12:15"),
    {"Obama": "President", "David Cameron": "Prime Minister"},
)  # fmt: skip

FCO_PRESS_CONFERENCE = Layout(
    _doc(
        """
        Foreign Secretary's press conference at NATO
        From: Foreign & Commonwealth Office and The Rt Hon Boris Johnson MP
        Published: 15 March 2017
        Location: Brussels

        Foreign Secretary Boris Johnson:
        Good afternoon. I have just come from a meeting of NATO foreign ministers.

        Photo: Foreign Secretary Boris Johnson at NATO headquarters. Crown copyright.

        Journalist:
        Foreign Secretary, will the UK meet the two percent target?

        Foreign Secretary:
        We already do. We are one of the few allies that do.

        Question:
        And on Russia?

        Boris Johnson:
        We are clear-eyed about Russia. Thank you all very much.

        * * *
        Further information
        """
    ),
    "Foreign Secretary's press conference at NATO",
    dt.date(2017, 3, 15),
    None,
    "Brussels",
    None,
    [(T, "Boris Johnson"), (Q, None), (T, "Boris Johnson"), (Q, None), (T, "Boris Johnson")],
    {0: ("Good afternoon.", "foreign ministers."), 4: ("We are clear-eyed", "very much.")},
    ("Photo:", "* * *", "Further information"),
    {"Boris Johnson": "Foreign Secretary"},
)  # fmt: skip

UK_MIXED_CASE_NAMES = Layout(
    _doc(
        """
        PM statement in Downing Street: 24 May 2019
        Theresa May
        Prime Minister
        10 Downing Street, London
        24 May 2019 10:00am

        Theresa May:
        Ever since I first stepped through the door behind me as Prime Minister, I have
        striven to make the United Kingdom a country that works not just for a privileged
        few, but for everyone.

        I will shortly leave the job that it has been the honour of my life to hold.

        Question:
        Prime Minister, do you have any regrets?

        Prime Minister:
        I have done my best.
        """
    ),
    "PM statement in Downing Street: 24 May 2019",
    dt.date(2019, 5, 24),
    "10 Downing Street",
    "London",
    None,
    [(T, "Theresa May"), (Q, None), (T, "Theresa May")],
    {0: ("Ever since", "honour of my life to hold."), 2: ("I have done", "my best.")},
    roles={"Theresa May": "Prime Minister"},
)  # fmt: skip

LAYOUTS = {
    "white-house-briefing": WHITE_HOUSE_BRIEFING,
    "state-daily-briefing": STATE_DAILY_BRIEFING,
    "interview-question-labels": INTERVIEW_QUESTION_LABELS,
    "interview-named-interviewer": INTERVIEW_NAMED_INTERVIEWER,
    "joint-press-availability-interpreter": JOINT_PRESS_AVAILABILITY,
    "gov-uk-press-conference": GOV_UK_PRESS_CONFERENCE,
    "gov-uk-speech-without-labels": GOV_UK_SPEECH_WITHOUT_LABELS,
    "state-speech-as-prepared": STATE_SPEECH_AS_PREPARED,
    "moderated-panel": MODERATED_PANEL,
    "panel-surnames-only": PANEL_SURNAMES_ONLY,
    "white-house-joint-press-conference": WHITE_HOUSE_JOINT_PRESS_CONFERENCE,
    "fco-press-conference": FCO_PRESS_CONFERENCE,
    "uk-mixed-case-names": UK_MIXED_CASE_NAMES,
}
CASES = pytest.mark.parametrize("layout", list(LAYOUTS.values()), ids=list(LAYOUTS))


def _parse(layout: Layout) -> Transcript:
    return parse_transcript(layout.text)


@CASES
def test_header(layout: Layout) -> None:
    header = _parse(layout).header
    got = (header.title, header.date, header.venue, header.city, header.country)
    assert got == (layout.title, layout.date, layout.venue, layout.city, layout.country)


@CASES
def test_turn_kinds_and_speakers(layout: Layout) -> None:
    assert [(t.kind, t.speaker) for t in _parse(layout).turns] == layout.turns


@CASES
def test_turn_edges(layout: Layout) -> None:
    turns = _parse(layout).turns
    for index, (first, last) in layout.edges.items():
        assert turns[index].text.startswith(first), (index, turns[index].text)
        assert turns[index].text.endswith(last), (index, turns[index].text)


@CASES
def test_furniture_is_not_in_turns(layout: Layout) -> None:
    for turn in _parse(layout).turns:
        for furniture in layout.absent:
            assert furniture not in turn.text, (furniture, turn.text)


@CASES
def test_roles(layout: Layout) -> None:
    for turn in _parse(layout).turns:
        if turn.speaker in layout.roles:
            assert turn.role == layout.roles[turn.speaker], turn


@CASES
def test_offsets_point_into_the_source(layout: Layout) -> None:
    parsed = _parse(layout)
    for turn in parsed.turns:
        assert layout.text[turn.start : turn.end] == turn.text
        assert layout.text[turn.label_start : turn.label_end].startswith(turn.label)
        assert parsed.header.end <= turn.label_start <= turn.label_end <= turn.start


@CASES
def test_genre_is_transcript(layout: Layout) -> None:
    assert detect_genre(layout.text) == "transcript"


def test_interpreter_note_moves_out_of_the_text() -> None:
    turns = _parse(JOINT_PRESS_AVAILABILITY).turns
    assert [t.note for t in turns] == [
        "via interpreter", None, "via interpreter", "via interpreter", None,
        "via interpreter", None, "via interpreter",
    ]  # fmt: skip


def test_joint_press_conference_people_come_from_an_all_capitals_title() -> None:
    people = {p.name: p.role for p in _parse(WHITE_HOUSE_JOINT_PRESS_CONFERENCE).header.people}
    assert people == {"Obama": "President", "Cameron": "Prime Minister"}


# A header date line as the sources write it, with the time beside it or not.
DATE_LINES = [
    "Sunday, March 15, 2015",
    "15 March 2015",
    "March 15th 2015",
    "2015-03-15",
    "March 15, 2015 10:30 a.m. EDT",
    "March 15, 2015 – 10:30 AM",
    "10:30 a.m. EDT, March 15, 2015",
    "Sunday 15 March 2015 at 10:30",
    "Washington, DC, March 15, 2015",
]


@pytest.mark.parametrize("line", DATE_LINES)
def test_header_date_forms(line: str) -> None:
    text = f"Remarks on Climate Change\n\nJohn Kerry\nSecretary of State\n{line}\n\n"
    text += "SECRETARY KERRY: Thank you.\n\nQUESTION: Why now?\n"
    header = parse_transcript(text).header
    assert header.date == dt.date(2015, 3, 15)
    assert header.title == "Remarks on Climate Change"


def test_date_with_place_gives_the_place_too() -> None:
    text = "Remarks\n\nWashington, DC, March 15, 2015\n\nSECRETARY KERRY: Thank you.\n"
    header = parse_transcript(text).header
    assert (header.city, header.country) == ("Washington", "United States")


def test_a_label_with_an_office_is_never_the_interviewer() -> None:
    text = _doc(
        """
        Interview With John Kerry on the Iran Talks

        QUESTION: Mr. Secretary, thank you for joining us.

        SECRETARY KERRY: Glad to be here.

        QUESTION: Is there a deal?
        """
    )
    assert [(t.kind, t.speaker) for t in _parse_text(text)] == [
        (Q, None), (T, "John Kerry"), (Q, None),
    ]  # fmt: skip


def test_a_first_name_under_another_title_does_not_rename_the_principal() -> None:
    text = _doc(
        """
        Remarks by President Obama at a Reception

        THE PRESIDENT: Thank you. And let me thank First Lady Michelle Obama for hosting us.

        PARTICIPANT: Thank you, Mr. President.
        """
    )
    assert [t.speaker for t in _parse_text(text)] == ["Obama", None]


def test_mixed_case_headings_inside_a_turn_are_not_labels() -> None:
    text = _doc(
        """
        Remarks on the Budget

        Theresa May
        Prime Minister
        London, United Kingdom
        8 March 2017

        Prime Minister: We have a plan in three steps.

        Step One: We will balance the books.

        New York: We will open a trade office there.

        Question: And the second step?
        """
    )
    turns = _parse_text(text)
    assert [(t.kind, t.speaker) for t in turns] == [(T, "Theresa May"), (Q, None)]
    assert turns[0].text.endswith("trade office there.")


def test_a_closing_spoken_line_with_brackets_is_kept() -> None:
    text = _doc(
        """
        Remarks on the Treaty

        John Kerry
        Secretary of State
        Washington, DC
        May 1, 2016

        SECRETARY KERRY: The treaty has three parts.

        Photo opportunities aside, that is what (c) says.

        QUESTION: Thank you.
        """
    )
    assert _parse_text(text)[0].text.endswith("what (c) says.")


def _parse_text(text: str) -> tuple[Turn, ...]:
    return parse_transcript(text).turns
