"""The seed transcripts against what a careful reader found in them (tests/data/expected.json)."""

from __future__ import annotations

import datetime as dt
import json
from collections import Counter
from pathlib import Path
from typing import Any

import pytest

from app.nlp.transcript import Transcript, parse_transcript

ROOT = Path(__file__).resolve().parents[2]
EXPECTED = json.loads((ROOT / "tests" / "data" / "expected.json").read_text(encoding="utf-8"))
DOCUMENTS = [doc for doc in EXPECTED["documents"] if doc["genre"] == "transcript"]
# Names only a speaker directory knows: the document itself gives just the surname ("MR KIRBY").
DIRECTORY_ONLY = {"John Kirby": "Kirby"}


def _collapse(text: str) -> str:
    return " ".join(text.split())


def _speaker(name: str | None) -> str | None:
    return DIRECTORY_ONLY.get(name, name) if name else None


@pytest.fixture(scope="module", params=DOCUMENTS, ids=lambda doc: doc["file"])
def case(request: pytest.FixtureRequest) -> tuple[dict[str, Any], Transcript, str]:
    doc = request.param
    text = (ROOT / "seeds" / doc["file"]).read_text(encoding="utf-8")
    return doc, parse_transcript(text), text


def test_header(case: tuple[dict[str, Any], Transcript, str]) -> None:
    doc, parsed, _ = case
    header, event = parsed.header, doc["event"]
    assert header.title == doc["title"]
    assert header.date == dt.date.fromisoformat(event["date"])
    assert (header.venue, header.city, header.country) == (
        event["venue"],
        event["city"],
        event["country"],
    )


def test_header_people_from_title(case: tuple[dict[str, Any], Transcript, str]) -> None:
    doc, parsed, _ = case
    people = {p.name: (p.role, p.country) for p in parsed.header.people}
    for label, speaker in doc["speakers"].items():
        if speaker and speaker["name"] not in DIRECTORY_ONLY and label in doc["title"].upper():
            assert people[speaker["name"]] == (speaker["role"], speaker["country"])


def test_turn_offsets_match_source(case: tuple[dict[str, Any], Transcript, str]) -> None:
    _, parsed, text = case
    assert parsed.turns
    for turn in parsed.turns:
        assert text[turn.start : turn.end] == turn.text
        assert text[turn.label_start : turn.label_end].startswith(turn.label)
        assert turn.label_end <= turn.start
        assert parsed.header.end <= turn.label_start


def test_labels_resolve_to_speakers(case: tuple[dict[str, Any], Transcript, str]) -> None:
    doc, parsed, _ = case
    for turn in parsed.turns:
        expected = doc["speakers"][turn.label]
        if expected is None:
            assert (turn.kind, turn.speaker, turn.surname) == ("question", None, None)
        elif expected["name"] in DIRECTORY_ONLY:
            assert (turn.speaker, turn.role) == (DIRECTORY_ONLY[expected["name"]], None)
        else:
            assert (turn.kind, turn.speaker) == ("turn", expected["name"])
            assert (turn.role, turn.country) == (expected["role"], expected["country"])


def test_turn_counts(case: tuple[dict[str, Any], Transcript, str]) -> None:
    doc, parsed, _ = case
    if "turn_counts" not in doc:
        named = {_speaker(s["name"] if s else None) for s in doc["speakers"].values()}
        assert {turn.speaker for turn in parsed.turns} == named
        return
    expected = {
        _speaker(None if name == "null" else name): n for name, n in doc["turn_counts"].items()
    }
    assert Counter(turn.speaker for turn in parsed.turns) == expected


def test_every_listed_quote_is_a_turn(case: tuple[dict[str, Any], Transcript, str]) -> None:
    """Each quote starts a turn and ends one of its paragraphs: a turn runs to the next label,
    and expected.json ends one Kerry turn of 001 after its first paragraph ("next steps.")."""
    doc, parsed, _ = case
    for quote in doc["quotes"]:
        matches = [
            turn
            for turn in parsed.turns
            if _collapse(turn.text).startswith(quote["starts_with"])
            and any(p.endswith(quote["ends_with"]) for p in _paragraphs(turn.text))
        ]
        assert len(matches) == 1, quote
        turn = matches[0]
        assert turn.speaker == _speaker(quote["speaker"])
        assert turn.kind == ("question" if quote["speaker"] is None else "turn")


def test_listed_quotes_mostly_end_their_turn(case: tuple[dict[str, Any], Transcript, str]) -> None:
    doc, parsed, _ = case
    ends = [_collapse(turn.text) for turn in parsed.turns]
    whole = [q for q in doc["quotes"] if any(e.endswith(q["ends_with"]) for e in ends)]
    assert len(whole) >= len(doc["quotes"]) - 1


def _paragraphs(text: str) -> list[str]:
    return [_collapse(p) for p in text.split("\n\n") if p.strip()]


def test_stage_notes_stay_in_turns(case: tuple[dict[str, Any], Transcript, str]) -> None:
    _, parsed, text = case
    for note in ("(inaudible)", "(In progress)", "(Off-mike.)"):
        if note in text:
            assert any(note in turn.text for turn in parsed.turns)
