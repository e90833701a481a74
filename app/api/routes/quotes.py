"""Quotes: the words, who said them, where, and what they are about."""

from __future__ import annotations

from collections.abc import Iterator
from typing import Any

from fastapi import APIRouter, Request, Response
from fastapi.concurrency import run_in_threadpool
from fastapi.responses import StreamingResponse
from sqlalchemy.orm import Session
from starlette.background import BackgroundTask

from app.api.deps import QuoteId, SessionDep, end_read, read_session
from app.api.paging import PageRequest
from app.api.problems import problem_responses
from app.api.query_model import query_model, query_parameters
from app.api.quote_params import (
    QuoteFilterParams,
    QuoteFilterQuery,
    QuoteListQuery,
)
from app.schemas import Facets, QuoteDetail, QuotePage
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


@router.get(
    "",
    response_model=QuotePage,
    responses={**problem_responses(400, 422), 200: {"content": EXPORT_CONTENT}},
    summary="Find quotes",
    openapi_extra=query_parameters(QuoteListQuery),
)
async def list_quotes(request: Request) -> Response:
    """Find quotes by speaker, topic, words, role, kind, event, document and date.

    Names are matched forgivingly and `interpreted` says how each was understood. Follow
    `next_cursor` (or `next_url`, also sent as a `Link` header) for the next page. With
    `format=csv` or `format=ndjson` (or an `Accept` of `text/csv` / `application/x-ndjson`)
    every match is streamed.
    """
    params = await _read_list_query(request)
    export = params.format or _export_from_accept(request.headers.get("accept", ""))
    if export in EXPORT_TYPES:
        return _export(request, params.filters(), export)
    return await run_in_threadpool(_page, request, params)


# `GET /quotes` is the hottest route: it declares no FastAPI parameters (its query model is
# read here and documented through `openapi_extra`) and does all its database work in one
# trip through the thread pool, with a session it opens and ends there (`read_session`).
# Solving a session dependency with yield and two more dependencies cost ~4% of a page's
# instructions (`benchmarks/request_instructions.py`) and, with one worker at 16
# connections, a fifth of its CPU in hand-offs of the GIL. Same validation, errors, OpenAPI.
_read_list_query = query_model(QuoteListQuery)


def _page(request: Request, params: QuoteListQuery) -> Response:
    page = PageRequest(params.limit, params.cursor, request.url)
    with read_session(request) as session:
        found = quote_page_data(
            session,
            params.filters(),
            page.limit,
            page.cursor,
            sort=params.sort,
            count=params.count == "exact",
        )
    return page.send(found)


def _export(request: Request, filters: QuoteFilters, export: str) -> Response:
    """Every match streamed, read in a session of its own that the stream ends: as a read
    (`end_read`) once the last line is out; closed if the stream fails or the client leaves,
    and in any case once the response is over (a stream never started)."""
    lines = csv_stream if export == "csv" else ndjson_stream
    name = export_filename(filters, export)
    session = request.app.state.session_factory()
    try:
        checked = lines(session, filters)  # a bad search is a 400 before the first byte
    except BaseException:
        session.close()
        raise
    return StreamingResponse(
        _ending(session, checked),
        media_type=EXPORT_TYPES[export],
        headers={"Content-Disposition": f'attachment; filename="{name}"'},
        background=BackgroundTask(session.close),
    )


def _ending(session: Session, lines: Iterator[str]) -> Iterator[str]:
    try:
        yield from lines
    except BaseException:
        session.close()
        raise
    end_read(session)


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
    openapi_extra=query_parameters(QuoteFilterQuery),
)
def quote_facets(session: SessionDep, params: QuoteFilterParams) -> Facets:
    """Count the quotes matching the same filters as `GET /quotes`, by speaker, topic, kind,
    event, month and verification status: *who talks most about Assad, and when*."""
    return count_facets(session, params.filters())


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
