"""A CSV of Wikidata query results: one row per person and position held.

Column names vary with the query that made the file, so each field accepts the usual ones:
the person's id ('person', 'item', 'qid', 'wikidata': 'Q76' or its entity URI), the name
('personLabel', 'name'), the position ('positionLabel', 'position', 'title'), the country
('countryLabel', 'country'), and the dates ('start', 'startDate', 'end', 'endDate'; Wikidata
writes '2009-01-20T00:00:00Z'). Rows of one person are joined into one entry.
"""

from __future__ import annotations

import csv
import io
from collections.abc import Sequence

from app.nlp.directory.model import (
    DirectoryError,
    DirectoryPerson,
    DirectoryRole,
    merge_people,
    role_date,
    wikidata_id,
)
from app.nlp.directory.offices import split_office

_COLUMNS = {
    "id": ("person", "item", "qid", "wikidata", "personid", "human"),
    "name": ("personlabel", "itemlabel", "name", "humanlabel"),
    "title": ("positionlabel", "position", "title", "office", "officelabel"),
    "country": ("countrylabel", "country", "jurisdictionlabel", "jurisdiction"),
    "organisation": ("organisationlabel", "organizationlabel", "organisation", "organization"),
    "start": ("start", "startdate", "start_date", "start_time", "from"),
    "end": ("end", "enddate", "end_date", "end_time", "to"),
}
_REQUIRED = ("id", "name", "title")


def parse_wikidata_csv(text: str, source: str) -> list[DirectoryPerson]:
    reader = csv.DictReader(io.StringIO(text))
    columns = _columns(reader.fieldnames or [], source)
    people = []
    for row in reader:
        where = f"{source}: line {reader.line_num}"
        value = {field: (row.get(column) or "").strip() for field, column in columns.items()}
        if not value["name"] or not value["title"]:
            raise DirectoryError(f"{where}: a row needs a name and a position")
        qid = wikidata_id(value["id"], where)
        if qid is None:
            raise DirectoryError(f"{where}: a row needs the person's Wikidata id")
        office = split_office(
            value["title"], value.get("country") or None, value.get("organisation") or None
        )
        start, end = role_date(value.get("start"), where), role_date(value.get("end"), where)
        role = DirectoryRole(office.title, office.country, office.organisation, start, end)
        people.append(DirectoryPerson(value["name"], qid, roles=(role,)))
    if not people:
        raise DirectoryError(f"{source}: the CSV has a header but no rows")
    return merge_people(people)


def _columns(names: Sequence[str], source: str) -> dict[str, str]:
    """Which header names the file uses for each field; a clear error when one is missing."""
    by_key = {name.strip().lower().lstrip("?"): name for name in names}
    found = {}
    for field, accepted in _COLUMNS.items():
        column = next((by_key[a] for a in accepted if a in by_key), None)
        if column is not None:
            found[field] = column
        elif field in _REQUIRED:
            raise DirectoryError(
                f"{source}: not a directory CSV: no column for the person's {field} "
                f"(expected one of {', '.join(accepted)})"
            )
    return found
