"""Quotes: the words, their attribution and context, pages of them and facet counts."""

from __future__ import annotations

import datetime as dt
from typing import Literal

from pydantic import Field

from app.schemas import examples as ex
from app.schemas.common import Out, example_config
from app.schemas.page import Page
from app.schemas.refs import DocumentRef, EventRef, SpeakerRef, TopicRef
from app.schemas.verification import Verification, VerificationSummary

QuoteKind = Literal["turn", "question", "direct", "partial", "indirect"]


class Attribution(Out):
    model_config = example_config(ex.ATTRIBUTION)

    label: str | None = Field(description="The words in the source that name the speaker.")
    start: int | None = Field(description="Offset of the label in the document text.")
    end: int | None
    method: str = Field(
        description="How the speaker was found: label, named, pronoun, descriptor, continuation, "
        "headline, according_to, anonymous (someone unnamed: 'one said'), none."
    )
    confidence: float


class QuoteOut(Out):
    model_config = example_config(ex.QUOTE)

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
    verification: VerificationSummary | None = Field(
        default=None,
        description="For a direct or partial news quote: was it quoted as said? "
        "None for transcript turns and indirect speech.",
    )


class QuoteContext(Out):
    model_config = example_config(ex.CONTEXT)

    paragraph: str
    paragraph_start: int
    paragraph_end: int
    before: str
    after: str
    replies_to: QuoteOut | None = Field(description="For a transcript answer: the question.")


class SameWords(Out):
    """The same words reported by another document: a news quote and its transcript turn."""

    model_config = example_config(
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
    model_config = example_config(
        {**ex.QUOTE, "snippet": None, "context": ex.CONTEXT, "same_words": []}
    )

    context: QuoteContext
    same_words: list[SameWords] = Field(
        description="Other documents that carry these words, best match first."
    )
    verification: Verification | None = Field(
        default=None,
        description="For a direct or partial news quote: the verdict, the transcript passage "
        "and a word-level diff.",
    )


class FacetCount(Out):
    model_config = example_config({"key": "1", "label": "John Kerry", "count": 6})

    key: str = Field(description="Id (speaker, topic, event), kind, or month (YYYY-MM).")
    label: str
    count: int


class Facets(Out):
    model_config = example_config(
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
            "verification": [{"key": "altered", "label": "altered", "count": 1}],
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
    verification: list[FacetCount] = Field(
        description="News quotes by verification status (verbatim, edited, altered, ...)."
    )
    interpreted: list[str]


class QuotePage(Page[QuoteOut]):
    """A page of quotes, with how each forgiving input was understood."""

    model_config = example_config(
        {
            "items": [ex.QUOTE],
            "next_cursor": "eyJpZCI6OX0",
            "next_url": "https://ontherecord.example/quotes?speaker=Kerry&q=sanctions"
            "&limit=1&cursor=eyJpZCI6OX0",
            "total": 3,
            "total_is_estimate": False,
            "interpreted": ["speaker 'Kerry' matched John Kerry"],
        }
    )

    interpreted: list[str] = Field(
        description="How forgiving inputs were understood: \"speaker 'kery' matched John Kerry\"."
    )
