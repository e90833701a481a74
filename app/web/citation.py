"""Citation text for one quote: who, in what role, where, when, in which document, at what URL.

Plain text, one line, in the order a journalist writes an attribution; what is unknown is left
out rather than guessed.
"""

from __future__ import annotations

import datetime as dt

from app.schemas import QuoteOut, RoleOut


def long_date(day: dt.date | None) -> str:
    """`16 October 2016`: unambiguous on both sides of the Atlantic."""
    return f"{day.day} {day:%B %Y}" if day else "undated"


def role_text(role: RoleOut | None) -> str:
    """`Secretary of State, U.S. Department of State`."""
    if role is None:
        return ""
    where = role.organisation or role.country
    return f"{role.title}, {where}" if where else role.title


def citation(quote: QuoteOut, role: RoleOut | None, url: str | None, words: str) -> str:
    """`John Kerry (Secretary of State, U.S. Department of State), Joint Statement …, London,
    16 October 2016: “…”. Source: “Title”, https://…`"""
    who = quote.speaker.name if quote.speaker else "Unidentified speaker"
    held = role_text(role)
    head = f"{who} ({held})" if held else who
    event = quote.event
    where = ", ".join(
        part for part in (event.title if event else None, event.city if event else None) if part
    )
    parts = [head]
    if where:
        parts.append(where)
    parts.append(long_date(quote.spoken_on))
    text = ", ".join(parts) + f": “{words}”."
    source = quote.document.title or quote.document.source_name
    text += f" Source: “{source}”"
    if url:
        text += f", {url}"
    return text + "."
