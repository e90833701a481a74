"""Word lists the topic rules consult: fillers, titles, abbreviations and kind hints.

All entries are casefolded. They describe English usage, not any one document.
"""

from __future__ import annotations


def _words(block: str) -> frozenset[str]:
    return frozenset(block.split())


# Capitalised words that never name anything on their own: pronouns, function words, greetings
# and discourse fillers that open a turn ("Well, Boris", "Thank you", "Good afternoon",
# "Sorry, Mr. Secretary", "Gentlemen, when ..."), plus days and months ("on Sunday").
STOP_WORDS = _words(
    """
    a an the this that these those there here it its it's i i'm i've i'll i'd we we're we've
    we'll you you're your he he's his she her they they're their them our my me us
    and but or nor so yet if then than when where what who whom whose why how which while
    whether as at by for from in into of off on onto out over per to under up upon with
    within without about above across after against along among around before behind below
    beneath beside between beyond despite during except inside near outside since through
    throughout toward towards until via
    is are was were be been being am do does did done have has had having can could will
    would shall should may might must let let's don't doesn't didn't can't won't isn't
    aren't wasn't that's there's what's here's
    well thank thanks now yeah yes yep no nope not okay ok oh ah hi hello hey sir madam
    ma'am sorry please pardon good morning afternoon evening night gentlemen ladies
    everybody everyone everything anybody anyone nobody someone somebody something
    totally remember instead however also again just only even still already ever never
    all some many much more most any each every both either neither few several other
    another such same one two three four five six seven eight nine ten first second third
    last next very really quite rather obviously actually frankly indeed absolutely
    certainly clearly basically simply sure right look listen see read click follow share
    today tomorrow yesterday tonight question answer reporter moderator
    merry happy dear god christmas easter
    monday tuesday wednesday thursday friday saturday sunday
    january february march april june july august september october november december
    """
)

# Words of office and address that precede a name: "Foreign Secretary Boris Johnson",
# "Mr. Secretary", "President Hollande". They are stripped; a phrase of only these is no topic.
TITLE_WORDS = _words(
    """
    mr mr. mrs mrs. ms ms. miss dr dr. sir dame lord lady madam mister
    president vice prime minister secretary foreign defence defense deputy assistant under
    chancellor ambassador senator sen sen. representative rep rep. congressman congresswoman
    governor gov gov. mayor general gen gen. admiral colonel col col. captain capt capt.
    lieutenant lt lt. sergeant commander chief spokesperson spokesman spokeswoman chairman
    chairwoman chair king queen prince princess crown sheikh emir sultan pope ayatollah imam
    rev reverend professor prof prof. envoy special acting former supreme leader premier
    judge justice attorney officer director head
    """
)

# Words that finish an office after "of"/"for": "Secretary of State", "Minister for Foreign
# Affairs". They count as title words only in that position ("Islamic State" is a name).
TITLE_TAILS = _words(
    """
    state defense defence foreign affairs interior justice treasury homeland security
    commonwealth office staff the
    """
)

# Lowercase words that join capitalised words inside one name:
# "Syrian Observatory for Human Rights", "Staffan de Mistura", "Bank of England".
CONNECTORS = _words("of for the de da di del della van von der den du des la le bin ibn bint")

# Abbreviations whose dot does not end a sentence: "Mr. Kerry", "U.S. officials".
ABBREVIATIONS = _words(
    "mr mrs ms dr st gen sen rep gov col lt prof sgt capt jr sr vs etc no mt ft approx"
)

# Ordinary English words that some acronym spells: "IS" (Islamic State) vs "is", "US" vs "us".
# Aliases that fold to one of these match only in capitals, and never in shouted text.
COMMON_WORDS = _words(
    """
    is us it in on at as am an or no so we he me my do go up be by to of oh hi ok
    who aid all any can may will one act art arm age end eat had has her his its let
    man new now old our out own run see set sun two use war was way why win yes
    """
)

# Tails of compound adjectives: "Britain-based", "UN-backed", "IS-held", "Russian-led".
COMPOUND_TAILS = _words(
    """
    based backed led held controlled linked born run style era wide owned affiliated allied
    made friendly inspired aligned sponsored supported dominated occupied bound like type
    brokered funded armed leaning oriented speaking
    """
)

# Capitalised common nouns that, alone, name no particular thing: "the French Government",
# "Article 51", "the Secretary".
GENERIC_WORDS = _words(
    """
    government ministry department administration parliament congress senate council
    committee court office army navy forces police article section chapter page part
    country city state republic kingdom nation people party group members president
    secretary minister embassy regime opposition coalition west east north south
    new year day week month
    """
)

# Kind hints from the last word of a phrase: "CBS News", "Lancaster House", "World War II".
ORGANISATION_WORDS = _words(
    """
    council committee commission organisation organization party army front forces force
    brigade brigades group union court ministry department agency observatory news times
    post press coalition association institute university bank fund league movement network
    corps office guard guards unit units company corporation foundation trust society
    alliance assembly parliament congress senate service services agency media television
    radio tv journal review herald tribune telegraph guardian
    """
)
PLACE_WORDS = _words(
    """
    city province street house square valley river sea mountains mountain heights island
    islands camp airport governorate district county region coast gulf lake bay palace
    residence hall bridge port
    """
)
EVENT_WORDS = _words(
    """
    war conference summit convention agreement accord accords treaty process marathon
    olympics games crisis revolution spring talks declaration plan initiative
    """
)
# Prepositions that put a bare name in a place: "in Lausanne", "at Lancaster House".
PLACE_PREPOSITIONS = _words("in at near across into inside outside throughout")
