"""Whole wire-style articles with the layout noise real pages carry, and every quote in them.

Each article is written for this table in the manner of one outlet (Reuters, AP, AFP, BBC,
Guardian, Independent, Xinhua, Al Jazeera, CNN) and carries its furniture: datelines, bylines,
'Reporting by ...' trailers, captions, 'Read more:' and 'Related:' lines, kickers,
standfirsts. `quotes` lists every direct and partial quote in order, exactly; `indirect`
lists reported statements that must be among the indirect ones (that list is not exhaustive).

Rules the table pins down:
- a reporter (byline, trailer, 'contributed to this report') is never a speaker, and a
  caption, a 'Read more:' line or a byline never yields a quote;
- an unnamed source ('one official', 'a diplomat who asked not to be named', 'a State
  Department spokesman' when the article names no spokesman) gives speaker None; an
  organisation ('the State Department said') is the speaker itself;
- 'he said' takes the nearest earlier subject of the right gender ('Karim met Haqqani.
  “Q,” he said.' -> Karim, since 'Haqqani' is an object); when that subject is two people
  joined by 'and' ('Karim and Haqqani met ...') it is ambiguous and the speaker is None.
"""

from __future__ import annotations

import re

import pytest

from app.nlp.news import parse_news

# (id, article, direct and partial quotes in order, indirect statements that must be found)
Quote = tuple[str, str, str | None]
ARTICLES: list[tuple[str, str, list[Quote], list[Quote]]] = [
    (
        "reuters-expulsions",
        """Britain to expel 23 Russian diplomats, Moscow vows response
By Guy Faulconbridge and Kate Holton
LONDON (Reuters) - British Foreign Secretary Alan Pike said on Tuesday that London would expel 23 Russian diplomats over the poisoning of a former spy, the biggest such expulsion in three decades.
“We will not be intimidated by threats,” Pike told parliament. “Our response will be firm and proportionate.”
Russia’s foreign ministry summoned the British ambassador in Moscow.
“We will respond,” said Sergei Lavrov, Russia’s foreign minister. “Britain has chosen confrontation.”
Lavrov told a news conference in Moscow that the British accusations were “absurd” and that Russia had nothing to do with the attack.
A British official, who asked not to be named, said: “The evidence is overwhelming.”
Pike later wrote on Twitter: “Thank you to our allies for their strong support.”
Reporting by Guy Faulconbridge and Kate Holton; Editing by Janet Lawrence
""",
        [
            ("We will not be intimidated by threats,", "direct", "Alan Pike"),
            ("Our response will be firm and proportionate.", "direct", "Alan Pike"),
            ("We will respond,", "direct", "Sergei Lavrov"),
            ("Britain has chosen confrontation.", "direct", "Sergei Lavrov"),
            ("absurd", "partial", "Sergei Lavrov"),
            ("The evidence is overwhelming.", "direct", None),
            ("Thank you to our allies for their strong support.", "direct", "Alan Pike"),
        ],
        [
            (
                "British Foreign Secretary Alan Pike said on Tuesday that London would expel 23 "
                "Russian diplomats over the poisoning of a former spy, the biggest such expulsion "
                "in three decades.",
                "indirect",
                "Alan Pike",
            )
        ],
    ),
    (
        "ap-state-department",
        """US warns Iran over missile tests

WASHINGTON (AP) — The State Department said Monday that Iran’s latest missile tests violated a United Nations resolution and warned of “serious consequences.”

“These launches are provocative and destabilizing,” the State Department said in a statement on Sunday.

A State Department spokesman said the United States was consulting its allies. “We are not ruling anything out,” the spokesman said.

Secretary of State John Kerry, speaking to reporters in Geneva, said: “Iran has a choice to make.”

Iran’s foreign minister, Javad Zarif, dismissed the criticism. “Our missile program is defensive and not negotiable,” Zarif told state television.

Advertisement

Asked whether new sanctions were coming, Kerry said: “We will see.”

Associated Press writer Matthew Lee in Washington contributed to this report.
""",
        [
            ("serious consequences.", "partial", "State Department"),
            ("These launches are provocative and destabilizing,", "direct", "State Department"),
            ("We are not ruling anything out,", "direct", None),
            ("Iran has a choice to make.", "direct", "John Kerry"),
            ("Our missile program is defensive and not negotiable,", "direct", "Javad Zarif"),
            ("We will see.", "direct", "John Kerry"),
        ],
        [],
    ),
    (
        "reuters-beirut-colon-paragraph",
        """Syrian army advances near Aleppo, monitor says
BEIRUT, Oct 16 (Reuters) - Syrian government forces backed by Russian air strikes advanced south of Aleppo on Friday, the Britain-based Syrian Observatory for Human Rights said.
Rami Abdulrahman, who runs the Observatory, said the fighting was the heaviest in months. He told Reuters:
“The regime is trying to cut the road to the south. There are dozens of dead on both sides.”
A rebel commander in the area said: “We are holding our positions.”
One Western diplomat, who asked not to be named, said the offensive was “a test of Russia’s intentions.”
“Nobody knows where this ends,” the diplomat said.
Photo: Reuters
A Syrian army soldier stands near a damaged building in Aleppo, Syria October 15, 2015. REUTERS/Omar Sanadiki
Read more:
Kerry: Russia 'must stop' bombing Aleppo hospitals
(Reporting by Tom Perry and Lisa Barrington; Editing by Gareth Jones)
""",
        [
            (
                "The regime is trying to cut the road to the south. There are dozens of dead on "
                "both sides.",
                "direct",
                "Rami Abdulrahman",
            ),
            ("We are holding our positions.", "direct", None),
            ("a test of Russia’s intentions.", "partial", None),
            ("Nobody knows where this ends,", "direct", None),
        ],
        [
            (
                "Syrian government forces backed by Russian air strikes advanced south of Aleppo "
                "on Friday",
                "indirect",
                "Syrian Observatory for Human Rights",
            )
        ],
    ),
    (
        "xinhua-islamabad",
        """China, Pakistan vow to deepen strategic cooperation
ISLAMABAD, Sept. 20 (Xinhua) -- Chinese Foreign Minister Wang Yi said here on Sunday that China and Pakistan are "iron-clad friends" and will deepen their all-weather strategic partnership.
Wang made the remarks during talks with Pakistani Prime Minister Imran Khan.
"China firmly supports Pakistan in safeguarding its sovereignty and territorial integrity," Wang said.
Khan said Pakistan highly appreciates China's long-term support. "The friendship between our two countries is higher than the mountains," he said.
Wang arrived in Islamabad on Saturday for a two-day official visit.
Both sides agreed to push forward the construction of the economic corridor, according to a press release issued after the talks.
Enditem
""",
        [
            ("iron-clad friends", "partial", "Wang Yi"),
            (
                "China firmly supports Pakistan in safeguarding its sovereignty and territorial "
                "integrity,",
                "direct",
                "Wang Yi",
            ),
            (
                "The friendship between our two countries is higher than the mountains,",
                "direct",
                "Imran Khan",
            ),
        ],
        [
            (
                "Khan said Pakistan highly appreciates China's long-term support.",
                "indirect",
                "Imran Khan",
            )
        ],
    ),
    (
        "uk-single-marks",
        """Amis: ‘We will not be intimidated’
Home secretary vows to press on with asylum reforms despite protests outside her office
By Peter Walker Political correspondent
The home secretary, Rachel Amis, has said she will not back down after protesters gathered outside her constituency office on Saturday.
‘We will not be intimidated,’ she said. ‘People’s safety isn’t up for negotiation and we won’t be bullied into dropping these plans.’
Amis told the BBC’s Sunday Morning programme that the protesters’ tactics were ‘completely unacceptable’.
The shadow home secretary, Tom Harlow, said: ‘The government has lost control of this issue.’
He added: ‘It’s time ministers admitted they’ve got it wrong.’
A Home Office spokesperson said: ‘We don’t comment on security arrangements.’
Related: Protesters clash with police outside parliament
""",
        [
            ("We will not be intimidated", "direct", "Rachel Amis"),
            ("We will not be intimidated,", "direct", "Rachel Amis"),
            (
                "People’s safety isn’t up for negotiation and we won’t be bullied into dropping "
                "these plans.",
                "direct",
                "Rachel Amis",
            ),
            ("completely unacceptable", "partial", "Rachel Amis"),
            ("The government has lost control of this issue.", "direct", "Tom Harlow"),
            ("It’s time ministers admitted they’ve got it wrong.", "direct", "Tom Harlow"),
            ("We don’t comment on security arrangements.", "direct", None),
        ],
        [],
    ),
    (
        "cnn-state-of-the-union",
        """Ellison says Senate will not confirm nominee before election
(CNN) Republican Sen. Mark Ellison said Sunday that the Senate would not confirm the nominee before the election.
"I don't think we should move forward," Ellison told CNN's "State of the Union."
Asked whether the White House had been consulted, Ellison said: "They know where I stand."
The White House said in a statement that the nominee was "eminently qualified."
"Why would we wait?" White House press secretary Karen Dale asked reporters on Monday.
Democratic Sen. Chris Murphy told CNN's Jake Tapper on the same program that the process was "a sham."
CNN's Manu Raju contributed to this report.
""",
        [
            ("I don't think we should move forward,", "direct", "Mark Ellison"),
            ("They know where I stand.", "direct", "Mark Ellison"),
            ("eminently qualified.", "partial", "White House"),
            ("Why would we wait?", "direct", "Karen Dale"),
            ("a sham.", "partial", "Chris Murphy"),
        ],
        [],
    ),
    (
        "afp-red-line",
        """France warns Syria over chemical weapons
PARIS (AFP) - French President Emmanuel Macron on Tuesday warned that the use of chemical weapons in Syria would trigger an immediate response from France.
"The use of chemical weapons is what I have called 'a red line', and France will respond immediately and alone if necessary," Macron told a joint news conference with Russian President Vladimir Putin at Versailles.
Putin, for his part, said Moscow backed a political solution.
"We discussed this issue in detail," the Russian leader said. "Is there an alternative to dialogue? I don't think so."
Macron said relations with Moscow were "frank and direct".
A diplomat who asked not to be named said: "The atmosphere was better than expected."
bur-ha/jm
""",
        [
            (
                "The use of chemical weapons is what I have called 'a red line', and France will "
                "respond immediately and alone if necessary,",
                "direct",
                "Emmanuel Macron",
            ),
            ("We discussed this issue in detail,", "direct", "Vladimir Putin"),
            ("Is there an alternative to dialogue? I don't think so.", "direct", "Vladimir Putin"),
            ("frank and direct", "partial", "Emmanuel Macron"),
            ("The atmosphere was better than expected.", "direct", None),
        ],
        [
            (
                "Putin, for his part, said Moscow backed a political solution.",
                "indirect",
                "Vladimir Putin",
            )
        ],
    ),
    (
        "aljazeera-two-men",
        """Afghan peace talks stall over prisoner release
Negotiators in Doha fail to agree on an agenda as violence continues across the country.
DOHA, Qatar — Talks between the Afghan government and the Taliban stalled on Monday over the release of thousands of prisoners.
Afghan envoy Karim Sadat and Taliban negotiator Abdul Hakim Haqqani met for three hours on Sunday.
"We made some progress, but the gaps remain wide," he said.
Haqqani told Al Jazeera: "Our demands are clear and they have not changed."
Sadat met Haqqani again on Monday. "We will come back tomorrow," he said.
"The people of Afghanistan are tired of war," one official said.
Follow Al Jazeera on Twitter
""",
        [
            ("We made some progress, but the gaps remain wide,", "direct", None),
            ("Our demands are clear and they have not changed.", "direct", "Abdul Hakim Haqqani"),
            ("We will come back tomorrow,", "direct", "Karim Sadat"),
            ("The people of Afghanistan are tired of war,", "direct", None),
        ],
        [],
    ),
    (
        "reuters-caption-byline",
        """Kerry, Lavrov fail to agree on Syria ceasefire
By Lesley Wroughton and Arshad Mohammed
U.S. Secretary of State John Kerry (L) speaks with Russian Foreign Minister Sergei Lavrov before a meeting in Geneva, Switzerland, September 9, 2016. REUTERS/Kevin Lamarque
GENEVA (Reuters) - U.S. Secretary of State John Kerry and Russian Foreign Minister Sergei Lavrov failed on Friday to agree on a ceasefire for Syria after 13 hours of talks.
"We are not going to make a deal that we do not believe is effective," Kerry told a news conference.
"There are still a few issues to be resolved," Lavrov said, adding that the two sides were "very close."
State Department spokesman John Kirby said in a statement on Saturday that the talks would continue.
"We remain committed to the process," the spokesman said.
A spokesman for the Pentagon said: "We have nothing to add at this time."
RELATED COVERAGE
Syrian rebels say they will not accept any deal that excludes them
Reporting by Lesley Wroughton; Additional reporting by Tom Miles; Editing by Grant McCool
""",
        [
            (
                "We are not going to make a deal that we do not believe is effective,",
                "direct",
                "John Kerry",
            ),
            ("There are still a few issues to be resolved,", "direct", "Sergei Lavrov"),
            ("very close.", "partial", "Sergei Lavrov"),
            ("We remain committed to the process,", "direct", "John Kirby"),
            ("We have nothing to add at this time.", "direct", None),
        ],
        [
            (
                "State Department spokesman John Kirby said in a statement on Saturday that the "
                "talks would continue.",
                "indirect",
                "John Kirby",
            )
        ],
    ),
    (
        "guardian-same-surname",
        """Energy minister rejects calls to scrap gas project
Anna Novak says the pipeline will go ahead despite protests from environmental groups
Helena Smith in Athens
The energy minister, Anna Novak, has rejected calls to scrap a contested gas pipeline, saying the country cannot afford to delay it.
Speaking on Sunday, Novak said:
“This project is essential for our energy security. We have listened to every objection and we will go ahead.”
Her remarks came days after the journalist Piotr Novak, who first reported on the project’s cost overruns, was questioned by police.
“I was asked to reveal my sources and I refused,” Piotr Novak said.
The minister said in a statement on Monday that she had “no knowledge” of the police inquiry.
Greenpeace said the pipeline was “a disaster for the coast.”
Photograph: Louisa Gouliamaki/AFP/Getty Images
""",
        [
            (
                "This project is essential for our energy security. We have listened to every "
                "objection and we will go ahead.",
                "direct",
                "Anna Novak",
            ),
            ("I was asked to reveal my sources and I refused,", "direct", "Piotr Novak"),
            ("no knowledge", "partial", "Anna Novak"),
            ("a disaster for the coast.", "partial", "Greenpeace"),
        ],
        [],
    ),
    (
        "independent-furniture",
        """Kerry: US will 'keep the door open' to talks with Tehran
The Secretary of State said Washington was ready to return to the table
Click to follow
The Independent Online
The US will "keep the door open" to talks with Tehran, Secretary of State John Kerry has said.
Speaking to reporters in Vienna, Mr Kerry was asked whether the deal could survive. He replied: "Why would we walk away from something that works?"
Read more
Iran nuclear talks: what you need to know
Mr Kerry added that the next round would take place "within weeks".
"Nobody wants to go back to where we were," he said.
""",
        [
            ("keep the door open", "partial", "John Kerry"),
            ("keep the door open", "partial", "John Kerry"),
            ("Why would we walk away from something that works?", "direct", "John Kerry"),
            ("within weeks", "partial", "John Kerry"),
            ("Nobody wants to go back to where we were,", "direct", "John Kerry"),
        ],
        [],
    ),
    (
        "bbc-kicker-standfirst",
        """MIDDLE EAST
Lebanon protests: Prime minister resigns after weeks of unrest
Saad Hariri says he has reached a "dead end" as protesters fill the streets of Beirut.
Lebanese Prime Minister Saad Hariri has resigned after nearly two weeks of mass protests against the political elite.
In a televised address, Mr Hariri said: "I have reached a dead end. To all partners in political life, our responsibility today is to protect Lebanon."
Protesters in Beirut's Martyrs' Square cheered the news.
"This is only the beginning," said Nadia Khoury, a 24-year-old student. "We want the whole system to go."
Hezbollah said the resignation was "a mistake."
Image caption Protesters have blocked major roads across the country
""",
        [
            ("dead end", "partial", "Saad Hariri"),
            (
                "I have reached a dead end. To all partners in political life, our "
                "responsibility today is to protect Lebanon.",
                "direct",
                "Saad Hariri",
            ),
            ("This is only the beginning,", "direct", "Nadia Khoury"),
            ("We want the whole system to go.", "direct", "Nadia Khoury"),
            ("a mistake.", "partial", "Hezbollah"),
        ],
        [],
    ),
    (
        "ap-unnamed-sources",
        """Officials: Talks on trade deal near collapse
BRUSSELS (AP) — Negotiations on a trade agreement between the European Union and Britain were close to collapse on Thursday, officials said.
"We are running out of time," one EU official said, speaking on condition of anonymity because the talks were private.
A diplomat who asked not to be named said the British side had "not moved an inch."
EU chief negotiator Michel Barnier told reporters: "The door remains open. But time is short."
Asked whether a deal was still possible, Barnier said: "Is it possible? Yes. Is it likely? I don't know."
British negotiator David Frost wrote on Twitter that "significant gaps" remained.
___
Associated Press writer Jill Lawless in London contributed.
""",
        [
            ("We are running out of time,", "direct", None),
            ("not moved an inch.", "partial", None),
            ("The door remains open. But time is short.", "direct", "Michel Barnier"),
            ("Is it possible? Yes. Is it likely? I don't know.", "direct", "Michel Barnier"),
            ("significant gaps", "partial", "David Frost"),
        ],
        [],
    ),
    (
        "reuters-later-introduction",
        """UPDATE 2-Russia vows to retaliate after U.S. sanctions
MOSCOW, March 15 (Reuters) - Russia will respond to new U.S. sanctions, Moscow said on Thursday, as relations sank to their lowest point since the Cold War.
“We will respond, and our response will be measured,” said Dmitry Peskov, the Kremlin spokesman. “Nobody should doubt that.”
Peskov told reporters on a conference call that the sanctions were “unfriendly” and “counterproductive.”
The Kremlin said in a statement that President Vladimir Putin had discussed the situation with his security council.
U.S. Treasury Secretary Steven Mnuchin told a news conference: “These sanctions are a direct response to Russia’s malign activities.”
Mnuchin said the measures targeted what he called “the oligarchs and officials who profit from this regime.”
(Additional reporting by Andrew Osborn; Writing by Christian Lowe; Editing by Peter Graff)
""",
        [
            ("We will respond, and our response will be measured,", "direct", "Dmitry Peskov"),
            ("Nobody should doubt that.", "direct", "Dmitry Peskov"),
            ("unfriendly", "partial", "Dmitry Peskov"),
            ("counterproductive.", "partial", "Dmitry Peskov"),
            (
                "These sanctions are a direct response to Russia’s malign activities.",
                "direct",
                "Steven Mnuchin",
            ),
            (
                "the oligarchs and officials who profit from this regime.",
                "partial",
                "Steven Mnuchin",
            ),
        ],
        [
            (
                "The Kremlin said in a statement that President Vladimir Putin had discussed the "
                "situation with his security council.",
                "indirect",
                "Kremlin",
            )
        ],
    ),
    (
        "reuters-reporter-shares-surname",
        """U.S. ready to tap oil reserve after Saudi attacks, Perry says
By Timothy Gardner and Valerie Perry
WASHINGTON (Reuters) - U.S. Energy Secretary Rick Perry said on Wednesday the United States was ready to release crude from the Strategic Petroleum Reserve to calm prices after attacks on Saudi oil facilities.
“We are ready to act, and we will,” Perry told reporters at the department.
Asked if prices would stabilise, he said: “I think the markets will calm down.”
Saudi Energy Minister Prince Abdulaziz bin Salman said supplies would be fully restored by the end of the month.
“We have restored half of the lost production,” the prince told a news conference in Jeddah.
Analysts were skeptical. “The market is pricing in a lot of risk,” said Helima Croft, head of commodity strategy at RBC Capital Markets.
Related: Oil jumps 15% after drone strikes on Saudi plants
Reporting by Timothy Gardner and Valerie Perry; Editing by Chizu Nomiyama
""",
        [
            ("We are ready to act, and we will,", "direct", "Rick Perry"),
            ("I think the markets will calm down.", "direct", "Rick Perry"),
            ("We have restored half of the lost production,", "direct", "Abdulaziz bin Salman"),
            ("The market is pricing in a lot of risk,", "direct", "Helima Croft"),
        ],
        [],
    ),
]

# Reporters and photographers named in the furniture: none of them ever speaks.
REPORTERS = {
    "Guy Faulconbridge",
    "Kate Holton",
    "Janet Lawrence",
    "Matthew Lee",
    "Omar Sanadiki",
    "Tom Perry",
    "Lisa Barrington",
    "Gareth Jones",
    "Peter Walker",
    "Manu Raju",
    "Lesley Wroughton",
    "Arshad Mohammed",
    "Kevin Lamarque",
    "Tom Miles",
    "Grant McCool",
    "Helena Smith",
    "Louisa Gouliamaki",
    "Jill Lawless",
    "Andrew Osborn",
    "Christian Lowe",
    "Peter Graff",
    "Timothy Gardner",
    "Valerie Perry",
    "Chizu Nomiyama",
}


def _squash(text: str) -> str:
    return re.sub(r"\s+", " ", text).strip()


def _params() -> list:
    return [
        pytest.param(text, quotes, indirect, id=name) for name, text, quotes, indirect in ARTICLES
    ]


@pytest.mark.parametrize(("article", "quotes", "indirect"), _params())
def test_every_direct_and_partial_quote(
    article: str, quotes: list[Quote], indirect: list[Quote]
) -> None:
    parsed = parse_news(article)
    got = [
        (_squash(q.text), q.kind, q.speaker)
        for q in parsed.quotes
        if q.kind in {"direct", "partial"}
    ]
    assert got == [(_squash(text), kind, speaker) for text, kind, speaker in quotes]


@pytest.mark.parametrize(("article", "quotes", "indirect"), _params())
def test_listed_indirect_statements(
    article: str, quotes: list[Quote], indirect: list[Quote]
) -> None:
    parsed = parse_news(article)
    got = {(_squash(q.text), q.kind, q.speaker) for q in parsed.quotes if q.kind == "indirect"}
    for text, kind, speaker in indirect:
        assert (_squash(text), kind, speaker) in got


@pytest.mark.parametrize(("article", "quotes", "indirect"), _params())
def test_reporters_never_speak(article: str, quotes: list[Quote], indirect: list[Quote]) -> None:
    speakers = {q.speaker for q in parse_news(article).quotes}
    assert not speakers & REPORTERS


def test_enough_articles() -> None:
    assert len(ARTICLES) >= 12
    assert len({name for name, *_ in ARTICLES}) == len(ARTICLES)
    for _, text, _, _ in ARTICLES:
        assert 8 <= len([line for line in text.splitlines() if line.strip()]) <= 30


@pytest.mark.parametrize(
    "dateline",
    [
        "LONDON (Reuters) - ",
        "WASHINGTON (AP) — ",
        "BEIRUT, Oct 16 (Reuters) - ",
        "ISLAMABAD, Sept. 20 (Xinhua) -- ",
        "Sept. 20 (Xinhua) -- ",
        "UNITED NATIONS, Sept. 20 (Xinhua) -- ",
        "(CNN) ",
        "DOHA, Qatar — ",
    ],
)
def test_dateline_is_not_part_of_the_statement(dateline: str) -> None:
    article = (
        "Minister resigns\n"
        + dateline
        + "Trade Minister Sofia Lind said on Monday that she would resign after the vote.\n"
    )
    statements = [q for q in parse_news(article).quotes if q.kind == "indirect"]
    assert [(q.text, q.speaker) for q in statements] == [
        (
            "Trade Minister Sofia Lind said on Monday that she would resign after the vote.",
            "Sofia Lind",
        )
    ]


@pytest.mark.parametrize(
    "line",
    [
        "Read more: Kerry says Russia ‘must stop’ the bombing",
        "Related: Lind: ‘We will not resign’",
        "U.S. Secretary of State John Kerry (L) says “We are close” in Geneva. REUTERS/Kevin Lamarque",
        "By Sofia Lind and Karl Weber",
    ],
)
def test_furniture_lines_yield_no_quotes(line: str) -> None:
    article = f"Talks resume in Geneva\n{line}\nThe talks resumed on Monday.\n"
    assert parse_news(article).quotes == ()


def test_title_is_the_first_line_of_copy_not_the_kicker() -> None:
    article = "MIDDLE EAST\nLebanon’s prime minister resigns\nThe prime minister resigned.\n"
    assert parse_news(article).title == "Lebanon’s prime minister resigns"
