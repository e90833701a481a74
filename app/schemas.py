"""Response models: the JSON shapes frontends and scripts rely on. No ORM imports here."""

from __future__ import annotations

import datetime as dt
from typing import Any, Literal

from pydantic import BaseModel, ConfigDict, Field
from pydantic_core import to_jsonable_python

QuoteKind = Literal["turn", "question", "direct", "partial", "indirect"]

# Examples for the OpenAPI document, taken from the seed data so readers recognise them.
_KERRY = {"id": 1, "name": "John Kerry", "slug": "john-kerry"}
_DOCUMENT_REF = {
    "id": 1,
    "title": "Joint Statement From Secretary John Kerry and U.K. Foreign Secretary Boris Johnson",
    "source_name": "000_f2be9307d54a56c7.txt",
}
_EVENT_REF = {
    "id": 1,
    "title": "Joint Statement From Secretary John Kerry and U.K. Foreign Secretary Boris Johnson",
    "kind": "joint statement",
    "date": "2016-10-16",
    "city": "London",
}
_SANCTIONS = {"id": 49, "name": "sanctions", "kind": "theme", "scope": "quote"}
_ATTRIBUTION = {
    "label": "SECRETARY KERRY",
    "start": 11967,
    "end": 11982,
    "method": "label",
    "confidence": 1.0,
}
_QUOTE_TEXT = (
    "And let me make it clear: We are considering additional sanctions and we are also – let "
    "me make it clear, President Obama has not taken any options off the table at this point "
    "in time. So we’ll see where we are in the next few days in the context of the discussions "
    "we’re having. Thank you."
)
_QUOTE = {
    "id": 9,
    "text": _QUOTE_TEXT,
    "kind": "turn",
    "start": 11984,
    "end": 12274,
    "speaker": _KERRY,
    "attribution": _ATTRIBUTION,
    "document": _DOCUMENT_REF,
    "event": _EVENT_REF,
    "spoken_on": "2016-10-16",
    "elsewhere": False,
    "topics": [
        {"id": 46, "name": "Barack Obama", "kind": "person", "scope": "quote"},
        _SANCTIONS,
        {"id": 1, "name": "Aleppo", "kind": "place", "scope": "context"},
    ],
    "snippet": "…We are considering additional <mark>sanctions</mark> and we are also…",
}
_QUESTION = {
    "id": 7,
    "text": "Can anything be achieved before Aleppo falls and before President Obama retires?",
    "kind": "question",
    "start": 9624,
    "end": 9847,
    "speaker": None,
    "attribution": {
        "label": "QUESTION",
        "start": 9614,
        "end": 9622,
        "method": "label",
        "confidence": 1.0,
    },
    "document": _DOCUMENT_REF,
    "event": _EVENT_REF,
    "spoken_on": "2016-10-16",
    "elsewhere": False,
    "topics": [{"id": 1, "name": "Aleppo", "kind": "place", "scope": "quote"}],
    "snippet": None,
}
_CONTEXT = {
    "paragraph": _QUOTE_TEXT,
    "paragraph_start": 11984,
    "paragraph_end": 12274,
    "before": "These things will eventually come to bite the perpetrators of these crimes. "
    "SECRETARY KERRY:",
    "after": "",
    "replies_to": _QUESTION,
}
_DOCUMENT = {
    **_DOCUMENT_REF,
    "genre": "transcript",
    "published": "2016-10-16",
    "publisher": None,
    "url": None,
    "author": None,
    "sha256": "18bee818965c2a086f5a2625f7acc0954fd884cd06789e6e33cdb4aab3a31870",
    "event": _EVENT_REF,
    "quote_count": 9,
}
_SPEAKER = {**_KERRY, "kind": "person", "quote_count": 33}
_TOPIC = {
    "id": 36,
    "name": "ISIL",
    "slug": "isil",
    "kind": "organisation",
    "aliases": ["Daesh", "IS", "ISIS", "Islamic State"],
    "quote_count": 11,
    "speaker_id": None,
}
_EVENT = {
    "id": 1,
    "title": "Joint Statement From Secretary John Kerry and U.K. Foreign Secretary Boris Johnson",
    "kind": "joint statement",
    "date": "2016-10-16",
    "venue": "Lancaster House",
    "city": "London",
    "country": "United Kingdom",
}
_ROLE = {
    "title": "Secretary of State",
    "organisation": "U.S. Department of State",
    "country": "United States",
    "start_date": "2013-02-01",
    "end_date": "2017-01-20",
    "source": "directory",
}


def _example(example: dict[str, Any]) -> ConfigDict:
    """Model config with one example, shown in /docs and in generated clients."""
    return ConfigDict(from_attributes=True, json_schema_extra={"examples": [example]})


class Out(BaseModel):
    model_config = ConfigDict(from_attributes=True)


class SpeakerRef(Out):
    model_config = _example(_KERRY)

    id: int
    name: str
    slug: str


class DocumentRef(Out):
    model_config = _example(_DOCUMENT_REF)

    id: int
    title: str | None
    source_name: str


class EventRef(Out):
    model_config = _example(_EVENT_REF)

    id: int
    title: str | None
    kind: str | None
    date: dt.date | None
    city: str | None


class TopicRef(Out):
    model_config = _example(_SANCTIONS)

    id: int
    name: str
    kind: str
    scope: Literal["quote", "context"] = Field(
        description="'quote': the quote's own words name it; 'context': only the words around it."
    )


class Attribution(Out):
    model_config = _example(_ATTRIBUTION)

    label: str | None = Field(description="The words in the source that name the speaker.")
    start: int | None = Field(description="Offset of the label in the document text.")
    end: int | None
    method: str = Field(
        description="How the speaker was found: label, named, pronoun, descriptor, continuation, "
        "headline, according_to, none."
    )
    confidence: float


class QuoteOut(Out):
    model_config = _example(_QUOTE)

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
    model_config = _example(_CONTEXT)

    paragraph: str
    paragraph_start: int
    paragraph_end: int
    before: str
    after: str
    replies_to: QuoteOut | None = Field(description="For a transcript answer: the question.")


class SameWords(Out):
    """The same words reported by another document: a news quote and its transcript turn."""

    model_config = _example(
        {
            "quote_id": 5,
            "document": {"id": 1, "title": "Joint Statement", "source_name": "000.txt"},
            "text": "Yeah, I certainly think it can, and I don’t – as it happens ...",
            "score": 86.4,
        }
    )

    quote_id: int
    document: DocumentRef
    text: str
    score: float = Field(description="How closely the words agree, 0-100.")


class QuoteDetail(QuoteOut):
    model_config = _example({**_QUOTE, "snippet": None, "context": _CONTEXT, "same_words": []})

    context: QuoteContext
    same_words: list[SameWords] = Field(
        description="Other documents that carry these words, best match first."
    )


class QuotePage(Out):
    model_config = _example(
        {
            "items": [_QUOTE],
            "next_cursor": "eyJpZCI6OX0",
            "next_url": "https://ontherecord.example/quotes?speaker=Kerry&q=sanctions"
            "&limit=1&cursor=eyJpZCI6OX0",
            "total": 3,
            "total_is_estimate": False,
            "interpreted": ["speaker 'Kerry' matched John Kerry"],
        }
    )

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
    model_config = _example(_DOCUMENT)

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
    model_config = _example(
        {
            **_DOCUMENT,
            "text": "Joint Statement From Secretary John Kerry and U.K. Foreign Secretary Boris "
            "Johnson\n\nJohn Kerry\nSecretary of State\nLancaster House\nLondon, United Kingdom…",
        }
    )

    text: str = Field(description="The document exactly as stored; quote offsets point into it.")


class DocumentPage(Out):
    model_config = _example({"items": [_DOCUMENT], "next_cursor": "eyJpZCI6MX0"})

    items: list[DocumentOut]
    next_cursor: str | None


class RoleOut(Out):
    model_config = _example(_ROLE)

    title: str
    organisation: str | None
    country: str | None
    start_date: dt.date | None
    end_date: dt.date | None
    source: str


class AliasOut(Out):
    model_config = _example({"alias": "SECRETARY KERRY", "source": "label"})

    alias: str
    source: str


class SpeakerOut(Out):
    model_config = _example(_SPEAKER)

    id: int
    name: str
    slug: str
    kind: str
    quote_count: int


class SpeakerDetail(SpeakerOut):
    model_config = _example(
        {
            **_SPEAKER,
            "aliases": [
                {"alias": "John Kerry", "source": "name"},
                {"alias": "Kerry", "source": "surname"},
                {"alias": "SECRETARY KERRY", "source": "label"},
                {"alias": "The secretary of state", "source": "descriptor"},
            ],
            "roles": [_ROLE],
            "top_topics": [
                {"id": 25, "name": "negotiations", "kind": "theme", "quote_count": 10},
                {"id": 5, "name": "Bashar al-Assad", "kind": "person", "quote_count": 6},
            ],
        }
    )

    aliases: list[AliasOut]
    roles: list[RoleOut]
    top_topics: list[TopicCount]


class SpeakerPage(Out):
    model_config = _example({"items": [_SPEAKER], "next_cursor": None})

    items: list[SpeakerOut]
    next_cursor: str | None


class TopicCount(Out):
    model_config = _example({"id": 25, "name": "negotiations", "kind": "theme", "quote_count": 10})

    id: int
    name: str
    kind: str
    quote_count: int


class TopicOut(Out):
    model_config = _example(_TOPIC)

    id: int
    name: str
    slug: str
    kind: str
    aliases: list[str]
    quote_count: int
    speaker_id: int | None = Field(description="Set when this topic is also a speaker.")


class SpeakerCount(Out):
    model_config = _example({"id": 1, "name": "John Kerry", "quote_count": 6})

    id: int
    name: str
    quote_count: int


class TopicDetail(TopicOut):
    model_config = _example(
        {
            "id": 5,
            "name": "Bashar al-Assad",
            "slug": "bashar-al-assad",
            "kind": "person",
            "aliases": ["Assad", "Assad regime", "President Assad", "Syrian regime"],
            "quote_count": 10,
            "speaker_id": 5,
            "top_speakers": [
                {"id": 1, "name": "John Kerry", "quote_count": 6},
                {"id": 3, "name": "Boris Johnson", "quote_count": 3},
            ],
        }
    )

    top_speakers: list[SpeakerCount]


class TopicPage(Out):
    model_config = _example({"items": [_TOPIC], "next_cursor": None})

    items: list[TopicOut]
    next_cursor: str | None


class EventOut(Out):
    model_config = _example(_EVENT)

    id: int
    title: str | None
    kind: str | None
    date: dt.date | None
    venue: str | None
    city: str | None
    country: str | None


class EventDetail(EventOut):
    model_config = _example(
        {
            **_EVENT,
            "documents": [
                _DOCUMENT_REF,
                {
                    "id": 3,
                    "title": "Syria: US, Britain discuss more sanctions against Assad regime",
                    "source_name": "002_5f77900cc0770e53.txt",
                },
            ],
            "speakers": [{"id": 3, "name": "Boris Johnson", "slug": "boris-johnson"}, _KERRY],
            "quote_count": 17,
        }
    )

    documents: list[DocumentRef]
    speakers: list[SpeakerRef]
    quote_count: int


class EventPage(Out):
    model_config = _example({"items": [_EVENT], "next_cursor": "eyJpZCI6MX0"})

    items: list[EventOut]
    next_cursor: str | None


class FacetCount(Out):
    model_config = _example({"key": "1", "label": "John Kerry", "count": 6})

    key: str = Field(description="Id (speaker, topic, event), kind, or month (YYYY-MM).")
    label: str
    count: int


class Facets(Out):
    model_config = _example(
        {
            "speakers": [{"key": "1", "label": "John Kerry", "count": 6}],
            "topics": [
                {"key": "5", "label": "Bashar al-Assad", "count": 6},
                {"key": "40", "label": "political transition", "count": 3},
            ],
            "kinds": [
                {"key": "direct", "label": "direct", "count": 3},
                {"key": "turn", "label": "turn", "count": 2},
                {"key": "indirect", "label": "indirect", "count": 1},
            ],
            "events": [
                {"key": "3", "label": "Talks in London", "count": 2},
                {"key": "4", "label": "Interview with CBS News", "count": 2},
            ],
            "months": [
                {"key": "2015-09", "label": "2015-09", "count": 2},
                {"key": "2016-10", "label": "2016-10", "count": 1},
            ],
            "interpreted": [
                "speaker 'Kerry' matched John Kerry",
                "topic 'Assad' matched Bashar al-Assad",
            ],
        }
    )

    speakers: list[FacetCount]
    topics: list[FacetCount]
    kinds: list[FacetCount]
    events: list[FacetCount]
    months: list[FacetCount]
    interpreted: list[str]


class Health(BaseModel):
    """The service and its database answer."""

    model_config = ConfigDict(json_schema_extra={"examples": [{"status": "ok"}]})

    status: Literal["ok"]


class ParameterError(BaseModel):
    """One parameter a request got wrong, named as the user typed it."""

    model_config = ConfigDict(
        json_schema_extra={
            "examples": [{"parameter": "speakr", "in": "query", "message": "unknown parameter"}]
        }
    )

    parameter: str = Field(description="The parameter's name: `limit`, `quote_id`.")
    in_: str = Field(alias="in", description="Where it was sent: `query` or `path`.")
    message: str = Field(description="What is wrong with it.")


class Problem(BaseModel):
    """RFC 9457 problem details: the body of every error."""

    model_config = ConfigDict(
        json_schema_extra={
            "examples": [
                {
                    "type": "/problems/not-found",
                    "title": "Not found",
                    "status": 404,
                    "detail": "no quote with id 999",
                }
            ]
        }
    )

    type: str = Field(
        description="A stable code for the kind of error; branch on this, not on `detail`.",
        examples=["/problems/not-found"],
    )
    title: str = Field(examples=["Not found"])
    status: int = Field(description="The HTTP status code, repeated.", examples=[404])
    detail: str = Field(
        description="What went wrong with this request, for people.",
        examples=["no quote with id 999"],
    )
    errors: list[ParameterError] | None = Field(
        default=None, description="With 400 and 422: each parameter that was wrong."
    )


SpeakerDetail.model_rebuild()


def model_examples() -> dict[str, list[Any]]:
    """Each response model's examples by model name, as JSON, nulls included.

    FastAPI drops every null from the OpenAPI document, examples included, which would turn
    `"next_cursor": null` into an example missing a required field; the app puts them back.
    """
    found: dict[str, list[Any]] = {}
    for name, value in globals().items():
        if (
            isinstance(value, type)
            and issubclass(value, BaseModel)
            and value.__module__ == __name__
        ):
            extra = value.model_config.get("json_schema_extra")
            if isinstance(extra, dict) and isinstance(extra.get("examples"), list):
                found[name] = to_jsonable_python(extra["examples"])
    return found
