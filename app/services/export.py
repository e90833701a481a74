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


def ndjson_lines(make_session: Callable[[], Session], filters: QuoteFilters) -> Iterator[str]:
    """Checked now, streamed later: a bad search is a 400 before the first byte is sent."""
    check_filters(filters)
    return _ndjson(make_session, filters)


def csv_lines(make_session: Callable[[], Session], filters: QuoteFilters) -> Iterator[str]:
    check_filters(filters)
    return _csv(make_session, filters)


def _ndjson(make_session: Callable[[], Session], filters: QuoteFilters) -> Iterator[str]:
    with make_session() as session:
        for quote in iterate_quotes(session, filters):
            yield quote_out(quote).model_dump_json() + "\n"


def _csv(make_session: Callable[[], Session], filters: QuoteFilters) -> Iterator[str]:
    buffer = io.StringIO()
    writer = csv.writer(buffer)
    writer.writerow(CSV_COLUMNS)
    with make_session() as session:
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
