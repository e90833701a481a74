"""Word lists the news extractor reads: speech verbs, titles, outlets, places, first names.

Kept as data in one place so the rules elsewhere stay short and the lists can grow.
"""

from __future__ import annotations

import re


def words(text: str) -> frozenset[str]:
    """A whitespace-separated word list."""
    return frozenset(text.split())


def phrases(text: str) -> frozenset[str]:
    """A '|'-separated list of phrases; line breaks inside the text are spaces."""
    return frozenset(" ".join(part.split()) for part in text.split("|") if part.strip())


def _forms(spec: str) -> frozenset[str]:
    """'say:says:said' lists its forms; 'add' gives adds/added; 'note*' (a noun too) only noted.

    Base forms are left out: "the secretary of state said" must not read "state" as a verb.
    """
    forms: set[str] = set()
    for entry in spec.split():
        if ":" in entry:
            forms.update(entry.split(":")[1:])
            continue
        word = entry.rstrip("*")
        forms.add(word.removesuffix("e") + "ed")
        if not entry.endswith("*"):
            forms.add(word + ("es" if word.endswith(("s", "sh", "ch", "x")) else "s"))
    return frozenset(forms)


# Verbs that report words: "Kerry said", "he added", "Johnson told reporters", "she tweeted".
SPEECH_VERBS = _forms(
    """
    say:says:said tell:tells:told write:writes:wrote add stress insist warn argue confirm
    explain note* claim* state* declare announce reply:replies:replied respond continue
    reaffirm reiterate acknowledge admit:admits:admitted concede suggest predict promise*
    vow* pledge* maintain contend observe remark* comment* recall tweet post* urge caution*
    emphasise emphasize underline complain deny:denies:denied agree insist ask report*
    """
)
# Verbs that frame a quoted fragment without introducing a whole quote:
# Kerry described the move as a "dangerous" step; he called it "a disgrace".
FRAMING_VERBS = _forms(
    """
    describe call:calls:called brand* label:labels:labelled term* fault accuse criticise
    criticize condemn denounce praise blame dismiss slam:slams:slammed reject welcome hail
    """
)

# Verbs that take a reported clause: "Kerry confirmed the U.S. was ..." (indirect speech).
CLAUSE_VERBS = SPEECH_VERBS - {"asks", "asked", "urges", "urged", "posted"}
# Reporting verbs whose content follows a preposition: 'accused the opposition of spreading
# lies', 'called for a new referendum'.
PHRASE_VERBS = phrases("accused | accuses | called for | calls for | has called for")

# Who speaks without a name: 'one said', 'said another', 'a third resident added'.
ANONYMOUS_RE = re.compile(
    r"(?:one|another|a\s+(?:second|third|fourth|fifth))(?:\s+(?:of\s+them|[a-z]+))?",
    re.IGNORECASE,
)

# What speaks for a person: 'his office said in a statement', 'her campaign said'.
MOUTHPIECES = words("office campaign spokesman spokeswoman spokesperson team press")

# Words allowed between a speaker and the verb: "Boris has previously said", "he later added".
AUX_WORDS = words(
    """
    again already also could earlier further had has have is just later long often once
    previously recently repeatedly reportedly separately simply since then was will would
    """
)

# Markers that place words on another occasion: "said last year", "has previously said".
ELSEWHERE_RE = re.compile(
    r"\b(?:previously|once|in the past|earlier this (?:year|month|week)|last "
    r"(?:year|month|week|summer|autumn|winter|spring|January|February|March|April|May|June|"
    r"July|August|September|October|November|December)|in (?:19|20)\d\d|(?:years|months|weeks) "
    r"ago|at the time|in a (?:19|20)\d\d|has (?:long |repeatedly |often |also )?said|had said|"
    r"on a previous occasion|back in)\b",
    re.IGNORECASE,
)

PRONOUNS = {"he": "male", "she": "female", "it": "organisation"}

# Honorifics that can sit before a name: "Mr Kerry", "Dr. Smith".
HONORIFICS = words("dame dr dr. lady lord miss mr mr. mrs mrs. ms ms. prof prof. professor sir")
MALE_HONORIFICS = words("mr mr. sir lord king prince")
FEMALE_HONORIFICS = words("mrs mrs. ms ms. miss dame lady queen princess")

# Office titles news puts before a name, longest first so "Secretary of State" wins over
# "Secretary": "British Foreign Secretary Boris Johnson", "secretary of state John Kerry".
ROLE_TITLES = tuple(
    sorted(
        phrases(
            """
    activist | adviser | advisor | ambassador | analyst | attorney general | ayatollah |
    campaigner | captain | chairman | chairwoman | chancellor | chief | chief diplomat |
    chief economist | chief executive | chief negotiator | chief of staff | chief prosecutor
    | coach | commander | commissioner | congressman | congresswoman | defence minister |
    defence secretary | defense minister | defense secretary | deputy prime minister |
    director | economist | editor | emir | envoy | executive | finance minister | foreign
    affairs minister | foreign minister | foreign secretary | founder | general | governor |
    governor | head | health minister | home secretary | interior minister | judge | justice
    minister | king | lawyer | leader | manager | mayor | minister | national security
    adviser | negotiator | official | opposition leader | pope | premier | president | press
    secretary | prime minister | prince | princess | professor | prosecutor | queen |
    representative | researcher | secretary | secretary general | secretary of defense |
    secretary of state | secretary-general | senator | sheikh | special envoy | spokesman |
    spokesperson | spokeswoman | supreme leader | top diplomat | vice president | speaker |
    house speaker | pollster | strategist | councillor | councilor | councilman |
    councilwoman | detective | inspector | detective inspector | detective chief inspector |
    superintendent | chief superintendent | chief constable | sergeant | lieutenant | colonel
    | admiral | first minister | epidemiologist | state epidemiologist | minority leader |
    majority leader | senate majority leader | senate minority leader | attorney
    """
        ),
        key=len,
        reverse=True,
    )
)

# Abbreviated titles, as written before a name once masks.py has dropped their period:
# 'Sen. Robert Kane', 'Det Insp Karen Walsh', 'Cllr Jim Barrow'.
ABBREVIATED_TITLES = {
    "sen": "senator",
    "rep": "representative",
    "gov": "governor",
    "gen": "general",
    "lt": "lieutenant",
    "col": "colonel",
    "capt": "captain",
    "sgt": "sergeant",
    "adm": "admiral",
    "cmdr": "commander",
    "supt": "superintendent",
    "insp": "inspector",
    "det": "detective",
    "cllr": "councillor",
    "amb": "ambassador",
    "atty": "attorney",
}
# Party words that sit before a title or an occupation: 'Democratic strategist Paul Reyes'.
PARTY_WORDS = words(
    """
    Democratic Democrat Republican GOP Labour Conservative Tory Liberal Green Independent
    Socialist Reform
    """
)

# Head nouns of organisation names: "Syrian Observatory for Human Rights", "Health Ministry".
ORG_HEADS = words(
    """
    agency alliance army association authority bank board brigade brigades bureau campaign center
    centre coalition commission committee company congress corporation council court
    crescent cross department federation forces foundation front fund group inc institute
    international kremlin ltd ministry movement nations network observatory office
    organisation organization parliament party pentagon senate service services society
    union watch police
    """
)
# Institutions that speak without an introduction: "the White House said".
KNOWN_ORGS = phrases(
    """
    Amnesty International | Downing Street | EU | Elysee | European Union | Foreign Office |
    Greenpeace | Hamas | Hezbollah | Home Office | Human Rights Watch | IAEA | IMF | Kremlin |
    Médecins Sans Frontières | MSF | NATO | Nato | OPEC | Oxfam | Pentagon | Red Crescent |
    Red Cross | State Department | Taliban | UN | UNHCR | UNICEF | United Nations | WHO |
    White House | World Bank | Élysée
    """
)
# What a descriptor may call an organisation: "the monitor" for an observatory.
ORG_SYNONYMS: dict[str, frozenset[str]] = {
    "monitor": frozenset({"observatory", "monitor", "watch", "monitoring"}),
    "watchdog": frozenset({"watch", "observatory", "commission", "authority", "agency"}),
    "group": frozenset(
        {
            "group",
            "watch",
            "organisation",
            "organization",
            "coalition",
            "alliance",
            "front",
            "network",
            "movement",
            "association",
            "international",
            "observatory",
        }
    ),
    "ministry": frozenset({"ministry", "department", "office"}),
    "department": frozenset({"department", "ministry"}),
    "charity": frozenset({"charity", "foundation", "fund", "society", "cross", "crescent"}),
    "company": frozenset({"company", "corporation", "inc", "ltd", "group"}),
    "firm": frozenset({"company", "corporation", "inc", "ltd", "group", "firm"}),
    "organisation": frozenset({"organisation", "organization"}),
    "organization": frozenset({"organisation", "organization"}),
}

# Reporting outlets: they relay words, they are not the speaker ("according to BBC").
OUTLETS = phrases(
    """
    ABC | AFP | ANSA | AP | Agence France-Presse | Al Jazeera | Associated Press | Axios |
    BBC | Bloomberg | CBS | CNN | Fox | Interfax | Kyodo | NBC | Politico | RIA | Reuters |
    Sky | TASS | Tass | Xinhua | Yonhap | a source | dpa | local media | local media reports
    | media | media reports | report | reports | sources | state TV | state media | state
    television | the broadcaster | the newspaper | the paper
    """
)
# Newspapers speak for themselves ('the Times reported that ...', '“Q,” the newspaper said
# in an editorial'): their name ends with one of these. Wire agencies and broadcasters only
# relay (OUTLETS).
PUBLICATION_SUFFIXES = (
    "Times",
    "Post",
    "Journal",
    "Herald",
    "Telegraph",
    "Guardian",
    "Gazette",
    "Tribune",
    "Ledger",
    "Chronicle",
    "Observer",
    "Courier",
    "Mail",
    "Express",
    "Independent",
)
NEWSPAPER_WORDS = phrases("the newspaper | the paper | the daily")
OUTLET_SUFFIXES = (
    "News",
    "TV",
    "Television",
    "Radio",
    "Press",
    "Online",
    "media",
    "reports",
    "reported",
    "report",
    "estimates",
    "figures",
    "data",
)

# Places used as metonyms ("Washington said") are not people.
PLACES = words(
    """
    Afghanistan Africa Aleppo America Ankara Asia Australia Baghdad Beijing Berlin Brazil
    Britain Brussels Cairo Canada Canberra China Damascus Delhi Egypt EU Europe France
    Geneva Germany Greece India Iran Iraq Islamabad Israel Italy Japan Jerusalem Jordan
    Kabul Kiev Kyiv Lebanon Libya London Madrid Mexico Moscow Ottawa Pakistan Paris
    Pyongyang Riyadh Rome Russia Seoul Spain Syria Tehran Tokyo Turkey U.K. U.S. UK Ukraine
    US USA Vienna Washington Westminster Whitehall Yemen
    """
)

# Capitalised words that start sentences or name things, never a person's name.
NOT_NAMES = words(
    """
    A Additional Advertisement After Allah Also An Analysts And April Arab Army As Assembly
    At August Before But By Christian Click Congress Court Critics Dame December Defence
    Defense Diplomats Dr Earlier East Eastern Endit Experts February For Foreign Friday From
    General Geneva God Government He Her Here His Home However Human I If In Isil Isis
    Islamic It Its January Jewish July June Kingdom Kurdish Kurds Lady Last Later Lord March
    May Meanwhile Middle Minister Ministry Monday More Mr Mrs Ms Muslim My Nations Next
    Northern November Now Obviously October Of Office Officials On Opposition Our Parliament
    Photo Police President Prime Read Reporting Residents Rights Saturday Secretary Senate
    September She Shia Shiite Since Sir So Sources Southern State States Sunday Sunni That
    The Their Then There These They This Those Thursday To Today Tomorrow Tuesday United
    Update Updated Video We Wednesday Western When While With Without Witnesses Yesterday
    Yet You Your
    """
)

# Common first names with a gender, so "she said" does not pick Boris.
MALE_FIRST = words(
    """
    Abdullah Ahmad Ahmed Alan Alex Alexander Ali Andrew Antonio Ashton Ban Barack Bashar Ben
    Benjamin Bernie Bill Boris Brian Carlos Charles Chris Christopher Dan Daniel David
    Dmitry Donald Edward Emmanuel Erik Francois François Fumio George Gordon Hans Hassan
    Hussein Ibrahim Igor Ivan Jack James Javad Jean Jeremy Jim Joe John Joko Jonas Jose Juan
    Justin Karl Keir Kevin Khalid Kim Kofi Lars Luis Mahmoud Marco Mark Martin Matteo
    Matthew Michael Miguel Mike Mohammed Moon Muhammad Narendra Nick Nicolas Olaf Oleg Omar
    Paul Pedro Peter Philip Pierre Rand Recep Richard Rishi Robert Salman Sam Sergei Sergey
    Shinzo Simon Stephen Steven Ted Thomas Tim Tom Tomas Tony Victor Vladimir William Xi
    Yusuf
    """
)
FEMALE_FIRST = words(
    """
    Aisha Amal Angela Ann Anna Anne Aoife Astrid Benazir Catherine Christine Condoleezza
    Elizabeth Emily Emma Eva Fatima Federica Freya Golda Hannah Helen Hillary Indira Ines
    Ingrid Jacinda Jane Julia Kamala Karen Laura Layla Leila Linda Lindsey Lisa Liz
    Madeleine Margaret Maria Marine Marta Mary Michelle Nadia Nancy Natalia Nicola Nikki
    Noura Olga Paula Priti Rachel Rebecca Ruth Samantha Sanna Sara Sarah Segolene Sofia
    Sophie Susan Ségolène Theresa Ursula Yulia Zeinab
    """
)
FIRST_NAMES = MALE_FIRST | FEMALE_FIRST

# Lowercase nouns news puts before a name: "farmer Ana Petrovic", "chief engineer Samuel
# Brandt". They mark the capitalised words after them as a person's name.
OCCUPATIONS = words(
    """
    activist actor actress adviser advisor analyst artist attorney author banker bishop
    brother businessman businesswoman campaigner captain chairman chairwoman coach
    coastguard colonel commander consultant daughter detective diplomat director doctor
    driver economist editor engineer entrepreneur expert farmer father firefighter fisherman
    founder general goalkeeper historian husband imam inspector journalist lawyer lecturer
    manager mediator minister mother negotiator novelist nurse officer official organiser
    organizer owner paramedic photographer pilot player policeman policewoman priest
    professor protester rabbi reporter researcher resident scientist sergeant shopkeeper
    singer sister soldier son spokesman spokesperson spokeswoman striker student surgeon
    strategist pollster epidemiologist councillor retiree lawmaker legislator member
    councilmember
    survivor teacher trader victim volunteer wife witness worker writer
    """
)
