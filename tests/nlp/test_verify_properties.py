"""Properties the verifier keeps for any passage: it never fails, words cut from a transcript
are verbatim, and one word taken out or changed is never verbatim nor edited."""

from __future__ import annotations

from hypothesis import given, settings
from hypothesis import strategies as st

from app.nlp.verify import SourceIndex, verify_quote
from tests.nlp.verify_cases import speaker_turns

TURNS = [
    turn
    for transcript, speaker in [
        ("health_briefing.txt", "Ellison"),
        ("ceasefire_presser.txt", "Sandvall"),
        ("second/earnings_call.txt", "Graham"),
    ]
    for turn in speaker_turns(transcript, speaker)
]
INDEX = SourceIndex.build(enumerate(TURNS))


@st.composite
def spans(draw: st.DrawFn, min_words: int = 5) -> list[str]:
    """A run of words from one turn, as printed (punctuation attached)."""
    words = draw(st.sampled_from(TURNS)).split()
    start = draw(st.integers(0, len(words) - min_words))
    end = draw(st.integers(start + min_words, min(len(words), start + 40)))
    return words[start:end]


@settings(max_examples=150, deadline=None)
@given(st.text(max_size=300))
def test_any_text_gets_a_status(text: str) -> None:
    assert verify_quote(text, INDEX).status in {"verbatim", "edited", "altered", "unmatched"}


@settings(max_examples=150, deadline=None)
@given(spans())
def test_words_cut_from_a_turn_are_verbatim(words: list[str]) -> None:
    assert verify_quote(" ".join(words), INDEX).status == "verbatim"


@settings(max_examples=150, deadline=None)
@given(spans(min_words=8), st.data())
def test_one_word_taken_out_or_changed_is_never_verbatim_nor_edited(
    words: list[str], data: st.DataObject
) -> None:
    i = data.draw(st.integers(1, len(words) - 2))
    word = words[i].strip(",.;:?!—–-“”\"'’‘()").lower()
    if not word.isalpha() or len(word) < 3 or words[i - 1].endswith((".", "?", "!")):
        return  # a sentence's first word left out is a sentence begun mid-way: an edit
    change = data.draw(st.sampled_from(["drop", "swap"]))
    replacement = [] if change == "drop" else ["Syria" if word != "syria" else "Russia"]
    printed = " ".join([*words[:i], *replacement, *words[i + 1 :]])
    if " ".join(printed.lower().split()) in " ".join(" ".join(TURNS).lower().split()):
        return  # the changed words happen to have been said too
    assert verify_quote(printed, INDEX).status == "altered"
