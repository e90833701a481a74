"""Bulk export: every matching quote as CSV or NDJSON, streamed a batch at a time."""

from __future__ import annotations

import csv
import io
import json
from collections.abc import Callable, Iterator

from sqlalchemy.orm import Session

from app.services.present import quote_out
from app.services.quotes import QuoteFilters, check_filters, iterate_quotes

CSV_COLUMNS = [
    "id",
    "text",
    "kind",
    "speaker_id",
    "speaker",
    "spoken_on",
    "document_id",
    "document_title",
    "start",
    "end",
    "event_id",
    "attribution_label",
    "attribution_method",
    "topics",
]


def ndjson_stream(session: Session, filters: QuoteFilters) -> Iterator[str]:
    """Checked now, streamed later: a bad search is a 400 before the first byte is sent.

    The lines are read in `session` while they are sent, so it must stay open until the last
    one: a request's session does (FastAPI closes it after the response).
    """
    check_filters(filters)
    return _ndjson(session, filters)


def csv_stream(session: Session, filters: QuoteFilters) -> Iterator[str]:
    """CSV with a header row; checked now, streamed later, like `ndjson_stream`."""
    check_filters(filters)
    return _csv(session, filters)


def ndjson_lines(make_session: Callable[[], Session], filters: QuoteFilters) -> Iterator[str]:
    """For a caller without a session of its own (the CLI): one new session for the file."""
    check_filters(filters)
    return _in_new_session(make_session, filters, _ndjson)


def csv_lines(make_session: Callable[[], Session], filters: QuoteFilters) -> Iterator[str]:
    check_filters(filters)
    return _in_new_session(make_session, filters, _csv)


def _in_new_session(
    make_session: Callable[[], Session],
    filters: QuoteFilters,
    lines: Callable[[Session, QuoteFilters], Iterator[str]],
) -> Iterator[str]:
    with make_session() as session:
        yield from lines(session, filters)


def _ndjson(session: Session, filters: QuoteFilters) -> Iterator[str]:
    for quote in iterate_quotes(session, filters):
        yield quote_out(quote).model_dump_json() + "\n"


def _csv(session: Session, filters: QuoteFilters) -> Iterator[str]:
    buffer = io.StringIO()
    writer = csv.writer(buffer)
    writer.writerow(CSV_COLUMNS)
    for quote in iterate_quotes(session, filters):
        out = quote_out(quote)
        writer.writerow(
            [
                out.id,
                out.text,
                out.kind,
                out.speaker.id if out.speaker else "",
                out.speaker.name if out.speaker else "",
                out.spoken_on or "",
                out.document.id,
                out.document.title or "",
                out.start,
                out.end,
                out.event.id if out.event else "",
                out.attribution.label or "",
                out.attribution.method,
                json.dumps([t.name for t in out.topics]),
            ]
        )
        yield buffer.getvalue()
        buffer.seek(0)
        buffer.truncate()
    yield buffer.getvalue()
