"""A loaded document -> a `ParsedDocument`: everything the text says, before any transaction.

Pure: no session, no rows. Metadata (sidecar, then the page's or PDF's own, then front
matter) wins over what the text suggests; the genre picks the parser; every quote gets its
speaker claim and the topics its words and its context name. The store then only resolves
these against the database and writes them, so parsing never holds a write transaction open.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass

from app.ingest.identity import document_identities, sidecar_sha256
from app.ingest.loader import LoadedDocument
from app.ingest.metadata import read_meta
from app.nlp.genre import detect_genre
from app.nlp.news import parse_news
from app.nlp.occasions import find_occasion
from app.nlp.statements import (
    EventClues,
    SpeakerClaim,
    Statement,
    context_text,
    news_statements,
    transcript_statements,
)
from app.nlp.topics import (
    TopicLink,
    TopicMatcher,
    document_people,
    load_lexicon,
    quote_topics,
)
from app.nlp.transcript import Label, find_labels, parse_transcript


@dataclass(frozen=True)
class ParsedQuote:
    """A statement and the topics it is about (scope 'quote' or 'context')."""

    statement: Statement
    topics: tuple[TopicLink, ...]


@dataclass(frozen=True)
class ParsedDocument:
    """One document as the store needs it: metadata, event clues, quotes, people."""

    sha256: str
    source_name: str
    text: str
    genre: str  # "transcript" | "news"
    title: str | None
    published: dt.date | None
    publisher: str | None
    url: str | None
    author: str | None
    event: EventClues
    quotes: tuple[ParsedQuote, ...]
    # Stored under the first; a stored document under any of them is an earlier version.
    identities: tuple[str, ...] = ()
    meta_sha256: str | None = None

    @property
    def people(self) -> tuple[SpeakerClaim, ...]:
        """Each distinct speaker claim once, in order of first appearance."""
        claims = (q.statement.claim for q in self.quotes)
        return tuple(dict.fromkeys(c for c in claims if c is not None))


def parse_document(loaded: LoadedDocument, matcher: TopicMatcher | None = None) -> ParsedDocument:
    """Parse one document; `matcher` finds topics (default: the shipped lexicon only)."""
    text = loaded.text
    meta = read_meta(loaded.meta, text, loaded.extracted)
    # Genre detection and the transcript parser both read the labels: find them once.
    labels: list[Label] = [] if meta.genre == "news" else find_labels(text)
    genre = meta.genre or detect_genre(text, labels)
    if genre == "transcript":
        transcript = parse_transcript(text, labels)
        event, statements = transcript_statements(transcript)
        title, published = transcript.header.title, meta.published or transcript.header.date
    else:
        article = parse_news(text)
        occasion = find_occasion(text, meta.published)
        event, statements = news_statements(article, occasion)
        title, published = article.title, occasion.published
    matcher = matcher if matcher is not None else TopicMatcher(load_lexicon())
    people = document_people(text, matcher)
    quotes = tuple(
        ParsedQuote(s, quote_topics(s.text, context_text(text, s, statements), matcher, people))
        for s in statements
    )
    return ParsedDocument(
        sha256=loaded.sha256,
        source_name=loaded.path.name,
        text=text,
        genre=genre,
        title=meta.title or title,
        published=published,
        publisher=meta.publisher,
        url=meta.url,
        author=meta.author,
        event=event,
        quotes=quotes,
        identities=document_identities(meta.url, loaded.path),
        meta_sha256=sidecar_sha256(loaded.meta),
    )
