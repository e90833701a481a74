"""`/quotes.atom`: any search as an Atom feed, newest first, so a journalist can follow a
person or a subject in a feed reader. Takes the search page's parameters."""

from __future__ import annotations

import datetime as dt
from xml.etree import ElementTree as ET

from fastapi import APIRouter, Request, Response

from app.api.deps import SessionDep
from app.errors import BadQuery
from app.services.quotes import quote_page
from app.web.cards import Card, cards, search_terms
from app.web.form import SearchForm
from app.web.search import FormDep

router = APIRouter(include_in_schema=False)
ATOM = "http://www.w3.org/2005/Atom"
FEED_SIZE = 50  # entries: a feed reader keeps what it has seen; older quotes are in the search
ATOM_TYPE = "application/atom+xml; charset=utf-8"
EPOCH = dt.datetime(1970, 1, 1, tzinfo=dt.UTC)


@router.get("/quotes.atom", name="quotes_feed")
def quotes_feed(request: Request, session: SessionDep, form: FormDep) -> Response:
    """The newest quotes matching the search, as Atom 1.0 (whatever order the page used:
    a feed reader shows what is new). Undated quotes come last, stamped 1970."""
    if form.errors:
        raise BadQuery("; ".join(form.errors))
    page = quote_page(session, form.filters(), FEED_SIZE, None, sort="-date", count=False)
    made = cards(session, page.items, search_terms(session, form.q, form.topics))
    base = str(request.base_url).rstrip("/")
    body = ET.tostring(_feed(base, form, made, page.interpreted), encoding="unicode")
    return Response('<?xml version="1.0" encoding="utf-8"?>\n' + body, media_type=ATOM_TYPE)


def _stamp(day: dt.date | None) -> str:
    moment = dt.datetime(day.year, day.month, day.day, tzinfo=dt.UTC) if day else EPOCH
    return moment.isoformat().replace("+00:00", "Z")


def _add(parent: ET.Element, tag: str, text: str | None = None, **attrs: str) -> ET.Element:
    element = ET.SubElement(parent, f"{{{ATOM}}}{tag}", attrs)
    if text is not None:
        element.text = text
    return element


def _feed(base: str, form: SearchForm, made: list[Card], interpreted: list[str]) -> ET.Element:
    ET.register_namespace("", ATOM)
    feed = ET.Element(f"{{{ATOM}}}feed")
    described = "; ".join(interpreted) or "all quotes"
    _add(feed, "title", f"On the Record: {described}")
    _add(feed, "subtitle", "Newest quotes first, each linked to its source.")
    _add(feed, "id", base + form.url("/quotes.atom"))
    _add(feed, "link", rel="self", href=base + form.url("/quotes.atom"))
    _add(feed, "link", rel="alternate", type="text/html", href=base + form.url())
    _add(
        feed,
        "updated",
        _stamp(max((c.quote.spoken_on for c in made if c.quote.spoken_on), default=None)),
    )
    _add(feed, "generator", "On the Record")
    for card in made:
        feed.append(_entry(base, card))
    return feed


def _entry(base: str, card: Card) -> ET.Element:
    quote = card.quote
    entry = ET.Element(f"{{{ATOM}}}entry")
    who = quote.speaker.name if quote.speaker else "Unidentified speaker"
    first = card.excerpt.text
    _add(entry, "title", f"{who}: “{first[:120] + '…' if len(first) > 120 else first}”")
    _add(entry, "id", f"{base}/quotes/{quote.id}")
    _add(entry, "link", rel="alternate", type="text/html", href=base + card.source_link)
    if card.url:
        _add(entry, "link", rel="related", href=card.url)
    _add(entry, "updated", _stamp(quote.spoken_on))
    _add(entry, "published", _stamp(quote.spoken_on))
    author = _add(entry, "author")
    _add(author, "name", who)
    if quote.speaker:
        _add(author, "uri", f"{base}/speaker/{quote.speaker.slug}")
    for topic in quote.topics:
        if topic.scope == "quote":
            _add(entry, "category", term=topic.name)
    _add(entry, "summary", card.citation)
    _add(entry, "content", quote.text, type="text")
    return entry
