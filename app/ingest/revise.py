"""A new version of a stored document (same URL or path, other text) becomes its next revision.

Quote ids are what people cite, so a quote whose words survive keeps its id: old and new
quotes are matched by their folded words (case, accents and punctuation aside), in document
order. A kept quote follows the new text (offsets, context, position, kind), and if the new
version names another speaker for the same words, the id stays and the speaker changes
(listed as reattributed in the revision). Quotes that are new are inserted; quotes whose
words are gone are retired: moved to `retired_quotes` (see `RetiredQuote` for why a
tombstone table and not a flag), so every read path drops them and `GET /quotes/{id}`
answers 410 Gone. Topic links, matches and verdicts are computed again for the new text;
news quotes elsewhere whose verdict cited this document are verified again. Events, speakers
and topics only the old version used go, by the rules of `write.deletion`.
"""

from __future__ import annotations

from collections.abc import Iterator, Sequence
from difflib import SequenceMatcher

from sqlalchemy import delete, or_, select, update
from sqlalchemy.orm import Session

from app.db.models import (
    Document,
    DocumentRevision,
    Quote,
    QuoteMatch,
    QuoteTopic,
    QuoteVerification,
    RetiredQuote,
    Speaker,
)
from app.ingest.matching import match_document_quotes
from app.ingest.parse import ParsedDocument
from app.ingest.rows import (
    StoreResult,
    build_quote,
    current_revision,
    link_replies,
    resolve_speakers_and_event,
    set_metadata,
)
from app.nlp.names import fold
from app.write.deletion import drop_orphans, remove_quotes
from app.write.topics import link_topics
from app.write.verification import reverify, verify_document

_CHUNK = 500  # ids per IN (...): well under either database's limit on bound parameters


def match_quotes(old: Sequence[str], new: Sequence[str]) -> list[tuple[int, int]]:
    """(old index, new index) of the quotes whose words survive, in document order.

    The longest common subsequence of folded texts: a quote moved past others is retired
    and added rather than matched out of order, so positions stay monotonic.
    """
    matcher = SequenceMatcher(None, [fold(t) for t in old], [fold(t) for t in new], autojunk=False)
    return [
        (block.a + k, block.b + k)
        for block in matcher.get_matching_blocks()
        for k in range(block.size)
    ]


def revise_document(
    session: Session, document: Document, parsed: ParsedDocument, *, new_revision: bool = True
) -> StoreResult:
    """Store `parsed` as the next revision of `document`; its id and its kept quotes' ids stay.

    Without `new_revision` (the same text, a changed sidecar) the current revision is
    updated in place and the result is `updated`.
    """
    old = list(
        session.scalars(
            select(Quote).where(Quote.document_id == document.id).order_by(Quote.position)
        )
    )
    pairs = match_quotes([q.text for q in old], [p.statement.text for p in parsed.quotes])
    number = current_revision(session, document.id) + (1 if new_revision else 0)
    if new_revision:
        session.execute(  # the superseded version keeps its text
            update(DocumentRevision)
            .where(
                DocumentRevision.document_id == document.id, DocumentRevision.number == number - 1
            )
            .values(text=document.text)
        )
    kept = {new_index: old[old_index] for old_index, new_index in pairs}
    kept_ids = [q.id for q in kept.values()]
    surviving = set(kept_ids)
    retired = [q for q in old if q.id not in surviving]
    candidates = _used_by(session, document, old)
    cited = _verdicts_citing(session, document.id)
    cited |= _retire(session, document.id, number, retired)
    _clear_derived(session, kept_ids)
    for quote in kept.values():  # out of the way of the unique (document, position)
        quote.position = -1 - quote.position
    session.flush()

    notes: list[str] = []
    _update_document(session, document, parsed)
    speakers, event = resolve_speakers_and_event(session, document, parsed, notes)
    if event is None:
        document.event_id = None
    reattributed = _reattributed(session, kept, speakers, notes)
    quotes = [
        build_quote(document, position, q.statement, speakers[position], event, kept.get(position))
        for position, q in enumerate(parsed.quotes)
    ]
    session.add_all(quotes)
    session.flush()
    link_replies(quotes, parsed)
    link_topics(session, [(q.id, p.topics) for q, p in zip(quotes, parsed.quotes, strict=True)])
    match_document_quotes(session, document, quotes)
    verify_document(session, document)
    reverify(session, sorted(cited - {q.id for q in quotes}))
    drop_orphans(session, *candidates)
    retired_ids = [q.id for q in retired]
    if not new_revision:
        _update_revision(session, document.id, number, parsed, reattributed)
        return StoreResult(document.id, len(quotes), "updated", tuple(notes), number)
    session.add(
        DocumentRevision(
            document_id=document.id,
            number=number,
            sha256=parsed.sha256,
            title=parsed.title,
            kept=len(kept),
            added=len(quotes) - len(kept),
            retired=len(retired_ids),
            retired_ids=retired_ids,
            reattributed_ids=reattributed,
        )
    )
    session.flush()
    notes.insert(
        0,
        f"revision {number}: {len(kept)} quotes kept, {len(quotes) - len(kept)} added, "
        f"{len(retired_ids)} retired" + (f" ({_ids_text(retired_ids)})" if retired_ids else ""),
    )
    return StoreResult(document.id, len(quotes), "revised", tuple(notes), number)


def _update_revision(
    session: Session, document_id: int, number: int, parsed: ParsedDocument, moved: list[int]
) -> None:
    """The current revision after a metadata update: its title, and any quote the new
    metadata gave to another speaker (a date can decide who held an office)."""
    revision = session.scalar(
        select(DocumentRevision).where(
            DocumentRevision.document_id == document_id, DocumentRevision.number == number
        )
    )
    if revision is None:  # stored before revisions were recorded
        return
    revision.title = parsed.title
    if moved:
        revision.reattributed_ids = sorted({*(revision.reattributed_ids or []), *moved})
    session.flush()


def _used_by(
    session: Session, document: Document, old: list[Quote]
) -> tuple[set[int], set[int], set[int]]:
    """The events, speakers and topics the old version used: removed if nothing else does."""
    events = {q.event_id for q in old if q.event_id is not None}
    if document.event_id is not None:
        events.add(document.event_id)
    speakers = {q.speaker_id for q in old if q.speaker_id is not None}
    topics: set[int] = set()
    for chunk in _chunks([q.id for q in old]):
        topics.update(
            session.scalars(select(QuoteTopic.topic_id).where(QuoteTopic.quote_id.in_(chunk)))
        )
    return events, speakers, topics


def _verdicts_citing(session: Session, document_id: int) -> set[int]:
    """News quotes verified against this document: their source offsets move with its text."""
    return set(
        session.scalars(
            select(QuoteVerification.quote_id).where(
                QuoteVerification.source_document_id == document_id
            )
        )
    )


def _retire(session: Session, document_id: int, number: int, quotes: list[Quote]) -> set[int]:
    """Tombstone each quote, then remove it with its links; returns verdicts to redo."""
    session.add_all(
        RetiredQuote(
            id=q.id,
            document_id=document_id,
            revision=number,
            position=q.position,
            kind=q.kind,
            text=q.text,
            speaker_id=q.speaker_id,
        )
        for q in quotes
    )
    session.flush()
    cited: set[int] = set()
    for chunk in _chunks([q.id for q in quotes]):
        cited |= remove_quotes(session, select(Quote.id).where(Quote.id.in_(chunk)))
    for quote in quotes:
        session.expunge(quote)
    return cited


def _clear_derived(session: Session, quote_ids: list[int]) -> None:
    """Links, matches and verdicts of kept quotes: computed again from the new text."""
    for chunk in _chunks(quote_ids):
        for statement in (
            delete(QuoteTopic).where(QuoteTopic.quote_id.in_(chunk)),
            delete(QuoteMatch).where(
                or_(QuoteMatch.quote_id.in_(chunk), QuoteMatch.matched_quote_id.in_(chunk))
            ),
            delete(QuoteVerification).where(QuoteVerification.quote_id.in_(chunk)),
        ):
            session.execute(statement.execution_options(synchronize_session=False))


def _update_document(session: Session, document: Document, parsed: ParsedDocument) -> None:
    set_metadata(document, parsed)
    document.sha256 = parsed.sha256
    document.source_name = parsed.source_name
    document.meta_sha256 = parsed.meta_sha256
    preferred = parsed.identities[0] if parsed.identities else None
    taken = session.scalar(
        select(Document.id).where(Document.identity == preferred, Document.id != document.id)
    )
    if preferred and taken is None:
        document.identity = preferred


def _reattributed(
    session: Session, kept: dict[int, Quote], speakers: list[int | None], notes: list[str]
) -> list[int]:
    """Kept quotes the new version gives to another speaker: same words, same id."""
    changed = []
    for position, quote in sorted(kept.items()):
        if quote.speaker_id != speakers[position]:
            changed.append(quote.id)
            notes.append(
                f"quote {quote.id}: speaker changed from {_name(session, quote.speaker_id)} "
                f"to {_name(session, speakers[position])}"
            )
    return changed


def _name(session: Session, speaker_id: int | None) -> str:
    if speaker_id is None:
        return "nobody named"
    speaker = session.get(Speaker, speaker_id)
    return speaker.name if speaker else f"speaker {speaker_id}"


def _ids_text(ids: list[int], shown: int = 20) -> str:
    text = ", ".join(str(i) for i in ids[:shown])
    return f"ids {text}" + (f" and {len(ids) - shown} more" if len(ids) > shown else "")


def _chunks(values: list[int]) -> Iterator[list[int]]:
    for start in range(0, len(values), _CHUNK):
        yield values[start : start + _CHUNK]
