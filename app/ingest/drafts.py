"""Parser output -> drafts of the rows a document becomes (quotes, event), before resolution."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass

from app.ingest.speakers import SpeakerClaim
from app.nlp.news import NewsArticle
from app.nlp.occasions import Occasion
from app.nlp.transcript import Transcript

# Attribution methods whose words are a name for the speaker worth keeping as an alias;
# "he" (pronoun) and continuation paragraphs name nobody.
NAMING_METHODS = frozenset({"label", "named", "descriptor", "headline", "according_to"})


@dataclass(frozen=True)
class QuoteDraft:
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
    replies_to: int | None = None  # index of the question draft a transcript answer replies to


@dataclass(frozen=True)
class EventDraft:
    title: str | None
    kind: str | None
    date: dt.date | None
    venue: str | None
    city: str | None
    country: str | None


# Title words that name the kind of occasion, most specific first.
_EVENT_KINDS = (
    ("joint press availability", "press availability"),
    ("press availability", "press availability"),
    ("press conference", "press conference"),
    ("joint statement", "joint statement"),
    ("roundtable", "roundtable"),
    ("interview", "interview"),
    ("briefing", "briefing"),
    ("remarks", "remarks"),
    ("statement", "statement"),
    ("talks", "talks"),
    ("meeting", "meeting"),
)


def event_kind(title: str | None) -> str | None:
    lowered = (title or "").casefold()
    return next((kind for words, kind in _EVENT_KINDS if words in lowered), None)


def transcript_drafts(parsed: Transcript) -> tuple[EventDraft, list[QuoteDraft]]:
    """Every turn is a quote; an answer replies to the question turns just before it."""
    header = parsed.header
    event = EventDraft(
        header.title,
        event_kind(header.title),
        header.date,
        header.venue,
        header.city,
        header.country,
    )
    drafts: list[QuoteDraft] = []
    last_question: int | None = None
    for turn in parsed.turns:
        claim = None
        if turn.speaker:
            claim = SpeakerClaim(
                name=turn.speaker,
                role=turn.role,
                country=turn.country,
                alias=turn.label,
                alias_source="label",
                on=header.date,
            )
        is_question = turn.kind == "question"
        drafts.append(
            QuoteDraft(
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
        last_question = len(drafts) - 1 if is_question else last_question
    return event, drafts


def news_drafts(parsed: NewsArticle, occasion: Occasion) -> tuple[EventDraft, list[QuoteDraft]]:
    """News quotes keep their attribution; words placed on another occasion carry no event date."""
    event = EventDraft(
        occasion.title, occasion.kind, occasion.date, occasion.venue, occasion.city, None
    )
    drafts = []
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
        drafts.append(
            QuoteDraft(
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
    return event, drafts
