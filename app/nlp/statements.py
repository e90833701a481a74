"""What a document says, in one shape for both genres: who spoke which words, on what occasion.

The transcript and news parsers describe their findings differently (turns under a header;
quotes with attributions and an occasion read from the lead). This module turns either into
`Statement`s carrying a `SpeakerClaim` and one `EventClues`, the value the store resolves
against the database. The rules here are about text, not rows: which attribution words name
the speaker, which question an answer replies to, which words were spoken at the occasion.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass

from app.nlp.news import NewsArticle
from app.nlp.occasions import Occasion, event_kind
from app.nlp.transcript import Transcript, TranscriptHeader, Turn
from app.nlp.transcript.labels import QUESTION_LABELS, TITLES

# Attribution methods whose words are a name for the speaker worth keeping as an alias;
# "he" (pronoun) and continuation paragraphs name nobody.
NAMING_METHODS = frozenset({"label", "named", "descriptor", "headline", "according_to"})


@dataclass(frozen=True)
class SpeakerClaim:
    """What a document says about a speaker: a name and/or a role, and the words that said it."""

    name: str | None
    role: str | None = None
    country: str | None = None
    organisation: str | None = None
    kind: str = "person"
    alias: str | None = None
    alias_source: str = "named"
    on: dt.date | None = None
    # Whose government the document speaks for ('THE WHITE HOUSE' -> United States): used to
    # read an office alone ('THE PRESIDENT') and to choose among holders, never as the
    # speaker's own country.
    context_country: str | None = None
    family_name: str | None = None  # 'Kishida' of 'Kishida Fumio', as the document reads it


@dataclass(frozen=True)
class EventClues:
    """What a document says about the occasion it reports; any field may be unknown."""

    title: str | None
    kind: str | None
    date: dt.date | None
    venue: str | None
    city: str | None
    country: str | None


@dataclass(frozen=True)
class Statement:
    """One quote or turn with its offsets, its claimed speaker and the words around it."""

    text: str
    start: int
    end: int
    kind: str
    claim: SpeakerClaim | None
    label: str | None
    label_start: int | None
    label_end: int | None
    method: str
    confidence: float
    elsewhere: bool
    context_start: int
    context_end: int
    replies_to: int | None = None  # index of the question statement a transcript answer replies to

    @property
    def spoken_there(self) -> bool:
        """Words the document places at its occasion. An organisation's statement ("the monitor
        said") is issued, not spoken at the press conference the article reports."""
        organisation = self.claim is not None and self.claim.kind == "organisation"
        return not self.elsewhere and not organisation


def context_text(text: str, statement: Statement, statements: list[Statement]) -> str | None:
    """The words around a statement: the question an answer replies to, or its paragraph."""
    if statement.replies_to is not None:
        question = statements[statement.replies_to]
        return text[question.start : question.end]
    if (statement.context_start, statement.context_end) == (statement.start, statement.end):
        return None
    return text[statement.context_start : statement.context_end]


def transcript_statements(parsed: Transcript) -> tuple[EventClues, list[Statement]]:
    """Every turn is a statement; an answer replies to the question turns just before it."""
    header = parsed.header
    event = EventClues(
        header.title,
        event_kind(header.title),
        header.date,
        header.venue,
        header.city,
        header.country,
    )
    statements: list[Statement] = []
    last_question: int | None = None
    for turn in parsed.turns:
        claim = _turn_claim(turn, header)
        is_question = turn.kind == "question"
        statements.append(
            Statement(
                text=turn.text,
                start=turn.start,
                end=turn.end,
                kind=turn.kind,
                claim=claim,
                label=turn.label,
                label_start=turn.label_start,
                label_end=turn.label_start + len(turn.label),
                method="label",
                confidence=1.0 if claim or is_question else 0.5,
                elsewhere=False,
                context_start=turn.start,
                context_end=turn.end,
                replies_to=None if is_question else last_question,
            )
        )
        last_question = len(statements) - 1 if is_question else last_question
    return event, statements


def _turn_claim(turn: Turn, header: TranscriptHeader) -> SpeakerClaim | None:
    """Who a turn's label names: a person (with the outlet of a named reporter), or an office
    alone ('THE VICE PRESIDENT' with no name in the page), which the directory may fill from
    the date and the issuing government. Parts such as 'MODERATOR' claim no one."""
    office_alone = turn.speaker is None and turn.kind == "turn" and turn.role in TITLES
    if not turn.speaker and not office_alone:
        return None
    reporter = turn.kind == "question" and turn.organisation is not None
    return SpeakerClaim(
        name=turn.speaker,
        role="Reporter" if reporter else turn.role,
        country=turn.country,
        organisation=turn.organisation,
        alias=None if turn.label.upper() in QUESTION_LABELS else turn.label or None,
        alias_source="label",
        on=header.date,
        context_country=header.issuer_country,
        family_name=turn.surname,
    )


def news_statements(parsed: NewsArticle, occasion: Occasion) -> tuple[EventClues, list[Statement]]:
    """News quotes keep their attribution; words placed on another occasion carry no event date."""
    event = EventClues(
        occasion.title, occasion.kind, occasion.date, occasion.venue, occasion.city, None
    )
    statements = []
    for quote in parsed.quotes:
        attribution = quote.attribution
        claim = None
        if quote.speaker or quote.role:
            claim = SpeakerClaim(
                name=quote.speaker,
                role=quote.role,
                country=quote.country,
                kind=quote.speaker_kind or "person",
                alias=attribution.label if attribution.method in NAMING_METHODS else None,
                alias_source="descriptor" if attribution.method == "descriptor" else "named",
                on=None if quote.elsewhere else occasion.date or occasion.published,
            )
        statements.append(
            Statement(
                text=quote.text,
                start=quote.start,
                end=quote.end,
                kind=quote.kind,
                claim=claim,
                label=attribution.label,
                label_start=attribution.start,
                label_end=attribution.end,
                method=attribution.method,
                confidence=attribution.confidence,
                elsewhere=quote.elsewhere,
                context_start=quote.paragraph_start,
                context_end=quote.paragraph_end,
            )
        )
    return event, statements
