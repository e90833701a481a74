"""Merging two reports of one occasion keeps what either knew."""

from __future__ import annotations

import datetime as dt

from sqlalchemy import select
from sqlalchemy.orm import Session

from app.db.models import Document, Event, Quote
from app.write.events import merge_events


def _report(session: Session, event: Event, name: str, published: dt.date) -> Quote:
    doc = Document(sha256=name * 8, source_name=name, genre="news", text="x", published=published)
    session.add(doc)
    session.flush()
    quote = Quote(
        document_id=doc.id,
        position=0,
        kind="direct",
        text="x",
        start_offset=0,
        end_offset=1,
        event_id=event.id,
        spoken_on=published,
        attribution_method="named",
        context_start=0,
        context_end=1,
    )
    session.add(quote)
    session.flush()
    return quote


def test_an_undated_event_takes_the_date_of_the_event_merged_into_it(session: Session) -> None:
    undated, dated = Event(title="Interview with CBS News"), Event(date=dt.date(2015, 3, 15))
    session.add_all([undated, dated])
    session.flush()
    first = _report(session, undated, "a", dt.date(2015, 3, 16))
    second = _report(session, dated, "b", dt.date(2015, 3, 17))
    merge_events(session, source=dated, target=undated)
    kept = session.scalars(select(Event)).one()
    assert (kept.title, kept.date) == ("Interview with CBS News", dt.date(2015, 3, 15))
    days = session.scalars(select(Quote.spoken_on).where(Quote.id.in_([first.id, second.id])))
    assert set(days) == {dt.date(2015, 3, 15)}
