"""Bulk export: every matching quote as CSV or NDJSON, streamed a batch at a time.

Read through Core like quote pages (`services.quote_rows`): no ORM instance per quote.
"""

from __future__ import annotations

import csv
import io
import re
from collections.abc import Callable, Iterator
from typing import Any

import orjson
from sqlalchemy.orm import Session

from app.nlp.names import fold
from app.services.quotes import QuoteFilters, check_filters, quote_batches

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
    """One `QuoteOut` a line: the page dicts, encoded by orjson (as pages are); sent a batch
    at a time (a chunk per line cost more than the line)."""
    for batch in quote_batches(session, filters):
        yield "".join(orjson.dumps(quote).decode() + "\n" for _, quote in batch)


def _csv(session: Session, filters: QuoteFilters) -> Iterator[str]:
    buffer = io.StringIO()
    buffer.write(BOM)
    writer = csv.writer(buffer)
    writer.writerow(CSV_COLUMNS)
    for batch in quote_batches(session, filters):
        writer.writerows(_row(quote, row.document_url) for row, quote in batch)
        yield buffer.getvalue()
        buffer.seek(0)
        buffer.truncate()
    yield buffer.getvalue()


def _row(quote: dict[str, Any], document_url: str | None) -> list[object]:
    speaker, event, document = quote["speaker"], quote["event"], quote["document"]
    attribution, verification = quote["attribution"], quote["verification"]
    return [
        quote["id"],
        quote["text"],
        quote["kind"],
        speaker["id"] if speaker else "",
        speaker["name"] if speaker else "",
        quote["spoken_on"] or "",
        event["id"] if event else "",
        (event["title"] or "") if event else "",
        (event["date"] or "") if event else "",
        (event["city"] or "") if event else "",
        document["id"],
        document["title"] or "",
        document_url or "",
        quote["start"],
        quote["end"],
        attribution["label"] or "",
        attribution["method"],
        "; ".join(t["name"] for t in quote["topics"]),
        verification["status"] if verification else "",
    ]


def export_filename(filters: QuoteFilters, extension: str) -> str:
    """`ontherecord-kerry-assad.csv`: the search in the name, so downloads do not collide."""
    words = [*filters.speakers, *filters.topics, filters.q or "", filters.role or ""]
    parts = [re.sub(r"[^a-z0-9]+", "-", fold(w)).strip("-") for w in words]
    stem = "-".join(p for p in ["ontherecord", *parts] if p)[:80].rstrip("-")
    return f"{stem}.{extension}" if parts and any(parts) else f"ontherecord-quotes.{extension}"
