"""The paging parameters every list endpoint takes, and the one place a page gets its links."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from typing import Annotated, Any, TypeVar

from fastapi import Depends, Query, Request, Response
from starlette.datastructures import URL

from app.schemas import Page

PageT = TypeVar("PageT", bound=Page[Any])

CursorParam = Annotated[
    str | None,
    Query(
        description="Opaque cursor from the previous page's `next_cursor`; leave out for the "
        "first page.",
        examples=["eyJpZCI6OX0"],
    ),
]


@dataclass(frozen=True)
class PageRequest:
    """What a list route was asked for, and where to put the next page's address."""

    limit: int
    cursor: str | None
    url: URL
    response: Response

    def send(self, page: PageT) -> PageT:
        """Fill `next_url` from this request's URL and send it as a `Link` header too."""
        if not page.next_cursor:
            return page
        next_url = str(self.url.include_query_params(cursor=page.next_cursor))
        self.response.headers["Link"] = f'<{next_url}>; rel="next"'
        return page.model_copy(update={"next_url": next_url})


def page_params(default_limit: int) -> Callable[..., PageRequest]:
    """`limit` and `cursor` as one dependency; lists differ only in their default page size."""

    def page_request(
        request: Request,
        response: Response,
        limit: Annotated[
            int,
            Query(ge=1, le=200, description="Items per page (1-200).", examples=[20]),
        ] = default_limit,
        cursor: CursorParam = None,
    ) -> PageRequest:
        return PageRequest(limit, cursor, request.url, response)

    return page_request


PageParams = Annotated[PageRequest, Depends(page_params(20))]
