"""Held-back transcript passages for benchmarks/transcript_names.py, written for it.

Each turn is annotated with the full name a careful reader gives its speaker, using what
the reader knows of who held which office (the directory's job): 'PRESIDENT OBAMA' on
2014-05-02 is Barack Obama. None is an unnamed questioner or an interpreter. A name the
directory cannot know is annotated as the document prints it in full.
"""

from __future__ import annotations

from textwrap import dedent

Q, T = "question", "turn"


def _doc(text: str) -> str:
    return dedent(text).lstrip("\n")


BENCHMARK = [
    (
        "white-house-joint-press-conference-2014",
        _doc(
            """
            THE WHITE HOUSE
            Office of the Press Secretary
            For Immediate Release
            May 2, 2014

            PRESS CONFERENCE BY PRESIDENT OBAMA AND CHANCELLOR MERKEL OF GERMANY

            East Room

            12:10 P.M. EDT

            PRESIDENT OBAMA:  Good afternoon, everybody.  Please have a seat.  It is a great
            pleasure to welcome my friend Chancellor Merkel back to the White House.

            CHANCELLOR MERKEL:  (As interpreted.)  Thank you very much, Barack, for the warm
            welcome and the very open talks we had this morning.

            PRESIDENT OBAMA:  We'll take a couple of questions.  Julie Example.

            Q    Thank you, Mr. President.  On Ukraine, are further sanctions coming?

            PRESIDENT OBAMA:  If Russia continues on this path, yes.

            CHANCELLOR MERKEL:  (As interpreted.)  Germany is ready to take further steps.

            Q    (As interpreted.)  Chancellor, a question from German television.  Are German
            companies ready for this?

            CHANCELLOR MERKEL:  (As interpreted.)  Businesses know what is at stake.

            PRESIDENT OBAMA:  Jeff Example.

            Q    Thanks, Mr. President.  On the surveillance question --

            PRESIDENT OBAMA:  We have made reforms, and we will keep talking.

            END  12:58 P.M. EDT
            """
        ),
        [(T, "Barack Obama"), (T, "Angela Merkel"), (T, "Barack Obama"), (Q, "Julie Example"),
         (T, "Barack Obama"), (T, "Angela Merkel"), (Q, None), (T, "Angela Merkel"),
         (T, "Barack Obama"), (Q, "Jeff Example"), (T, "Barack Obama")],
    ),
    (
        "state-department-briefing-2016",
        _doc(
            """
            Department Press Briefing
            Washington, DC
            March 2, 2016

            MR KIRBY: Good afternoon, everybody. I have a couple of things at the top.

            QUESTION: Can we start with Syria?

            MR KIRBY: Sure.

            QUESTION: Is the cessation of hostilities holding?

            MR KIRBY: By and large, yes, though there have been violations.

            QUESTION: Thank you.

            (The briefing was concluded at 2:41 p.m.)
            """
        ),
        [(T, "John Kirby"), (Q, None), (T, "John Kirby"), (Q, None), (T, "John Kirby"),
         (Q, None)],
    ),
    (
        "white-house-bilateral-2017",
        _doc(
            """
            THE WHITE HOUSE
            Office of the Press Secretary
            For Immediate Release
            February 10, 2017

            REMARKS BY PRESIDENT TRUMP AND PRIME MINISTER ABE OF JAPAN IN JOINT PRESS CONFERENCE

            East Room

            PRESIDENT TRUMP:  Thank you very much.  It's a great honor to welcome Prime
            Minister Abe to the White House.

            PRIME MINISTER ABE:  (As interpreted.)  Thank you, Donald, for the wonderful
            welcome.

            PRESIDENT TRUMP:  Thank you.  We'll take a few questions.  Go ahead, Sam Example,
            Example Broadcasting.

            Q    Thank you, Mr. President.  On trade with Japan?

            PRESIDENT TRUMP:  We're going to have a very fair relationship.

            PRIME MINISTER ABE:  (As interpreted.)  I'm confident we can work together.

            Q    (As interpreted.)  Takeshi Example from Example Shimbun.  A question to the
            Prime Minister, on the alliance.

            PRIME MINISTER ABE:  (As interpreted.)  The alliance is unshakable.
            """
        ),
        [(T, "Donald Trump"), (T, "Shinzo Abe"), (T, "Donald Trump"), (Q, "Sam Example"),
         (T, "Donald Trump"), (T, "Shinzo Abe"), (Q, "Takeshi Example"), (T, "Shinzo Abe")],
    ),
    (
        "white-house-zelenskyy-2023",
        _doc(
            """
            THE WHITE HOUSE
            For Immediate Release
            December 12, 2023

            Remarks by President Biden and President Volodymyr Zelenskyy of Ukraine in Joint
            Press Conference

            Indian Treaty Room

            PRESIDENT BIDEN:  Good afternoon.  Please, have a seat.  Mr. President, welcome back.

            PRESIDENT ZELENSKYY:  Thank you so much, Mr. President.

            PRESIDENT BIDEN:  Our first question comes from Ann Example with Example Press.

            Q    Thank you, Mr. President.  What happens if Congress does not act?

            PRESIDENT BIDEN:  Putin is banking on us failing to deliver.

            PRESIDENT ZELENSKYY:  We are not going anywhere.

            MR. SPEAKER:  Thank you.  Next question.

            Q    (Speaks Ukrainian.)

            PRESIDENT ZELENSKYY:  (As interpreted.)  We will continue to fight.
            """
        ),
        [(T, "Joe Biden"), (T, "Volodymyr Zelenskyy"), (T, "Joe Biden"), (Q, "Ann Example"),
         (T, "Joe Biden"), (T, "Volodymyr Zelenskyy"), (T, None), (Q, None),
         (T, "Volodymyr Zelenskyy")],
    ),
    (
        "gov-uk-press-conference-2020",
        _doc(
            """
            Speech
            Prime Minister's statement at the coronavirus press conference: 12 October 2020
            From: Prime Minister's Office, 10 Downing Street and The Rt Hon Boris Johnson MP
            Published 12 October 2020
            Delivered on: 12 October 2020 (Transcript of the speech, exactly as it was delivered)

            Prime Minister:
            Good afternoon. I want to set out the next steps.

            Question:
            Hi, Laura Example, Example News. Prime Minister, why now?

            Prime Minister:
            Because the numbers are rising, Laura.

            Question:
            Sam Example from the Daily Example. Will schools close?

            Prime Minister:
            No, schools will stay open.
            """
        ),
        [(T, "Boris Johnson"), (Q, "Laura Example"), (T, "Boris Johnson"), (Q, "Sam Example"),
         (T, "Boris Johnson")],
    ),
    (
        "state-department-remarks-2019",
        _doc(
            """
            Secretary Michael R. Pompeo and Spokesperson Jane Example at a Press Availability
            Press Availability
            Michael R. Pompeo
            Secretary of State
            Press Briefing Room
            Washington, DC
            November 26, 2019

            MS EXAMPLE: Good morning. The Secretary has a few words, and then he will take
            a few questions. We'll go to Matt Example, Example Press.

            SECRETARY POMPEO: Thank you, Jane. Let me start with Hong Kong.

            QUESTION: Thanks, Mr. Secretary. On Ukraine?

            SECRETARY POMPEO: I have nothing to add.

            MS EXAMPLE: Next we'll go to Nick Example with Example Wire.

            QUESTION: Thank you. On Iraq, sir?

            SECRETARY POMPEO: We support the Iraqi people.
            """
        ),
        [(T, "Jane Example"), (T, "Mike Pompeo"), (Q, "Matt Example"), (T, "Mike Pompeo"),
         (T, "Jane Example"), (Q, "Nick Example"), (T, "Mike Pompeo")],
    ),
]  # fmt: skip


# Written after the rules were built and scored once before any change: the fairer figure.
FRESH = [
    (
        "white-house-press-briefing-2015",
        _doc(
            """
            THE WHITE HOUSE
            Office of the Press Secretary
            For Immediate Release
            July 14, 2015

            PRESS BRIEFING BY PRESS SECRETARY JOSH EARNEST AND SECRETARY OF ENERGY ERNEST MONIZ

            James S. Brady Press Briefing Room

            1:12 P.M. EDT

            MR. EARNEST:  Good afternoon, everybody.  I'm joined today by Secretary Moniz, who
            will say a few words about the agreement, and then we'll take questions.

            SECRETARY MONIZ:  Thank you, Josh.  This agreement blocks every pathway.

            MR. EARNEST:  Kevin, do you want to start?

            Q    Thanks, Josh.  Mr. Secretary, how can inspectors be sure?

            SECRETARY MONIZ:  The access provisions are unprecedented.

            Q    Follow-up on that?

            SECRETARY MONIZ:  Please.

            MR. EARNEST:  Michelle Example.

            Q    Thanks.  Josh, has the President called Prime Minister Netanyahu?

            MR. EARNEST:  He spoke with him this morning.

            END  2:40 P.M. EDT
            """
        ),
        [(T, "Josh Earnest"), (T, "Ernest Moniz"), (T, "Josh Earnest"), (Q, None),
         (T, "Ernest Moniz"), (Q, None), (T, "Ernest Moniz"), (T, "Josh Earnest"),
         (Q, "Michelle Example"), (T, "Josh Earnest")],
    ),
    (
        "state-department-joint-press-availability-2016",
        _doc(
            """
            Joint Press Availability With German Foreign Minister Frank-Walter Steinmeier
            Press Availability
            John Kerry
            Secretary of State
            Berlin, Germany
            May 10, 2016

            FOREIGN MINISTER STEINMEIER:  (Via interpreter) Ladies and gentlemen, welcome.

            SECRETARY KERRY:  Thank you very much, Frank-Walter.

            MODERATOR:  (Via interpreter) We have time for two questions.  The first one from
            Anna Example of Example Zeitung.

            QUESTION:  (Via interpreter) Mr. Foreign Minister, on the refugee agreement?

            FOREIGN MINISTER STEINMEIER:  (Via interpreter) The agreement is working.

            MODERATOR:  And now a question from the American side.

            QUESTION:  Mr. Secretary, on Syria?

            SECRETARY KERRY:  The cessation must hold.
            """
        ),
        [(T, "Frank-Walter Steinmeier"), (T, "John Kerry"), (T, None),
         (Q, "Anna Example"), (T, "Frank-Walter Steinmeier"), (T, None), (Q, None),
         (T, "John Kerry")],
    ),
    (
        "white-house-remarks-by-the-president-2010",
        _doc(
            """
            THE WHITE HOUSE
            Office of the Press Secretary
            For Immediate Release
            April 8, 2010

            REMARKS BY PRESIDENT OBAMA AND PRESIDENT MEDVEDEV OF RUSSIA AT NEW START TREATY
            SIGNING PRESS CONFERENCE

            Prague Castle
            Prague, Czech Republic

            PRESIDENT OBAMA:  Good afternoon.  It's an honor to be here with President
            Medvedev.

            PRESIDENT MEDVEDEV:  (As translated.)  Ladies and gentlemen, this is a truly
            historic event.

            PRESIDENT OBAMA:  We're going to take a couple of questions.  I'll start with Jennifer
            Example, Example Press.

            Q    Thank you.  Mr. President, on Iran sanctions?

            PRESIDENT OBAMA:  We expect strong sanctions.

            PRESIDENT MEDVEDEV:  (As translated.)  Sanctions are rarely productive, but sometimes
            necessary.

            Q    (As translated.)  Question for President Medvedev.

            PRESIDENT MEDVEDEV:  (As translated.)  Yes, please.
            """
        ),
        [(T, "Barack Obama"), (T, "Dmitry Medvedev"), (T, "Barack Obama"),
         (Q, "Jennifer Example"), (T, "Barack Obama"), (T, "Dmitry Medvedev"), (Q, None),
         (T, "Dmitry Medvedev")],
    ),
    (
        "gov-uk-pm-remarks-2012",
        _doc(
            """
            Speech
            PM's press conference with President Hollande
            From: Prime Minister's Office, 10 Downing Street and The Rt Hon David Cameron
            Published 17 February 2012
            Location: Paris

            Prime Minister
            Thank you, François, for welcoming me to Paris.

            President Hollande
            (As translated) Welcome, David.

            Question
            James Example, Example Broadcasting. Prime Minister, on the budget?

            Prime Minister
            We will take the decisions we need to take.
            """
        ),
        [(T, "David Cameron"), (T, "François Hollande"), (Q, "James Example"),
         (T, "David Cameron")],
    ),
]  # fmt: skip


# A second fresh batch, White House layouts only (the held-out genre), scored once first.
FRESH_WHITE_HOUSE = [
    (
        "white-house-remarks-by-the-president-2016",
        _doc(
            """
            THE WHITE HOUSE
            Office of the Press Secretary
            For Immediate Release
            June 12, 2016

            REMARKS BY THE PRESIDENT ON THE SHOOTING IN ORLANDO, FLORIDA

            James S. Brady Press Briefing Room

            1:58 P.M. EDT

            THE PRESIDENT:  Today, as Americans, we grieve the brutal murder of dozens of
            innocent people.

            Q    Mr. President, is this terrorism?

            THE PRESIDENT:  We are still learning the facts.  Thank you.

            END  2:08 P.M. EDT
            """
        ),
        [(T, "Barack Obama"), (Q, None), (T, "Barack Obama")],
    ),
    (
        "white-house-gaggle-with-kirby-2023",
        _doc(
            """
            THE WHITE HOUSE
            For Immediate Release
            August 2, 2023

            Press Gaggle by Press Secretary Karine Jean-Pierre and NSC Coordinator for
            Strategic Communications John Kirby

            Aboard Air Force One
            En Route Rehoboth Beach, Delaware

            MS. JEAN-PIERRE:  Hi, everybody.  Admiral Kirby is here to take your questions on
            the trip.

            MR. KIRBY:  Thanks, Karine.  Just a couple of things at the top.

            Q    John, on the grain deal, any response?

            MR. KIRBY:  We're talking to our partners.

            MS. JEAN-PIERRE:  Go ahead, Zeke.

            Q    Thanks.  On the budget talks?

            MS. JEAN-PIERRE:  I'll leave it to the team.
            """
        ),
        [(T, "Karine Jean-Pierre"), (T, "John Kirby"), (Q, None), (T, "John Kirby"),
         (T, "Karine Jean-Pierre"), (Q, None), (T, "Karine Jean-Pierre")],
    ),
    (
        "white-house-background-press-call-2022",
        _doc(
            """
            THE WHITE HOUSE
            For Immediate Release
            June 24, 2022

            Background Press Call by Senior Administration Officials Previewing the G7 Summit

            Via Teleconference

            MODERATOR:  Thanks, everyone, for joining.  This call is on background, attributable
            to senior administration officials.

            SENIOR ADMINISTRATION OFFICIAL:  Thanks.  The President departs tomorrow for
            Germany.

            MODERATOR:  Let's go to Sam Example with Example News.  Go ahead, Sam.

            Q    Hi, thanks.  Will there be new sanctions?

            SENIOR ADMINISTRATION OFFICIAL:  You'll hear more tomorrow.

            MODERATOR:  Next up, we have Lee Example of Example Daily.

            Q    Thanks.  Any bilateral meetings?

            SENIOR ADMINISTRATION OFFICIAL:  Several, yes.
            """
        ),
        [(T, None), (T, None), (T, None), (Q, "Sam Example"), (T, None), (T, None),
         (Q, "Lee Example"), (T, None)],
    ),
    (
        "white-house-joint-statements-2019",
        _doc(
            """
            THE WHITE HOUSE
            For Immediate Release
            March 19, 2019

            REMARKS BY PRESIDENT TRUMP AND PRESIDENT BOLSONARO OF THE FEDERATIVE REPUBLIC OF
            BRAZIL IN JOINT PRESS CONFERENCE

            Rose Garden

            PRESIDENT TRUMP:  Thank you very much.  It's my honor to welcome President
            Bolsonaro.

            PRESIDENT BOLSONARO:  (As interpreted.)  Thank you, Mr. President.

            PRESIDENT TRUMP:  Thank you.  Question, please.  John Example.

            Q    Thank you, Mr. President.  On Venezuela, are all options on the table?

            PRESIDENT TRUMP:  All options are open.

            PRESIDENT BOLSONARO:  (As interpreted.)  Brazil agrees.

            Q    (As interpreted.)  A question for both presidents, from Example TV of Brazil.

            PRESIDENT BOLSONARO:  (As interpreted.)  Our alliance is strong.
            """
        ),
        [(T, "Donald Trump"), (T, "Jair Bolsonaro"), (T, "Donald Trump"), (Q, "John Example"),
         (T, "Donald Trump"), (T, "Jair Bolsonaro"), (Q, None), (T, "Jair Bolsonaro")],
    ),
]  # fmt: skip
