"""Forgiving names -> ids: 'kerry', 'John Kerry', 'Kery', a slug or an id all find John Kerry."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass, field

from rapidfuzz import fuzz, process
from sqlalchemy import func, select
from sqlalchemy.orm import Session

from app.db.models import Quote, QuoteTopic, Speaker, SpeakerAlias, Topic, TopicAlias
from app.nlp.directory.model import QID
from app.nlp.names import fold, name_key
from app.nlp.topics import normalise_alias
from app.services.name_cache import remembered
from app.services.paging import MAX_ID

# Plain edit-distance ratio: 85 accepts one slip in a surname ("Kery" vs "kerry" scores 89)
# and rejects other names ("kirby" vs "kerry" scores 60). Partial-match scorers such as WRatio
# are not used: they let a short alias ("us") match inside any longer input ("lausanne talks").
FUZZY_CUTOFF = 85.0
MIN_FUZZY_CHARS = 4


@dataclass(frozen=True)
class NameMatch:
    """What a forgiving input was understood as, for the `interpreted` echo."""

    ids: list[int]
    names: list[str]
    how: str  # "id" | "wikidata" | "slug" | "alias" | "fuzzy" | "none"
    candidates: list[str] = field(default_factory=list)

    def describe(self, what: str, ref: str) -> str:
        if not self.ids:
            hint = f"; close: {', '.join(self.candidates)}" if self.candidates else ""
            return f"{what} '{ref}' matched nothing{hint}"
        joined = " or ".join(self.names)
        return f"{what} '{ref}' matched {joined}" + (
            " (closest spelling)" if self.how == "fuzzy" else ""
        )


def is_id(ref: str) -> bool:
    """ASCII digits within the id range: '²' and a 30-digit number are names, not ids."""
    return ref.isascii() and ref.isdigit() and int(ref) <= MAX_ID


def resolve_speaker_ref(session: Session, ref: str, fuzzy: bool = True) -> NameMatch:
    """Exact id, slug or alias first; then, if allowed, the closest spelling.

    Answers are kept per process while the database's name generation stays the same.
    """
    ref = ref.strip()
    return remembered(session, ("speaker", ref, fuzzy), lambda: _speaker(session, ref, fuzzy))


def _speaker(session: Session, ref: str, fuzzy: bool) -> NameMatch:
    named = {s.id: s.name for s in _exact_speakers(session, ref)}
    if named:
        how = "id" if is_id(ref) else "wikidata" if QID.fullmatch(ref.upper()) else "alias"
        return NameMatch(list(named), list(named.values()), how)
    if not fuzzy:
        return NameMatch([], [], "none")

    def owners(keys: list[str]) -> list[tuple[str, int, str]]:
        rows = session.execute(
            select(SpeakerAlias.alias_norm, SpeakerAlias.speaker_id, Speaker.name)
            .join(Speaker)
            .where(SpeakerAlias.alias_norm.in_(keys))
            .order_by(SpeakerAlias.speaker_id)
        ).all()
        return [(r[0], r[1], r[2]) for r in rows]

    def popularity(ids: list[int]) -> dict[int, int]:
        rows = session.execute(
            select(Quote.speaker_id, func.count())
            .where(Quote.speaker_id.in_(ids))
            .group_by(Quote.speaker_id)
        ).all()
        return {ident: n for ident, n in rows if ident is not None}

    return _fuzzy(name_key(ref), _alias_keys(session, SpeakerAlias), Lookups(owners, popularity))


def _exact_speakers(session: Session, ref: str) -> list[Speaker]:
    if is_id(ref):
        return list(session.scalars(select(Speaker).where(Speaker.id == int(ref))))
    if QID.fullmatch(ref.upper()):  # 'Q76': the person a directory ties to that Wikidata item
        return list(session.scalars(select(Speaker).where(Speaker.wikidata == ref.upper())))
    by_slug = session.scalars(select(Speaker).where(Speaker.slug == ref)).all()
    if by_slug:
        return list(by_slug)
    keys = {name_key(ref), fold(ref)}
    ids = select(SpeakerAlias.speaker_id).where(SpeakerAlias.alias_norm.in_(keys))
    return list(session.scalars(select(Speaker).where(Speaker.id.in_(ids)).order_by(Speaker.id)))


def resolve_topic_ref(session: Session, ref: str, fuzzy: bool = True) -> NameMatch:
    """Exact id, slug or alias (ISIS = Daesh = ISIL) first; then, if allowed, the closest one."""
    ref = ref.strip()
    return remembered(session, ("topic", ref, fuzzy), lambda: _topic(session, ref, fuzzy))


def _topic(session: Session, ref: str, fuzzy: bool) -> NameMatch:
    if is_id(ref):
        topic = session.get(Topic, int(ref))
        if topic is not None:
            return NameMatch([topic.id], [topic.name], "id")
    # A UNION, not `slug = ref OR id IN (...)`: PostgreSQL cannot use an index for that OR
    # and scanned every topic (3 ms at 20k topics; 0.2 ms this way).
    by_slug = select(Topic.id).where(Topic.slug == ref)
    by_alias = select(TopicAlias.topic_id).where(
        TopicAlias.alias_norm.in_({normalise_alias(ref), fold(ref)})
    )
    topics = session.scalars(
        select(Topic).where(Topic.id.in_(by_slug.union(by_alias))).order_by(Topic.id)
    ).all()
    if topics:
        return NameMatch([t.id for t in topics], [t.name for t in topics], "alias")
    if not fuzzy:
        return NameMatch([], [], "none")

    def owners(keys: list[str]) -> list[tuple[str, int, str]]:
        rows = session.execute(
            select(TopicAlias.alias_norm, TopicAlias.topic_id, Topic.name)
            .join(Topic)
            .where(TopicAlias.alias_norm.in_(keys))
            .order_by(TopicAlias.topic_id)
        ).all()
        return [(r[0], r[1], r[2]) for r in rows]

    def popularity(ids: list[int]) -> dict[int, int]:
        rows = session.execute(
            select(QuoteTopic.topic_id, func.count(func.distinct(QuoteTopic.quote_id)))
            .where(QuoteTopic.topic_id.in_(ids))
            .group_by(QuoteTopic.topic_id)
        ).all()
        return dict(rows)

    return _fuzzy(
        normalise_alias(ref), _alias_keys(session, TopicAlias), Lookups(owners, popularity)
    )


def _alias_keys(session: Session, model: type[SpeakerAlias] | type[TopicAlias]) -> list[str]:
    """Every alias key, for the fuzzy scan, re-read only when the name generation moves.

    Reading 30k alias rows took ~60 ms per misspelt name.
    """
    return remembered(
        session,
        ("keys", model.__tablename__),
        lambda: list(session.scalars(select(model.alias_norm))),
    )


SUGGESTIONS = 5
PREFIX_CANDIDATES = 50  # alias keys read back when many names start alike ("john", "al")


@dataclass(frozen=True)
class Lookups:
    """What `_fuzzy` reads from the database, for speakers or for topics.

    `owners(keys)` gives (key, id, name) rows; `popularity(ids)` the number of quotes each has.
    """

    owners: Callable[[list[str]], list[tuple[str, int, str]]]
    popularity: Callable[[list[int]], dict[int, int]]


def _token_tier(key: str, words: list[str]) -> int:
    """2: every typed word is a word of the name ("john" in "john kerry"); 1: every typed word
    starts one ("john" in "boris johnson"); 0: neither."""
    tokens = key.split()
    if all(word in tokens for word in words):
        return 2
    if all(any(token.startswith(word) for token in tokens) for word in words):
        return 1
    return 0


def _fuzzy(key: str, keys: list[str], lookups: Lookups) -> NameMatch:
    """Closest spelling among known alias keys; below the cutoff, only suggestions.

    Suggestions rank names containing the typed words first, then names with words starting
    with them, then close spellings; within each, the most quoted first: `John` suggests John
    Kerry before Boris Johnson.
    """
    if not key or not keys:
        return NameMatch([], [], "none")
    best = process.extract(key, keys, scorer=fuzz.ratio, limit=5)
    close = [keys[i] for _, score, i in best if score >= 60]
    words = key.split()
    tiers = {k: t for k in keys if (t := _token_tier(k, words))}
    prefixed = sorted(tiers, key=lambda k: (-tiers[k], len(k), k))[:PREFIX_CANDIDATES]
    wanted = list(dict.fromkeys([*close, *prefixed]))
    found: dict[str, list[tuple[str, int, str]]] = {}
    for row in lookups.owners(wanted) if wanted else []:
        found.setdefault(row[0], []).append(row)
    if len(key) >= MIN_FUZZY_CHARS:
        accepted = [keys[i] for _, score, i in best if score >= FUZZY_CUTOFF]
        rows = [row for k in accepted for row in found.get(k, [])]
        if rows:
            return NameMatch([rows[0][1]], [rows[0][2]], "fuzzy")
    return NameMatch([], [], "none", _suggest(found, tiers, lookups))


def _suggest(
    found: dict[str, list[tuple[str, int, str]]], tiers: dict[str, int], lookups: Lookups
) -> list[str]:
    owner_tier: dict[int, int] = {}
    names: dict[int, str] = {}
    for key, rows in found.items():
        for _, ident, name in rows:
            owner_tier[ident] = max(owner_tier.get(ident, 0), tiers.get(key, 0))
            names[ident] = name
    quoted = lookups.popularity(list(names)) if names else {}
    ranked = sorted(names, key=lambda i: (-owner_tier[i], -quoted.get(i, 0), names[i]))
    return list(dict.fromkeys(names[i] for i in ranked))[:SUGGESTIONS]
