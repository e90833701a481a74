"""The search form as the page reads it: forgiving of empty fields, strict about nonsense.

A browser submits every field, filled or not (`date_from=&kind=`); the API would refuse an
empty date, the page ignores it. What cannot be searched (a date that is not a date, a start
after an end) becomes a message on the page, naming the fields.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass, field, replace
from typing import Any
from urllib.parse import urlencode

from app.services.quotes import QuoteFilters

KINDS = ["turn", "question", "direct", "partial", "indirect"]
KIND_LABELS = {
    "turn": "transcript turn",
    "question": "question from the floor",
    "direct": "direct quote (news)",
    "partial": "partial quote (news)",
    "indirect": "reported speech (news)",
}
# The badge on a news quote checked against the transcript (no badge for `no_source`).
VERIFICATION_LABELS = {
    "verbatim": "verbatim",
    "edited": "edited, signposted",
    "altered": "altered",
    "unmatched": "not in the transcript",
}
VERIFICATION_HELP = {
    "verbatim": "The words appear in the transcript as printed.",
    "edited": "Every change from the transcript is signposted (an ellipsis, brackets).",
    "altered": "Words differ from the transcript with no signpost: open it to compare.",
    "unmatched": "A transcript of this event exists but holds no passage close to these words.",
}
SORTS = {"newest": "-date", "oldest": "date", "relevance": "relevance"}
FIELD_LABELS = {"date_from": "From (date_from)", "date_to": "To (date_to)", "event": "Event"}


@dataclass(frozen=True)
class SearchForm:
    q: str = ""
    speakers: tuple[str, ...] = ()
    topics: tuple[str, ...] = ()
    role: str = ""
    kinds: tuple[str, ...] = ()
    event: str = ""
    date_from: str = ""
    date_to: str = ""
    sort: str = ""
    cursor: str = ""
    errors: tuple[str, ...] = field(default=(), compare=False)

    @classmethod
    def read(cls, **values: Any) -> SearchForm:
        """From query parameters; blanks dropped, then checked."""

        def clean(value: str | None) -> str:
            return (value or "").strip()

        def many(values: list[str] | None) -> tuple[str, ...]:
            return tuple(dict.fromkeys(v.strip() for v in values or [] if v and v.strip()))

        form = cls(
            q=clean(values.get("q")),
            speakers=many(values.get("speaker")),
            topics=many(values.get("topic")),
            role=clean(values.get("role")),
            kinds=many(values.get("kind")),
            event=clean(values.get("event")),
            date_from=clean(values.get("date_from")),
            date_to=clean(values.get("date_to")),
            sort=clean(values.get("sort")),
            cursor=clean(values.get("cursor")),
        )
        return replace(form, errors=tuple(form._problems()))

    def _problems(self) -> list[str]:
        problems = []
        for name in ("date_from", "date_to"):
            value = getattr(self, name)
            if value and _date(value) is None:
                problems.append(f"{FIELD_LABELS[name]}: “{value}” is not a date like 2016-10-16.")
        start, end = _date(self.date_from), _date(self.date_to)
        if start and end and start > end:
            problems.append(
                f"From (date_from {self.date_from}) is after To (date_to {self.date_to}): "
                "nothing can match; swap them?"
            )
        if self.event and not (self.event.isascii() and self.event.isdigit()):
            problems.append(f"Event: “{self.event}” is not an event number.")
        unknown = [k for k in self.kinds if k not in KINDS]
        if unknown:
            problems.append(f"Kind: “{', '.join(unknown)}” is not one of {', '.join(KINDS)}.")
        if self.sort and self.sort not in SORTS:
            problems.append(f"Sort: “{self.sort}” is not one of {', '.join(SORTS)}.")
        return problems

    @property
    def api_sort(self) -> str:
        if self.sort in SORTS and (self.sort != "relevance" or self.q):
            return SORTS[self.sort]
        return "relevance" if self.q else "-date"

    @property
    def is_empty(self) -> bool:
        return not any(
            (self.q, self.speakers, self.topics, self.role, self.kinds, self.event)
        ) and not (self.date_from or self.date_to)

    def filters(self) -> QuoteFilters:
        """The filters `GET /quotes` would build from the same parameters."""
        return QuoteFilters(
            speakers=list(self.speakers),
            topics=list(self.topics),
            kinds=list(self.kinds),
            event=int(self.event) if self.event else None,
            date_from=_date(self.date_from),
            date_to=_date(self.date_to),
            q=self.q or None,
            role=self.role or None,
        )

    def pairs(self, api: bool = False) -> list[tuple[str, str]]:
        """The search as query parameters, blanks left out; `api=True` in the API's terms."""
        found: list[tuple[str, str]] = []
        if self.q:
            found.append(("q", self.q))
        found += [("speaker", s) for s in self.speakers]
        found += [("topic", t) for t in self.topics]
        if self.role:
            found.append(("role", self.role))
        found += [("kind", k) for k in self.kinds]
        for name in ("event", "date_from", "date_to"):
            if getattr(self, name):
                found.append((name, getattr(self, name)))
        if api:
            found.append(("sort", self.api_sort))
        elif self.sort:
            found.append(("sort", self.sort))
        return found

    def url(self, path: str = "/", api: bool = False, **extra: str) -> str:
        query = urlencode(self.pairs(api) + list(extra.items()))
        return f"{path}?{query}" if query else path

    def narrowed(self, **changes: Any) -> SearchForm:
        """The same search with some fields changed, from the first page."""
        return replace(self, cursor="", **changes)


def _date(value: str) -> dt.date | None:
    if len(value) != 10:
        return None
    try:
        return dt.date.fromisoformat(value)
    except ValueError:
        return None
