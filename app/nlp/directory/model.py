"""People and dated roles as every directory format reads into them."""

from __future__ import annotations

import datetime as dt
import re
from dataclasses import dataclass

from app.nlp.dates import parse_date
from app.nlp.names import fold

# A Wikidata item id: "Q76". Written as a URI in query results ("http://www.wikidata.org/entity/Q76").
QID = re.compile(r"Q[1-9]\d*")
_QID_URI = re.compile(r"(?:https?://(?:www\.)?wikidata\.org/(?:entity|wiki)/)?(Q[1-9]\d*)")


class DirectoryError(ValueError):
    """A directory file is not what `speakers load` reads; the message names the file and why."""


@dataclass(frozen=True)
class DirectoryRole:
    title: str  # "Secretary of State"
    country: str | None  # "United States"; None for an international office
    organisation: str | None  # "U.S. Department of State", "United Nations"
    start: dt.date | None
    end: dt.date | None  # None: still in office

    @property
    def office(self) -> tuple[str, str]:
        """One office: its title in one country (or one organisation when it has no country)."""
        return fold(self.title), self.country or self.organisation or ""

    def held_on(self, day: dt.date) -> bool:
        """In office that day; a handover day counts for both holders (end is inclusive)."""
        return (self.start is None or self.start <= day) and (self.end is None or day <= self.end)


@dataclass(frozen=True)
class DirectoryPerson:
    name: str  # "Barack Obama", as the directory writes it
    wikidata: str | None  # "Q76"
    kind: str = "person"
    aliases: tuple[str, ...] = ()
    roles: tuple[DirectoryRole, ...] = ()


def wikidata_id(value: object, where: str) -> str | None:
    """'Q76' or its entity URI -> 'Q76'; empty -> None; anything else is an error naming where."""
    if value is None or value == "":
        return None
    match = _QID_URI.fullmatch(str(value).strip())
    if match is None:
        raise DirectoryError(f"{where}: {value!r} is not a Wikidata id (expected Q and digits)")
    return match.group(1)


def merge_people(people: list[DirectoryPerson]) -> list[DirectoryPerson]:
    """One entry per person: rows of one Wikidata id (or, without one, one name) are joined,
    in first-seen order, so a query result with a row per office reads as one person."""
    merged: dict[str, DirectoryPerson] = {}
    for person in people:
        key = person.wikidata or f"name:{fold(person.name)}"
        known = merged.get(key)
        if known is None:
            merged[key] = person
            continue
        aliases = tuple(dict.fromkeys([*known.aliases, *person.aliases]))
        roles = tuple(dict.fromkeys([*known.roles, *person.roles]))
        merged[key] = DirectoryPerson(known.name, known.wikidata, known.kind, aliases, roles)
    return list(merged.values())


def role_date(value: object, where: str) -> dt.date | None:
    """'2009-01-20' or '2009-01-20T00:00:00Z' -> a date; empty -> None; else a clear error."""
    if value is None or str(value).strip() == "":
        return None
    found = parse_date(str(value).strip())
    if found is None:
        raise DirectoryError(f"{where}: {value!r} is not a date (expected YYYY-MM-DD)")
    return found
