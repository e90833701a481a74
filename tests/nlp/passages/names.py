"""Transcript passages written for the name-reading rules, each with who speaks every turn.

Shared by tests/nlp/test_transcript_names.py and benchmarks/transcript_names.py. Every turn
is annotated as (kind, speaker as the document alone allows, organisation): 'Trump' where
the page never prints his first name (the directory supplies it at ingest), None for an
unnamed questioner or an interpreter.
"""

from __future__ import annotations

from textwrap import dedent
from typing import NamedTuple

Q, T = "question", "turn"


class Passage(NamedTuple):
    layout: str
    text: str
    turns: list[tuple[str, str | None, str | None]]  # (kind, speaker, organisation)


def _doc(text: str) -> str:
    return dedent(text).lstrip("\n")


PASSAGES = [
    Passage(
        "White House gaggle, a long office before the name",
        _doc(
            """
            THE WHITE HOUSE
            Office of the Press Secretary
            For Immediate Release
            March 3, 2023

            PRESS GAGGLE BY PRINCIPAL DEPUTY COMMUNICATIONS DIRECTOR JANE ROE

            Aboard Air Force One
            En Route Columbus, Ohio

            11:02 A.M. EST

            MS. ROE:  Good morning.  A couple of things at the top, and then I'll take your
            questions.

            Q    Jane, does the President plan to stop anywhere else today?

            MS. ROE:  Not that I can preview.

            Q    Thanks.  On the budget, when will we see it?

            MS. ROE:  Soon.  Go ahead, Pat.

            Q    Thanks.  One more on the trip.

            MS. ROE:  We'll have more for you later.

            END  11:20 A.M. EST
            """
        ),
        [(T, "Jane Roe", None), (Q, None, None), (T, "Jane Roe", None), (Q, None, None),
         (T, "Jane Roe", None), (Q, None, None), (T, "Jane Roe", None)],
    ),
    Passage(
        "State Department press call, a moderator naming each reporter",
        _doc(
            """
            Deputy Secretary Ann Example On the Ministerial Meetings
            Special Briefing
            Ann Example, Deputy Secretary of State
            Via Teleconference
            June 4, 2021

            MODERATOR:  Thank you, everyone, for joining today's call.  Deputy Secretary
            Example will begin with a few words.

            MS. EXAMPLE:  Thanks.  We had a productive week.

            MODERATOR:  Thank you.  Our first question comes from Sam Doe with Example News.

            QUESTION:  Thank you.  What did the ministers agree on?

            MS. EXAMPLE:  A framework, and a timetable.

            MODERATOR:  Next we'll go to the line of Lee Quill of the Daily Planet.

            QUESTION:  Hi, thanks for doing this.  Will there be a second round?

            MS. EXAMPLE:  We expect so.

            MODERATOR:  Next question, please.

            QUESTION:  Anything on the sanctions?

            MS. EXAMPLE:  Not today.
            """
        ),
        [(T, None, None), (T, "Ann Example", None), (T, None, None),
         (Q, "Sam Doe", "Example News"), (T, "Ann Example", None), (T, None, None),
         (Q, "Lee Quill", "Daily Planet"), (T, "Ann Example", None), (T, None, None),
         (Q, None, None), (T, "Ann Example", None)],
    ),
    Passage(
        "Joint press conference with interpretation, Korean name printed family name first",
        _doc(
            """
            THE WHITE HOUSE
            Office of the Press Secretary
            For Immediate Release
            November 7, 2017

            REMARKS BY PRESIDENT TRUMP AND PRESIDENT MOON JAE-IN OF THE REPUBLIC OF KOREA IN
            JOINT PRESS CONFERENCE

            Cheong Wa Dae
            Seoul, Republic of Korea

            PRESIDENT MOON:  (As interpreted.)  Once again, I welcome President Trump.

            PRESIDENT TRUMP:  Thank you very much, President Moon.  It is an honor.

            PRESIDENT MOON:  (As interpreted.)  We will now take questions.  Go ahead, Jim Park
            with Korea Daily.

            Q    (As interpreted.)  A question for both leaders, on the talks.

            PRESIDENT MOON:  (As interpreted.)  We agreed to keep talking.

            PRESIDENT TRUMP:  I agree with President Moon.  Sam Doe.

            Q    Thank you, Mr. President.  And President Moon, if I may.

            PRESIDENT TRUMP:  Go ahead.

            INTERPRETER:  President Moon said he will answer briefly.

            PRESIDENT MOON:  (As interpreted.)  Briefly, then: yes.

            PRESIDENT TRUMP:  Thank you all very much.
            """
        ),
        [(T, "Moon Jae-in", None), (T, "Trump", None), (T, "Moon Jae-in", None),
         (Q, "Jim Park", "Korea Daily"), (T, "Moon Jae-in", None), (T, "Trump", None),
         (Q, "Sam Doe", None), (T, "Trump", None), (T, None, None), (T, "Moon Jae-in", None),
         (T, "Trump", None)],
    ),
    Passage(
        "Joint press conference where THE PRESIDENT is the host beside another president",
        _doc(
            """
            THE WHITE HOUSE
            Office of the Press Secretary
            For Immediate Release
            September 25, 2015

            REMARKS BY PRESIDENT OBAMA AND PRESIDENT XI JINPING OF THE PEOPLE'S REPUBLIC OF
            CHINA IN JOINT PRESS CONFERENCE

            Rose Garden

            THE PRESIDENT:  Good morning, everybody.  Please be seated.

            PRESIDENT XI:  (As interpreted.)  Good morning, ladies and gentlemen.

            THE PRESIDENT:  We'll take two questions each.  Sam Doe, Example Wire.

            Q    Thank you, Mr. President.  On cyber, what was agreed?

            THE PRESIDENT:  A common understanding.

            PRESIDENT XI:  (As interpreted.)  China also opposes cyber theft.

            Q    (As interpreted.)  Li Ming from China Daily.  President Xi, on trade?

            PRESIDENT XI:  (As interpreted.)  Trade is mutually beneficial.
            """
        ),
        [(T, "Obama", None), (T, "Xi Jinping", None), (T, "Obama", None),
         (Q, "Sam Doe", "Example Wire"), (T, "Obama", None), (T, "Xi Jinping", None),
         (Q, "Li Ming", "China Daily"), (T, "Xi Jinping", None)],
    ),
    Passage(
        "Japanese name in either order, Vietnamese name called by the given name",
        _doc(
            """
            Remarks by President Biden and Prime Minister Kishida Fumio of Japan Before
            Bilateral Meeting
            April 10, 2024
            Oval Office

            PRESIDENT BIDEN:  Welcome, Fumio.

            PRIME MINISTER KISHIDA:  (As interpreted.)  Thank you, Joe.

            Q    Mr. President, on the steel deal?

            PRESIDENT BIDEN:  We'll talk about it.
            """
        ),
        [(T, "Biden", None), (T, "Kishida Fumio", None), (Q, None, None), (T, "Biden", None)],
    ),
    Passage(
        "Japanese name given first, two people of one surname told apart by office",
        _doc(
            """
            Remarks by Secretary Ann Example and Foreign Minister Taro Example of Japan
            Ann Example
            Secretary of State
            Tokyo, Japan
            July 1, 2024

            SECRETARY EXAMPLE:  Konnichiwa.

            FOREIGN MINISTER EXAMPLE:  (Via interpreter)  Welcome to Tokyo.
            """
        ),
        [(T, "Ann Example", None), (T, "Taro Example", None)],
    ),
    Passage(
        "Hungarian name as printed, Vietnamese leader by his given name",
        _doc(
            """
            Press Statements by Chancellor Olaf Scholz and Prime Minister Orbán Viktor and
            Prime Minister Nguyen Xuan Phuc
            Berlin, Germany
            July 8, 2019

            CHANCELLOR SCHOLZ:  Welcome to Berlin.

            PRIME MINISTER ORBÁN:  (As translated.)  Thank you, Chancellor.

            PRIME MINISTER PHUC:  (As interpreted.)  Thank you.
            """
        ),
        [(T, "Olaf Scholz", None), (T, "Orbán Viktor", None), (T, "Nguyen Xuan Phuc", None)],
    ),
    Passage(
        "GOV.UK press conference: the page's minister by office, a reporter naming herself",
        _doc(
            """
            Speech
            PM press conference with Chancellor Merkel: 20 July 2016
            From: Prime Minister's Office, 10 Downing Street and The Rt Hon Theresa May MP
            Published 20 July 2016
            Location: Berlin

            Prime Minister:
            Thank you, Angela, for welcoming me to Berlin.

            Chancellor Merkel:
            (As interpreted) It is a pleasure.

            Question:
            Sam Doe, Example News. Prime Minister, when will you trigger Article 50?

            Prime Minister:
            Not before the end of the year.

            Question:
            Chancellor, is that acceptable?

            Chancellor Merkel:
            (As interpreted) We can wait.
            """
        ),
        [(T, "Theresa May", None), (T, "Merkel", None), (Q, "Sam Doe", "Example News"),
         (T, "Theresa May", None), (Q, None, None), (T, "Merkel", None)],
    ),
    Passage(
        "Interview: the named interviewer keeps her turns, the principal his",
        _doc(
            """
            Interview With Margaret Example of Example TV
            John Kerry
            Secretary of State
            Washington, DC
            October 16, 2016

            MS. EXAMPLE:  Mr. Secretary, thanks for joining us.

            SECRETARY KERRY:  Good to be with you.

            MS. EXAMPLE:  Syria, then.

            SECRETARY KERRY:  Yes.
            """
        ),
        [(Q, "Margaret Example", None), (T, "John Kerry", None), (Q, "Margaret Example", None),
         (T, "John Kerry", None)],
    ),
    Passage(
        "Briefing: a first name alone is completed from the reporter named earlier",
        _doc(
            """
            Department Press Briefing
            Ned Example
            Spokesperson
            Washington, DC
            May 2, 2022

            MR. EXAMPLE:  Good afternoon.  Let's go to Said Ali of Al Example.

            QUESTION:  Thank you, Ned.  On the Palestinian issue?

            MR. EXAMPLE:  We remain committed.  Said, go ahead.

            QUESTION:  A follow-up, then.

            MR. EXAMPLE:  Go ahead, Bob.

            QUESTION:  On Russia?

            MR. EXAMPLE:  We have said what we have said.
            """
        ),
        [(T, "Ned Example", None), (Q, "Said Ali", "Al Example"), (T, "Ned Example", None),
         (Q, "Said Ali", "Al Example"), (T, "Ned Example", None), (Q, None, None),
         (T, "Ned Example", None)],
    ),
    Passage(
        "UN press conference: the office alone as label, a spokesman calling on reporters",
        _doc(
            """
            Press Conference by Secretary-General Ana Example at United Nations Headquarters
            12 January 2022

            SPOKESMAN:  Good morning.  The Secretary-General will make some remarks.

            SECRETARY-GENERAL:  Good morning.  The world faces grave challenges.

            SPOKESMAN:  Thank you.  We'll go to Edith Example from Example Press.

            QUESTION:  Thank you, Secretary-General.  On the ceasefire?

            SECRETARY-GENERAL:  We hope for peace.
            """
        ),
        [(T, None, None), (T, "Ana Example", None), (T, None, None),
         (Q, "Edith Example", "Example Press"), (T, "Ana Example", None)],
    ),
    Passage(
        "Pentagon briefing: abbreviated ranks and offices, staff calling on a reporter",
        _doc(
            """
            Secretary of Defense Lloyd J. Example and Gen. Mark A. Example-Roe Hold a Briefing
            March 23, 2022
            Pentagon Briefing Room, The Pentagon

            SEC. EXAMPLE:  Good afternoon.

            GEN. EXAMPLE-ROE:  Thank you, Mr. Secretary.

            STAFF:  Sam Example, Example Wire.

            Q:  Thank you.  Mr. Secretary, on the supplies?

            SEC. EXAMPLE:  They continue.
            """
        ),
        [(T, "Lloyd J. Example", None), (T, "Mark A. Example-Roe", None), (T, None, None),
         (Q, "Sam Example", "Example Wire"), (T, "Lloyd J. Example", None)],
    ),
    Passage(
        "NATO press point: mixed-case labels with the organisation before the office",
        _doc(
            """
            Joint press conference with the NATO Secretary General and the Prime Minister
            15 June 2022

            NATO Secretary General Jon Example: Good afternoon.

            Prime Minister Ann Example: Thank you, Jon.

            Moderator: Next question, please.

            Question: Secretary General, on the accession?

            NATO Secretary General Jon Example: We are working on it.
            """
        ),
        [(T, "Jon Example", None), (T, "Ann Example", None), (T, None, None), (Q, None, None),
         (T, "Jon Example", None)],
    ),
]  # fmt: skip
