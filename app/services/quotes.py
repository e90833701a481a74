"""Finding quotes: filters -> one keyset-paginated select; inputs echoed as understood."""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterator, Sequence
from dataclasses import dataclass, field
from typing import Any

from sqlalchemy import ColumnElement, Row, Select, and_, func, literal_column, or_, select
from sqlalchemy.orm import Session

from app.db.models import Document, Quote, QuoteTopic, SpeakerRole
from app.errors import BadQuery
from app.nlp.directory.offices import split_country
from app.nlp.roles import ROLE_FAMILIES, role_family
from app.schemas import QuotePage
from app.services.existence import missing_quote
from app.services.facet_counts import kept_total
from app.services.fulltext import (
    FTS5,
    Search,
    fts5_matches,
    parse_query,
    postgres_search,
    sqlite_search,
)
from app.services.names import resolve_speaker_ref, resolve_topic_ref
from app.services.paging import decode_cursor, encode_cursor, invalid_cursor, require_keys
from app.services.present import quote_load_options
from app.services.quote_rows import fts5_quote_select, quote_dicts, quote_select, read_quotes
from app.services.verification import status_clause

# Counting stops here and `total` becomes "at least this many" (total_is_estimate). Counting is
# the dearest part of a page: 10,000 matches of a common word took ~30 ms to count on
# PostgreSQL (a heap visit each) against ~5 ms for the page; 1,000 is a screenful of pages.
TOTAL_CAP = 1_000


@dataclass(frozen=True)
class QuoteFilters:
    speakers: list[str] = field(default_factory=list)
    topics: list[str] = field(default_factory=list)
    topic_mode: str = "all"
    scope: str = "quote"
    kinds: list[str] = field(default_factory=list)
    event: int | None = None
    document: int | None = None
    date_from: dt.date | None = None
    date_to: dt.date | None = None
    q: str | None = None
    role: str | None = None
    verification: list[str] = field(default_factory=list)


@dataclass
class QuoteQuery:
    """The clauses a set of filters became, and the sentences that explain them."""

    clauses: list[ColumnElement[bool]]
    interpreted: list[str]
    empty: bool = False  # a forgiving name matched nothing: the answer is no quotes
    rank: Any = None
    search: Search | None = None
    fts5_q: str | None = None  # SQLite: the search, for statements driven by the FTS5 table
    speaker_ids: list[int] = field(default_factory=list)  # the speakers named, resolved
    topic_ids: list[list[int]] = field(default_factory=list)  # each topic named, resolved

    def without_text(self) -> list[ColumnElement[bool]]:
        """The clauses but the full-text one (which an FTS5-driven statement replaces)."""
        where = self.search.where if self.search is not None else None
        return [c for c in self.clauses if c is not where]


def build_query(session: Session, filters: QuoteFilters) -> QuoteQuery:
    check_dates(filters)
    query = QuoteQuery([], [])
    _speaker_clause(session, filters, query)
    _topic_clause(session, filters, query)
    _role_clause(filters, query)
    _text_clause(session, filters, query)
    if filters.kinds:
        query.clauses.append(Quote.kind.in_(filters.kinds))
    if filters.verification:
        query.clauses.append(status_clause(filters.verification))
    if filters.event is not None:
        query.clauses.append(Quote.event_id == filters.event)
    if filters.document is not None:
        query.clauses.append(Quote.document_id == filters.document)
    if filters.date_from is not None:
        query.clauses.append(Quote.spoken_on >= filters.date_from)
    if filters.date_to is not None:
        query.clauses.append(Quote.spoken_on <= filters.date_to)
    return query


def _speaker_clause(session: Session, filters: QuoteFilters, query: QuoteQuery) -> None:
    ids: list[int] = []
    for ref in filters.speakers:
        match = resolve_speaker_ref(session, ref)
        query.interpreted.append(match.describe("speaker", ref))
        ids.extend(match.ids)
    query.speaker_ids = ids
    if filters.speakers:
        query.empty = query.empty or not ids
        query.clauses.append(Quote.speaker_id.in_(ids))


def _topic_clause(session: Session, filters: QuoteFilters, query: QuoteQuery) -> None:
    scopes = ["quote"] if filters.scope == "quote" else ["quote", "context"]
    groups: list[ColumnElement[bool]] = []
    for ref in filters.topics:
        match = resolve_topic_ref(session, ref)
        query.interpreted.append(match.describe("topic", ref))
        query.topic_ids.append(match.ids)
        groups.append(_about(match.ids, scopes, probe=bool(filters.speakers)))
        if not match.ids and filters.topic_mode == "all":
            query.empty = True
    if groups:
        query.clauses.append(and_(*groups) if filters.topic_mode == "all" else or_(*groups))


def _about(topic_ids: list[int], scopes: list[str], probe: bool) -> ColumnElement[bool]:
    """Quotes about these topics. With a speaker filter, the speaker's quotes (a bounded set)
    drive and each is probed in quote_topics' primary key (EXISTS): SQLite, which has no
    per-value statistics, would otherwise walk every link of a popular topic to find the few
    by this speaker (100k rows at a million quotes). Without one, the topic's links drive (IN).
    """
    links = select(QuoteTopic.quote_id).where(
        QuoteTopic.topic_id.in_(topic_ids), QuoteTopic.scope.in_(scopes)
    )
    if probe:
        return links.where(QuoteTopic.quote_id == Quote.id).exists()
    return Quote.id.in_(links)


def _role_clause(filters: QuoteFilters, query: QuoteQuery) -> None:
    """`US Secretary of State`: whoever held that office of that country on the day they
    spoke; a role stored with no country or another country's never matches. A role named
    without a country is read across countries, and `interpreted` says how to narrow it."""
    if not filters.role:
        return
    country, title = split_country(filters.role)
    family = role_family(title)
    titles = _titles_of(family)
    held = select(SpeakerRole.speaker_id).where(
        SpeakerRole.speaker_id == Quote.speaker_id,
        func.lower(SpeakerRole.title).in_(titles),
        or_(SpeakerRole.start_date.is_(None), SpeakerRole.start_date <= Quote.spoken_on),
        or_(SpeakerRole.end_date.is_(None), SpeakerRole.end_date >= Quote.spoken_on),
    )
    if country:
        held = held.where(SpeakerRole.country == country)
        query.interpreted.append(f"role '{filters.role}' read as {title} of {country}")
    else:
        query.interpreted.append(
            f"role '{filters.role}' read as {title} of any country ({', '.join(titles)}); "
            f"name the country to narrow it, e.g. 'US {title}'"
        )
    query.clauses.append(held.exists())


def _titles_of(family: str | None) -> list[str]:
    return list(ROLE_FAMILIES.get(family or "", (family or "",)))


def _text_clause(session: Session, filters: QuoteFilters, query: QuoteQuery) -> None:
    if not filters.q:
        return
    sqlite = session.get_bind().dialect.name == "sqlite"
    query.search = (sqlite_search if sqlite else postgres_search)(filters.q)
    query.rank = query.search.rank
    query.clauses.append(query.search.where)
    query.fts5_q = filters.q if sqlite else None


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
    if sort == "relevance" and query.rank is None:
        raise BadQuery("sort=relevance needs a full-text query in q")
    after = decode_cursor(cursor)
    text_ids, beyond_cap = _text_matches(session, query, sort)
    if text_ids is not None:
        return _page_of_ids(session, query, text_ids, limit, after, count)
    if query.fts5_q is not None and sort == "id":
        return _fts5_page(session, query, limit, after, count)
    postgres = session.get_bind().dialect.name == "postgresql"
    stmt = _page_statement(query, sort, after, limit + 1, postgres)
    rows = read_quotes(session, stmt)
    more = len(rows) > limit
    rows = rows[:limit]
    next_cursor = _cursor_after(rows[-1], sort) if more and rows else None
    items = quote_dicts(session, rows, _snippets(session, query, rows))
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
    if query.rank is None or sort != "id" or session.get_bind().dialect.name == "sqlite":
        return None, False
    if common_word(session, query):
        return None, True
    matches = select(Quote.id).where(*query.clauses).limit(TOTAL_CAP + 1).subquery()
    # One array value, not 10k rows: ~5 ms less through the driver and the ORM.
    ids = list(session.connection().scalar(select(func.array_agg(matches.c.id))) or [])
    return (ids, False) if len(ids) <= TOTAL_CAP else (None, True)


# A word PostgreSQL's statistics count at this many quotes is certainly in more than TOTAL_CAP.
COMMON_ESTIMATE = 5 * TOTAL_CAP


def common_word(session: Session, query: QuoteQuery) -> bool:
    """A one-word search the planner estimates in COMMON_ESTIMATE quotes or more.

    A word among the column's most common elements (its statistics keep about a thousand,
    sampled from 30,000 rows) is estimated within a few percent: 27,470 for a word in 27,488
    quotes. Any other word is estimated below a few hundred, and its matches are read. Asking
    is planning only (~0.3 ms); reading a thousand matches cost ~3.4 ms, a random heap page
    each.
    """
    if query.search is None or not query.search.one_word:
        return False
    probe: Select[Any] = (
        select(literal_column("1")).select_from(Quote.__table__).where(query.search.where)
    )
    compiled = probe.compile(dialect=session.get_bind().dialect)
    plan = session.connection().exec_driver_sql(
        f"EXPLAIN (FORMAT JSON) {compiled}", compiled.params
    )
    estimate = plan.scalar_one()[0]["Plan"]["Plan Rows"]
    return bool(estimate >= COMMON_ESTIMATE)


def _page_of_ids(
    session: Session,
    query: QuoteQuery,
    ids: list[int],
    limit: int,
    after: dict[str, Any] | None,
    count: bool,
) -> QuoteRows:
    """The id-ordered page after the cursor, out of every match's id."""
    last = after["id"] if after is not None else 0
    wanted = sorted(i for i in ids if i > last)[: limit + 1]
    stmt = quote_select().where(Quote.id.in_(wanted[:limit])).order_by(Quote.id)
    rows = read_quotes(session, stmt) if wanted else []
    snippets = _snippets(session, query, rows)
    more = len(wanted) > limit
    next_cursor = _cursor_after(rows[-1], "id") if more and rows else None
    total = len(ids) if count else None
    items = quote_dicts(session, rows, snippets)
    return QuoteRows(items, next_cursor, query.interpreted, total, False)


def _fts5_page(
    session: Session, query: QuoteQuery, limit: int, after: dict[str, Any] | None, count: bool
) -> QuoteRows:
    """SQLite, full-text search in id order: walk the FTS5 index from the cursor on."""
    assert query.fts5_q is not None
    stmt = fts5_quote_select().where(fts5_matches(query.fts5_q), *query.without_text())
    if after is not None:
        stmt = stmt.where(FTS5.c.rowid > after["id"])
    rows = read_quotes(session, stmt.order_by(FTS5.c.rowid).limit(limit + 1))
    more = len(rows) > limit
    rows = rows[:limit]
    next_cursor = _cursor_after(rows[-1], "id") if more and rows else None
    total, estimate = _total(session, query, after, rows, more) if count else (None, False)
    return QuoteRows(quote_dicts(session, rows), next_cursor, query.interpreted, total, estimate)


def _page_statement(
    query: QuoteQuery, sort: str, after: dict[str, Any] | None, rows: int, postgres: bool
) -> Select[Any]:
    """The page's rows with every column a quote shows, in the keyset order.

    PostgreSQL first picks the page's ids (quotes and the filters only), then joins the
    speaker, document, event and verdict of those few: planning the filters together with
    four joins took ~1.1 ms of a 1.3 ms page, the two apart ~0.5 ms. MATERIALIZED keeps
    the planner from folding them back into one.
    """
    rank_col = [query.rank.label("rank")] if sort == "relevance" else []
    if not postgres:
        stmt = quote_select(*rank_col).where(*query.clauses)
        return _ordered(stmt, sort, after, query.rank).limit(rows)
    ids = select(Quote.id, *rank_col).where(*query.clauses)
    page = _ordered(ids, sort, after, query.rank).limit(rows).cte("page")
    page = page.prefix_with("MATERIALIZED")
    rank = page.c.rank if rank_col else None
    chosen = quote_select(*([rank.label("rank")] if rank is not None else []))
    chosen = chosen.join(page, page.c.id == Quote.id)
    return chosen.order_by(*_order_keys(sort, rank))


def _ordered(stmt: Select[Any], sort: str, after: dict[str, Any] | None, rank: Any) -> Select[Any]:
    """Keyset order: every sort ends on the unique id, so pages never overlap or skip."""
    if sort in ("date", "-date"):
        require_keys(after, "d")
        if after is not None:
            stmt = stmt.where(_after_date(after, sort == "-date"))
    elif sort == "relevance":
        require_keys(after, "r")
        if after is not None and not isinstance(after["r"], float | int):
            raise invalid_cursor()
        if after is not None:
            stmt = stmt.where(
                or_(rank < after["r"], and_(rank == after["r"], Quote.id > after["id"]))
            )
    elif after is not None:
        stmt = stmt.where(Quote.id > after["id"])
    return stmt.order_by(*_order_keys(sort, rank))


def _order_keys(sort: str, rank: Any) -> list[Any]:
    """The ORDER BY of a sort; undated quotes come last either way."""
    if sort in ("date", "-date"):
        date_col = Quote.spoken_on
        order = date_col.desc() if sort == "-date" else date_col.asc()
        return [date_col.is_(None), order, Quote.id]
    if sort == "relevance":
        return [rank.desc(), Quote.id]
    return [Quote.id]


def _after_date(after: dict[str, Any], desc: bool) -> ColumnElement[bool]:
    """Undated quotes come last in both directions."""
    last_id = after["id"]
    if after.get("d") is None:
        return and_(Quote.spoken_on.is_(None), Quote.id > last_id)
    try:
        day = dt.date.fromisoformat(after["d"])
    except (TypeError, ValueError) as exc:
        raise invalid_cursor() from exc
    beyond = Quote.spoken_on < day if desc else Quote.spoken_on > day
    return or_(beyond, and_(Quote.spoken_on == day, Quote.id > last_id), Quote.spoken_on.is_(None))


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
    if query.fts5_q is not None:  # SQLite: count from the FTS5 index, stopping at the cap
        others = query.without_text()
        matches = select(FTS5.c.rowid).where(fts5_matches(query.fts5_q), *others)
        if others:
            matches = matches.join(Quote.__table__, Quote.id == FTS5.c.rowid)
        capped = matches.limit(TOTAL_CAP + 1).subquery()
    else:
        capped = select(Quote.id).where(*query.clauses).limit(TOTAL_CAP + 1).subquery()
    n = session.connection().scalar(select(func.count()).select_from(capped)) or 0
    return (TOTAL_CAP, True) if n > TOTAL_CAP else (n, False)


def check_filters(filters: QuoteFilters) -> None:
    """Raise BadQuery for input that can only fail: a full-text query with nothing to find,
    dates the wrong way round."""
    check_dates(filters)
    if filters.q:
        parse_query(filters.q)


def check_dates(filters: QuoteFilters) -> None:
    """`date_from` after `date_to` can match nothing: say so, naming both, rather than answer
    an empty page that reads as "nobody said it"."""
    start, end = filters.date_from, filters.date_to
    if start is not None and end is not None and start > end:
        raise BadQuery(
            f"date_from ({start}) is after date_to ({end}): no quote can match; swap them?",
            errors=[
                {"parameter": "date_from", "in": "query", "message": f"is after date_to ({end})"},
                {
                    "parameter": "date_to",
                    "in": "query",
                    "message": f"is before date_from ({start})",
                },
            ],
        )


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
        stmt = (
            quote_select(Document.url.label("document_url"))
            .where(*query.clauses, Quote.id > last)
            .order_by(Quote.id)
            .limit(batch)
        )
        rows = read_quotes(session, stmt)
        if not rows:
            return
        yield list(zip(rows, quote_dicts(session, rows), strict=True))
        last = rows[-1].id


def get_quote(session: Session, quote_id: int) -> Quote:
    quote = session.scalars(
        select(Quote).where(Quote.id == quote_id).options(*quote_load_options())
    ).first()
    if quote is None:
        raise missing_quote(session, quote_id)
    return quote
