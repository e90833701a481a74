"""Facets read from the counts the database keeps (migration 0009), when the filter is one.

The whole archive, some speakers, or one topic (scope `quote`) are subjects whose facets
`quote_facet_counts` holds already: reading them is an index range per facet instead of
counting up to 100k quotes five ways. Any other filter is counted from the quotes
(`services.facets`); both give the same answer, in the same shape.
"""

from __future__ import annotations

from dataclasses import fields
from typing import TYPE_CHECKING, Any

from sqlalchemy import Integer, Select, String, cast, func, literal, select, union_all
from sqlalchemy.orm import Session

from app.db.models import Event, QuoteFacetCount, Speaker, Topic
from app.db.session import PREPARED
from app.services.shapes import slot, slots

if TYPE_CHECKING:  # services.quotes asks this module for kept totals
    from app.services.quotes import QuoteFilters, QuoteQuery

FACET_SIZE = 20  # the top buckets per facet; the long tail is what search is for
_NAMED: dict[str, Any] = {
    "speakers": (Speaker.id, Speaker.name),
    "topics": (Topic.id, Topic.name),
    "events": (Event.id, Event.title),
}
# The filters a subject may carry; every other field must keep its default.
_SUBJECT_FIELDS = {"speakers", "topics", "topic_mode", "scope"}


def counted_subject(filters: QuoteFilters, query: QuoteQuery) -> tuple[str, list[int]] | None:
    """("all", [0]), ("speaker", ids) or ("topic", [id]) when the counts answer these
    filters exactly; None otherwise. Speakers are disjoint (one per quote), so several add
    up; two topics, or one name for several topics, share quotes and do not."""
    if not _only_names(filters):
        return None
    if filters.speakers and filters.topics:
        return None
    if filters.speakers:
        return ("speaker", sorted(set(query.speaker_ids)))
    if filters.topics:
        topic = _one_topic(filters, query)
        return ("topic", [topic]) if topic is not None else None
    return ("all", [0])


def kept_total(session: Session, filters: QuoteFilters, query: QuoteQuery) -> int | None:
    """How many quotes match, from the kept counts, when they answer the filters exactly:
    a subject's quotes (its kinds add up to them), or a topic's quotes by these speakers
    (the topic's speaker facet). None when they do not: count the quotes."""
    subject = counted_subject(filters, query)
    if subject is not None:
        name, ids = subject
        total = session.connection().scalar(_SUBJECT_TOTAL, {"subject": name, "ids": ids})
    elif filters.speakers and _only_names(filters) and _one_topic(filters, query) is not None:
        speakers = [str(i) for i in sorted(set(query.speaker_ids))]
        values = {"subject": "topic", "ids": [_one_topic(filters, query)], "buckets": speakers}
        total = session.connection().scalar(_TOPIC_BY_SPEAKERS_TOTAL, values)
    else:
        return None
    return int(total or 0)


# Read by key: prepared on PostgreSQL (`db.session.prepare_when_asked`).
_KEPT = (
    select(func.sum(QuoteFacetCount.n))
    .where(QuoteFacetCount.subject == slot("subject"), QuoteFacetCount.subject_id.in_(slots("ids")))
    .execution_options(**{PREPARED: True})
)
# Every quote of a subject has one kind; a topic's quotes by some speakers are its speaker
# facet's buckets.
_SUBJECT_TOTAL = _KEPT.where(QuoteFacetCount.facet == "kinds")
_TOPIC_BY_SPEAKERS_TOTAL = _KEPT.where(
    QuoteFacetCount.facet == "speakers", QuoteFacetCount.bucket.in_(slots("buckets"))
)


def _only_names(filters: QuoteFilters) -> bool:
    """Speakers and topics at most: every other filter keeps its default."""
    default = type(filters)()
    return all(
        getattr(filters, f.name) == getattr(default, f.name)
        for f in fields(filters)
        if f.name not in _SUBJECT_FIELDS
    )


def _one_topic(filters: QuoteFilters, query: QuoteQuery) -> int | None:
    """The topic id when exactly one topic (scope `quote`) is asked for and named one topic."""
    one = len(query.topic_ids) == 1 and len(query.topic_ids[0]) == 1
    return query.topic_ids[0][0] if one and filters.scope == "quote" else None


def in_shards(session: Session, subject: str, ids: list[int]) -> bool:
    """Whether a subject has counts outside shard 0 (parallel writers', not folded yet):
    one probe of the small partial index `ix_quote_facet_counts_shards`."""
    found = select(QuoteFacetCount.subject).where(
        QuoteFacetCount.subject == subject,
        QuoteFacetCount.subject_id.in_(ids),
        QuoteFacetCount.shard != 0,
    )
    return session.scalar(found.limit(1)) is not None


def counted_statement(subject: str, ids: list[int], summed: bool = True) -> Select[Any]:
    """Rows of (facet, key, label, count) like `services.facets`' statement, from the counts.
    `summed=False` when the subject's counts are all in shard 0 (`in_shards`)."""
    parts: list[Any] = [
        _named(facet, _bucket_counts(subject, ids, facet, summed)) for facet in _NAMED
    ]
    for facet in ("kinds", "months", "verification"):
        counts = _bucket_counts(subject, ids, facet, summed)
        if facet == "kinds":  # the top kinds, ties by name; every month and verdict
            columns = counts.selected_columns
            counts = counts.order_by(columns.n.desc(), columns.key).limit(FACET_SIZE)
        rows = counts.subquery()
        parts.append(select(literal(facet).label("facet"), rows.c.key, rows.c.key, rows.c.n))
    return union_all(*parts)  # type: ignore[return-value]


def _bucket_counts(subject: str, ids: list[int], facet: str, summed: bool) -> Select[Any]:
    """(key, n) of one facet. One subject's rows, all in shard 0, are read in count order
    from `ix_quote_facet_counts_top` (its top 20 without sorting 30k events); several
    speakers', or rows in several shards (migration 0010), are added up first. Shard 0
    alone when not `summed`: a writer of another shard that committed since `in_shards`
    is counted by the next request."""
    bucket: Any = QuoteFacetCount.bucket
    where = [QuoteFacetCount.subject == subject, QuoteFacetCount.facet == facet]
    if len(ids) == 1 and not summed:
        n: Any = QuoteFacetCount.n
        return select(bucket.label("key"), n.label("n")).where(
            *where, QuoteFacetCount.subject_id == ids[0], QuoteFacetCount.shard == 0, n > 0
        )
    n = func.sum(QuoteFacetCount.n)
    return (
        select(bucket.label("key"), n.label("n"))
        .where(*where, QuoteFacetCount.subject_id.in_(ids))
        .group_by(bucket)
        .having(n > 0)
    )


def _named(facet: str, counts: Select[Any]) -> Select[Any]:
    """The top buckets by count, ties by id (as numbers), then their names."""
    key, label = _NAMED[facet]
    top = (
        counts.order_by(
            counts.selected_columns.n.desc(), cast(counts.selected_columns.key, Integer)
        )
        .limit(FACET_SIZE)
        .subquery()
    )
    return select(
        literal(facet).label("facet"), cast(key, String).label("key"), label.label("label"), top.c.n
    ).join(top, key == cast(top.c.key, Integer))
