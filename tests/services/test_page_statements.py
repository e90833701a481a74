"""A quote page is a few statements: each one a round trip on PostgreSQL, where a page's
time is mostly round trips. Counted on an engine made as the API makes its read engine,
inside a read request."""

from __future__ import annotations

from collections.abc import Iterator
from typing import Any

import pytest
from sqlalchemy import Engine, event, select

from app.api.deps import end_read
from app.db.limits import RequestCancel, current_cancel
from app.db.models import Speaker
from app.db.session import make_engine, make_session_factory
from app.services.quotes import QuoteFilters, quote_page_data


@pytest.fixture
def api_like(seeded_engine: Engine) -> Iterator[Engine]:
    url = seeded_engine.url.render_as_string(hide_password=False)
    engine = make_engine(url, statement_timeout_ms=5_000, pool_size=1)
    yield engine
    engine.dispose()


def statements_of_a_page(engine: Engine, filters: QuoteFilters) -> list[str]:
    """The statements of the second identical page (names are remembered by then)."""
    factory = make_session_factory(engine, read_only=True)
    seen: list[str] = []

    @event.listens_for(engine, "before_cursor_execute")
    def _seen(_conn: Any, _cursor: Any, statement: str, *_: Any) -> None:
        seen.append(" ".join(statement.split())[:60])

    token = current_cancel.set(RequestCancel())
    try:
        for _ in range(2):
            seen.clear()
            with factory() as session:
                page = quote_page_data(session, filters, 3, None)
    finally:
        current_cancel.reset(token)
        event.remove(engine, "before_cursor_execute", _seen)
    assert page["items"]
    return seen


def test_a_speaker_and_topic_page_takes_four_statements_on_postgres(api_like: Engine) -> None:
    """The name generation, the page's ids, its rows (with their topics) and its total. No
    statement limit set per request and no ping (both are the connection's), no topics of
    their own."""
    seen = statements_of_a_page(api_like, QuoteFilters(speakers=["Kerry"], topics=["Assad"]))
    if api_like.dialect.name == "postgresql":
        assert len(seen) == 4, seen
        assert not any(s.startswith(("SET", "SELECT 1")) for s in seen), seen
    else:  # SQLite: BEGIN is a statement of ours; the rows come with their topics
        assert len(seen) == 4, seen
        assert not any(s.startswith("SELECT quote_topics") for s in seen), seen


def test_a_search_page_reads_its_snippets_and_topics_with_its_rows(api_like: Engine) -> None:
    seen = statements_of_a_page(api_like, QuoteFilters(q="sanctions"))
    if api_like.dialect.name == "postgresql":
        assert not any("ts_headline" in s for s in seen if not s.startswith("WITH page")), seen
    assert not any(s.startswith("SELECT quote_topics") for s in seen), seen


def prepared_names(engine: Engine) -> set[str]:
    with engine.connect() as conn:
        rows = conn.exec_driver_sql("SELECT name FROM pg_prepared_statements").all()
        conn.commit()  # a ROLLBACK would make psycopg forget them
    return {row[0] for row in rows}


@pytest.mark.postgres
def test_a_page_s_prepared_statements_outlive_the_request(api_like: Engine) -> None:
    """Rows by id, the name generation and kept totals are prepared once per connection and
    found again by the next request, which ends its read with COMMIT (psycopg forgets them
    at a ROLLBACK); the filter itself is planned for its values each time."""
    if api_like.dialect.name != "postgresql":
        pytest.skip("PostgreSQL prepares statements on the server")
    factory = make_session_factory(api_like, read_only=True)
    filters = QuoteFilters(speakers=["Kerry"], topics=["Assad"])

    def one_request() -> None:
        token = current_cancel.set(RequestCancel())
        try:
            session = factory()
            assert quote_page_data(session, filters, 3, None)["items"]
            end_read(session)
        finally:
            current_cancel.reset(token)

    one_request()
    first = prepared_names(api_like)
    assert len(first) >= 3, first
    one_request()
    one_request()
    assert prepared_names(api_like) == first


def test_a_read_holding_orm_changes_is_rolled_back_not_committed(api_like: Engine) -> None:
    factory = make_session_factory(api_like, read_only=True)
    session = factory()
    speaker = session.scalars(select(Speaker).order_by(Speaker.id)).first()
    assert speaker is not None
    name = speaker.name
    speaker.name = "Not Their Name"
    end_read(session)
    with factory() as check:
        assert check.get_one(Speaker, speaker.id).name == name
