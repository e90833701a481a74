"""Quote cards: a quote as a journalist reads it in a list of results.

Each card carries the excerpt (matching sentences marked), the role its speaker held that
day, the document's original URL and a ready citation.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass

from sqlalchemy.orm import Session

from app.schemas import QuoteOut, RoleOut
from app.services.citations import document_urls, roles_on, topic_names
from app.services.fulltext import parse_query
from app.services.names import resolve_topic_ref
from app.web.citation import citation
from app.web.snippets import Excerpt, Term, excerpt


@dataclass(frozen=True)
class Card:
    quote: QuoteOut
    excerpt: Excerpt
    role: RoleOut | None
    url: str | None
    citation: str

    @property
    def source_link(self) -> str:
        return f"/source/{self.quote.document.id}?quote={self.quote.id}#quote-{self.quote.id}"


def search_terms(session: Session, q: str | None, topics: Sequence[str]) -> list[Term]:
    """What to mark in a quote: the words of `q` (not the excluded ones) and every name of
    each searched topic."""
    terms: list[Term] = []
    if q:
        for group in parse_query(q):
            terms += [Term.of_query(t.words, t.prefix) for t in group if not t.negated]
    ids = [i for ref in topics for i in resolve_topic_ref(session, ref).ids]
    for name in topic_names(session, ids):
        term = Term.of_name(name)
        if term is not None:
            terms.append(term)
    return terms


def cards(session: Session, quotes: Sequence[QuoteOut], terms: Sequence[Term]) -> list[Card]:
    roles = roles_on(session, [(q.speaker.id, q.spoken_on) for q in quotes if q.speaker])
    urls = document_urls(session, [q.document.id for q in quotes])
    made = []
    for quote in quotes:
        role = roles.get((quote.speaker.id, quote.spoken_on)) if quote.speaker else None
        shown = excerpt(quote.text, terms)
        url = urls.get(quote.document.id)
        made.append(Card(quote, shown, role, url, citation(quote, role, url, shown.text)))
    return made
