"""Quote verification, one table per status: a news quote against the turns it came from.

The transcripts are written for this table: a minister at a press conference and a prime
minister in an interview. Each case gives the quote as printed (its quoted parts), the status
a copy desk would give it and, for edits and alterations, the differences a reader must see:
(op, news words, source words) for every run that is not equal, in order.
"""

from __future__ import annotations

import pytest

from app.nlp.verify import SourceIndex, verify_quote

MINISTER = (
    "Well, thank you all for coming. Let me be very clear about this. We will not rule out "
    "that we support the resolution at the Security Council, but we want to see the text "
    "first. The ceasefire has to hold for at least 72 hours before any aid convoy moves. "
    "(Laughter.) And I have to say that the Russian government has a special responsibility "
    "here, because it is their planes that are flying over Aleppo. Nobody wants another war "
    "in Syria. We have committed $500 million in humanitarian assistance this year, and we "
    "are prepared to do more. We recognize the efforts of the Turkish government and of "
    "President Erdogan personally."
)
PRIME_MINISTER = (
    "I think the honest answer is that nobody knows. The economy grew by 2.3 percent last "
    "quarter, which is better than we expected, but unemployment is still too high in the "
    "north. I’m not going to pretend that the recovery is complete. It is not complete. "
    "Frankly, I don’t think that the recovery will last beyond the winter without help. "
    "What I can tell you is that the government will never abandon those communities."
)
ELSEWHERE = (
    "Good morning. The new hospital in Leeds will open in the spring, and the nurses who "
    "work there will be paid properly. That is a promise."
)
SOURCES = {"minister": MINISTER, "pm": PRIME_MINISTER, "elsewhere": ELSEWHERE}


@pytest.fixture(scope="module")
def index() -> SourceIndex:
    return SourceIndex.build(SOURCES.items())


VERBATIM = [
    ("exact sentence", "Nobody wants another war in Syria.", "minister"),
    (
        "case and edge punctuation",
        "we will NOT rule out that we support the resolution at the Security Council,",
        "minister",
    ),
    ("straight apostrophe for a curly one", "I'm not going to pretend", "pm"),
    ("partial quote mid-sentence", "a special responsibility", "minister"),
    ("begins part-way, small letter", "it is their planes that are flying over Aleppo", "minister"),
    (
        "begins part-way, capital letter",
        "It is their planes that are flying over Aleppo",
        "minister",
    ),
    (
        "line breaks and double spaces",
        "The ceasefire has to\nhold for  at least 72 hours",
        "minister",
    ),
    ("per cent and percent", "The economy grew by 2.3 per cent last quarter", "pm"),
    (
        "British spelling of an American transcript",
        "We recognise the efforts of the Turkish government",
        "minister",
    ),
    ("accents", "President Erdoğan personally", "minister"),
    (
        "money as spoken for money as printed",
        "We have committed 500 million dollars in humanitarian assistance",
        "minister",
    ),
    (
        "transcriber's annotation skipped",
        "72 hours before any aid convoy moves. And I have to say",
        "minister",
    ),
    ("trailing ellipsis with nothing left out", "we are prepared to do more …", "minister"),
    ("quotes within the quote", "the ‘honest answer’ is that nobody knows", "pm"),
]


@pytest.mark.parametrize(("name", "quote", "source"), VERBATIM)
def test_verbatim(index: SourceIndex, name: str, quote: str, source: str) -> None:
    result = verify_quote(quote, index)
    assert (result.status, result.source_key) == ("verbatim", source), name
    assert result.score == 100.0
    assert [d.op for d in result.diff] == ["equal"]


EDITED = [
    (
        "ellipsis hides a reversal",
        ["We will not … support the resolution at the Security Council"],
        [("deleted", "", "rule out that we", "ellipsis")],
    ),
    (
        "ellipsis over a sentence",
        ["Let me be very clear about this. … The ceasefire has to hold for at least 72 hours"],
        [
            (
                "deleted",
                "",
                "We will not rule out that we support the resolution at the Security Council, "
                "but we want to see the text first",
                "ellipsis",
            )
        ],
    ),
    (
        "three spaced dots",
        ["the Russian government has a special responsibility . . . over Aleppo"],
        [("deleted", "", "here, because it is their planes that are flying", "ellipsis")],
    ),
    (
        "bracketed ellipsis",
        [
            "Nobody wants another war in Syria. […] We recognize the efforts of the Turkish government"
        ],
        [
            (
                "deleted",
                "",
                "We have committed $500 million in humanitarian assistance this year, and we are "
                "prepared to do more",
                "ellipsis",
            )
        ],
    ),
    (
        "brackets replace a noun phrase",
        ["[Moscow] has a special responsibility here"],
        [("replaced", "Moscow", "government", "brackets")],
    ),
    (
        "brackets replace a pronoun",
        ["because it is [Russia's] planes that are flying over Aleppo"],
        [("replaced", "Russia's", "their", "brackets")],
    ),
    (
        "brackets add a word",
        ["The ceasefire has to hold for at least 72 hours before any [UN] aid convoy moves"],
        [("inserted", "UN", "", "brackets")],
    ),
    (
        "parentheses add a first name, wire style",
        [
            "We recognize the efforts of the Turkish government and of President (Recep Tayyip) Erdogan"
        ],
        [("inserted", "Recep Tayyip", "", "brackets")],
    ),
    (
        "quote split by its attribution, words left out between the parts",
        [
            "We will not rule out that we support the resolution at the Security Council,",
            "We have committed $500 million in humanitarian assistance this year.",
        ],
        [
            (
                "deleted",
                "",
                "but we want to see the text first. The ceasefire has to hold for at least 72 "
                "hours before any aid convoy moves. (Laughter.) And I have to say that the "
                "Russian government has a special responsibility here, because it is their "
                "planes that are flying over Aleppo. Nobody wants another war in Syria",
                "break",
            )
        ],
    ),
    (
        "a sentence begun mid-way",
        [
            "I don’t think that the recovery will last beyond the winter without help. The "
            "government will never abandon those communities."
        ],
        [("deleted", "", "What I can tell you is that", "sentence begun mid-way")],
    ),
    (
        "a sentence begun mid-way, however the aligner first places the cut",
        ["Nobody wants another war in Syria. We are prepared to do more."],
        [
            (
                "deleted",
                "",
                "We have committed $500 million in humanitarian assistance this year, and",
                "sentence begun mid-way",
            )
        ],
    ),
    (
        "ellipsis and brackets together",
        ["[The government] will not … support the resolution"],
        [
            ("replaced", "The government", "We", "brackets"),
            ("deleted", "", "rule out that we", "ellipsis"),
        ],
    ),
]


@pytest.mark.parametrize(("name", "parts", "changes"), EDITED)
def test_edited(index: SourceIndex, name: str, parts: list[str], changes: list[tuple]) -> None:
    result = verify_quote(parts, index)
    assert result.status == "edited", name
    shown = [(d.op, d.news, d.source, d.signpost) for d in result.diff if d.op != "equal"]
    assert shown == changes
    assert all(d.problem is None for d in result.diff)


ALTERED = [
    (
        "a dropped not",
        "We will rule out that we support the resolution",
        [("deleted", "", "not")],
    ),
    (
        "billion for million",
        "We have committed $500 billion in humanitarian assistance this year",
        [("replaced", "billion", "million")],
    ),
    (
        "pounds for dollars",
        "We have committed £500 million in humanitarian assistance",
        [("replaced", "£500 million", "$500 million")],
    ),
    ("Russia for Syria", "Nobody wants another war in Russia.", [("replaced", "Russia", "Syria")]),
    (
        "a changed figure",
        "The ceasefire has to hold for at least 48 hours",
        [("replaced", "48", "72")],
    ),
    (
        "words dropped without an ellipsis",
        "The ceasefire has to hold for 72 hours before any aid convoy moves",
        [("deleted", "", "at least")],
    ),
    (
        "a word added without brackets",
        "The ceasefire really has to hold for at least 72 hours",
        [("inserted", "really", "")],
    ),
    (
        "a contraction for two words",
        "We won't rule out that we support the resolution at the Security Council",
        [("replaced", "won't", "will not")],
    ),
    (
        "words reordered",
        "but we want first to see the text",
        [("inserted", "first", "")],
    ),
    (
        "paraphrase inside quotation marks",
        "We won't exclude backing the resolution at the Security Council",
        [("replaced", "won't exclude backing", "will not rule out that we support")],
    ),
    ("a contraction for the words spoken", "It’s not complete", [("replaced", "It’s", "It is")]),
    (
        "first word changed",
        "They will not rule out that we support the resolution",
        [("replaced", "They", "We")],
    ),
]


@pytest.mark.parametrize(("name", "quote", "changes"), ALTERED)
def test_altered(index: SourceIndex, name: str, quote: str, changes: list[tuple]) -> None:
    result = verify_quote(quote, index)
    assert result.status == "altered", name
    assert [(d.op, d.news, d.source) for d in result.diff if d.op != "equal"] == changes
    assert 0 < result.score < 100


GUARDED = [
    ("ellipsis swallows the not", ["We will … rule out that we support it"], "negation left out"),
    (
        "sentence begun mid-way drops a negation",
        ["The recovery will last beyond the winter without help."],
        "negation left out",
    ),
    (
        "brackets swap a number",
        ["The ceasefire has to hold for at least [two days]"],
        "number changed",
    ),
    ("brackets add a negation", ["but we [do not] want to see the text first"], "negation changed"),
]


@pytest.mark.parametrize(("name", "parts", "problem"), GUARDED)
def test_a_signpost_never_excuses_a_change_of_meaning(
    index: SourceIndex, name: str, parts: list[str], problem: str
) -> None:
    result = verify_quote(parts, index)
    assert result.status == "altered", name
    assert [d.problem for d in result.diff if d.problem] == [problem]


UNMATCHED = [
    ("other words on the same theme", "Aleppo is burning and the world is watching"),
    ("said somewhere else", "Our schools will get every penny they were promised"),
    ("one shared word", "a special relationship"),
    ("only the editor's words", "[the minister]"),
]


@pytest.mark.parametrize(("name", "quote"), UNMATCHED)
def test_unmatched(index: SourceIndex, name: str, quote: str) -> None:
    result = verify_quote(quote, index)
    assert (result.status, result.source_key, result.diff) == ("unmatched", None, ()), name


def test_no_source_passages_is_unmatched_and_the_caller_says_no_source() -> None:
    assert verify_quote("Nobody wants another war in Syria.", SourceIndex()).status == "unmatched"


def test_offsets_point_at_the_source_words(index: SourceIndex) -> None:
    result = verify_quote(["We will not … support the resolution"], index)
    assert MINISTER[result.source_start : result.source_end] == (
        "We will not rule out that we support the resolution"
    )
    deleted = next(d for d in result.diff if d.op == "deleted")
    assert MINISTER[deleted.source_start : deleted.source_end] == "rule out that we"


def test_news_offsets_point_into_the_joined_parts(index: SourceIndex) -> None:
    parts = ["Nobody wants another war,", "in Russia."]
    result = verify_quote(parts, index)
    changed = next(d for d in result.diff if d.op == "replaced")
    assert " ".join(parts)[changed.news_start : changed.news_end] == "Russia"


def test_an_ellipsis_skips_forward_never_back(index: SourceIndex) -> None:
    result = verify_quote(["Nobody wants another war in Syria … Let me be very clear"], index)
    assert result.status == "altered"
    assert [d.op for d in result.diff if d.op != "equal"] == ["inserted"]


def test_the_right_turn_among_many() -> None:
    turns = [(n, f"Turn {n}. We discussed item {n} of the agenda today.") for n in range(300)]
    turns.insert(150, ("target", "The Grozny strategy is to bomb indiscriminately."))
    result = verify_quote(
        "the Grozny strategy is to bomb indiscriminately", SourceIndex.build(turns)
    )
    assert (result.status, result.source_key) == ("verbatim", "target")
