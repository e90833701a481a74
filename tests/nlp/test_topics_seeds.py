"""Topics in the seed documents: the names a reader expects, and none made of fillers."""

from __future__ import annotations

import re
from pathlib import Path

import pytest

from app.nlp.topics import TopicMatcher, find_topics, load_lexicon
from tests.expected import EXPECTED, squash

SEEDS = Path(__file__).resolve().parents[2] / "seeds"
SEED_FILES = sorted(SEEDS.glob("*.txt"))

EXPECTED_TOPICS = {
    "Bashar al-Assad",
    "Russia",
    "Iran",
    "Aleppo",
    "ISIL",
    "al-Nusrah",
    "Geneva",
    "International Criminal Court",
    "ceasefire",
    "sanctions",
}
FILLERS = {"Well", "Thank", "Good afternoon", "Now", "So", "Yeah", "Sorry", "Okay", "Sir"}


@pytest.fixture(scope="module")
def matcher() -> TopicMatcher:
    return TopicMatcher(load_lexicon())


@pytest.fixture(scope="module")
def seed_topics(matcher: TopicMatcher) -> set[str]:
    return {m.name for f in SEED_FILES for m in find_topics(f.read_text("utf-8"), matcher)}


def test_seed_files_exist() -> None:
    assert len(SEED_FILES) >= 5


def test_expected_topics_found(seed_topics: set[str]) -> None:
    assert seed_topics >= EXPECTED_TOPICS


def test_no_filler_topics(seed_topics: set[str]) -> None:
    assert not seed_topics & FILLERS


def test_no_topic_is_a_lone_stop_word(seed_topics: set[str]) -> None:
    singles = {name for name in seed_topics if " " not in name}
    assert not singles & {"Everybody", "Gentlemen", "Totally", "Instead", "However", "Since"}


def _passage(file: str, starts_with: str) -> str:
    """The expected quote's words: from starts_with to its ends_with in the squashed seed."""
    quote = next(
        q
        for d in EXPECTED["documents"]
        if d["file"] == file
        for q in d["quotes"]
        if q["starts_with"] == starts_with
    )
    text = squash((SEEDS / file).read_text("utf-8"))
    start = text.index(starts_with)
    end = text.index(quote["ends_with"], start) + len(quote["ends_with"])
    return text[start:end]


def _query(pattern: str) -> list[tuple[str, str]]:
    query = next(q for q in EXPECTED["queries"] if re.search(pattern, q["ask"]))
    return [tuple(pair) for pair in query["must_include"]]


@pytest.mark.parametrize(("file", "starts_with"), _query(r"about ISIL"))
def test_isil_quotes_name_isil(file: str, starts_with: str, matcher: TopicMatcher) -> None:
    names = {m.name for m in find_topics(_passage(file, starts_with), matcher)}
    assert "ISIL" in names


@pytest.mark.parametrize(("file", "starts_with"), _query(r"Kerry about Assad"))
def test_kerry_assad_quotes_name_assad(file: str, starts_with: str, matcher: TopicMatcher) -> None:
    names = {m.name for m in find_topics(_passage(file, starts_with), matcher)}
    assert "Bashar al-Assad" in names


@pytest.mark.parametrize(("file", "starts_with"), _query(r"Johnson about sanctions"))
def test_johnson_sanctions_quotes_name_sanctions(
    file: str, starts_with: str, matcher: TopicMatcher
) -> None:
    names = {m.name for m in find_topics(_passage(file, starts_with), matcher)}
    assert "sanctions" in names
