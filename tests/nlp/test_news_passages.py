"""Short news passages and the quotes a careful reader finds in them.

Each case: (passage, [(text, kind, speaker), ...]) -- every quote the extractor returns, in
order; a fourth element, when given, is the expected `elsewhere` flag. The passages are
written for this table and cover the shapes, the traps and the 'no speaker' answers.
"""

from __future__ import annotations

import re

import pytest

from app.nlp.news import parse_news

PIKE = (
    "British Foreign Secretary Alan Pike and Russian Foreign Minister Oleg Volkov met in "
    "Vienna on Monday.\n\n"
)
OSEI = "Mayor Linda Osei toured the flooded district on Sunday.\n\n"
LIND = "Trade Minister Sofia Lind opened the fair in Oslo.\n\n"
WEBER = "Finance Minister Karl Weber presented the budget to parliament.\n\n"
BERG = "Interior Minister Tomas Berg visited the border crossing.\n\n"

CASES: list[tuple[str, str, list[tuple]]] = [
    # --- the shapes of a direct quote ----------------------------------------------------
    (
        "sv-after",
        OSEI + "“The water is safe to drink,” Osei said.",
        [("The water is safe to drink,", "direct", "Linda Osei")],
    ),
    (
        "vs-after",
        "“The budget is balanced,” said Finance Minister Karl Weber.",
        [("The budget is balanced,", "direct", "Karl Weber")],
    ),
    (
        "vs-after-adding",
        "“Prices will fall next year,” said central bank governor Marta Ruiz, "
        "adding that wages would rise.",
        [("Prices will fall next year,", "direct", "Marta Ruiz")],
    ),
    (
        "colon-intro",
        OSEI + "Osei said: “The water is safe to drink.”",
        [("The water is safe to drink.", "direct", "Linda Osei")],
    ),
    (
        "said-no-colon",
        OSEI + 'Osei said "Nobody will be forgotten."',
        [("Nobody will be forgotten.", "direct", "Linda Osei")],
    ),
    (
        "who-appositive",
        'Ambassador David Mensah, who arrived in Geneva on Monday, said "The '
        'talks are going well."',
        [("The talks are going well.", "direct", "David Mensah")],
    ),
    (
        "participle-appositive",
        LIND + "Lind, speaking in Bergen, said: “Our ports are open.”",
        [("Our ports are open.", "direct", "Sofia Lind")],
    ),
    (
        "role-appositive",
        "Peter Novak, the country’s chief prosecutor, said: “No one is above the law.”",
        [("No one is above the law.", "direct", "Peter Novak")],
    ),
    (
        "name-after-role",
        "Novak’s deputy, Tom Reed, said: “The file is closed.”",
        [("The file is closed.", "direct", "Tom Reed")],
    ),
    (
        "told-reporters",
        "“We expect a deal by Friday,” Senator Mark Ellison told reporters after the vote.",
        [("We expect a deal by Friday,", "direct", "Mark Ellison")],
    ),
    (
        "told-reporters-intro",
        WEBER + "Weber told reporters: “There will be no new taxes.”",
        [("There will be no new taxes.", "direct", "Karl Weber")],
    ),
    (
        "wrote",
        "Senator Ruth Banner wrote on Facebook: “This bill is a disgrace.”",
        [("This bill is a disgrace.", "direct", "Ruth Banner")],
    ),
    (
        "tweeted",
        "“Congratulations to the whole team,” tweeted Prime Minister Ola Brandt.",
        [("Congratulations to the whole team,", "direct", "Ola Brandt")],
    ),
    (
        "statement",
        "Prime Minister Ola Brandt said in a statement: “Our thoughts are with the families.”",
        [("Our thoughts are with the families.", "direct", "Ola Brandt")],
    ),
    (
        "says-present",
        WEBER + "“Growth is back,” says Weber.",
        [("Growth is back,", "direct", "Karl Weber")],
    ),
    (
        "insisted",
        WEBER + "“The numbers add up,” Weber insisted.",
        [("The numbers add up,", "direct", "Karl Weber")],
    ),
    (
        "warned",
        OSEI + "“Stay away from the river,” the mayor warned.",
        [("Stay away from the river,", "direct", "Linda Osei")],
    ),
    (
        "asked-question",
        OSEI + "“Why should residents pay for this?” asked the mayor.",
        [("Why should residents pay for this?", "direct", "Linda Osei")],
    ),
    (
        "exclamation",
        OSEI + "“Enough is enough!” Osei told the crowd.",
        [("Enough is enough!", "direct", "Linda Osei")],
    ),
    (
        "missing-comma",
        PIKE + "“We will not be rushed” Pike said.",
        [("We will not be rushed", "direct", "Alan Pike")],
    ),
    (
        "before-leaving",
        PIKE + "“We are done here,” Pike said, before leaving the room.",
        [("We are done here,", "direct", "Alan Pike")],
    ),
    (
        "age-appositive",
        LIND + "“Trade is not a weapon,” Lind, 54, said.",
        [("Trade is not a weapon,", "direct", "Sofia Lind")],
    ),
    (
        "mr-title",
        "Opposition leader James Caldwell called for an inquiry.\n\n“The public "
        "deserves answers,” Mr Caldwell said.",
        [("The public deserves answers,", "direct", "James Caldwell")],
    ),
    (
        "dr-title",
        "Dr Amira Haddad runs the only clinic in the valley.\n\n“We have no "
        "antibiotics left,” Dr Haddad said.",
        [("We have no antibiotics left,", "direct", "Amira Haddad")],
    ),
    (
        "according-to-direct",
        "“We are on track,” according to project director Eva Sand.",
        [("We are on track,", "direct", "Eva Sand")],
    ),
    (
        "two-speakers",
        PIKE + "“We want a ceasefire,” said Pike. “So do we,” Volkov replied.",
        [("We want a ceasefire,", "direct", "Alan Pike"), ("So do we,", "direct", "Oleg Volkov")],
    ),
    (
        "interrupted-sentence",
        OSEI + "“The problem,” Osei said, “is that nobody listens.”",
        [
            ("The problem,", "direct", "Linda Osei"),
            ("is that nobody listens.", "direct", "Linda Osei"),
        ],
    ),
    (
        "split-two-sentences",
        "Defence Minister Helen Achterberg visited the base.\n\n“We are "
        "ready,” she said. “The troops are in position.”",
        [
            ("We are ready,", "direct", "Helen Achterberg"),
            ("The troops are in position.", "direct", "Helen Achterberg"),
        ],
    ),
    (
        "quote-before-attributed",
        PIKE + "“It was a long night.” “We made progress,” Pike said.",
        [
            ("It was a long night.", "direct", "Alan Pike"),
            ("We made progress,", "direct", "Alan Pike"),
        ],
    ),
    # --- pronouns ------------------------------------------------------------------------
    (
        "he-added",
        BERG + "Berg said the crossing would stay open.\n\n“Nobody will be turned away,” he added.",
        [
            ("Berg said the crossing would stay open.", "indirect", "Tomas Berg"),
            ("Nobody will be turned away,", "direct", "Tomas Berg"),
        ],
    ),
    (
        "she-gender",
        "Chancellor Maria Hoffmann hosted President Luis Ortega in Berlin.\n\n“We "
        "share the same goals,” she said.",
        [("We share the same goals,", "direct", "Maria Hoffmann")],
    ),
    (
        "he-gender",
        "President Luis Ortega was welcomed by Chancellor Maria Hoffmann.\n\n“It "
        "was a warm welcome,” he said.",
        [("It was a warm welcome,", "direct", "Luis Ortega")],
    ),
    (
        "he-after-speaker",
        PIKE + "“The door is open,” Volkov said.\n\n“But we will not wait forever,” he said.",
        [
            ("The door is open,", "direct", "Oleg Volkov"),
            ("But we will not wait forever,", "direct", "Oleg Volkov"),
        ],
    ),
    (
        "he-not-object",
        OSEI + "Chief engineer Samuel Brandt spoke alongside Osei.\n\n“The dam held,” he said.",
        [("The dam held,", "direct", "Samuel Brandt")],
    ),
    (
        "pronoun-nobody",
        "Flood waters receded on Monday.\n\n“We will rebuild,” he said.",
        [("We will rebuild,", "direct", None)],
    ),
    (
        "pronoun-ignores-quoted-name",
        WEBER + "“Even Lars Moen agrees with us,” Weber said.\n\n“The plan works,” he said.",
        [
            ("Even Lars Moen agrees with us,", "direct", "Karl Weber"),
            ("The plan works,", "direct", "Karl Weber"),
        ],
    ),
    # --- descriptors ---------------------------------------------------------------------
    (
        "descriptor-country",
        PIKE + "“We disagree on almost everything,” the Russian minister said.",
        [("We disagree on almost everything,", "direct", "Oleg Volkov")],
    ),
    (
        "descriptor-top-diplomat",
        PIKE + "“Britain will not be lectured,” the UK’s top diplomat said.",
        [("Britain will not be lectured,", "direct", "Alan Pike")],
    ),
    (
        "descriptor-synonym",
        "US Secretary of State Ellen Marsh landed in Cairo.\n\n“This "
        "region matters to us,” America’s top diplomat said.",
        [("This region matters to us,", "direct", "Ellen Marsh")],
    ),
    (
        "descriptor-exact-title",
        PIKE + "“The meeting was useful,” the foreign secretary said.",
        [("The meeting was useful,", "direct", "Alan Pike")],
    ),
    (
        "descriptor-mayor",
        OSEI + "The mayor said the clean-up would take months.",
        [("The mayor said the clean-up would take months.", "indirect", "Linda Osei")],
    ),
    (
        "descriptor-unknown",
        "“The situation is under control,” a police spokesman said.",
        [("The situation is under control,", "direct", None)],
    ),
    (
        "descriptor-no-holder",
        PIKE + "“We were not consulted,” the defence minister said.",
        [("We were not consulted,", "direct", None)],
    ),
    (
        "descriptor-headline",
        "Climate deal 'within reach', says EU commissioner\n\nEU "
        "commissioner Freya Nilsson said on Monday that a deal was close.",
        [
            ("within reach", "partial", "Freya Nilsson"),
            (
                "EU commissioner Freya Nilsson said on Monday that a deal was close.",
                "indirect",
                "Freya Nilsson",
            ),
        ],
    ),
    # --- organisations -------------------------------------------------------------------
    (
        "org-white-house",
        "“We are deeply concerned,” the White House said in a statement.",
        [("We are deeply concerned,", "direct", "White House")],
    ),
    (
        "org-named",
        "“Aid is not reaching the north,” the Norwegian Refugee Council said.",
        [("Aid is not reaching the north,", "direct", "Norwegian Refugee Council")],
    ),
    (
        "org-descriptor",
        "The Geneva-based Committee for Refugee Rights published figures on "
        "Monday. The committee said 4,000 people had crossed the border.",
        [
            (
                "The committee said 4,000 people had crossed the border.",
                "indirect",
                "Committee for Refugee Rights",
            )
        ],
    ),
    (
        "org-monitor",
        "At least 40 people died, according to the Observatory for Civil Rights, "
        "a monitoring group.\n\n“The real figure is likely higher,” the monitor said.",
        [
            ("At least 40 people died", "indirect", "Observatory for Civil Rights"),
            ("The real figure is likely higher,", "direct", "Observatory for Civil Rights"),
        ],
    ),
    (
        "org-it-said",
        "The International Aid Federation warned of famine. “Children are already dying,” it said.",
        [("Children are already dying,", "direct", "International Aid Federation")],
    ),
    (
        "org-kremlin",
        "The Kremlin said the talks had been constructive.",
        [("The Kremlin said the talks had been constructive.", "indirect", "Kremlin")],
    ),
    (
        "org-possessive-country",
        "Syria’s Health Ministry said 12 people were injured in the blast.",
        [
            (
                "Syria’s Health Ministry said 12 people were injured in the blast.",
                "indirect",
                "Health Ministry",
            )
        ],
    ),
    # --- partial quotes ------------------------------------------------------------------
    (
        "partial-he-said",
        WEBER + "He said the proposal was “dead on arrival” and urged lawmakers to reject it.",
        [("dead on arrival", "partial", "Karl Weber")],
    ),
    (
        "partial-described",
        "Justice Minister Aoife Kerrigan described the ruling as “a dark day for justice”.",
        [("a dark day for justice", "partial", "Aoife Kerrigan")],
    ),
    (
        "partial-tail",
        WEBER + "The plan is “not worth the paper it is written on”, Weber said.",
        [("not worth the paper it is written on", "partial", "Karl Weber")],
    ),
    (
        "partial-according",
        "The strike was “entirely avoidable”, according to union leader Sara Holm.",
        [("entirely avoidable", "partial", "Sara Holm")],
    ),
    (
        "partial-lowercase-after-said",
        OSEI + "Osei said “we will rebuild every house” to loud applause.",
        [("we will rebuild every house", "partial", "Linda Osei")],
    ),
    (
        "partial-said-that",
        PIKE + "Pike said that “the door remains open” for talks.",
        [("the door remains open", "partial", "Alan Pike")],
    ),
    (
        "partial-two-in-sentence",
        OSEI + "The mayor said there would be “more help” for families of “every kind”.",
        [("more help", "partial", "Linda Osei"), ("every kind", "partial", "Linda Osei")],
    ),
    (
        "partial-vs-after",
        "The allies’ plan, which Britain’s ministers backed, was “a step "
        "forward”, said Foreign Minister Ines Duarte.",
        [("a step forward", "partial", "Ines Duarte")],
    ),
    (
        "partial-outlet-adding",
        LIND + "The minister resigned, the newspaper reported, adding "
        "that Lind said the decision was “long overdue”.",
        [("long overdue", "partial", "Sofia Lind")],
    ),
    (
        "partial-outlet-according",
        "Defence Minister Helen Achterberg said the army was “fully "
        "prepared”, according to Reuters.",
        [("fully prepared", "partial", "Helen Achterberg")],
    ),
    (
        "partial-no-speaker",
        "Britain and France said the attack was “barbaric”.",
        [("barbaric", "partial", None)],
    ),
    (
        "partial-coordinated",
        PIKE + "Pike and Volkov said in a joint statement that the talks were “frank”.",
        [("frank", "partial", None)],
    ),
    (
        "headline-colon",
        "Okafor: hospitals 'will cope' this winter\n\nHealth Secretary Nadia "
        "Okafor visited a hospital in Leeds.",
        [("will cope", "partial", "Nadia Okafor")],
    ),
    (
        "headline-colon-direct",
        "Okafor: 'We are not out of the woods yet'\n\nHealth Secretary "
        "Nadia Okafor visited a hospital in Leeds.",
        [("We are not out of the woods yet", "direct", "Nadia Okafor")],
    ),
    (
        "partial-participle",
        "Leaders clashed on Thursday, with Prime Minister Viktor Halas saying his country would "
        "“never accept” the quotas.",
        [("never accept", "partial", "Viktor Halas")],
    ),
    (
        "partial-passive-no-speaker",
        "The debate, described by one deputy as a “marathon of obstruction”, lasted a week.",
        [("marathon of obstruction", "partial", None)],
    ),
    (
        "org-name-stops-at-title",
        "European Council President Donald Tusk said the bloc was “closer than ever” to a deal.",
        [("closer than ever", "partial", "Donald Tusk")],
    ),
    (
        "descriptor-modified-office",
        "Labour Minister Claire Dubois defended the bill.\n\n“Doing nothing is not an option,” "
        "the minister said.",
        [("Doing nothing is not an option,", "direct", "Claire Dubois")],
    ),
    # --- quotation marks -----------------------------------------------------------------
    (
        "mismatched-marks",
        OSEI + '"We have done our part,” the mayor said.',
        [("We have done our part,", "direct", "Linda Osei")],
    ),
    (
        "mismatched-other-way",
        OSEI + '“We have done our part," the mayor said.',
        [("We have done our part,", "direct", "Linda Osei")],
    ),
    (
        "straight-quotes",
        BERG + '"The vote is final," Berg said.',
        [("The vote is final,", "direct", "Tomas Berg")],
    ),
    (
        "single-curly",
        "Health Secretary Nadia Okafor said: ‘We are not out of the woods yet.’",
        [("We are not out of the woods yet.", "direct", "Nadia Okafor")],
    ),
    (
        "single-with-apostrophes",
        "Health Secretary Nadia Okafor visited Leeds.\n\n‘We don’t "
        "accept the ministry’s figures,’ said Okafor.",
        [("We don’t accept the ministry’s figures,", "direct", "Nadia Okafor")],
    ),
    (
        "single-plural-possessive",
        PIKE + "‘The allies’ plans are weak,’ said Pike.",
        [("The allies’ plans are weak,", "direct", "Alan Pike")],
    ),
    ("single-straight", PIKE + "'It's over,' said Pike.", [("It's over,", "direct", "Alan Pike")]),
    (
        "nested-single-in-double",
        "“When I asked him, he said ‘we will never surrender’ and "
        "walked out,” said chief negotiator Maria Costa.",
        [
            (
                "When I asked him, he said ‘we will never surrender’ and walked out,",
                "direct",
                "Maria Costa",
            )
        ],
    ),
    (
        "nested-double-in-single",
        PIKE + "‘He said “never” and left,’ said Pike.",
        [("He said “never” and left,", "direct", "Alan Pike")],
    ),
    (
        "multi-paragraph",
        "“The first thing we did was count the boats.\n\n“Then we counted the "
        "people,” said coastguard commander Jonas Lie.",
        [
            (
                "The first thing we did was count the boats. Then we counted the people,",
                "direct",
                "Jonas Lie",
            )
        ],
    ),
    (
        "multi-paragraph-inherit",
        "Commander Jonas Lie described the rescue.\n\n“We saw the boat "
        "at dawn,” he said. “It was already sinking.\n\n“We pulled out forty people.”",
        [
            ("We saw the boat at dawn,", "direct", "Jonas Lie"),
            ("It was already sinking. We pulled out forty people.", "direct", "Jonas Lie"),
        ],
    ),
    (
        "multi-paragraph-single-newlines",
        "“We lost everything.\n“The house, the car, the shop,” said farmer Ana Petrovic.",
        [("We lost everything. The house, the car, the shop,", "direct", "Ana Petrovic")],
    ),
    # --- continuation --------------------------------------------------------------------
    (
        "continuation",
        WEBER + "“We will cut the deficit,” Weber said.\n\n“It will not be easy. "
        "But it has to be done.”",
        [
            ("We will cut the deficit,", "direct", "Karl Weber"),
            ("It will not be easy. But it has to be done.", "direct", "Karl Weber"),
        ],
    ),
    (
        "continuation-chain",
        OSEI + "“We lost three bridges,” Osei said.\n\n“The school is "
        "gone.”\n\n“The clinic is gone too.”",
        [
            ("We lost three bridges,", "direct", "Linda Osei"),
            ("The school is gone.", "direct", "Linda Osei"),
            ("The clinic is gone too.", "direct", "Linda Osei"),
        ],
    ),
    (
        "continuation-single-newline",
        WEBER + "“We will cut the deficit,” Weber said.\n“Every ministry will share the burden.”",
        [
            ("We will cut the deficit,", "direct", "Karl Weber"),
            ("Every ministry will share the burden.", "direct", "Karl Weber"),
        ],
    ),
    (
        "no-continuation-after-narration",
        WEBER + "“We will cut the deficit,” Weber said.\n\n"
        "The debate lasted six hours.\n\n“It is a disaster for pensioners.”",
        [
            ("We will cut the deficit,", "direct", "Karl Weber"),
            ("It is a disaster for pensioners.", "direct", None),
        ],
    ),
    (
        "no-speaker-standalone",
        "Farewell to the old pier\n\n“This is the end of an era.”\n\nThe "
        "pier closed on Sunday after 120 years.",
        [("This is the end of an era.", "direct", None)],
    ),
    (
        "no-speaker-residents",
        "“We have nowhere else to go,” residents said.",
        [("We have nowhere else to go,", "direct", None)],
    ),
    (
        "no-speaker-outlet",
        "“The ceasefire has collapsed,” the BBC reported.",
        [("The ceasefire has collapsed,", "direct", None)],
    ),
    # --- elsewhere -----------------------------------------------------------------------
    (
        "elsewhere-last-year",
        WEBER + "“Taxes will have to rise,” Weber said last year.",
        [("Taxes will have to rise,", "direct", "Karl Weber", True)],
    ),
    (
        "elsewhere-told-in-year",
        WEBER + "Weber told the BBC in 2014: “I will never raise VAT.”",
        [("I will never raise VAT.", "direct", "Karl Weber", True)],
    ),
    (
        "elsewhere-context",
        WEBER + "Weber has previously said that taxes must rise.\n\n“There "
        "is no other way,” he said.",
        [
            ("Weber has previously said that taxes must rise.", "indirect", "Karl Weber", True),
            ("There is no other way,", "direct", "Karl Weber", True),
        ],
    ),
    (
        "not-elsewhere",
        WEBER + "“Taxes will not rise,” Weber said on Tuesday.",
        [("Taxes will not rise,", "direct", "Karl Weber", False)],
    ),
    (
        "elsewhere-once",
        OSEI + "Osei once said: “A city is its people.”",
        [("A city is its people.", "direct", "Linda Osei", True)],
    ),
    # --- indirect speech -----------------------------------------------------------------
    (
        "indirect-leading",
        "Trade Minister Sofia Lind said exports had risen by 4 percent in the first quarter.",
        [
            (
                "Trade Minister Sofia Lind said exports had risen by 4 percent in the first "
                "quarter.",
                "indirect",
                "Sofia Lind",
            )
        ],
    ),
    (
        "indirect-trailing",
        LIND + "Exports had risen by 4 percent in the first quarter, Lind said.",
        [("Exports had risen by 4 percent in the first quarter", "indirect", "Sofia Lind")],
    ),
    (
        "indirect-trailing-vs",
        LIND + "The talks with Brussels would resume in May, said Lind.",
        [("The talks with Brussels would resume in May", "indirect", "Sofia Lind")],
    ),
    (
        "indirect-pronoun",
        LIND + "She said the figures were encouraging.",
        [("She said the figures were encouraging.", "indirect", "Sofia Lind")],
    ),
    (
        "indirect-told-that",
        LIND + "Lind told reporters that the deal was done.",
        [("Lind told reporters that the deal was done.", "indirect", "Sofia Lind")],
    ),
    (
        "indirect-confirmed",
        LIND + "Lind confirmed the government was considering new "
        "tariffs, but did not name a date.",
        [
            (
                "Lind confirmed the government was considering new tariffs, but did not name a "
                "date.",
                "indirect",
                "Sofia Lind",
            )
        ],
    ),
    (
        "indirect-leading-clause",
        LIND + "After the meeting in Bergen, Lind said the fishing quotas would not change.",
        [("Lind said the fishing quotas would not change.", "indirect", "Sofia Lind")],
    ),
    (
        "indirect-elsewhere",
        LIND + "Lind said last year that tariffs would fall.",
        [("Lind said last year that tariffs would fall.", "indirect", "Sofia Lind", True)],
    ),
    (
        "indirect-according-outlet",
        LIND + "Lind said the port would reopen, according to local media reports.",
        [
            (
                "Lind said the port would reopen, according to local media reports.",
                "indirect",
                "Sofia Lind",
            )
        ],
    ),
    ("indirect-officials", "Officials said the road would reopen on Friday.", []),
    ("indirect-country", "Washington said it would respond in due course.", []),
    ("indirect-outlet-only", "The government will resign, local media reported.", []),
    ("indirect-not-speech", LIND + "Lind visited the port and met dock workers.", []),
    # --- not quotes ----------------------------------------------------------------------
    ("scare-so-called", "The so-called “peace dividend” never arrived.", []),
    ("scare-no-verb", "The “reform” left pensions untouched.", []),
    ("film-title", "The festival opened with the film “The Long Road Home” on Friday.", []),
    ("book-title", "Her memoir, “Against the Tide”, sold 200,000 copies.", []),
    (
        "title-after-said",
        WEBER + "Weber said he had watched “Game of Thrones” twice.",
        [("Weber said he had watched “Game of Thrones” twice.", "indirect", "Karl Weber")],
    ),
    ("nickname", "Former boxer Dwayne “The Hammer” Jackson opened a gym in Leeds.", []),
    ("nickname-straight", 'Police arrested Tony "Big T" Marino on Sunday.', []),
    (
        "apostrophes-only",
        "The US’ allies and Britain's ministers didn't agree, and the Smiths’ house was sold.",
        [],
    ),
    ("rock-n-roll", "The band played rock 'n' roll until dawn.", []),
    ("nineties", "He loved the music of the '90s and still plays it.", []),
]


def _squash(text: str) -> str:
    return re.sub(r"\s+", " ", text).strip()


@pytest.mark.parametrize(("passage", "expected"), [pytest.param(p, e, id=i) for i, p, e in CASES])
def test_passage(passage: str, expected: list[tuple]) -> None:
    article = parse_news(passage)
    got = [(_squash(q.text), q.kind, q.speaker) for q in article.quotes]
    assert got == [(_squash(e[0]), e[1], e[2]) for e in expected]
    for quote, wanted in zip(article.quotes, expected, strict=True):
        if len(wanted) > 3:
            assert quote.elsewhere is wanted[3], quote.text


def test_enough_cases() -> None:
    assert len(CASES) >= 90
    assert len({case[0] for case in CASES}) == len(CASES)
