"""A page of quotes as every quote-listing endpoint returns it."""

from __future__ import annotations

from sqlalchemy.orm import Session
from starlette.datastructures import URL

from app.schemas import QuotePage
from app.services.present import quote_out
from app.services.quotes import QuoteFilters, find_quotes


def quote_page(
    session: Session,
    filters: QuoteFilters,
    limit: int,
    cursor: str | None,
    url: URL,
    sort: str = "id",
    count: bool = True,
) -> QuotePage:
    """Keyset page in a stable order, with the ready-made URL of the next page."""
    page = find_quotes(session, filters, limit, cursor, sort=sort, count=count)
    next_url = str(url.include_query_params(cursor=page.next_cursor)) if page.next_cursor else None
    items = [
        quote_out(q).model_copy(update={"snippet": page.snippets.get(q.id)}) for q in page.items
    ]
    return QuotePage(
        items=items,
        next_cursor=page.next_cursor,
        next_url=next_url,
        total=page.total,
        total_is_estimate=page.total_is_estimate,
        interpreted=page.interpreted,
    )
