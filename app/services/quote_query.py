"""Filters -> the clauses that select quotes, as a shape and its values.

A `QuoteQuery` holds what the filters became: the names they resolved to, the sentences that
explain them, and the clauses — each as a shape token (what its SQL depends on) and a builder
that takes its values from bind parameters (`services.shapes`). Reading a page builds no
clause unless its shape is new; `params` carries the values.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable, Hashable
from dataclasses import dataclass, field
from functools import cached_property
from typing import Any

from sqlalchemy import ColumnElement, and_, func, or_, select
from sqlalchemy.orm import Session

from app.db.models import Quote, QuoteTopic, QuoteVerification, SpeakerRole
from app.errors import BadQuery
from app.nlp.directory.offices import split_country
from app.nlp.roles import ROLE_FAMILIES, role_family
from app.services.fulltext import Search, parse_query, postgres_search, sqlite_search
from app.services.names import resolve_speaker_ref, resolve_topic_ref
from app.services.shapes import slot, slots

Clause = ColumnElement[bool]


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


@dataclass(frozen=True)
class Part:
    """One clause: `shape` is everything its SQL depends on, `build` makes it from slots."""

    shape: tuple[Hashable, ...]  # its kind first: "speakers", "q", ...
    build: Callable[[], Clause]


@dataclass
class QuoteQuery:
    """The clauses a set of filters became, their values, and the sentences that explain
    them."""

    parts: list[Part]
    interpreted: list[str]
    params: dict[str, Any] = field(default_factory=dict)
    empty: bool = False  # a forgiving name matched nothing: the answer is no quotes
    search: Search | None = None
    sqlite: bool = False
    speaker_ids: list[int] = field(default_factory=list)  # the speakers named, resolved
    topic_ids: list[list[int]] = field(default_factory=list)  # each topic named, resolved

    def add(self, shape: tuple[Hashable, ...], build: Callable[[], Clause], **values: Any) -> None:
        self.parts.append(Part(shape, build))
        self.params.update(values)

    @property
    def shape(self) -> tuple[Hashable, ...]:
        """What every clause's SQL depends on; equal shapes make the same statement."""
        return tuple(part.shape for part in self.parts)

    @cached_property
    def clauses(self) -> list[Clause]:
        """The clauses themselves, for statements that are built per request (exports,
        facets); they still take their values from `params`."""
        return [part.build() for part in self.parts]

    @property
    def fts5(self) -> bool:
        """SQLite, with a search: statements may be driven by the FTS5 table."""
        return self.sqlite and self.search is not None

    def without_text(self) -> list[Clause]:
        """The clauses but the full-text one (which an FTS5-driven statement replaces)."""
        return [c for part, c in zip(self.parts, self.clauses, strict=True) if part.shape[0] != "q"]

    @property
    def shape_without_text(self) -> tuple[Hashable, ...]:
        return tuple(part.shape for part in self.parts if part.shape[0] != "q")


def build_query(session: Session, filters: QuoteFilters) -> QuoteQuery:
    check_dates(filters)
    query = QuoteQuery([], [], sqlite=session.get_bind().dialect.name == "sqlite")
    _speaker_clause(session, filters, query)
    _topic_clause(session, filters, query)
    _role_clause(filters, query)
    _text_clause(filters, query)
    if filters.kinds:
        query.add(("kinds",), _kinds, kinds=list(filters.kinds))
    if filters.verification:
        query.add(("verification",), _verified, statuses=list(filters.verification))
    if filters.event is not None:
        query.add(("event",), _at_event, event_id=filters.event)
    if filters.document is not None:
        query.add(("document",), _in_document, document_id=filters.document)
    if filters.date_from is not None:
        query.add(("date_from",), _from_date, date_from=filters.date_from)
    if filters.date_to is not None:
        query.add(("date_to",), _to_date, date_to=filters.date_to)
    return query


def _kinds() -> Clause:
    return Quote.kind.in_(slots("kinds"))


def _verified() -> Clause:
    """Quotes whose verdict is one of these: read from (status, quote_id) alone."""
    checked = select(QuoteVerification.quote_id).where(
        QuoteVerification.status.in_(slots("statuses"))
    )
    return Quote.id.in_(checked)


def _at_event() -> Clause:
    return Quote.event_id == slot("event_id")


def _in_document() -> Clause:
    return Quote.document_id == slot("document_id")


def _from_date() -> Clause:
    return Quote.spoken_on >= slot("date_from")


def _to_date() -> Clause:
    return Quote.spoken_on <= slot("date_to")


def _speaker_clause(session: Session, filters: QuoteFilters, query: QuoteQuery) -> None:
    ids: list[int] = []
    for ref in filters.speakers:
        match = resolve_speaker_ref(session, ref)
        query.interpreted.append(match.describe("speaker", ref))
        ids.extend(match.ids)
    query.speaker_ids = ids
    if filters.speakers:
        query.empty = query.empty or not ids
        query.add(("speakers",), _by_speakers, speaker_ids=ids)


def _by_speakers() -> Clause:
    return Quote.speaker_id.in_(slots("speaker_ids"))


def _topic_clause(session: Session, filters: QuoteFilters, query: QuoteQuery) -> None:
    if not filters.topics:
        return
    scopes = ("quote",) if filters.scope == "quote" else ("quote", "context")
    probe = bool(filters.speakers)
    for n, ref in enumerate(filters.topics):
        match = resolve_topic_ref(session, ref)
        query.interpreted.append(match.describe("topic", ref))
        query.topic_ids.append(match.ids)
        query.params[f"topic_ids_{n}"] = match.ids
        if not match.ids and filters.topic_mode == "all":
            query.empty = True
    query.params["scopes"] = list(scopes)
    count, mode = len(filters.topics), filters.topic_mode
    query.add(("topics", count, mode, probe), lambda: _about_all(count, mode, probe))


def _about_all(count: int, mode: str, probe: bool) -> Clause:
    groups = [_about(f"topic_ids_{n}", probe) for n in range(count)]
    return and_(*groups) if mode == "all" else or_(*groups)


def _about(ids_slot: str, probe: bool) -> Clause:
    """Quotes about these topics. With a speaker filter, the speaker's quotes (a bounded set)
    drive and each is probed in quote_topics' primary key (EXISTS): SQLite, which has no
    per-value statistics, would otherwise walk every link of a popular topic to find the few
    by this speaker (100k rows at a million quotes). Without one, the topic's links drive (IN).
    """
    links = select(QuoteTopic.quote_id).where(
        QuoteTopic.topic_id.in_(slots(ids_slot)), QuoteTopic.scope.in_(slots("scopes"))
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
    if country:
        query.interpreted.append(f"role '{filters.role}' read as {title} of {country}")
        query.add(("role", True), lambda: _held(True), titles=titles, country=country)
    else:
        query.interpreted.append(
            f"role '{filters.role}' read as {title} of any country ({', '.join(titles)}); "
            f"name the country to narrow it, e.g. 'US {title}'"
        )
        query.add(("role", False), lambda: _held(False), titles=titles)


def _held(with_country: bool) -> Clause:
    held = select(SpeakerRole.speaker_id).where(
        SpeakerRole.speaker_id == Quote.speaker_id,
        func.lower(SpeakerRole.title).in_(slots("titles")),
        or_(SpeakerRole.start_date.is_(None), SpeakerRole.start_date <= Quote.spoken_on),
        or_(SpeakerRole.end_date.is_(None), SpeakerRole.end_date >= Quote.spoken_on),
    )
    if with_country:
        held = held.where(SpeakerRole.country == slot("country"))
    return held.exists()


def _titles_of(family: str | None) -> list[str]:
    return list(ROLE_FAMILIES.get(family or "", (family or "",)))


def _text_clause(filters: QuoteFilters, query: QuoteQuery) -> None:
    if not filters.q:
        return
    search = (sqlite_search if query.sqlite else postgres_search)(filters.q)
    query.search = search
    query.add(("q", search.shape), search.where, **search.params)


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
