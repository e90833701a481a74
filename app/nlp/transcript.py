"""Government transcripts (remarks, press availabilities, interviews, briefings) as turns.

A transcript is a header block followed by turns. Each turn opens with a speaker label at a
paragraph start ('SECRETARY KERRY:', 'QUESTION:') and runs, over as many paragraphs as it
takes, to the next label. Stage notes such as '(Laughter.)' or '(inaudible)' stay in the text.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from app.nlp.occasions import known_cities
from app.nlp.transcript_header import HeaderPerson, TranscriptHeader, parse_header
from app.nlp.transcript_labels import Label, find_labels
from app.nlp.transcript_speakers import SpeakerResolver

__all__ = ["HeaderPerson", "Transcript", "TranscriptHeader", "Turn", "parse_transcript"]

# A paragraph of prose: without labels, the header ends where one begins.
_PROSE = re.compile(r"^[ \t]*(?:\S+[ \t]+){15,}", re.MULTILINE)
# End-of-release marks after the last turn: "# # #", "###", "* * *".
_FOOTER = re.compile(r"(?:\n[ \t]*(?:#[ \t]*){3,}|\n[ \t]*(?:\*[ \t]*){3,})+\s*$")


@dataclass(frozen=True)
class Turn:
    label: str  # as written: "SECRETARY KERRY", "QUESTION", "Q"
    label_start: int
    label_end: int  # past the colon
    text: str  # source[start:end], stripped; may span paragraphs
    start: int
    end: int
    kind: str  # "turn" | "question" (QUESTION / Q from the floor)
    speaker: str | None  # "John Kerry"; "Kirby" when no first name is known; None for questions
    role: str | None
    country: str | None
    surname: str | None
    note: str | None  # "via interpreter"


@dataclass(frozen=True)
class Transcript:
    header: TranscriptHeader
    turns: tuple[Turn, ...]


def parse_transcript(text: str) -> Transcript:
    """Header facts and every non-empty turn, speakers resolved within the document."""
    labels = find_labels(text)
    header_end = labels[0].start if labels else _prose_start(text)
    header = parse_header(text, header_end, known_cities())
    resolver = SpeakerResolver(header.people, text)
    turns = []
    for index, label in enumerate(labels):
        limit = labels[index + 1].start if index + 1 < len(labels) else len(text)
        turn = _turn(text, label, limit, resolver)
        if turn is not None:
            turns.append(turn)
    return Transcript(header, tuple(turns))


def _prose_start(text: str) -> int:
    """Offset of the first line of 15 words or more: a speech without labels starts there."""
    match = _PROSE.search(text)
    return match.start() if match else len(text)


def _turn(text: str, label: Label, limit: int, resolver: SpeakerResolver) -> Turn | None:
    """The words from the label's colon to the next label, stripped; None when empty."""
    segment = text[label.end : limit]
    segment = _FOOTER.sub("", segment)
    stripped = segment.strip()
    if not stripped:
        return None
    start = label.end + (len(segment) - len(segment.lstrip()))
    end = start + len(stripped)
    speaker = resolver.resolve(label)
    return Turn(
        label=label.label,
        label_start=label.start,
        label_end=label.end,
        text=stripped,
        start=start,
        end=end,
        kind=label.kind,
        speaker=speaker.name,
        role=speaker.role,
        country=speaker.country,
        surname=speaker.surname,
        note=label.note,
    )
