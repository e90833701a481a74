"""The paging parameters every list endpoint takes, and the one place a page gets its links."""

from __future__ import annotations

from collections.abc import Awaitable, Callable
from dataclasses import dataclass
from typing import Annotated, Any

from fastapi import Depends, Query, Request
from starlette.datastructures import URL

from app.api.responses import FastJSONResponse
from app.schemas import Page

# Shared with the query models (`api.quote_params`): one wording for every list.
CURSOR_HELP = "Opaque cursor from the previous page's `next_cursor`; leave out for the first page."
CURSOR_EXAMPLE = "eyJpZCI6OX0"
MAX_LIMIT = 200
LIMIT_HELP = f"Items per page (1-{MAX_LIMIT})."

CursorParam = Annotated[str | None, Query(description=CURSOR_HELP, examples=[CURSOR_EXAMPLE])]


@dataclass(frozen=True)
class PageRequest:
    """What a list route was asked for, and where to put the next page's address."""

    limit: int
    cursor: str | None
    url: URL

    def send(self, page: Page[Any] | dict[str, Any]) -> FastJSONResponse:
        """The page as the response: `next_url` filled from this request's URL and sent as a
        `Link` header too. A `Page` was validated when built and a dict page (quotes) is
        built in its shape from typed rows: neither is validated again."""
        cursor = page["next_cursor"] if isinstance(page, dict) else page.next_cursor
        if not cursor:
            return FastJSONResponse(page)
        next_url = str(self.url.include_query_params(cursor=cursor))
        linked = (
            {**page, "next_url": next_url}
            if isinstance(page, dict)
            else page.model_copy(update={"next_url": next_url})
        )
        return FastJSONResponse(linked, headers={"Link": f'<{next_url}>; rel="next"'})


def page_params(default_limit: int) -> Callable[..., Awaitable[PageRequest]]:
    """`limit` and `cursor` as one dependency; lists differ only in their default page size."""

    async def page_request(  # async: no I/O, so no trip through the thread pool
        request: Request,
        limit: Annotated[
            int,
            Query(ge=1, le=MAX_LIMIT, description=LIMIT_HELP, examples=[20]),
        ] = default_limit,
        cursor: CursorParam = None,
    ) -> PageRequest:
        return PageRequest(limit, cursor, request.url)

    return page_request


PageParams = Annotated[PageRequest, Depends(page_params(20))]
