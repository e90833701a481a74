"""Typed SQLAlchemy models. Tables are created only by Alembic migrations."""

from __future__ import annotations

import datetime as dt
from typing import Any

from sqlalchemy import (
    JSON,
    BigInteger,
    Boolean,
    Date,
    DateTime,
    Float,
    ForeignKey,
    Index,
    Integer,
    String,
    Text,
    UniqueConstraint,
    func,
    text,
)
from sqlalchemy.orm import Mapped, mapped_column, relationship

from app.db.base import Base
from app.db.types import Clipped

IDENTITY = 1000  # a document identity longer than this is shortened with its hash (ingest.identity)
NAME = 300  # names, titles and aliases: long enough for "Joint Statement From Secretary ..."
# Free text from documents (titles, names, labels) is Clipped to its column on both databases.


class Event(Base):
    """An occasion where words were spoken: one press conference, however many reports."""

    __tablename__ = "events"

    id: Mapped[int] = mapped_column(primary_key=True)
    title: Mapped[str | None] = mapped_column(Clipped(NAME))
    kind: Mapped[str | None] = mapped_column(String(40))
    date: Mapped[dt.date | None] = mapped_column(Date, index=True)
    venue: Mapped[str | None] = mapped_column(Clipped(NAME))
    city: Mapped[str | None] = mapped_column(Clipped(120))
    country: Mapped[str | None] = mapped_column(Clipped(120))
    created_at: Mapped[dt.datetime] = mapped_column(
        DateTime(timezone=True), server_default=func.now()
    )

    documents: Mapped[list[Document]] = relationship(back_populates="event", lazy="raise")
    participants: Mapped[list[Speaker]] = relationship(
        secondary="event_participants", lazy="raise", order_by="Speaker.name"
    )


class EventParticipant(Base):
    __tablename__ = "event_participants"

    event_id: Mapped[int] = mapped_column(
        ForeignKey("events.id", ondelete="CASCADE"), primary_key=True
    )
    speaker_id: Mapped[int] = mapped_column(
        ForeignKey("speakers.id", ondelete="CASCADE"), primary_key=True, index=True
    )


class Document(Base):
    """A source text exactly as ingested; quote offsets point into `text`."""

    __tablename__ = "documents"

    id: Mapped[int] = mapped_column(primary_key=True)
    sha256: Mapped[str] = mapped_column(String(64), unique=True)
    source_name: Mapped[str] = mapped_column(Clipped(NAME))
    title: Mapped[str | None] = mapped_column(Clipped(NAME))
    genre: Mapped[str] = mapped_column(String(20))
    text: Mapped[str] = mapped_column(Text)
    published: Mapped[dt.date | None] = mapped_column(Date)
    publisher: Mapped[str | None] = mapped_column(Clipped(NAME))
    url: Mapped[str | None] = mapped_column(Clipped(2000))
    author: Mapped[str | None] = mapped_column(Clipped(NAME))
    event_id: Mapped[int | None] = mapped_column(
        ForeignKey("events.id", ondelete="SET NULL"), index=True
    )
    created_at: Mapped[dt.datetime] = mapped_column(
        DateTime(timezone=True), server_default=func.now()
    )
    # What makes a new file a revision of this document: `url:` + its normalised URL, else
    # `path:` + the absolute source path (`app.ingest.identity`).
    identity: Mapped[str | None] = mapped_column(String(IDENTITY), index=True, unique=True)
    # sha256 of the sidecar metadata it was stored with: a changed sidecar updates the row.
    meta_sha256: Mapped[str | None] = mapped_column(String(64))

    event: Mapped[Event | None] = relationship(back_populates="documents", lazy="raise")
    quotes: Mapped[list[Quote]] = relationship(
        back_populates="document", lazy="raise", order_by="Quote.position"
    )


class Speaker(Base):
    """One person (or organisation that speaks), however the sources name them."""

    __tablename__ = "speakers"

    id: Mapped[int] = mapped_column(primary_key=True)
    slug: Mapped[str] = mapped_column(Clipped(NAME), unique=True)
    name: Mapped[str] = mapped_column(Clipped(NAME), index=True)
    kind: Mapped[str] = mapped_column(String(20), default="person")
    # The Wikidata item a directory ties the speaker to ("Q76"); one speaker per item.
    wikidata: Mapped[str | None] = mapped_column(String(20), unique=True)
    created_at: Mapped[dt.datetime] = mapped_column(
        DateTime(timezone=True), server_default=func.now()
    )

    aliases: Mapped[list[SpeakerAlias]] = relationship(
        back_populates="speaker", lazy="raise", cascade="all, delete-orphan", passive_deletes=True
    )
    roles: Mapped[list[SpeakerRole]] = relationship(
        back_populates="speaker", lazy="raise", cascade="all, delete-orphan", passive_deletes=True
    )


class SpeakerAlias(Base):
    """A name seen for a speaker (`SECRETARY KERRY`, `Mr Kerry`) and where it came from."""

    __tablename__ = "speaker_aliases"
    __table_args__ = (UniqueConstraint("speaker_id", "alias"),)

    id: Mapped[int] = mapped_column(primary_key=True)
    speaker_id: Mapped[int] = mapped_column(ForeignKey("speakers.id", ondelete="CASCADE"))
    alias: Mapped[str] = mapped_column(Clipped(NAME))
    alias_norm: Mapped[str] = mapped_column(Clipped(NAME), index=True)
    source: Mapped[str] = mapped_column(String(20))

    speaker: Mapped[Speaker] = relationship(back_populates="aliases", lazy="raise")


class SpeakerRole(Base):
    """A role held over time: title, organisation or country, and the dates the sources show."""

    __tablename__ = "speaker_roles"

    id: Mapped[int] = mapped_column(primary_key=True)
    speaker_id: Mapped[int] = mapped_column(
        ForeignKey("speakers.id", ondelete="CASCADE"), index=True
    )
    title: Mapped[str] = mapped_column(Clipped(NAME), index=True)
    organisation: Mapped[str | None] = mapped_column(Clipped(NAME))
    country: Mapped[str | None] = mapped_column(Clipped(120))
    start_date: Mapped[dt.date | None] = mapped_column(Date)
    end_date: Mapped[dt.date | None] = mapped_column(Date)
    source: Mapped[str] = mapped_column(String(20))

    speaker: Mapped[Speaker] = relationship(back_populates="roles", lazy="raise")


class Topic(Base):
    """A person, place, organisation or theme that quotes are about, under all its names."""

    __tablename__ = "topics"

    id: Mapped[int] = mapped_column(primary_key=True)
    slug: Mapped[str] = mapped_column(Clipped(NAME), unique=True)
    name: Mapped[str] = mapped_column(Clipped(NAME), index=True)
    kind: Mapped[str] = mapped_column(String(20))
    speaker_id: Mapped[int | None] = mapped_column(
        ForeignKey("speakers.id", ondelete="SET NULL"), index=True
    )

    aliases: Mapped[list[TopicAlias]] = relationship(
        back_populates="topic", lazy="raise", cascade="all, delete-orphan", passive_deletes=True
    )


class TopicAlias(Base):
    __tablename__ = "topic_aliases"
    __table_args__ = (UniqueConstraint("topic_id", "alias_norm"),)

    id: Mapped[int] = mapped_column(primary_key=True)
    topic_id: Mapped[int] = mapped_column(ForeignKey("topics.id", ondelete="CASCADE"))
    alias: Mapped[str] = mapped_column(Clipped(NAME))
    alias_norm: Mapped[str] = mapped_column(Clipped(NAME), index=True)
    # "document" (read by ingestion) or "manual" (a user's correction): deleting the last
    # document that names a topic removes it only if no user ever named it.
    source: Mapped[str] = mapped_column(String(20), server_default="document")

    topic: Mapped[Topic] = relationship(back_populates="aliases", lazy="raise")


class Quote(Base):
    """Words attributed to a speaker, with offsets into the document text they came from."""

    __tablename__ = "quotes"
    __table_args__ = (
        UniqueConstraint("document_id", "position"),
        Index("ix_quotes_speaker_id_id", "speaker_id", "id"),
        # Verification: a speaker's transcript turns within days of a news quote.
        Index("ix_quotes_speaker_id_spoken_on", "speaker_id", "spoken_on"),
        Index("ix_quotes_spoken_on_id", "spoken_on", "id"),
        # Covering index for facets: counts by speaker, kind, event, month without the text.
        Index("ix_quotes_facets", "id", "speaker_id", "kind", "event_id", "spoken_on"),
        # Ids are what people cite: SQLite must never hand a deleted quote's id to another
        # (without AUTOINCREMENT it reuses max(rowid) + 1). Migration 0007 rebuilds the table.
        {"sqlite_autoincrement": True},
    )

    id: Mapped[int] = mapped_column(primary_key=True)
    document_id: Mapped[int] = mapped_column(ForeignKey("documents.id", ondelete="CASCADE"))
    position: Mapped[int] = mapped_column(Integer)
    kind: Mapped[str] = mapped_column(String(20), index=True)
    text: Mapped[str] = mapped_column(Text)
    start_offset: Mapped[int] = mapped_column(Integer)
    end_offset: Mapped[int] = mapped_column(Integer)
    speaker_id: Mapped[int | None] = mapped_column(ForeignKey("speakers.id", ondelete="SET NULL"))
    event_id: Mapped[int | None] = mapped_column(
        ForeignKey("events.id", ondelete="SET NULL"), index=True
    )
    spoken_on: Mapped[dt.date | None] = mapped_column(Date)
    elsewhere: Mapped[bool] = mapped_column(Boolean, default=False)
    attribution_label: Mapped[str | None] = mapped_column(Clipped(NAME))
    attribution_start: Mapped[int | None] = mapped_column(Integer)
    attribution_end: Mapped[int | None] = mapped_column(Integer)
    attribution_method: Mapped[str] = mapped_column(String(30))
    confidence: Mapped[float] = mapped_column(Float, default=1.0)
    context_start: Mapped[int] = mapped_column(Integer)
    context_end: Mapped[int] = mapped_column(Integer)
    replies_to_id: Mapped[int | None] = mapped_column(ForeignKey("quotes.id", ondelete="SET NULL"))

    document: Mapped[Document] = relationship(back_populates="quotes", lazy="raise")
    speaker: Mapped[Speaker | None] = relationship(lazy="raise")
    event: Mapped[Event | None] = relationship(lazy="raise")
    replies_to: Mapped[Quote | None] = relationship(remote_side=[id], lazy="raise")
    topic_links: Mapped[list[QuoteTopic]] = relationship(
        back_populates="quote", lazy="raise", cascade="all, delete-orphan", passive_deletes=True
    )
    verification: Mapped[QuoteVerification | None] = relationship(
        primaryjoin="Quote.id == QuoteVerification.quote_id",
        foreign_keys="QuoteVerification.quote_id",
        uselist=False,
        viewonly=True,
        lazy="raise",
    )


class QuoteTopic(Base):
    """A quote is about a topic: `scope` says whether its own words or its context name it."""

    __tablename__ = "quote_topics"
    # Topic filters always name a scope: (topic, scope) -> quote ids, from the index alone.
    __table_args__ = (
        Index("ix_quote_topics_topic_id_scope_quote_id", "topic_id", "scope", "quote_id"),
    )

    quote_id: Mapped[int] = mapped_column(
        ForeignKey("quotes.id", ondelete="CASCADE"), primary_key=True
    )
    topic_id: Mapped[int] = mapped_column(
        ForeignKey("topics.id", ondelete="CASCADE"), primary_key=True
    )
    scope: Mapped[str] = mapped_column(String(10), primary_key=True)

    quote: Mapped[Quote] = relationship(back_populates="topic_links", lazy="raise")
    topic: Mapped[Topic] = relationship(lazy="raise")


class QuoteMatch(Base):
    """The same words reported by two documents (a news quote and the transcript it came from)."""

    __tablename__ = "quote_matches"
    __table_args__ = (UniqueConstraint("quote_id", "matched_quote_id"),)

    id: Mapped[int] = mapped_column(primary_key=True)
    quote_id: Mapped[int] = mapped_column(ForeignKey("quotes.id", ondelete="CASCADE"), index=True)
    matched_quote_id: Mapped[int] = mapped_column(
        ForeignKey("quotes.id", ondelete="CASCADE"), index=True
    )
    score: Mapped[float] = mapped_column(Float)


class NameGeneration(Base):
    """A number the database raises on every change to speakers, topics or their aliases
    (triggers, migration 0006): in-process name caches are valid while it stays the same.
    It is the sum of the 'names%' rows: a PostgreSQL write transaction raises its own shard's
    row ('names', 'names-1'...), so writers do not queue on one (migration 0010)."""

    __tablename__ = "name_generations"

    name: Mapped[str] = mapped_column(String(40), primary_key=True)
    value: Mapped[int] = mapped_column(BigInteger)


class QuoteVerification(Base):
    """A news quote checked against the transcript it reports: did they say it like that?

    One row per direct or partial news quote; `no_source` when no transcript of its event or
    speaker is in the archive. `diff` holds the word-level runs (op, news, source, offsets,
    signpost, problem); source offsets are characters into the source document's text.
    """

    __tablename__ = "quote_verifications"
    # Filters and facets by status: (status, quote_id) answers "quotes that are altered".
    __table_args__ = (Index("ix_quote_verifications_status_quote_id", "status", "quote_id"),)

    quote_id: Mapped[int] = mapped_column(
        ForeignKey("quotes.id", ondelete="CASCADE"), primary_key=True
    )
    status: Mapped[str] = mapped_column(String(20))
    source_quote_id: Mapped[int | None] = mapped_column(
        ForeignKey("quotes.id", ondelete="SET NULL"), index=True
    )
    source_document_id: Mapped[int | None] = mapped_column(
        ForeignKey("documents.id", ondelete="SET NULL"), index=True
    )
    source_start: Mapped[int | None] = mapped_column(Integer)
    source_end: Mapped[int | None] = mapped_column(Integer)
    score: Mapped[float | None] = mapped_column(Float)
    diff: Mapped[list[dict[str, object]]] = mapped_column(JSON, default=list)
    verified_at: Mapped[dt.datetime] = mapped_column(
        DateTime(timezone=True), server_default=func.now()
    )


class DocumentRevision(Base):
    """One version of a document as ingested, and what it changed in the quotes.

    The current revision's text is `documents.text`; a revision's own `text` is filled when a
    newer one supersedes it, so an archive never stores its current texts twice.
    """

    __tablename__ = "document_revisions"
    __table_args__ = (UniqueConstraint("document_id", "number"),)

    id: Mapped[int] = mapped_column(primary_key=True)
    document_id: Mapped[int] = mapped_column(ForeignKey("documents.id", ondelete="CASCADE"))
    number: Mapped[int] = mapped_column(Integer)
    sha256: Mapped[str] = mapped_column(String(64))
    title: Mapped[str | None] = mapped_column(Clipped(NAME))
    text: Mapped[str | None] = mapped_column(Text)
    kept: Mapped[int] = mapped_column(Integer, default=0)
    added: Mapped[int] = mapped_column(Integer, default=0)
    retired: Mapped[int] = mapped_column(Integer, default=0)
    retired_ids: Mapped[list[int]] = mapped_column(JSON, default=list)
    # Quotes whose words survived with another speaker: same id, speaker updated.
    reattributed_ids: Mapped[list[int]] = mapped_column(JSON, default=list)
    created_at: Mapped[dt.datetime] = mapped_column(
        DateTime(timezone=True), server_default=func.now()
    )


class RetiredQuote(Base):
    """A quote whose words a later revision of its document no longer holds.

    A tombstone table rather than a flag on `quotes`: retiring moves the row out, so every
    read path (Core and ORM listings, full-text tables and their triggers, facet counts,
    exports) stays as it is and as fast as it is, with no `WHERE NOT retired` to forget and
    no index widened for it. Only `GET /quotes/{id}` looks here, to answer 410 Gone.
    The id is the quote's own: never given to another quote (quotes are AUTOINCREMENT).
    """

    __tablename__ = "retired_quotes"

    id: Mapped[int] = mapped_column(primary_key=True, autoincrement=False)
    document_id: Mapped[int] = mapped_column(
        ForeignKey("documents.id", ondelete="CASCADE"), index=True
    )
    revision: Mapped[int] = mapped_column(Integer)  # the revision that no longer holds it
    position: Mapped[int] = mapped_column(Integer)
    kind: Mapped[str] = mapped_column(String(20))
    text: Mapped[str] = mapped_column(Text)
    speaker_id: Mapped[int | None] = mapped_column(ForeignKey("speakers.id", ondelete="SET NULL"))
    retired_at: Mapped[dt.datetime] = mapped_column(
        DateTime(timezone=True), server_default=func.now()
    )


class ApiKey(Base):
    """A key for the write API (or for reads, when a setting closes them).

    The key itself is shown once, at creation; only a salted hash of its secret part is kept.
    `prefix` is the key's non-secret opening (`otr_3f9a0c1d`), embedded in the key so a
    presented key is found by one indexed lookup and listings can tell keys apart.
    """

    __tablename__ = "api_keys"

    id: Mapped[int] = mapped_column(primary_key=True)
    name: Mapped[str] = mapped_column(String(100), unique=True)
    prefix: Mapped[str] = mapped_column(String(20), unique=True)
    secret_hash: Mapped[str] = mapped_column(String(200))  # "pbkdf2_sha256$iterations$salt$hash"
    scope: Mapped[str] = mapped_column(String(10))  # "read" | "write"
    created_at: Mapped[dt.datetime] = mapped_column(
        DateTime(timezone=True), server_default=func.now()
    )
    revoked_at: Mapped[dt.datetime | None] = mapped_column(DateTime(timezone=True))
    last_used_at: Mapped[dt.datetime | None] = mapped_column(DateTime(timezone=True))


class AuditEntry(Base):
    """One write made through the API: who (the key, by id and by name, which outlives a
    revoked key), what (action and target), when, and the target before and after."""

    __tablename__ = "audit_log"

    id: Mapped[int] = mapped_column(primary_key=True)
    at: Mapped[dt.datetime] = mapped_column(DateTime(timezone=True), server_default=func.now())
    key_id: Mapped[int | None] = mapped_column(
        ForeignKey("api_keys.id", ondelete="SET NULL"), index=True
    )
    key_name: Mapped[str] = mapped_column(String(100))
    action: Mapped[str] = mapped_column(String(40))
    target_type: Mapped[str] = mapped_column(String(20))
    target_id: Mapped[int | None] = mapped_column(Integer)
    before: Mapped[dict[str, Any] | None] = mapped_column(JSON)
    after: Mapped[dict[str, Any] | None] = mapped_column(JSON)


class QuoteFacetCount(Base):
    """How many quotes of a subject fall in each facet bucket, kept by database triggers
    (migration 0009) so facets of the whole archive, a speaker or a topic are an index read.

    `subject` is `all` (subject_id 0), `speaker` or `topic` (quotes about the topic: links of
    scope `quote`); `facet` and `bucket` are a facet's name and key as `/quotes/facets` shows
    them (ids as text, `YYYY-MM` months). Rows that fall to zero stay, with `n` = 0.
    A count is the sum over `shard`: each PostgreSQL write transaction writes its own shard,
    so parallel stores share no row (migration 0010); SQLite writes shard 0.
    """

    __tablename__ = "quote_facet_counts"
    # One subject's facet in count order: its top 20 events without sorting 30k of them.
    # Rows outside shard 0 (parallel writers' since the last fold, `db.shards`): few, and
    # a subject without any is read from `ix_quote_facet_counts_top` alone.
    __table_args__ = (
        Index("ix_quote_facet_counts_top", "subject", "subject_id", "facet", "n"),
        Index(
            "ix_quote_facet_counts_shards",
            "subject",
            "subject_id",
            "facet",
            postgresql_where=text("shard <> 0"),
            sqlite_where=text("shard <> 0"),
        ),
    )

    subject: Mapped[str] = mapped_column(String(10), primary_key=True)
    subject_id: Mapped[int] = mapped_column(Integer, primary_key=True)
    facet: Mapped[str] = mapped_column(String(20), primary_key=True)
    bucket: Mapped[str] = mapped_column(String(40), primary_key=True)
    shard: Mapped[int] = mapped_column(Integer, primary_key=True, server_default="0")
    n: Mapped[int] = mapped_column(Integer)
