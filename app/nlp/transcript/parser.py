"""Government transcripts (remarks, press availabilities, interviews, briefings) as turns.

A transcript is a header block followed by turns. Each turn opens with a speaker label at a
paragraph start ('SECRETARY KERRY:', 'QUESTION:', 'Prime Minister:') and runs, over as many
paragraphs as it takes, to the next label. Stage notes such as '(Laughter.)' or '(inaudible)'
stay in the text; release trailers ('END', '# # #') and captions closing a turn do not (see
transcript_furniture). A speech with no labels is one turn by the header's principal.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import dataclass, replace

from app.nlp.names import surname
from app.nlp.occasions import known_cities
from app.nlp.transcript.body import prose_start
from app.nlp.transcript.furniture import spoken_span
from app.nlp.transcript.header import HeaderPerson, TranscriptHeader, parse_header
from app.nlp.transcript.labels import Label, find_labels
from app.nlp.transcript.questioners import Questioner, announced, completed, introduced
from app.nlp.transcript.speakers import LabelReader, Speaker

__all__ = ["HeaderPerson", "Transcript", "TranscriptHeader", "Turn", "parse_transcript"]

# An interpreter note opening the words rather than the label:
# "FOREIGN MINISTER LAVROV: (Via interpreter) Ladies and gentlemen", "(As interpreted)".
_INTERPRETER_NOTE = re.compile(
    r"\((?P<note>[^()\n]{0,30}\b(?:interpret|translat)[^()\n]{0,30})\)\s*", re.I
)


@dataclass(frozen=True)
class Turn:
    label: str  # as written: "SECRETARY KERRY", "QUESTION", "Q"; "" for an unlabelled speech
    label_start: int
    label_end: int  # past the colon
    text: str  # source[start:end], stripped; may span paragraphs
    start: int
    end: int
    kind: str  # "turn" | "question" (QUESTION / Q from the floor, or the named interviewer)
    speaker: str | None  # "John Kerry"; "Kirby" when no first name is known; None for QUESTION
    role: str | None
    country: str | None
    surname: str | None
    note: str | None  # "via interpreter"
    organisation: str | None = None  # a named questioner's outlet: "Example News"


@dataclass(frozen=True)
class Transcript:
    header: TranscriptHeader
    turns: tuple[Turn, ...]


def parse_transcript(text: str, labels: Sequence[Label] | None = None) -> Transcript:
    """Header facts and every non-empty turn, each label read within the document.

    `labels` are `find_labels(text)` when the caller already has them (genre detection needs
    them too): finding labels is the costliest pass over a long transcript.
    """
    labels = find_labels(text) if labels is None else labels
    header_end = labels[0].start if labels else prose_start(text)
    header = parse_header(text, header_end, known_cities())
    reader = LabelReader(header.people, text, labels, header.principal, header.issuer)
    if not labels:
        return Transcript(header, _speech(text, header))
    turns = []
    for index, label in enumerate(labels):
        limit = labels[index + 1].start if index + 1 < len(labels) else len(text)
        turn = _turn(text, label, limit, reader, header)
        if turn is not None:
            turns.append(turn)
    return Transcript(header, name_questioners(turns))


def _speech(text: str, header: TranscriptHeader) -> tuple[Turn, ...]:
    """A page without labels is one speaker's speech or statement: the body is one turn of
    the header's principal ('John Kerry / Secretary of State' above 'As Prepared for
    Delivery'). Without a principal nobody can be named, so there is no turn."""
    principal = header.principal
    span = spoken_span(text, header.end, len(text))
    if principal is None or span is None:
        return ()
    start, end = span
    turn = Turn(
        "", start, start, text[start:end], start, end, "turn", principal.name,
        principal.role, principal.country, surname(principal.name), None,
    )  # fmt: skip
    return (turn,)


def _turn(
    text: str, label: Label, limit: int, reader: LabelReader, header: TranscriptHeader
) -> Turn | None:
    """The words from the label's colon to the next label, less trailers; None when empty."""
    span = spoken_span(text, label.end, limit)
    if span is None:
        return None
    start, end = span
    note = label.note
    opening = _INTERPRETER_NOTE.match(text, start, end)
    if opening and opening.end() < end:
        note = note or _note_case(opening.group("note"))
        start = opening.end()
    speaker = reader.read(label)
    kind = "question" if _is_interviewer(label, speaker, header) else label.kind
    return Turn(
        label=label.label,
        label_start=label.start,
        label_end=label.end,
        text=text[start:end],
        start=start,
        end=end,
        kind=kind,
        speaker=speaker.name,
        role=speaker.role,
        country=speaker.country,
        surname=speaker.surname,
        note=note,
    )


def _is_interviewer(label: Label, speaker: Speaker, header: TranscriptHeader) -> bool:
    """'MS. BRENNAN' under 'Interview With Margaret Brennan of CBS': her turns are the
    questions the answers reply to, so they are kind "question", still attributed to her.
    A label with an office ('SECRETARY KERRY') is never the journalist's."""
    if header.interviewer is None or speaker.surname is None or label.title or label.role_only:
        return False
    return speaker.surname.casefold() == header.interviewer.split()[-1].casefold()


def _note_case(note: str) -> str:
    """'As interpreted.' -> 'as interpreted': the note as the label form writes it."""
    note = " ".join(note.split()).rstrip(".")
    return note[:1].lower() + note[1:]


def name_questioners(turns: list[Turn]) -> tuple[Turn, ...]:
    """Give a question the reporter it introduces or the last call before it names; the rest
    stay unnamed (see transcript.questioners). A call waits over a principal's turns ('We'll
    go to Matt.' before the Secretary's opening words) and is used by one question only; a
    moderator's turn that names no one ('Next question.') cancels it."""
    named = [q for t in turns for q in [_called(t, True) or introduced(t.text)] if q]
    result: list[Turn] = []
    called: Questioner | None = None
    asked = False  # a question has come: a bare name closing a turn now calls on someone
    for turn in turns:
        asked = asked or turn.kind == "question"
        if turn.kind != "question" or turn.speaker is not None:
            if turn.kind != "question":
                called = _called(turn, asked) or (called if turn.speaker else None)
            result.append(turn)
            continue
        asker = introduced(turn.text) or called
        asker = completed(asker, named) if asker else None
        called = None
        if asker is None or asker.name is None:
            result.append(turn)
            continue
        result.append(
            replace(turn, speaker=asker.name, surname=surname(asker.name),
                    organisation=asker.outlet)
        )  # fmt: skip
    return tuple(result)


def _called(turn: Turn, asked: bool) -> Questioner | None:
    return announced(turn.text, asked) if turn.kind == "turn" else None
