"""Transcript or news, for the seeds and for synthetic documents of both genres."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from app.nlp.genre import detect_genre

ROOT = Path(__file__).resolve().parents[2]
EXPECTED = json.loads((ROOT / "tests" / "data" / "expected.json").read_text(encoding="utf-8"))


@pytest.mark.parametrize("doc", EXPECTED["documents"], ids=lambda doc: doc["file"])
def test_seed_genres(doc: dict[str, str]) -> None:
    text = (ROOT / "seeds" / doc["file"]).read_text(encoding="utf-8")
    assert detect_genre(text) == doc["genre"]


CASES = [
    ("QUESTION: Why?\nSECRETARY KERRY: Because.\nQUESTION: And?\n", "transcript"),
    ("Title\n\nMR. KIRBY: Good afternoon.\n\nQ: One question.\n", "transcript"),
    ("Q    Mr. President?\n\nTHE PRESIDENT: Yes.\n\nQ    Thanks.\n", "transcript"),
    ("MODERATOR: Welcome.\nFOREIGN MINISTER LAVROV (via interpreter): Thank you.\n", "transcript"),
    ("INTERVIEWER: So.\nJOHN KERRY: Well.\nINTERVIEWER: And?\n", "transcript"),
    ("Kerry said on Sunday: “We are considering sanctions.”\n\nJohnson agreed.\n", "news"),
    ("LONDON (Reuters) - Britain said on Sunday it was considering sanctions.\n", "news"),
    ("WASHINGTON: The talks ended.\n\nThe Secretary left on Monday.\n", "news"),
    ("UPDATE: This story was updated.\nNOTE: Times are local.\nEDITOR'S NOTE: Fixed.\n", "news"),
    ("The Q&A: a recap.\n\nQ&A: what we know.\n\nQ&A: what is next.\n", "news"),
    ("Kerry told reporters: “Not yet.”\nHe added: “Soon.”\nShe said: “No.”\n", "news"),
    ("QUESTION: Only one labelled paragraph, the rest is prose.\n\nKerry left.\n", "news"),
    ("", "news"),
    # Speeches without labels: the header says how the text was delivered.
    ("Remarks\n\nJohn Kerry\nSecretary of State\n\nAs Prepared for Delivery\n\nThank you.\n",
     "transcript"),
    ("Speech\nPM speech\n17 January 2017 (Transcript of the speech, exactly as it was "
     "delivered)\n\nThank you.\n", "transcript"),
    ("Kerry spoke for an hour. The text, as prepared for delivery, ran to ten pages.\n", "news"),
    # Mixed-case headings are not labels: a place, a heading, a salutation.
    ("Brexit: What happens next\n\nKey Points: Three things.\n\nNew York: A city waits.\n",
     "news"),
    ("Dear Colleagues: Welcome.\n\nFurther Information: See below.\n", "news"),
    # Mixed-case labels of British transcripts.
    ("Prime Minister: Thank you.\n\nQuestion: Why?\n\nTheresa May: Because.\n", "transcript"),
]  # fmt: skip


@pytest.mark.parametrize(("text", "expected"), CASES)
def test_synthetic_genres(text: str, expected: str) -> None:
    assert detect_genre(text) == expected
