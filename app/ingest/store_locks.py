"""What a document's store may create or resolve against, as lock keys (see `db.locks`).

Two documents whose stores could affect each other must not run at once, or each would miss
what the other wrote (a speaker created twice, a quote match or an event merge never made);
documents with nothing in common still write in parallel. A store can:
- insert or revise the document: keyed by its text (sha256) and its identities (URL, path),
  so the same new document from two processes is stored once and found `unchanged` by the
  second, and two versions of one document become two revisions, not two documents;
- create or merge a person: matching reads aliases by surname ('Kerry', 'John Kerry' and
  'Secretary Kerry' meet there; a two-word name may be printed family name first, so each
  word counts), an organisation by its whole name;
- name a speaker by office alone ('the secretary of state'): keyed by the office's family,
  held alone; a claim that names a person and records an office holds that key shared, so
  documents naming office-holders still write side by side;
- create a topic: keyed by its slug, only when it is not stored yet (the common ones
  exist after a few documents and need no lock); a person topic links to the speaker of that
  name, so it takes the person's key.
Events need no key of their own: a document joins a stored event only through a shared
speaker, and matches and verification read only the same speaker's quotes; each store also
locks every speaker it resolves (`write.speaker_matching.match_speaker`).
"""

from __future__ import annotations

from dataclasses import dataclass

from sqlalchemy import select
from sqlalchemy.orm import Session

from app.db.models import Topic
from app.ingest.parse import ParsedDocument
from app.nlp.names import name_key, slugify, surname
from app.nlp.roles import role_family
from app.nlp.statements import SpeakerClaim


@dataclass(frozen=True)
class StoreLocks:
    alone: set[str]  # held by one store at a time
    shared: set[str]  # held by any number of stores, but not beside one holding it alone


def document_lock_keys(session: Session, parsed: ParsedDocument) -> StoreLocks:
    """Every key the store of `parsed` needs (one read, for the topics not yet stored)."""
    locks = StoreLocks({f"document:sha256:{parsed.sha256}"}, set())
    # Its URL or path: two versions of one document stored at once make one revision.
    locks.alone.update(f"document:identity:{identity}" for identity in parsed.identities)
    for claim in parsed.people:
        add_claim_keys(claim, locks)
    locks.alone.update(_topic_keys(session, parsed))
    return locks


def add_claim_keys(claim: SpeakerClaim, locks: StoreLocks) -> None:
    """The names a claim is matched on, and the office it names a holder by or records."""
    office = f"speaker:office:{role_family(claim.role)}" if claim.role else None
    if claim.name and claim.kind == "person":
        locks.alone.update(person_keys(claim.name))
    elif claim.name:
        locks.alone.add(f"speaker:name:{name_key(claim.name)}")
    if office:
        (locks.shared if claim.name else locks.alone).add(office)


def person_keys(name: str) -> set[str]:
    """A person's family name; both words of a two-word name, which may come either way round."""
    words = name_key(name).split()
    found = {name_key(surname(name))}
    if len(words) == 2:  # 'Kishida Fumio' and 'Fumio Kishida' are one person
        found.update(words)
    return {f"speaker:surname:{word}" for word in found if word}


def _topic_keys(session: Session, parsed: ParsedDocument) -> set[str]:
    named = {slugify(link.name): link for q in parsed.quotes for link in q.topics}
    keys: set[str] = set()
    for link in named.values():
        if link.kind == "person":
            keys.update(person_keys(link.name))
    slugs = list(named)
    stored: set[str] = set()
    for start in range(0, len(slugs), 500):  # bounded IN lists on both databases
        chunk = slugs[start : start + 500]
        stored.update(session.scalars(select(Topic.slug).where(Topic.slug.in_(chunk))))
    keys.update(f"topic:{slug}" for slug in slugs if slug not in stored)
    return keys
