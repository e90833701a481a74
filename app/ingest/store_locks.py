"""What a document's store may create or resolve against, as lock keys (see `db.locks`).

Two documents whose stores could affect each other must not run at once, or each would miss
what the other wrote (a speaker created twice, a quote match or an event merge never made);
documents with nothing in common still write in parallel. A store can:
- insert the document: keyed by its bytes (sha256), URL and file name, so the same new
  document from two processes is stored once and found `unchanged` by the second;
- create or merge a person: matching reads aliases by surname ('Kerry', 'John Kerry' and
  'Secretary Kerry' meet there; a two-word name may be printed family name first, so each
  word counts), an organisation by its whole name;
- name a speaker by office ('the secretary of state'): keyed by the office's family, shared
  with every claim that records that office;
- create a topic: keyed by its slug, only when it is not stored yet (the common ones
  exist after a few documents and need no lock); a person topic links to the speaker of that
  name, so it takes the person's key.
Events need no key of their own: a document joins a stored event only through a shared
speaker, and matches and verification read only the same speaker's quotes; each store also
locks every speaker it resolves (`write.speaker_matching.match_speaker`).
"""

from __future__ import annotations

from sqlalchemy import select
from sqlalchemy.orm import Session

from app.db.models import Topic
from app.ingest.parse import ParsedDocument
from app.nlp.names import name_key, slugify, surname
from app.nlp.roles import role_family
from app.nlp.statements import SpeakerClaim


def document_lock_keys(session: Session, parsed: ParsedDocument) -> set[str]:
    """Every key the store of `parsed` needs (one read, for the topics not yet stored)."""
    keys = {f"document:sha256:{parsed.sha256}", f"document:source:{parsed.source_name}"}
    if parsed.url:
        keys.add(f"document:url:{parsed.url}")
    for claim in parsed.people:
        keys.update(claim_keys(claim))
    keys.update(_topic_keys(session, parsed))
    return keys


def claim_keys(claim: SpeakerClaim) -> set[str]:
    """The names a claim is matched on, and the office it names or records."""
    keys: set[str] = set()
    if claim.name and claim.kind == "person":
        keys.update(person_keys(claim.name))
    elif claim.name:
        keys.add(f"speaker:name:{name_key(claim.name)}")
    if claim.role:
        keys.add(f"speaker:office:{role_family(claim.role)}")
    return keys


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
