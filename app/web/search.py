"""`/`: the search page. One form, quote cards, facets that narrow, a timeline, exports.

Every search is a permalink: the form submits with GET, so the URL is the search.
"""

from __future__ import annotations

import re
from collections.abc import Callable
from dataclasses import dataclass
from typing import Annotated

from fastapi import APIRouter, Depends, Query, Request
from fastapi.responses import HTMLResponse
from markupsafe import Markup
from sqlalchemy.orm import Session

from app.api.deps import SessionDep
from app.errors import AppError
from app.schemas import FacetCount, Facets, QuotePage
from app.services.facets import quote_facets
from app.services.quotes import quote_page
from app.web.cards import Card, cards, search_terms
from app.web.form import KIND_LABELS, KINDS, SearchForm
from app.web.templating import templates
from app.web.timeline import month_label, period, timeline_svg

router = APIRouter(include_in_schema=False)
PAGE_SIZE = 20
MONTHS_LISTED = 24  # the sidebar lists the latest months; the timeline shows them all

Text = Annotated[str | None, Query()]
Many = Annotated[list[str], Query()]
# "speaker 'Kery' matched John Kerry (closest spelling)" -- see services.names.NameMatch
_MATCHED = re.compile(r"^(\w+) '(.*)' matched (.+?)( \(closest spelling\))?$")
_NOTHING = re.compile(r"^(\w+) '(.*)' matched nothing(?:; close: (.+))?$")


@dataclass(frozen=True)
class Understood:
    """How one forgiving input was read: `Kery → John Kerry`, or no match with suggestions."""

    what: str
    typed: str
    found: str | None
    closest: bool = False
    suggestions: tuple[tuple[str, str], ...] = ()  # (name, link)
    sentence: str = ""


@dataclass(frozen=True)
class FacetLink:
    label: str
    count: int
    href: str
    active: bool


@dataclass(frozen=True)
class Results:
    page: QuotePage
    cards: list[Card]
    facets: dict[str, list[FacetLink]]
    understood: list[Understood]
    timeline: Markup
    more: str | None


def read_form(
    q: Text = None,
    speaker: Many = [],  # noqa: B006 - FastAPI copies defaults
    topic: Many = [],  # noqa: B006
    role: Text = None,
    kind: Many = [],  # noqa: B006
    event: Text = None,
    date_from: Text = None,
    date_to: Text = None,
    sort: Text = None,
    cursor: Text = None,
) -> SearchForm:
    return SearchForm.read(
        q=q,
        speaker=speaker,
        topic=topic,
        role=role,
        kind=kind,
        event=event,
        date_from=date_from,
        date_to=date_to,
        sort=sort,
        cursor=cursor,
    )


FormDep = Annotated[SearchForm, Depends(read_form)]


@router.get("/", response_class=HTMLResponse, name="search_page")
def search_page(request: Request, session: SessionDep, form: FormDep) -> HTMLResponse:
    """The journalists' front door: search quotes by speaker, topic, words, role, kind, date."""
    errors = list(form.errors)
    results = None
    if not errors:
        try:
            results = run_search(session, form)
        except AppError as exc:  # a bad full-text query or a stale cursor: say so on the page
            errors.append(exc.detail)
    context = {"form": form, "results": results, "errors": errors, "kinds": KINDS}
    status = 400 if errors else 200
    return templates.TemplateResponse(request, "search.html", context, status_code=status)


def run_search(session: Session, form: SearchForm) -> Results:
    filters = form.filters()
    page = quote_page(session, filters, PAGE_SIZE, form.cursor or None, form.api_sort)
    facets = quote_facets(session, filters)
    terms = search_terms(session, form.q, form.topics)
    more = form.url(cursor=page.next_cursor) if page.next_cursor else None
    return Results(
        page=page,
        cards=cards(session, page.items, terms),
        facets=facet_links(form, facets),
        understood=[understood(form, line) for line in page.interpreted],
        timeline=timeline_svg(
            [(m.key, m.count) for m in facets.months], lambda key: month_link(form, key)
        ),
        more=more,
    )


def month_link(form: SearchForm, key: str) -> str:
    start, end = period(key)
    return form.narrowed(date_from=start, date_to=end).url()


def facet_links(form: SearchForm, facets: Facets) -> dict[str, list[FacetLink]]:
    """Links that narrow the search. A speaker, kind or event replaces the current one (several
    would widen it: they are alternatives); a topic is added (all topics must match)."""

    def links(
        counts: list[FacetCount],
        make: Callable[[FacetCount], SearchForm],
        active: Callable[[FacetCount], bool],
    ) -> list[FacetLink]:
        return [FacetLink(c.label, c.count, make(c).url(), active(c)) for c in counts]

    months = facets.months[-MONTHS_LISTED:][::-1]
    return {
        "Speakers": links(
            facets.speakers,
            lambda c: form.narrowed(speakers=(c.label,)),
            lambda c: c.label in form.speakers,
        ),
        "Topics": links(
            facets.topics,
            lambda c: form.narrowed(topics=(*form.topics, c.label)),
            lambda c: c.label in form.topics,
        ),
        "Kinds": [
            FacetLink(
                KIND_LABELS.get(c.key, c.key),
                c.count,
                form.narrowed(kinds=(c.key,)).url(),
                c.key in form.kinds,
            )
            for c in facets.kinds
        ],
        "Events": links(
            facets.events,
            lambda c: form.narrowed(event=c.key),
            lambda c: c.key == form.event,
        ),
        "Months": [
            FacetLink(
                month_label(c.key),
                c.count,
                month_link(form, c.key),
                period(c.key) == (form.date_from, form.date_to),
            )
            for c in months
        ],
    }


def understood(form: SearchForm, line: str) -> Understood:
    """The API's `interpreted` sentence, taken apart to be shown as `Kery → John Kerry`."""
    if missing := _NOTHING.match(line):
        what, typed, close = missing[1], missing[2], missing[3]
        names = [n.strip() for n in close.split(",")] if close else []
        return Understood(
            what, typed, None, suggestions=_suggest(form, what, typed, names), sentence=line
        )
    if found := _MATCHED.match(line):
        return Understood(found[1], found[2], found[3], closest=bool(found[4]), sentence=line)
    return Understood("", "", None, sentence=line)


def _suggest(
    form: SearchForm, what: str, typed: str, names: list[str]
) -> tuple[tuple[str, str], ...]:
    """Each suggestion as a link: the same search with the name that matched nothing replaced."""
    field = {"speaker": "speakers", "topic": "topics"}.get(what)
    if field is None:
        return ()
    current = getattr(form, field)
    return tuple(
        (name, form.narrowed(**{field: tuple(name if v == typed else v for v in current)}).url())
        for name in names
    )
