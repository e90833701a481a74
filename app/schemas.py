"""Response models: the JSON shapes frontends and scripts rely on. No ORM imports here."""

from __future__ import annotations

import datetime as dt
from typing import Literal

from pydantic import BaseModel, ConfigDict, Field

QuoteKind = Literal["turn", "question", "direct", "partial", "indirect"]


class Out(BaseModel):
    model_config = ConfigDict(from_attributes=True)


class SpeakerRef(Out):
    id: int
    name: str
    slug: str


class DocumentRef(Out):
    id: int
    title: str | None
    source_name: str


class EventRef(Out):
    id: int
    title: str | None
    kind: str | None
    date: dt.date | None
    city: str | None


class TopicRef(Out):
    id: int
    name: str
    kind: str
    scope: Literal["quote", "context"] = Field(
        description="'quote': the quote's own words name it; 'context': only the words around it."
    )


class Attribution(Out):
    label: str | None = Field(description="The words in the source that name the speaker.")
    start: int | None = Field(description="Offset of the label in the document text.")
    end: int | None
    method: str = Field(
        description="How the speaker was found: label, named, pronoun, descriptor, continuation, "
        "headline, according_to, none."
    )
    confidence: float


class QuoteOut(Out):
    id: int
    text: str = Field(description="The words as the speaker said them (attribution removed).")
    kind: QuoteKind
    start: int = Field(description="Offset of the first character in the document text.")
    end: int = Field(description="Offset just past the last character in the document text.")
    speaker: SpeakerRef | None
    attribution: Attribution
    document: DocumentRef
    event: EventRef | None
    spoken_on: dt.date | None = Field(
        description="When the words were spoken, falling back to the publication date."
    )
    elsewhere: bool = Field(description="The source places these words on another occasion.")
    topics: list[TopicRef]
    snippet: str | None = Field(
        default=None, description="With `q`: the matching words, marked with <mark>."
    )


class QuoteContext(Out):
    paragraph: str
    paragraph_start: int
    paragraph_end: int
    before: str
    after: str
    replies_to: QuoteOut | None = Field(description="For a transcript answer: the question.")


class QuoteDetail(QuoteOut):
    context: QuoteContext


class QuotePage(Out):
    items: list[QuoteOut]
    next_cursor: str | None = Field(
        description="Pass as `cursor` for the next page; null at the end."
    )
    next_url: str | None
    total: int | None
    total_is_estimate: bool = False
    interpreted: list[str] = Field(
        description="How forgiving inputs were understood: \"speaker 'kery' matched John Kerry\"."
    )


class DocumentOut(Out):
    id: int
    title: str | None
    source_name: str
    genre: Literal["transcript", "news"]
    published: dt.date | None
    publisher: str | None
    url: str | None
    author: str | None
    sha256: str
    event: EventRef | None
    quote_count: int


class DocumentDetail(DocumentOut):
    text: str = Field(description="The document exactly as stored; quote offsets point into it.")


class DocumentPage(Out):
    items: list[DocumentOut]
    next_cursor: str | None


class RoleOut(Out):
    title: str
    organisation: str | None
    country: str | None
    start_date: dt.date | None
    end_date: dt.date | None
    source: str


class AliasOut(Out):
    alias: str
    source: str


class SpeakerOut(Out):
    id: int
    name: str
    slug: str
    kind: str
    quote_count: int


class SpeakerDetail(SpeakerOut):
    aliases: list[AliasOut]
    roles: list[RoleOut]
    top_topics: list[TopicCount]


class SpeakerPage(Out):
    items: list[SpeakerOut]
    next_cursor: str | None


class TopicCount(Out):
    id: int
    name: str
    kind: str
    quote_count: int


class TopicOut(Out):
    id: int
    name: str
    slug: str
    kind: str
    aliases: list[str]
    quote_count: int
    speaker_id: int | None = Field(description="Set when this topic is also a speaker.")


class SpeakerCount(Out):
    id: int
    name: str
    quote_count: int


class TopicDetail(TopicOut):
    top_speakers: list[SpeakerCount]


class TopicPage(Out):
    items: list[TopicOut]
    next_cursor: str | None


class EventOut(Out):
    id: int
    title: str | None
    kind: str | None
    date: dt.date | None
    venue: str | None
    city: str | None
    country: str | None


class EventDetail(EventOut):
    documents: list[DocumentRef]
    speakers: list[SpeakerRef]
    quote_count: int


class EventPage(Out):
    items: list[EventOut]
    next_cursor: str | None


class FacetCount(Out):
    key: str = Field(description="Id (speaker, topic, event), kind, or month (YYYY-MM).")
    label: str
    count: int


class Facets(Out):
    speakers: list[FacetCount]
    topics: list[FacetCount]
    kinds: list[FacetCount]
    events: list[FacetCount]
    months: list[FacetCount]
    interpreted: list[str]


class Problem(BaseModel):
    """RFC 9457 problem details: the body of every error."""

    type: str = Field(examples=["/problems/not-found"])
    title: str = Field(examples=["Not found"])
    status: int = Field(examples=[404])
    detail: str = Field(examples=["no quote with id 999"])
    errors: list[dict[str, str]] | None = None


SpeakerDetail.model_rebuild()
