"""Kept facet counts against a count made afresh from the rows (used by the count tests and
the concurrent-ingest tests)."""

from __future__ import annotations

from collections import Counter

from sqlalchemy import func, select
from sqlalchemy.orm import Session

from app.db.models import Quote, QuoteFacetCount, QuoteTopic, QuoteVerification

Key = tuple[str, int, str, str]


def fresh_counts(session: Session) -> Counter[Key]:
    """The counts worked out in Python from the rows: each quote's subjects x its buckets."""
    about: dict[int, list[int]] = {}
    for quote_id, topic_id in session.execute(
        select(QuoteTopic.quote_id, QuoteTopic.topic_id).where(QuoteTopic.scope == "quote")
    ):
        about.setdefault(quote_id, []).append(topic_id)
    statuses = select(QuoteVerification.quote_id, QuoteVerification.status)
    verdicts = {row.quote_id: row.status for row in session.execute(statuses)}
    counts: Counter[Key] = Counter()
    quotes = select(Quote.id, Quote.speaker_id, Quote.kind, Quote.event_id, Quote.spoken_on)
    for quote_id, speaker_id, kind, event_id, spoken_on in session.execute(quotes):
        topics = about.get(quote_id, [])
        subjects = [("all", 0)] + [("topic", t) for t in topics]
        buckets = [("kinds", kind)] + [("topics", str(t)) for t in topics]
        if speaker_id is not None:
            subjects.append(("speaker", speaker_id))
            buckets.append(("speakers", str(speaker_id)))
        if event_id is not None:
            buckets.append(("events", str(event_id)))
        if spoken_on is not None:
            buckets.append(("months", spoken_on.isoformat()[:7]))
        if quote_id in verdicts:
            buckets.append(("verification", verdicts[quote_id]))
        counts.update((s, i, f, b) for s, i in subjects for f, b in buckets)
    return counts


def kept_counts(session: Session) -> Counter[Key]:
    """The counts the triggers keep, each the sum of its shards (migration 0010)."""
    session.flush()
    key = (QuoteFacetCount.subject, QuoteFacetCount.subject_id)
    key += (QuoteFacetCount.facet, QuoteFacetCount.bucket)
    n = func.sum(QuoteFacetCount.n)
    rows = session.execute(select(*key, n).group_by(*key).having(n != 0))
    return Counter({(r[0], r[1], r[2], r[3]): int(r[4]) for r in rows})


def assert_counts_right(session: Session) -> None:
    kept, fresh = kept_counts(session), fresh_counts(session)
    assert kept == fresh, {
        k: (kept[k], fresh[k]) for k in kept.keys() | fresh.keys() if kept[k] != fresh[k]
    }
