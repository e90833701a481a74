"""Bulk export: every matching quote as CSV or NDJSON, streamed a batch at a time."""

from __future__ import annotations

import csv
import io
import re
from collections.abc import Callable, Iterator

from sqlalchemy.orm import Session

from app.db.models import Quote
from app.nlp.names import fold
from app.services.present import quote_out
from app.services.quotes import QuoteFilters, check_filters, iterate_quotes

# One row per quote, for a spreadsheet: who, when, where (event), which document and its URL,
# what about. Topics are one readable cell ("Bashar al-Assad; sanctions").
CSV_COLUMNS = [
    "id",
    "text",
    "kind",
    "speaker_id",
    "speaker",
    "spoken_on",
    "event_id",
    "event",
    "event_date",
    "event_city",
    "document_id",
    "document_title",
    "document_url",
    "start",
    "end",
    "attribution_label",
    "attribution_method",
    "topics",
    "verification",
]
# Excel reads a CSV file as the local code page unless it starts with a byte-order mark:
# without it, “curly quotes” and accents turn into mojibake.
BOM = "\ufeff"


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
    buffer.write(BOM)
    writer = csv.writer(buffer)
    writer.writerow(CSV_COLUMNS)
    for quote in iterate_quotes(session, filters):
        writer.writerow(_row(quote))
        yield buffer.getvalue()
        buffer.seek(0)
        buffer.truncate()
    yield buffer.getvalue()


def _row(quote: Quote) -> list[object]:
    out = quote_out(quote)
    event = out.event
    return [
        out.id,
        out.text,
        out.kind,
        out.speaker.id if out.speaker else "",
        out.speaker.name if out.speaker else "",
        out.spoken_on or "",
        event.id if event else "",
        (event.title or "") if event else "",
        (event.date or "") if event else "",
        (event.city or "") if event else "",
        out.document.id,
        out.document.title or "",
        quote.document.url or "",
        out.start,
        out.end,
        out.attribution.label or "",
        out.attribution.method,
        "; ".join(t.name for t in out.topics),
        out.verification.status if out.verification else "",
    ]


def export_filename(filters: QuoteFilters, extension: str) -> str:
    """`ontherecord-kerry-assad.csv`: the search in the name, so downloads do not collide."""
    words = [*filters.speakers, *filters.topics, filters.q or "", filters.role or ""]
    parts = [re.sub(r"[^a-z0-9]+", "-", fold(w)).strip("-") for w in words]
    stem = "-".join(p for p in ["ontherecord", *parts] if p)[:80].rstrip("-")
    return f"{stem}.{extension}" if parts and any(parts) else f"ontherecord-quotes.{extension}"
