"""Topics: people, places, organisations and themes, under all their names."""

from __future__ import annotations

from typing import Annotated

from fastapi import APIRouter, Query, Request

from app.api.deps import CursorParam, LimitParam, ScopeParam, SessionDep, TopicId
from app.errors import problem_responses
from app.schemas import QuotePage, TopicDetail, TopicPage
from app.services.pages import quote_page
from app.services.quotes import QuoteFilters
from app.services.topics import get_topic as fetch_topic
from app.services.topics import list_topics as fetch_topics
from app.services.topics import require_topic

router = APIRouter(prefix="/topics", tags=["topics"])


@router.get(
    "",
    response_model=TopicPage,
    responses=problem_responses(400, 422),
    summary="Find topics",
)
def list_topics(
    session: SessionDep,
    q: Annotated[
        str | None, Query(description="A name or alias, spelt forgivingly.", examples=["Daesh"])
    ] = None,
    limit: LimitParam = 20,
    cursor: CursorParam = None,
) -> TopicPage:
    """Topics that quotes are about, with their aliases and number of quotes."""
    items, next_cursor = fetch_topics(session, q, limit, cursor)
    return TopicPage(items=items, next_cursor=next_cursor)


@router.get(
    "/{topic_id}",
    response_model=TopicDetail,
    responses=problem_responses(400, 404, 422),
    summary="One topic: aliases and who talks about it",
)
def get_topic(topic_id: TopicId, session: SessionDep) -> TopicDetail:
    """One topic: its aliases, how often it is quoted and who talks about it most."""
    return fetch_topic(session, topic_id)


@router.get(
    "/{topic_id}/quotes",
    response_model=QuotePage,
    responses=problem_responses(400, 404, 422),
    summary="The quotes about one topic",
)
def list_topic_quotes(
    request: Request,
    topic_id: TopicId,
    session: SessionDep,
    scope: ScopeParam = "quote",
    limit: LimitParam = 20,
    cursor: CursorParam = None,
) -> QuotePage:
    """Every quote about one topic; `scope=context` also counts the words around a quote."""
    require_topic(session, topic_id)
    filters = QuoteFilters(topics=[str(topic_id)], scope=scope)
    return quote_page(session, filters, limit, cursor, request.url)
