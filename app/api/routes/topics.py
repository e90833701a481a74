"""Topics: people, places, organisations and themes, under all their names."""

from __future__ import annotations

from typing import Annotated

from fastapi import APIRouter, Query

from app.api.deps import ExistingTopicId, ScopeParam, SessionDep, TopicId
from app.api.paging import PageParams
from app.api.problems import problem_responses
from app.schemas import QuotePage, TopicDetail, TopicPage
from app.services.quotes import QuoteFilters, quote_page
from app.services.topics import get_topic as fetch_topic
from app.services.topics import list_topics as fetch_topics

router = APIRouter(prefix="/topics", tags=["topics"])


@router.get(
    "",
    response_model=TopicPage,
    responses=problem_responses(400, 422),
    summary="Find topics",
)
def list_topics(
    session: SessionDep,
    page: PageParams,
    q: Annotated[
        str | None, Query(description="A name or alias, spelt forgivingly.", examples=["Daesh"])
    ] = None,
) -> TopicPage:
    """Topics that quotes are about, with their aliases and number of quotes."""
    return page.send(fetch_topics(session, q, page.limit, page.cursor))


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
    topic_id: ExistingTopicId,
    session: SessionDep,
    page: PageParams,
    scope: ScopeParam = "quote",
) -> QuotePage:
    """Every quote about one topic; `scope=context` also counts the words around a quote."""
    filters = QuoteFilters(topics=[str(topic_id)], scope=scope)
    return page.send(quote_page(session, filters, page.limit, page.cursor))
