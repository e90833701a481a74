"""Forgiving names -> ids: 'kerry', 'John Kerry', 'Kery', a slug or an id all find John Kerry."""

from __future__ import annotations

from dataclasses import dataclass, field

from rapidfuzz import fuzz, process
from sqlalchemy import select
from sqlalchemy.orm import Session

from app.db.models import Speaker, SpeakerAlias, Topic, TopicAlias
from app.nlp.names import fold, name_key
from app.nlp.topics import normalise_alias

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
    how: str  # "id" | "slug" | "alias" | "fuzzy" | "none"
    candidates: list[str] = field(default_factory=list)

    def describe(self, what: str, ref: str) -> str:
        if not self.ids:
            hint = f"; close: {', '.join(self.candidates)}" if self.candidates else ""
            return f"{what} '{ref}' matched nothing{hint}"
        joined = " or ".join(self.names)
        return f"{what} '{ref}' matched {joined}" + (
            " (closest spelling)" if self.how == "fuzzy" else ""
        )


def resolve_speaker_ref(session: Session, ref: str, fuzzy: bool = True) -> NameMatch:
    """Exact id, slug or alias first; then, if allowed, the closest spelling."""
    ref = ref.strip()
    named = {s.id: s.name for s in _exact_speakers(session, ref)}
    if named:
        how = "id" if ref.isdigit() else "alias"
        return NameMatch(list(named), list(named.values()), how)
    if not fuzzy:
        return NameMatch([], [], "none")
    rows = session.execute(
        select(SpeakerAlias.alias_norm, SpeakerAlias.speaker_id, Speaker.name).join(Speaker)
    ).all()
    return _fuzzy(name_key(ref), [(r[0], r[1], r[2]) for r in rows])


def _exact_speakers(session: Session, ref: str) -> list[Speaker]:
    if ref.isdigit():
        return list(session.scalars(select(Speaker).where(Speaker.id == int(ref))))
    by_slug = session.scalars(select(Speaker).where(Speaker.slug == ref)).all()
    if by_slug:
        return list(by_slug)
    keys = {name_key(ref), fold(ref)}
    ids = select(SpeakerAlias.speaker_id).where(SpeakerAlias.alias_norm.in_(keys))
    return list(session.scalars(select(Speaker).where(Speaker.id.in_(ids)).order_by(Speaker.id)))


def resolve_topic_ref(session: Session, ref: str, fuzzy: bool = True) -> NameMatch:
    """Exact id, slug or alias (ISIS = Daesh = ISIL) first; then, if allowed, the closest one."""
    ref = ref.strip()
    if ref.isdigit():
        topic = session.get(Topic, int(ref))
        if topic is not None:
            return NameMatch([topic.id], [topic.name], "id")
    topics = session.scalars(
        select(Topic)
        .where(
            (Topic.slug == ref)
            | Topic.id.in_(
                select(TopicAlias.topic_id).where(
                    TopicAlias.alias_norm.in_({normalise_alias(ref), fold(ref)})
                )
            )
        )
        .order_by(Topic.id)
    ).all()
    if topics:
        return NameMatch([t.id for t in topics], [t.name for t in topics], "alias")
    if not fuzzy:
        return NameMatch([], [], "none")
    rows = session.execute(
        select(TopicAlias.alias_norm, TopicAlias.topic_id, Topic.name).join(Topic)
    ).all()
    return _fuzzy(normalise_alias(ref), [(r[0], r[1], r[2]) for r in rows])


def _fuzzy(key: str, rows: list[tuple[str, int, str]]) -> NameMatch:
    """Closest spelling among known aliases; below the cutoff, only suggestions."""
    if not key or not rows:
        return NameMatch([], [], "none")
    choices = [r[0] for r in rows]
    best = process.extract(key, choices, scorer=fuzz.ratio, limit=5)
    accepted = [
        rows[i] for _, score, i in best if score >= FUZZY_CUTOFF and len(key) >= MIN_FUZZY_CHARS
    ]
    if accepted:
        top = accepted[0]
        return NameMatch([top[1]], [top[2]], "fuzzy")
    suggestions = list(dict.fromkeys(rows[i][2] for _, score, i in best if score >= 60))
    return NameMatch([], [], "none", suggestions)
