"""Who said it: the attribution shapes of US political news and wire copy, and the traps.

Same table form as test_news_passages: (id, passage, [(text, kind, speaker), ...]) lists
every quote the extractor returns, in order. Passages are written for this table.
"""

from __future__ import annotations

import datetime as dt
import re

import pytest

from app.nlp.news import parse_news
from app.nlp.occasions import Occasion
from app.nlp.statements import news_statements

CASES: list[tuple[str, str, list[tuple]]] = [
    # --- titled names: Ms., Rep., Sen., Gov., Gen., party tags, Jr. -----------------------
    (
        "ms-dot-surname",
        "Ms. Adaeze Okafor chairs the health subcommittee.\n\n“We have seen this before,” "
        "Ms. Okafor said.",
        [("We have seen this before,", "direct", "Adaeze Okafor")],
    ),
    (
        "rep-party-tag-jr",
        "“Families are choosing between insulin and groceries,” Rep. Dana Whitfield Jr. "
        "(R-Ohio) said at a news conference.",
        [("Families are choosing between insulin and groceries,", "direct", "Dana Whitfield")],
    ),
    (
        "sen-party-tag-later-surname",
        "Sen. Robert Kane (D-Pa.) voted against the bill.\n\n“This is a disgrace,” Kane said.",
        [("This is a disgrace,", "direct", "Robert Kane")],
    ),
    (
        "gov-surname",
        "Gov. Marcus Bell signed the budget on Friday.\n\n“It keeps taxes flat,” Bell said.",
        [("It keeps taxes flat,", "direct", "Marcus Bell")],
    ),
    (
        "gen-surname",
        "Gen. Harold Vance briefed the committee.\n\n“We are taking risk,” Vance said.",
        [("We are taking risk,", "direct", "Harold Vance")],
    ),
    (
        "speaker-title",
        "Speaker Angela Reyes-Moore scheduled the vote.\n\n“We have the votes,” Reyes-Moore said.",
        [("We have the votes,", "direct", "Angela Reyes-Moore")],
    ),
    (
        "bbc-capitalised-office-apposed",
        "The Health Secretary, Fiona Grant, visited a hospital in Leeds.\n\n"
        "“We have turned the corner,” Ms Grant said.",
        [("We have turned the corner,", "direct", "Fiona Grant")],
    ),
    (
        "police-rank",
        "Det Insp Karen Walsh led the inquiry.\n\n“We need witnesses,” she said.",
        [("We need witnesses,", "direct", "Karen Walsh")],
    ),
    (
        "name-of-organisation",
        "“A car is not a luxury,” said Simon Kerr of the Drivers' Alliance.",
        [("A car is not a luxury,", "direct", "Simon Kerr")],
    ),
    # --- a speech verb with company -------------------------------------------------------
    (
        "said-to-applause",
        "Gov. Marcus Bell spoke at the Capitol.\n\n“Schools come first,” Bell said to "
        "applause from supporters.",
        [("Schools come first,", "direct", "Marcus Bell")],
    ),
    (
        "wrote-angrily",
        "Sen. Robert Kane (D-Pa.) lost the vote.\n\n“This is rigged,” Kane wrote angrily "
        "on Twitter.",
        [("This is rigged,", "direct", "Robert Kane")],
    ),
    (
        "says-economist",
        "“The evidence is weak,” says economist Lena Ortiz.",
        [("The evidence is weak,", "direct", "Lena Ortiz")],
    ),
    (
        "said-although-others",
        "Mayor Janet Cole toured the district with Gov. Marcus Bell.\n\n“We will rebuild,” "
        "Cole said, although the governor and two aides have not committed any money.",
        [("We will rebuild,", "direct", "Janet Cole")],
    ),
    (
        "day-between-name-and-verb",
        "Kenyan President William Odhiambo on Monday denied that his government had "
        "ordered any arrests.",
        [
            (
                "Kenyan President William Odhiambo on Monday denied that his government had "
                "ordered any arrests.",
                "indirect",
                "William Odhiambo",
            )
        ],
    ),
    # --- long appositions -----------------------------------------------------------------
    (
        "long-apposition",
        "“Nobody should be popping champagne,” Democratic strategist Paul Reyes, who "
        "advised two Senate campaigns in the state, said.",
        [("Nobody should be popping champagne,", "direct", "Paul Reyes")],
    ),
    (
        "apposition-names-the-speaker",
        "“Nobody asked us,” a third, retired teacher Helen Brooks, said.",
        [("Nobody asked us,", "direct", "Helen Brooks")],
    ),
    # --- verbs that are not speech verbs ----------------------------------------------------
    (
        "colon-after-other-verb",
        "Strategist Paul Reyes was asked about his plans.\n\nReyes shrugged it off with a "
        "joke: “I have enough trouble running my kitchen.”",
        [("I have enough trouble running my kitchen.", "direct", "Paul Reyes")],
    ),
    (
        "calling-it",
        "Economist Lena Ortiz spoke on Monday.\n\nOrtiz brushed the idea aside, calling it "
        "“unworkable”.",
        [("unworkable", "partial", "Lena Ortiz")],
    ),
    (
        "saying-it-was",
        "Chancellor Rachel Sutton defended the tax rise, saying it was “the responsible choice”.",
        [("the responsible choice", "partial", "Rachel Sutton")],
    ),
    (
        "faulted-for",
        "Rep. Carla Mendes spoke to the Ledger.\n\nIn the interview, Mendes faulted the "
        "agency for “dragging its feet” on the cleanup.",
        [("dragging its feet", "partial", "Carla Mendes")],
    ),
    (
        "condemned-and-called-for",
        "Prime Minister Nabil Haddad condemned the strikes and called for “immediate "
        "international intervention”.",
        [("immediate international intervention", "partial", "Nabil Haddad")],
    ),
    # --- pronouns: gender from the article, the chain's subject ---------------------------
    (
        "she-from-honorific-no-first-name",
        "Ms. Okafor, a former trade negotiator, spoke after Sen. James Pruitt.\n\n"
        "“We are punishing the people we claim to protect,” she said.",
        [("We are punishing the people we claim to protect,", "direct", "Okafor")],
    ),
    (
        "he-main-subject-over-subordinate",
        "British Prime Minister Alan Crossley spoke in London.\n\nCrossley spoke a day after "
        "U.S. President Frank Dalton urged allies to spend more. “We are not doing this "
        "because Washington asked,” he said.",
        [("We are not doing this because Washington asked,", "direct", "Alan Crossley")],
    ),
    (
        "gender-from-her-and-his",
        "Sasha Adair met Jules Hartley on Monday.\n\nAdair said her department would pay. Hartley "
        "said his budget was already spent.\n\n“We will find the money,” she said.",
        [
            ("Adair said her department would pay.", "indirect", "Sasha Adair"),
            ("Hartley said his budget was already spent.", "indirect", "Jules Hartley"),
            ("We will find the money,", "direct", "Sasha Adair"),
        ],
    ),
    (
        "gender-from-next-sentence",
        "Okafor, a former trade negotiator, spoke after Senator Jo Pruitt. He backs the "
        "tariffs.\n\n“Leverage takes time,” he said.",
        [("Leverage takes time,", "direct", "Jo Pruitt")],
    ),
    (
        "gender-clues-disagree",
        "Sasha Adair met Jules Hartley.\n\nAdair said her staff and his would meet. He said "
        "nothing more.\n\n“We will see,” she said.",
        [
            ("Adair said her staff and his would meet.", "indirect", "Sasha Adair"),
            ("We will see,", "direct", "Sasha Adair"),
        ],
    ),
    # --- organisations and their offices --------------------------------------------------
    (
        "his-office-statement",
        "Sen. Robert Kane (D-Pa.) missed the vote.\n\nHis office said in a statement that "
        "the senator would ask for a review of the procedure.",
        [
            (
                "His office said in a statement that the senator would ask for a review of the "
                "procedure.",
                "indirect",
                "Robert Kane",
            )
        ],
    ),
    (
        "police-said",
        "Two men have been charged after a fire at a warehouse in Leeds, West Yorkshire "
        "Police said.",
        [
            (
                "Two men have been charged after a fire at a warehouse in Leeds",
                "indirect",
                "West Yorkshire Police",
            )
        ],
    ),
    (
        "country-ministry",
        "Russia's foreign ministry said in a statement that the proposal was propaganda.",
        [
            (
                "Russia's foreign ministry said in a statement that the proposal was propaganda.",
                "indirect",
                "Russia's Foreign Ministry",
            )
        ],
    ),
    (
        "newspaper-reported-that",
        "The Harbor Gazette reported on Sunday that the mayor had hired her brother.",
        [
            (
                "The Harbor Gazette reported on Sunday that the mayor had hired her brother.",
                "indirect",
                "Harbor Gazette",
            )
        ],
    ),
    (
        "the-newspaper-said",
        "The Harbor Gazette obtained the contracts.\n\n“The figures were never audited,” the "
        "newspaper said in an editorial.",
        [("The figures were never audited,", "direct", "Harbor Gazette")],
    ),
    (
        "wire-agency-relays",
        "The cabinet will resign on Friday, Reuters reported.",
        [],
    ),
    # --- unnamed people ---------------------------------------------------------------------
    (
        "one-said-another",
        "Voters at a diner were divided.\n\n“It helps the plant,” one said.\n\n“My bill says "
        "otherwise,” said another.",
        [("It helps the plant,", "direct", None), ("My bill says otherwise,", "direct", None)],
    ),
    # --- indirect speech with reporting verbs -----------------------------------------------
    (
        "accused-of",
        "President William Odhiambo accused the opposition of spreading lies to embassies.",
        [
            (
                "President William Odhiambo accused the opposition of spreading lies to embassies.",
                "indirect",
                "William Odhiambo",
            )
        ],
    ),
    (
        "called-for",
        "The First Minister, Morag Lindsay, has called for a new referendum within two years.",
        [
            (
                "The First Minister, Morag Lindsay, has called for a new referendum within two "
                "years.",
                "indirect",
                "Morag Lindsay",
            )
        ],
    ),
    (
        "called-for-not-by-a-person",
        "The situation has called for a new approach since the floods.",
        [],
    ),
    # --- people introduced by what they do, or only by speaking later ---------------------
    (
        "surname-speaks-later",
        "Union organiser Teodor Varga, a welder, spoke first.\n\nVarga said the strike would "
        "continue.",
        [("Varga said the strike would continue.", "indirect", "Teodor Varga")],
    ),
    (
        "occupation-before-name-indirect",
        "Harbour pilot Wren Castellano said the channel had been dredged too late.",
        [
            (
                "Harbour pilot Wren Castellano said the channel had been dredged too late.",
                "indirect",
                "Wren Castellano",
            )
        ],
    ),
    (
        "occupation-not-part-of-name",
        "Firefighter Kasia Nowak said the blaze had started in the kitchen.",
        [
            (
                "Firefighter Kasia Nowak said the blaze had started in the kitchen.",
                "indirect",
                "Kasia Nowak",
            )
        ],
    ),
    (
        "lawmaker-accused",
        "Backbench lawmaker Olek Brandvold accused the cabinet of ignoring the auditors.",
        [
            (
                "Backbench lawmaker Olek Brandvold accused the cabinet of ignoring the auditors.",
                "indirect",
                "Olek Brandvold",
            )
        ],
    ),
    (
        "two-word-country-ministry",
        "New Zealand's health ministry said on Monday that hospital waits had fallen.",
        [
            (
                "New Zealand's health ministry said on Monday that hospital waits had fallen.",
                "indirect",
                "New Zealand's Health Ministry",
            )
        ],
    ),
    (
        "bare-name-never-speaks",
        "Paolo Brentano Street was closed for repairs, and Vela Mortimer Park reopened.",
        [],
    ),
    # --- the wrong ones: a name inside or about the quote ---------------------------------
    (
        "quote-about-someone-else",
        "Secretary of State Ellen Marsh and Foreign Minister Oleg Volkov met in Vienna.\n\n"
        "Asked about Marsh, Volkov said: “She is mistaken about our intentions.”",
        [("She is mistaken about our intentions.", "direct", "Oleg Volkov")],
    ),
    (
        "descriptor-picks-the-introduced-holder",
        "Ukraine's foreign minister, Oleksandr Hrytsenko, met Poland's foreign minister, Radek "
        "Sowa, in Warsaw.\n\n“We need the systems now,” the Ukrainian minister said.",
        [("We need the systems now,", "direct", "Oleksandr Hrytsenko")],
    ),
    (
        "two-men-in-play-speech-chain",
        "Prime Minister Alan Crossley met President Frank Dalton on Friday.\n\n“The alliance is "
        "strong,” Crossley said after the meeting, which Dalton had called. “We will stand "
        "together,” he added.",
        [
            ("The alliance is strong,", "direct", "Alan Crossley"),
            ("We will stand together,", "direct", "Alan Crossley"),
        ],
    ),
    (
        "name-inside-quote-not-speaker",
        "Gov. Marcus Bell and Mayor Janet Cole met on Monday.\n\n“Janet Cole has done "
        "nothing for this city,” Bell said. “Nothing,” he said.",
        [
            ("Janet Cole has done nothing for this city,", "direct", "Marcus Bell"),
            ("Nothing,", "direct", "Marcus Bell"),
        ],
    ),
]


def _squash(text: str) -> str:
    return re.sub(r"\s+", " ", text).strip()


@pytest.mark.parametrize(("passage", "expected"), [pytest.param(p, e, id=i) for i, p, e in CASES])
def test_speaker(passage: str, expected: list[tuple]) -> None:
    article = parse_news(passage)
    got = [(_squash(q.text), q.kind, q.speaker) for q in article.quotes]
    assert got == [(_squash(e[0]), e[1], e[2]) for e in expected]


def test_anonymous_method() -> None:
    """'one said' names no one, and says so: the attribution is anonymous, not missing."""
    article = parse_news("Voters were divided.\n\n“It helps the plant,” one resident said.")
    (quote,) = article.quotes
    assert quote.speaker is None
    assert quote.attribution.method == "anonymous"
    assert quote.attribution.label == "one resident"


def test_every_named_speaker_carries_its_words() -> None:
    """A named speaker always comes with the label it rests on, its offsets and a confidence."""
    for _, passage, _ in CASES:
        for quote in parse_news(passage).quotes:
            if quote.speaker is None:
                continue
            attribution = quote.attribution
            assert attribution.label is not None
            assert attribution.start is not None and attribution.end is not None
            assert passage[attribution.start : attribution.end] == attribution.label
            assert 0 < attribution.confidence <= 1


def test_office_without_holder_in_article() -> None:
    """'the top U.S. diplomat' with no holder introduced: no name, but the office and the
    country, so the store can find who held it on the day."""
    article = parse_news("“We will not be lectured,” the top U.S. diplomat said on Monday.")
    (quote,) = article.quotes
    assert quote.speaker is None
    assert (quote.role, quote.country) == ("Top Diplomat", "United States")
    assert quote.attribution.method == "descriptor"
    assert quote.attribution.label == "the top U.S. diplomat"


def test_office_needs_a_country() -> None:
    """'the minister' alone could be anyone's minister: no office is claimed."""
    (quote,) = parse_news("“We will not be lectured,” the minister said.").quotes
    assert (quote.speaker, quote.role, quote.country) == (None, None, None)


def _claims(text: str) -> list:
    published = dt.date(2024, 3, 4)
    occasion = Occasion(None, None, None, published, None, None, None)
    _, statements = news_statements(parse_news(text), occasion)
    return [(s.method, s.claim) for s in statements]


def test_claims_carry_office_organisation_and_anonymity() -> None:
    """What the store receives: an office to look up by date, an organisation by name, and
    an anonymous quote with no claim at all."""
    (office,) = _claims("“We will not be lectured,” the top U.S. diplomat said.")
    assert office[0] == "descriptor"
    assert office[1] is not None
    assert (office[1].name, office[1].role, office[1].country) == (
        None,
        "Top Diplomat",
        "United States",
    )
    assert office[1].on == dt.date(2024, 3, 4)
    (paper,) = _claims("The Harbor Gazette reported that the mayor had hired her brother.")
    assert paper[1] is not None and (paper[1].name, paper[1].kind) == (
        "Harbor Gazette",
        "organisation",
    )
    (anonymous,) = _claims("Voters were divided.\n\n“It helps the plant,” one said.")
    assert anonymous == ("anonymous", None)
