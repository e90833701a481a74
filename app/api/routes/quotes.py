"""Quotes: the words, who said them, where, and what they are about."""

from __future__ import annotations

import datetime as dt
from typing import Annotated, Literal

from fastapi import APIRouter, Query, Request

from app.api.deps import CursorParam, LimitParam, SessionDep
from app.schemas import Problem, QuoteDetail, QuoteKind, QuotePage
from app.services.context import quote_detail
from app.services.present import quote_out
from app.services.quotes import QuoteFilters, find_quotes, get_quote as fetch_quote

router = APIRouter(prefix="/quotes", tags=["quotes"])


@router.get("", response_model=QuotePage, responses={400: {"model": Problem}, 422: {"model": Problem}})
def list_quotes(
    request: Request,
    session: SessionDep,
    speaker: Annotated[
        list[str],
        Query(
            description="Who said it: an id, a slug or a name, spelt forgivingly "
            "(`kerry`, `John Kerry`, `Kery`). Repeat for several speakers.",
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
    topic_mode: Annotated[
        Literal["all", "any"], Query(description="With several topics: all or any.")
    ] = "all",
    scope: Annotated[
        Literal["quote", "context"],
        Query(
            description="`quote`: the quote's own words name the topic. `context`: the words "
            "around it count too (the question an answer replies to, the paragraph)."
        ),
    ] = "quote",
    kind: Annotated[
        list[QuoteKind],
        Query(description="Kinds of quote: turn, question, direct, partial, indirect."),
    ] = [],  # noqa: B006
    event: Annotated[int | None, Query(description="Only quotes spoken at this event id.")] = None,
    document: Annotated[int | None, Query(description="Only quotes from this document id.")] = None,
    date_from: Annotated[
        dt.date | None, Query(description="Spoken on or after (YYYY-MM-DD).", examples=["2015-01-01"])
    ] = None,
    date_to: Annotated[
        dt.date | None, Query(description="Spoken on or before (YYYY-MM-DD).", examples=["2016-12-31"])
    ] = None,
    limit: LimitParam = 20,
    cursor: CursorParam = None,
) -> QuotePage:
    """Find quotes by speaker, topic, kind, event, document and date.

    Names are matched forgivingly; `interpreted` says how each was understood. Results come
    in a stable order; follow `next_cursor` (or `next_url`) for the next page.
    """
    filters = QuoteFilters(
        speakers=speaker,
        topics=topic,
        topic_mode=topic_mode,
        scope=scope,
        kinds=list(kind),
        event=event,
        document=document,
        date_from=date_from,
        date_to=date_to,
    )
    page = find_quotes(session, filters, limit, cursor)
    next_url = (
        str(request.url.include_query_params(cursor=page.next_cursor)) if page.next_cursor else None
    )
    return QuotePage(
        items=[quote_out(q) for q in page.items],
        next_cursor=page.next_cursor,
        next_url=next_url,
        total=None,
        interpreted=page.interpreted,
    )


@router.get("/{quote_id}", response_model=QuoteDetail, responses={404: {"model": Problem}})
def get_quote(quote_id: int, session: SessionDep) -> QuoteDetail:
    """One quote with its context: its paragraph, the sentences around it and, for a
    transcript answer, the question it replies to."""
    return quote_detail(session, fetch_quote(session, quote_id))
