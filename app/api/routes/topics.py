"""Topics: people, places, organisations and themes, under all their names."""

from __future__ import annotations

from typing import Annotated, Any

from fastapi import Query

from app.api.catalogue import Catalogue, Route, catalogue_router
from app.api.deps import ExistingTopicId, ScopeParam
from app.schemas import TopicDetail, TopicPage
from app.services.quotes import QuoteFilters
from app.services.topics import get_topic, list_topics


def topic_filters(
    q: Annotated[
        str | None, Query(description="A name or alias, spelt forgivingly.", examples=["Daesh"])
    ] = None,
) -> dict[str, Any]:
    return {"q": q}


def topic_quotes(topic_id: ExistingTopicId, scope: ScopeParam = "quote") -> QuoteFilters:
    return QuoteFilters(topics=[str(topic_id)], scope=scope)


router = catalogue_router(
    Catalogue(
        resource="topic",
        page_model=TopicPage,
        detail_model=TopicDetail,
        list_items=list_topics,
        get_item=get_topic,
        list_filters=topic_filters,
        quote_filters=topic_quotes,
        list_route=Route(
            "list_topics",
            "Find topics",
            "Topics that quotes are about, with their aliases and number of quotes.",
        ),
        get_route=Route(
            "get_topic",
            "One topic: aliases and who talks about it",
            "One topic: its aliases, how often it is quoted and who talks about it most.",
        ),
        quotes_route=Route(
            "list_topic_quotes",
            "The quotes about one topic",
            "Every quote about one topic; `scope=context` also counts the words around a quote.",
        ),
    )
)
