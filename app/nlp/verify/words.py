"""Word lists the verifier leans on: function words, negations, numbers and house spellings.

Kept apart from the matching code so a reader can see at a glance which words get special
treatment and why.
"""

from __future__ import annotations


def _words(text: str) -> frozenset[str]:
    return frozenset(text.split())


# Function words: they say little about *which* passage a quote comes from, so they are never
# anchors and count for less when we decide a passage is close enough to be the source.
STOPWORDS = _words(
    """a an the and or but if so as at by for from in into of on onto to with about over
    i me my we us our you your he him his she her it its they them their this that these those
    is are was were be been being am do does did have has had will would shall should can could
    may might must there here what which who whom whose when where why how all any some
    just very also then than too more most such only own same other not no nor yes
    well now oh ah uh um let let's i'm we're it's that's there's don't"""
)

# Dropping one of these turns a sentence around: "I will not support it" -> "I will support it".
NEGATIONS = _words(
    """not no never nor neither none nobody nothing nowhere cannot can't don't doesn't didn't
    won't wouldn't shouldn't couldn't isn't aren't wasn't weren't haven't hasn't hadn't
    mustn't needn't shan't ain't n't without"""
)

# Words that carry a quantity: a bracket may clarify "it" as "[Russia]" but must not swap
# "billion" for "million" or "10" for "100".
NUMBER_WORDS = _words(
    """zero one two three four five six seven eight nine ten eleven twelve thirteen fourteen
    fifteen sixteen seventeen eighteen nineteen twenty thirty forty fifty sixty seventy eighty
    ninety hundred hundreds thousand thousands million millions billion billions trillion
    trillions percent half quarter dozen dozens"""
)

# British and American newsrooms respell the same spoken word: "recognise" / "recognize".
# Both sides are mapped the same way, so the only risk is merging two real words, which
# these explicit pairs avoid.
SPELLINGS = {
    "defence": "defense",
    "offence": "offense",
    "licence": "license",
    "pretence": "pretense",
    "programme": "program",
    "programmes": "programs",
    "travelled": "traveled",
    "travelling": "traveling",
    "cancelled": "canceled",
    "cancelling": "canceling",
    "labelled": "labeled",
    "modelled": "modeled",
    "signalled": "signaled",
    "counselling": "counseling",
    "fuelled": "fueled",
    "judgement": "judgment",
    "judgements": "judgments",
    "towards": "toward",
    "whilst": "while",
    "ageing": "aging",
    "grey": "gray",
    "analyse": "analyze",
    "analysed": "analyzed",
    "paralyse": "paralyze",
    "paralysed": "paralyzed",
    "catalogue": "catalog",
}

# -ise/-ize and -isation/-ization are spelling, not wording. Short words ("rise", "wise") are
# left alone; longer ones that end in -ise but have no -ize form ("promise", "exercise",
# "compromise", "otherwise", "advise", "surprise") map identically on both sides, so harmless.
MIN_ISE_LENGTH = 6
# -our/-or ("labour", "honour", "favour"): only long words, so "four"/"for" and "hour" stay apart.
MIN_OUR_LENGTH = 6
# -tre/-ter ("centre", "theatre", "metre").
MIN_TRE_LENGTH = 5


def house_spelling(word: str) -> str:
    """Map a casefolded word to one spelling whatever the newsroom's dictionary."""
    if word in SPELLINGS:
        return SPELLINGS[word]
    if len(word) >= MIN_ISE_LENGTH:
        for british, american in (
            ("isation", "ization"),
            ("isations", "izations"),
            ("ised", "ized"),
            ("ises", "izes"),
            ("ising", "izing"),
            ("ise", "ize"),
        ):
            if word.endswith(british):
                return word[: -len(british)] + american
    if len(word) >= MIN_OUR_LENGTH:
        for british, american in (("ours", "ors"), ("our", "or"), ("oured", "ored")):
            if word.endswith(british):
                return word[: -len(british)] + american
    if len(word) >= MIN_TRE_LENGTH and word.endswith(("tre", "tres")):
        return word[:-3] + "ter" if word.endswith("tre") else word[:-4] + "ters"
    return word


def is_number(word: str) -> bool:
    """A normalised word that names a quantity: '100', '1.5', 'billion', 'dozen'."""
    return word in NUMBER_WORDS or any(ch.isdigit() for ch in word)


# "'s" is a contraction after these ("it's" = "it is"); after a name it is a possessive.
_S_CONTRACTIONS = _words("it's that's there's here's what's he's she's who's let's where's")


def is_contraction(word: str) -> bool:
    """'won't', "we're", "it's": one printed word for two spoken ones."""
    return word.endswith(("n't", "'re", "'ve", "'ll", "'d", "'m")) or word in _S_CONTRACTIONS
