"""The three routes every catalogue resource has, declared once.

`/documents`, `/speakers`, `/topics` and `/events` each answer a list, one item by id, and the
quotes of one item. What differs (the list's filters, which quotes belong to an item, the
Swagger text) is given as a `Catalogue`; the routes, their status codes and paging are here.

No `from __future__ import annotations` in this module: FastAPI reads the annotations of the
route functions built below, and they name local dependency aliases.
"""

from collections.abc import Callable
from dataclasses import dataclass
from typing import Annotated, Any

from fastapi import APIRouter, Depends, Response
from sqlalchemy.orm import Session

from app.api.deps import SessionDep, path_id
from app.api.paging import PageParams, PageRequest, page_params
from app.api.problems import problem_responses
from app.schemas import Page, QuotePage
from app.services.existence import Resource
from app.services.quotes import QuoteFilters, quote_page_data


@dataclass(frozen=True)
class Route:
    """A route's name (its operation id) and the text journalists read in /docs."""

    name: str
    summary: str
    description: str


def no_filters() -> dict[str, Any]:
    """A list with nothing to filter by (documents, events)."""
    return {}


@dataclass(frozen=True)
class Catalogue:
    """What one catalogue resource declares; `catalogue_router` turns it into routes."""

    resource: Resource
    page_model: type[Page[Any]]
    detail_model: type[Any]
    list_items: Callable[..., Page[Any]]  # (session, limit=, cursor=, **filters) -> page
    get_item: Callable[[Session, int], Any]
    # A dependency taking `{resource}_id` (checked to exist) and any extra query parameters.
    quote_filters: Callable[..., QuoteFilters]
    list_route: Route
    get_route: Route
    quotes_route: Route
    list_filters: Callable[..., dict[str, Any]] = no_filters  # a dependency: query -> kwargs
    quotes_per_page: int = 20  # the default `limit` of the item's quotes


def catalogue_router(spec: Catalogue) -> APIRouter:
    """`GET /{plural}`, `GET /{plural}/{id}` and `GET /{plural}/{id}/quotes` for one resource."""
    plural = f"{spec.resource}s"
    router = APIRouter(prefix=f"/{plural}", tags=[plural])
    item_id = Annotated[int, Depends(path_id(spec.resource))]
    quotes_page = Annotated[PageRequest, Depends(page_params(spec.quotes_per_page))]
    filters_dep = Annotated[dict[str, Any], Depends(spec.list_filters)]
    quote_filters_dep = Annotated[QuoteFilters, Depends(spec.quote_filters)]

    def list_items(session: SessionDep, filters: filters_dep, page: PageParams) -> Any:
        return page.send(spec.list_items(session, limit=page.limit, cursor=page.cursor, **filters))

    def get_item(ident: item_id, session: SessionDep) -> Any:
        return spec.get_item(session, ident)

    def list_quotes(filters: quote_filters_dep, session: SessionDep, page: quotes_page) -> Response:
        return page.send(quote_page_data(session, filters, page.limit, page.cursor))

    routes: list[tuple[str, Callable[..., Any], Route, Any, tuple[int, ...]]] = [
        ("", list_items, spec.list_route, spec.page_model, (400, 422)),
        (f"/{{{spec.resource}_id}}", get_item, spec.get_route, spec.detail_model, (400, 404, 422)),
        (
            f"/{{{spec.resource}_id}}/quotes",
            list_quotes,
            spec.quotes_route,
            QuotePage,
            (400, 404, 422),
        ),
    ]
    for path, endpoint, route, model, statuses in routes:
        router.add_api_route(
            path,
            endpoint,
            methods=["GET"],
            name=route.name,
            response_model=model,
            responses=problem_responses(*statuses),
            summary=route.summary,
            description=route.description,
        )
    return router
