"""The query strings of `GET /quotes` and `GET /quotes/facets`, as models (`api.query_model`).

Documented field by field: Swagger shows these descriptions and examples.
"""

from __future__ import annotations

from typing import Annotated, Literal

from fastapi import Depends
from pydantic import BaseModel, ConfigDict, Field

from app.api.deps import SCOPE_HELP, IsoDate
from app.api.paging import CURSOR_EXAMPLE, CURSOR_HELP, LIMIT_HELP, MAX_LIMIT
from app.api.query_model import query_model
from app.schemas import QuoteKind, VerificationStatus
from app.services.paging import MAX_ID
from app.services.quotes import QuoteFilters


class QuoteFilterQuery(BaseModel):
    """What to find: the filters every quote list and its facets share."""

    model_config = ConfigDict(extra="forbid", frozen=True)

    speaker: list[str] = Field(
        default=[],
        description="Who said it: an id, a Wikidata id (`Q76`), a slug or a name, spelt "
        "forgivingly (`kerry`, `John Kerry`, `Kery`). Repeat for several speakers.",
        examples=[["Kerry"]],
    )
    topic: list[str] = Field(
        default=[],
        description="What it is about, under any name (`Assad`, `ISIS` = `Daesh` = `ISIL`). "
        "Repeat for several; all must match unless `topic_mode=any`.",
        examples=[["Assad"]],
    )
    q: str | None = Field(
        default=None,
        description='Words in the quote: `sanctions`, `"additional sanctions"`, `negotiat*`, '
        "`ceasefire OR truce`, `-Russia`.",
        examples=['"additional sanctions"'],
    )
    role: str | None = Field(
        default=None,
        description="Whoever held a role when they spoke: `US Secretary of State`, "
        "`foreign minister`.",
        examples=["US Secretary of State"],
    )
    kind: list[QuoteKind] = Field(
        default=[],
        description="Kinds: turn (transcript), question (from the floor), direct, partial, "
        "indirect (news).",
        examples=[["direct"]],
    )
    date_from: IsoDate | None = Field(
        default=None, description="Spoken on or after (YYYY-MM-DD).", examples=["2015-01-01"]
    )
    date_to: IsoDate | None = Field(
        default=None, description="Spoken on or before (YYYY-MM-DD).", examples=["2016-12-31"]
    )
    event: int | None = Field(
        default=None,
        ge=1,
        le=MAX_ID,
        description="Only quotes spoken at this event id.",
        examples=[1],
    )
    document: int | None = Field(
        default=None,
        ge=1,
        le=MAX_ID,
        description="Only quotes from this document id.",
        examples=[1],
    )
    topic_mode: Literal["all", "any"] = Field(
        default="all", description="With several topics: all or any.", examples=["all"]
    )
    scope: Literal["quote", "context"] = Field(
        default="quote", description=SCOPE_HELP, examples=["quote"]
    )
    verification: list[VerificationStatus] = Field(
        default=[],
        description="News quotes checked against the transcript: `verbatim`, `edited` "
        "(every change signposted), `altered` (words changed without a signpost), "
        "`unmatched` (not found in the event's transcript), `no_source` (no transcript). "
        "Repeat for several.",
        examples=[["altered"]],
    )

    def filters(self) -> QuoteFilters:
        return QuoteFilters(
            speakers=list(self.speaker),
            topics=list(self.topic),
            topic_mode=self.topic_mode,
            scope=self.scope,
            kinds=list(self.kind),
            event=self.event,
            document=self.document,
            date_from=self.date_from,
            date_to=self.date_to,
            q=self.q,
            role=self.role,
            verification=list(self.verification),
        )


class QuoteListQuery(QuoteFilterQuery):
    """The filters, and how to page, sort, count and export what they find."""

    sort: Literal["id", "date", "-date", "relevance"] = Field(
        default="id",
        description="`id` (arrival order), `date`, `-date` (newest first), `relevance` (with `q`).",
        examples=["-date"],
    )
    count: Literal["exact", "none"] = Field(
        default="exact", description="`none` skips counting `total`.", examples=["exact"]
    )
    format: Literal["json", "csv", "ndjson"] | None = Field(
        default=None,
        description="`csv` or `ndjson` stream every match (no paging).",
        examples=["json"],
    )
    limit: int = Field(default=20, ge=1, le=MAX_LIMIT, description=LIMIT_HELP, examples=[20])
    cursor: str | None = Field(default=None, description=CURSOR_HELP, examples=[CURSOR_EXAMPLE])


QuoteFilterParams = Annotated[QuoteFilterQuery, Depends(query_model(QuoteFilterQuery))]
