"""Finding quotes: filters -> one keyset-paginated select; inputs echoed as understood.

Every statement of a page is built once per shape (`services.shapes`) and run with the
request's values: what the filters became (`services.quote_query`), the cursor and the page
size.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Hashable, Iterator, Sequence
from dataclasses import dataclass
from typing import Any

from sqlalchemy import (
    ARRAY,
    Connection,
    Integer,
    Row,
    Select,
    and_,
    any_,
    func,
    literal_column,
    or_,
    select,
)
from sqlalchemy.orm import Session

from app.db.models import Document, Quote
from app.db.session import PREPARED
from app.errors import BadQuery
from app.schemas import QuotePage
from app.services.existence import missing_quote
from app.services.facet_counts import kept_total
from app.services.fulltext import FTS5, FTS5_MATCHES
from app.services.paging import decode_cursor, encode_cursor, invalid_cursor, require_keys
from app.services.present import quote_load_options
from app.services.quote_query import (
    QuoteFilters,
    QuoteQuery,
    build_query,
    check_dates,
    check_filters,
)
from app.services.quote_rows import (
    fts5_quote_select,
    quote_dicts,
    quote_select,
    read_quotes,
    topics_column,
)
from app.services.shapes import shaped, slot

__all__ = ["QuoteFilters", "build_query", "check_dates", "check_filters", "find_quotes"]

# Counting stops here and `total` becomes "at least this many" (total_is_estimate). Counting is
# the dearest part of a page: 10,000 matches of a common word took ~30 ms to count on
# PostgreSQL (a heap visit each) against ~5 ms for the page; 1,000 is a screenful of pages.
TOTAL_CAP = 1_000


@dataclass(frozen=True)
class QuoteRows:
    """One page of quotes as `QuoteOut`-shaped dicts, before they become `QuotePage`."""

    items: list[dict[str, Any]]
    next_cursor: str | None
    interpreted: list[str]
    total: int | None = None
    total_is_estimate: bool = False


def find_quotes(
    session: Session,
    filters: QuoteFilters,
    limit: int,
    cursor: str | None,
    sort: str = "id",
    count: bool = False,
) -> QuoteRows:
    """One page in a stable order, fetching limit+1 rows to know whether more follow."""
    query = build_query(session, filters)
    if query.empty:
        return QuoteRows([], None, query.interpreted, 0 if count else None)
    if sort == "relevance" and query.search is None:
        raise BadQuery("sort=relevance needs a full-text query in q")
    after = decode_cursor(cursor)
    keyset = _keyset_params(after, sort)
    text_ids, beyond_cap = _text_matches(session, query, sort)
    if text_ids is not None:
        return _page_of_ids(session, query, text_ids, limit, after, count)
    if query.fts5 and sort == "id":
        return _fts5_page(session, query, limit, after, count)
    params = {**query.params, **keyset, "page_rows": limit + 1}
    rows = _page_rows(session, query, sort, _keyset_shape(after, sort), params)
    more = len(rows) > limit
    rows = rows[:limit]
    next_cursor = _cursor_after(rows[-1], sort) if more and rows else None
    with_snippets = bool(rows) and "snippet" in rows[0]._fields
    items = quote_dicts(session, rows, None if with_snippets else _snippets(session, query, rows))
    if count and beyond_cap:  # more than TOTAL_CAP matches: already known
        return QuoteRows(items, next_cursor, query.interpreted, TOTAL_CAP, True)
    total, estimate = (None, False)
    if count:
        total, estimate = _total(session, query, after, rows, more, filters)
    return QuoteRows(items, next_cursor, query.interpreted, total, estimate)


def quote_page_data(
    session: Session,
    filters: QuoteFilters,
    limit: int,
    cursor: str | None,
    sort: str = "id",
    count: bool = True,
) -> dict[str, Any]:
    """A page of quotes in the `QuotePage` shape, as plain data for the JSON API.

    Not validated: built from typed rows, it is encoded as it is (tests hold its shape to
    `QuotePage`); validating 20 quotes cost more than reading them.
    """
    rows = find_quotes(session, filters, limit, cursor, sort=sort, count=count)
    return {
        "items": rows.items,
        "next_cursor": rows.next_cursor,
        "next_url": None,
        "total": rows.total,
        "total_is_estimate": rows.total_is_estimate,
        "interpreted": rows.interpreted,
    }


def quote_page(
    session: Session,
    filters: QuoteFilters,
    limit: int,
    cursor: str | None,
    sort: str = "id",
    count: bool = True,
) -> QuotePage:
    """The same page as `QuotePage` models, for readers that use attributes (the web pages)."""
    return QuotePage.model_validate(
        quote_page_data(session, filters, limit, cursor, sort=sort, count=count)
    )


def _snippets(session: Session, query: QuoteQuery, rows: Sequence[Any]) -> dict[int, str] | None:
    """Highlights for the page's rows only, once they are chosen; None without a search."""
    if query.search is None:
        return None
    return query.search.snippets(session, [row.id for row in rows])


def _text_matches(session: Session, query: QuoteQuery, sort: str) -> tuple[list[int] | None, bool]:
    """PostgreSQL, full-text search sorted by id: every matching id (any order) when there are
    at most TOTAL_CAP, and whether there are more.

    PostgreSQL estimates a phrase as if its words were independent, and a rare word from
    sparse statistics, so `ORDER BY id LIMIT n` could walk every quote checking each one
    (0.4 s at a million quotes) for a phrase found 21 times. Read from the full-text index,
    up to TOTAL_CAP matches cost ~10 ms; past that they are common, and the walk is short.
    A single word the planner counts in the thousands (`common_word`) is known to be common
    without reading them. SQLite needs none of this: its FTS5 subquery always yields every
    match up front.
    """
    if query.search is None or sort != "id" or query.sqlite:
        return None, False
    connection = session.connection()
    if common_word(connection, query):
        return None, True
    # One array value, not 10k rows: ~5 ms less through the driver and the ORM.
    matching = shaped(("matching ids", query.shape), lambda: _matching_ids(query))
    ids = list(connection.scalar(matching, query.params) or [])
    return (ids, False) if len(ids) <= TOTAL_CAP else (None, True)


def _matching_ids(query: QuoteQuery) -> Select[Any]:
    matches = select(Quote.id).where(*query.clauses).limit(TOTAL_CAP + 1).subquery()
    return select(func.array_agg(matches.c.id))


# A word PostgreSQL's statistics count at this many quotes is certainly in more than TOTAL_CAP.
COMMON_ESTIMATE = 5 * TOTAL_CAP


def common_word(connection: Connection, query: QuoteQuery) -> bool:
    """A one-word search the planner estimates in COMMON_ESTIMATE quotes or more.

    A word among the column's most common elements (its statistics keep about a thousand,
    sampled from 30,000 rows) is estimated within a few percent: 27,470 for a word in 27,488
    quotes. Any other word is estimated below a few hundred, and its matches are read. Asking
    is planning only (~0.3 ms); reading a thousand matches cost ~3.4 ms, a random heap page
    each.
    """
    if query.search is None or not query.search.one_word:
        return False
    search = query.search
    sql, constants = shaped(("explain", search.shape), lambda: _explain_sql(connection, query))
    plan = connection.exec_driver_sql(sql, {**constants, **search.params})
    estimate = plan.scalar_one()[0]["Plan"]["Plan Rows"]
    return bool(estimate >= COMMON_ESTIMATE)


def _explain_sql(connection: Connection, query: QuoteQuery) -> tuple[str, dict[str, Any]]:
    """EXPLAIN of the search alone, as driver SQL taking the search's named parameters, and
    the values of its constants (the text search configuration)."""
    assert query.search is not None
    probe: Select[Any] = (
        select(literal_column("1")).select_from(Quote.__table__).where(query.search.where())
    )
    compiled = probe.compile(dialect=connection.dialect)
    constants = {k: v for k, v in compiled.params.items() if k not in query.search.params}
    return f"EXPLAIN (FORMAT JSON) {compiled}", constants


def _page_of_ids(
    session: Session,
    query: QuoteQuery,
    ids: list[int],
    limit: int,
    after: dict[str, Any] | None,
    count: bool,
) -> QuoteRows:
    """PostgreSQL: the id-ordered page after the cursor, out of every match's id; the rows
    come with their topics and snippets, as on other PostgreSQL pages."""
    last = after["id"] if after is not None else 0
    wanted = sorted(i for i in ids if i > last)[: limit + 1]
    rows = _rows_by_id(session, query, wanted[:limit])
    more = len(wanted) > limit
    next_cursor = _cursor_after(rows[-1], "id") if more and rows else None
    total = len(ids) if count else None
    items = quote_dicts(session, rows)
    return QuoteRows(items, next_cursor, query.interpreted, total, False)


def _rows_by_id(session: Session, query: QuoteQuery, ids: list[int]) -> list[Row[Any]]:
    """PostgreSQL: these quotes' rows in the order of `ids`, with their topics and, for a
    search, snippets. Prepared (`db.session.prepare_when_asked`): rows by primary key plan
    the same whatever the ids, and parsing and planning five joins was most of the
    server's work for a page."""
    if not ids:
        return []
    search = query.search
    statement = shaped(
        ("rows by id", search.shape if search is not None else None),
        lambda: _rows_by_id_statement(query),
    )
    values = {**(search.params if search is not None else {}), "ids": ids}
    by_id = {row.id: row for row in session.connection().execute(statement, values)}
    return [by_id[i] for i in ids if i in by_id]


def _rows_by_id_statement(query: QuoteQuery) -> Select[Any]:
    extra = [topics_column()]
    if query.search is not None and query.search.headline is not None:
        extra.append(query.search.headline().label("snippet"))
    by_id = Quote.id == any_(slot("ids", ARRAY(Integer)))
    return quote_select(*extra).where(by_id).execution_options(**{PREPARED: True})


def _fts5_page(
    session: Session, query: QuoteQuery, limit: int, after: dict[str, Any] | None, count: bool
) -> QuoteRows:
    """SQLite, full-text search in id order: walk the FTS5 index from the cursor on."""
    key = ("fts5 page", query.shape_without_text, after is not None)
    stmt = shaped(key, lambda: _fts5_page_statement(query, after is not None))
    params = {**query.params, "page_rows": limit + 1}
    rows = read_quotes(session, stmt, params | ({"after_id": after["id"]} if after else {}))
    more = len(rows) > limit
    rows = rows[:limit]
    next_cursor = _cursor_after(rows[-1], "id") if more and rows else None
    total, estimate = _total(session, query, after, rows, more) if count else (None, False)
    return QuoteRows(quote_dicts(session, rows), next_cursor, query.interpreted, total, estimate)


def _fts5_page_statement(query: QuoteQuery, after: bool) -> Select[Any]:
    stmt = fts5_quote_select().where(FTS5_MATCHES, *query.without_text())
    if after:
        stmt = stmt.where(FTS5.c.rowid > slot("after_id"))
    return _with_topics(stmt.order_by(FTS5.c.rowid).limit(slot("page_rows")), "id")


def _with_topics(page: Select[Any], sort: str) -> Select[Any]:
    """SQLite: a page's rows with their topics (`topics_column`), in the page's order.

    The page is picked in a MATERIALIZED CTE, which SQLite cannot fold into the outer
    query: the topics are read for its rows only, never for every match it sorts."""
    picked = page.cte("page").prefix_with("MATERIALIZED")
    rank = picked.c.rank if sort == "relevance" else None
    keys = _order_keys(sort, rank, picked.c.spoken_on, picked.c.id)
    return select(*picked.c, topics_column(picked.c.id, postgres=False)).order_by(*keys)


def _page_rows(
    session: Session, query: QuoteQuery, sort: str, keyset: Hashable, params: dict[str, Any]
) -> list[Row[Any]]:
    """The page's rows with every column a quote shows, in the keyset order.

    PostgreSQL picks the page's ids first, from quotes and the filters alone, planned for
    these values; then reads those few rows, their topics and snippets by a prepared
    statement (`_rows_by_id`). Sorted by relevance the rank rides along: the ids are picked
    in a MATERIALIZED CTE of the one statement (which the planner cannot fold back into the
    joins) and the rows are read with them.
    """
    if not query.sqlite and sort != "relevance":
        picking = shaped(
            ("page ids", query.shape, sort, keyset), lambda: _build_page_ids(query, sort, keyset)
        )
        return _rows_by_id(session, query, list(session.connection().scalars(picking, params)))
    statement = shaped(
        ("page", query.shape, sort, keyset, not query.sqlite),
        lambda: _build_page(query, sort, keyset, not query.sqlite),
    )
    return read_quotes(session, statement, params)


def _build_page_ids(query: QuoteQuery, sort: str, keyset: Hashable) -> Select[Any]:
    ids = select(Quote.id).where(*query.clauses)
    return _ordered(ids, sort, keyset, None).limit(slot("page_rows"))


def _build_page(query: QuoteQuery, sort: str, keyset: Hashable, postgres: bool) -> Select[Any]:
    rank = query.search.rank() if query.search is not None and sort == "relevance" else None
    rank_col = [rank.label("rank")] if rank is not None else []
    if not postgres:
        stmt = quote_select(*rank_col).where(*query.clauses)
        return _with_topics(_ordered(stmt, sort, keyset, rank).limit(slot("page_rows")), sort)
    ids = select(Quote.id, *rank_col).where(*query.clauses)
    page = _ordered(ids, sort, keyset, rank).limit(slot("page_rows")).cte("page")
    page = page.prefix_with("MATERIALIZED")
    page_rank = page.c.rank if rank is not None else None
    extra = [topics_column()]
    if page_rank is not None:
        extra.append(page_rank.label("rank"))
    if query.search is not None and query.search.headline is not None:
        extra.append(query.search.headline().label("snippet"))
    chosen = quote_select(*extra).join(page, page.c.id == Quote.id)
    return chosen.order_by(*_order_keys(sort, page_rank))


def _keyset_shape(after: dict[str, Any] | None, sort: str) -> Hashable:
    """Which keyset condition a page needs: none on a first page; an undated date cursor
    has its own."""
    if after is None:
        return None
    if sort in ("date", "-date") and after.get("d") is None:
        return "undated"
    return "after"


def _keyset_params(after: dict[str, Any] | None, sort: str) -> dict[str, Any]:
    """The cursor's values for the keyset condition, checked against the sort."""
    if sort in ("date", "-date"):
        require_keys(after, "d")
    elif sort == "relevance":
        require_keys(after, "r")
        if after is not None and not isinstance(after["r"], float | int):
            raise invalid_cursor()
    if after is None:
        return {}
    values: dict[str, Any] = {"after_id": after["id"]}
    if sort == "relevance":
        values["after_rank"] = after["r"]
    elif sort in ("date", "-date") and after.get("d") is not None:
        try:
            values["after_day"] = dt.date.fromisoformat(after["d"])
        except (TypeError, ValueError) as exc:
            raise invalid_cursor() from exc
    return values


def _ordered(stmt: Select[Any], sort: str, keyset: Hashable, rank: Any) -> Select[Any]:
    """Keyset order: every sort ends on the unique id, so pages never overlap or skip."""
    after_id = slot("after_id")
    if keyset == "undated":  # undated quotes come last in both directions
        stmt = stmt.where(and_(Quote.spoken_on.is_(None), Quote.id > after_id))
    elif keyset is not None and sort in ("date", "-date"):
        day = slot("after_day")
        beyond = Quote.spoken_on < day if sort == "-date" else Quote.spoken_on > day
        stmt = stmt.where(
            or_(
                beyond, and_(Quote.spoken_on == day, Quote.id > after_id), Quote.spoken_on.is_(None)
            )
        )
    elif keyset is not None and sort == "relevance":
        last = slot("after_rank")
        stmt = stmt.where(or_(rank < last, and_(rank == last, Quote.id > after_id)))
    elif keyset is not None:
        stmt = stmt.where(Quote.id > after_id)
    return stmt.order_by(*_order_keys(sort, rank))


def _order_keys(
    sort: str, rank: Any, spoken_on: Any = Quote.spoken_on, quote_id: Any = Quote.id
) -> list[Any]:
    """The ORDER BY of a sort (of quotes, or of a page's columns); undated quotes come last
    either way."""
    if sort in ("date", "-date"):
        order = spoken_on.desc() if sort == "-date" else spoken_on.asc()
        return [spoken_on.is_(None), order, quote_id]
    if sort == "relevance":
        return [rank.desc(), quote_id]
    return [quote_id]


def _cursor_after(row: Any, sort: str) -> str:
    """The cursor after `row`, a `quote_select` row (with `rank` when sorted by relevance)."""
    if sort in ("date", "-date"):
        day = row.spoken_on.isoformat() if row.spoken_on else None
        return encode_cursor({"d": day, "id": row.id})
    if sort == "relevance":
        return encode_cursor({"r": float(row.rank), "id": row.id})
    return encode_cursor({"id": row.id})


def _total(
    session: Session,
    query: QuoteQuery,
    after: dict[str, Any] | None,
    page: Sequence[Any],
    more: bool,
    filters: QuoteFilters | None = None,
) -> tuple[int, bool]:
    """Exact up to TOTAL_CAP, then marked as an estimate: never a slow count.

    A first page that holds every match is its own count: no second query. Names alone
    (a speaker, a topic, a speaker and a topic) are answered from the counts the database
    keeps (`services.facet_counts`), capped the same way, so the answer is the same.
    """
    if after is None and not more:
        return len(page), False
    kept = kept_total(session, filters, query) if filters is not None else None
    if kept is not None:
        return (TOTAL_CAP, True) if kept > TOTAL_CAP else (kept, False)
    counting = shaped(("count", query.shape, query.fts5), lambda: _capped_count(query))
    n = session.connection().scalar(counting, query.params) or 0
    return (TOTAL_CAP, True) if n > TOTAL_CAP else (n, False)


def _capped_count(query: QuoteQuery) -> Select[Any]:
    if query.fts5:  # SQLite: count from the FTS5 index, stopping at the cap
        others = query.without_text()
        matches = select(FTS5.c.rowid).where(FTS5_MATCHES, *others)
        if others:
            matches = matches.join(Quote.__table__, Quote.id == FTS5.c.rowid)
        capped = matches.limit(TOTAL_CAP + 1).subquery()
    else:
        capped = select(Quote.id).where(*query.clauses).limit(TOTAL_CAP + 1).subquery()
    return select(func.count()).select_from(capped)


def quote_batches(
    session: Session, filters: QuoteFilters, batch: int = 500
) -> Iterator[list[tuple[Row[Any], dict[str, Any]]]]:
    """Every match in id order, a batch at a time: bulk export in constant memory.

    Core rows, as quote pages read them (no ORM instances, nothing kept between batches):
    each row (with its document's `document_url`) and its `QuoteOut`-shaped dict.
    """
    query = build_query(session, filters)
    if query.empty:
        return
    last = 0
    while True:
        stmt = shaped(("export", query.shape), lambda: _export_batch(query))
        rows = read_quotes(session, stmt, {**query.params, "after_id": last, "page_rows": batch})
        if not rows:
            return
        yield list(zip(rows, quote_dicts(session, rows), strict=True))
        last = rows[-1].id


def _export_batch(query: QuoteQuery) -> Select[Any]:
    return (
        quote_select(Document.url.label("document_url"))
        .where(*query.clauses, Quote.id > slot("after_id"))
        .order_by(Quote.id)
        .limit(slot("page_rows"))
    )


def get_quote(session: Session, quote_id: int) -> Quote:
    quote = session.scalars(
        select(Quote).where(Quote.id == quote_id).options(*quote_load_options())
    ).first()
    if quote is None:
        raise missing_quote(session, quote_id)
    return quote
