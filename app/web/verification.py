"""The side-by-side reading of a verified news quote: the words as printed next to the words
as spoken, each difference marked in place and listed in words below.

The page reads the stored word-level diff through the verification service; it never
re-aligns anything, so it shows exactly what the verdict was based on."""

from __future__ import annotations

from dataclasses import dataclass
from typing import Literal

from fastapi import APIRouter, Request
from fastapi.responses import HTMLResponse

from app.api.deps import SessionDep
from app.errors import NotFound
from app.schemas import DiffRun
from app.services.present import quote_out
from app.services.quotes import get_quote
from app.services.verification import quote_verification
from app.web.templating import templates

router = APIRouter(include_in_schema=False)

Side = Literal["news", "source"]
OP_WORDS = {
    "inserted": "added in the news",
    "deleted": "left out of the news",
    "replaced": "changed",
}


@dataclass(frozen=True)
class Change:
    """One difference, numbered so the marks in the text point to the list under it."""

    number: int
    run: DiffRun

    @property
    def signposted(self) -> bool:
        """Excused by an ellipsis or brackets and harmless: the reader was told."""
        return self.run.signpost is not None and self.run.problem is None

    @property
    def css(self) -> str:
        return f"diff-{self.run.op} {'signposted' if self.signposted else 'unsignposted'}"

    @property
    def words(self) -> str:
        """The difference in words, for the list and for screen readers."""
        what = OP_WORDS[self.run.op]
        if self.signposted:
            return f"{what}, signposted ({self.run.signpost})"
        why = f": {self.run.problem}" if self.run.problem else ""
        hint = f" despite the {self.run.signpost}" if self.run.signpost else ""
        return f"{what}, not signposted{hint}{why}"


@dataclass(frozen=True)
class Piece:
    """A stretch of one side's text; `change` is set when it is (or marks the place of) one."""

    text: str
    change: Change | None = None


def pieces(text: str, base: int, changes: list[Change], side: Side) -> list[Piece]:
    """Cut one side's text at its changed runs; offsets are shifted by `base`.

    A change with no words on this side (a deletion on the news side, an insertion on the
    source side) becomes an empty piece, so the template can show where words are missing.
    """
    out, at = [], 0
    for change in changes:
        run = change.run
        start, end = (
            (run.news_start, run.news_end) if side == "news" else (run.source_start, run.source_end)
        )
        start, end = start - base, end - base
        if start < at or end < start or end > len(text):
            continue  # out of order or outside the passage: show the plain words instead
        out.append(Piece(text[at:start]))
        out.append(Piece(text[start:end], change))
        at = end
    out.append(Piece(text[at:]))
    return [p for p in out if p.text or p.change]


def _not_found(request: Request, what: str) -> HTMLResponse:
    return templates.TemplateResponse(request, "not_found.html", {"what": what}, status_code=404)


@router.get("/verification/{quote_id}", response_class=HTMLResponse, name="verification_page")
def verification_page(request: Request, quote_id: int, session: SessionDep) -> HTMLResponse:
    """A news quote beside the transcript passage it was checked against, differences marked."""
    try:
        quote = get_quote(session, quote_id)
    except NotFound:
        return _not_found(request, f"quote {quote_id}")
    verification = quote_verification(session, quote_id)
    if quote.document.genre != "news" or verification is None or verification.status == "no_source":
        return _not_found(request, f"transcript to check quote {quote_id} against")
    runs = [run for run in verification.diff if run.op != "equal"]
    changes = [Change(n, run) for n, run in enumerate(runs, start=1)]
    source_text = verification.source_text or ""
    context = {
        "quote": quote_out(quote),
        "verification": verification,
        "changes": changes,
        "news": pieces(quote.text, 0, changes, "news"),
        "source": pieces(source_text, verification.source_start or 0, changes, "source"),
    }
    return templates.TemplateResponse(request, "verification.html", context)
