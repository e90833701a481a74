"""Quotes: the words, who said them, where, and what they are about."""

from __future__ import annotations

from typing import Annotated, Any, Literal

from fastapi import APIRouter, Depends, Query, Request, Response
from fastapi.responses import StreamingResponse

from app.api.deps import IsoDate, QuoteId, ScopeParam, SessionDep, id_query, release
from app.api.paging import PageParams
from app.api.problems import problem_responses
from app.schemas import Facets, QuoteDetail, QuoteKind, QuotePage, VerificationStatus
from app.services.context import quote_detail
from app.services.export import csv_stream, export_filename, ndjson_stream
from app.services.facets import quote_facets as count_facets
from app.services.quotes import QuoteFilters, quote_page_data
from app.services.quotes import get_quote as fetch_quote

router = APIRouter(prefix="/quotes", tags=["quotes"])

EXPORT_TYPES = {"csv": "text/csv; charset=utf-8", "ndjson": "application/x-ndjson"}
# Exports are documented by example: a CSV header and row, an NDJSON line (abridged here;
# each line is a whole QuoteOut).
EXPORT_CONTENT: dict[str, Any] = {
    "text/csv": {
        "schema": {"type": "string"},
        "example": "id,text,kind,speaker_id,speaker,spoken_on,document_id,document_title,start,"
        "end,event_id,attribution_label,attribution_method,topics\r\n"
        '9,"And let me make it clear: We are considering additional sanctions…",turn,1,'
        'John Kerry,2016-10-16,1,"Joint Statement From Secretary John Kerry and U.K. Foreign '
        'Secretary Boris Johnson",11984,12274,1,SECRETARY KERRY,label,'
        '"[""Barack Obama"", ""sanctions""]"\r\n',
    },
    "application/x-ndjson": {
        "schema": {"type": "string"},
        "example": '{"id":9,"text":"And let me make it clear: We are considering additional '
        'sanctions…","kind":"turn","speaker":{"id":1,"name":"John Kerry","slug":"john-kerry"},'
        '"spoken_on":"2016-10-16"}\n',
    },
}


async def quote_filters(  # async: no I/O, no thread-pool trip
    speaker: Annotated[
        list[str],
        Query(
            description="Who said it: an id, a Wikidata id (`Q76`), a slug or a name, spelt "
            "forgivingly (`kerry`, `John Kerry`, `Kery`). Repeat for several speakers.",
            examples=[["Kerry"]],
        ),
    ] = [],  # noqa: B006 - FastAPI copies defaults
    topic: Annotated[
        list[str],
        Query(
            description="What it is about, under any name (`Assad`, `ISIS` = `Daesh` = `ISIL`). "
            "Repeat for several; all must match unless `topic_mode=any`.",
            examples=[["Assad"]],
        ),
    ] = [],  # noqa: B006
    q: Annotated[
        str | None,
        Query(
            description='Words in the quote: `sanctions`, `"additional sanctions"`, `negotiat*`, '
            "`ceasefire OR truce`, `-Russia`.",
            examples=['"additional sanctions"'],
        ),
    ] = None,
    role: Annotated[
        str | None,
        Query(
            description="Whoever held a role when they spoke: `US Secretary of State`, "
            "`foreign minister`.",
            examples=["US Secretary of State"],
        ),
    ] = None,
    kind: Annotated[
        list[QuoteKind],
        Query(
            description="Kinds: turn (transcript), question (from the floor), direct, partial, "
            "indirect (news).",
            examples=[["direct"]],
        ),
    ] = [],  # noqa: B006
    date_from: Annotated[
        IsoDate | None,
        Query(description="Spoken on or after (YYYY-MM-DD).", examples=["2015-01-01"]),
    ] = None,
    date_to: Annotated[
        IsoDate | None,
        Query(description="Spoken on or before (YYYY-MM-DD).", examples=["2016-12-31"]),
    ] = None,
    event: Annotated[int | None, id_query("Only quotes spoken at this event id.")] = None,
    document: Annotated[int | None, id_query("Only quotes from this document id.")] = None,
    topic_mode: Annotated[
        Literal["all", "any"],
        Query(description="With several topics: all or any.", examples=["all"]),
    ] = "all",
    scope: ScopeParam = "quote",
    verification: Annotated[
        list[VerificationStatus],
        Query(
            description="News quotes checked against the transcript: `verbatim`, `edited` "
            "(every change signposted), `altered` (words changed without a signpost), "
            "`unmatched` (not found in the event's transcript), `no_source` (no transcript). "
            "Repeat for several.",
            examples=[["altered"]],
        ),
    ] = [],  # noqa: B006
) -> QuoteFilters:
    return QuoteFilters(
        speakers=speaker,
        topics=topic,
        topic_mode=topic_mode,
        scope=scope,
        kinds=list(kind),
        event=event,
        document=document,
        date_from=date_from,
        date_to=date_to,
        q=q,
        role=role,
        verification=list(verification),
    )


FiltersDep = Annotated[QuoteFilters, Depends(quote_filters)]


@router.get(
    "",
    response_model=QuotePage,
    responses={**problem_responses(400, 422), 200: {"content": EXPORT_CONTENT}},
    summary="Find quotes",
)
def list_quotes(
    *,  # keyword-only: Swagger lists parameters in this order, journalists' first
    request: Request,
    session: SessionDep,
    filters: FiltersDep,
    sort: Annotated[
        Literal["id", "date", "-date", "relevance"],
        Query(
            description="`id` (arrival order), `date`, `-date` (newest first), "
            "`relevance` (with `q`).",
            examples=["-date"],
        ),
    ] = "id",
    page: PageParams,
    count: Annotated[
        Literal["exact", "none"],
        Query(description="`none` skips counting `total`.", examples=["exact"]),
    ] = "exact",
    format: Annotated[
        Literal["json", "csv", "ndjson"] | None,
        Query(description="`csv` or `ndjson` stream every match (no paging).", examples=["json"]),
    ] = None,
) -> Response:
    """Find quotes by speaker, topic, words, role, kind, event, document and date.

    Names are matched forgivingly and `interpreted` says how each was understood. Follow
    `next_cursor` (or `next_url`, also sent as a `Link` header) for the next page. With
    `format=csv` or `format=ndjson` (or an `Accept` of `text/csv` / `application/x-ndjson`)
    every match is streamed.
    """
    export = format or _export_from_accept(request.headers.get("accept", ""))
    if export in EXPORT_TYPES:
        lines = csv_stream if export == "csv" else ndjson_stream
        name = export_filename(filters, export)
        return StreamingResponse(
            lines(session, filters),
            media_type=EXPORT_TYPES[export],
            headers={"Content-Disposition": f'attachment; filename="{name}"'},
        )
    found = quote_page_data(
        session, filters, page.limit, page.cursor, sort=sort, count=count == "exact"
    )
    release(session)
    return page.send(found)


def _export_from_accept(accept: str) -> str | None:
    if "text/csv" in accept:
        return "csv"
    if "application/x-ndjson" in accept:
        return "ndjson"
    return None


@router.get(
    "/facets",
    response_model=Facets,
    responses=problem_responses(400, 422),
    summary="Count matching quotes by speaker, topic, kind, event and month",
)
def quote_facets(session: SessionDep, filters: FiltersDep) -> Facets:
    """Count the quotes matching the same filters as `GET /quotes`, by speaker, topic, kind,
    event, month and verification status: *who talks most about Assad, and when*."""
    return count_facets(session, filters)


@router.get(
    "/{quote_id}",
    response_model=QuoteDetail,
    responses=problem_responses(400, 404, 410, 422),
    summary="One quote, with its context",
)
def get_quote(quote_id: QuoteId, session: SessionDep) -> QuoteDetail:
    """One quote with its context: its paragraph, the sentences around it and, for a
    transcript answer, the question it replies to. A direct or partial news quote carries
    `verification`: whether it was quoted as said, the transcript passage it reports and a
    word-level diff of what changed. A quote a corrected version of its document no longer
    holds is 410 Gone, with links to the document now and to the version that retired it."""
    return quote_detail(session, fetch_quote(session, quote_id))
