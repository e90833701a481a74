"""Read a directory file in any of the formats `speakers load` accepts.

- the project's JSON: {"people": [{"name", "wikidata", "aliases", "roles": [{"title",
  "country", "organisation", "from", "to"}]}]} (app/data/speakers.json);
- Popolo JSON, the format of EveryPolitician and TheyWorkForYou: persons, organizations,
  posts and memberships with start and end dates;
- a CSV of Wikidata query results: person QID, name, position, country, start, end.

The format is told by the content, not the file name: JSON with "persons" is Popolo.
"""

from __future__ import annotations

import json
from typing import Any

from app.nlp.directory.model import (
    DirectoryError,
    DirectoryPerson,
    DirectoryRole,
    merge_people,
    role_date,
    wikidata_id,
)
from app.nlp.directory.popolo import parse_popolo
from app.nlp.directory.wikidata_csv import parse_wikidata_csv

__all__ = ["DirectoryError", "parse_directory", "parse_project_json"]


def parse_directory(text: str, source: str) -> list[DirectoryPerson]:
    """Every person of a directory file's text; `source` names the file in errors."""
    stripped = text.lstrip("\ufeff \t\r\n")
    if not stripped:
        raise DirectoryError(f"{source}: the file is empty")
    if stripped[0] not in "[{":
        return parse_wikidata_csv(stripped, source)
    try:
        data = json.loads(stripped)
    except json.JSONDecodeError as exc:
        raise DirectoryError(f"{source}: not valid JSON: {exc}") from exc
    if isinstance(data, dict) and "persons" in data:
        return parse_popolo(data, source)
    return parse_project_json(data, source)


def parse_project_json(data: Any, source: str) -> list[DirectoryPerson]:
    """The project's own format (a list of people, or {"people": [...]})."""
    people = data.get("people") if isinstance(data, dict) else data
    if not isinstance(people, list):
        raise DirectoryError(f"{source}: expected a list of people, or an object with 'people'")
    return merge_people([_person(p, f"{source}: person {i + 1}") for i, p in enumerate(people)])


def _person(entry: Any, where: str) -> DirectoryPerson:
    name = entry.get("name") if isinstance(entry, dict) else None
    if not isinstance(name, str) or not name.strip():
        raise DirectoryError(f"{where}: each person needs a 'name'")
    where = f"{where} ({entry['name']})"
    aliases = entry.get("aliases", [])
    roles = entry.get("roles", [])
    if not isinstance(aliases, list) or not all(isinstance(a, str) for a in aliases):
        raise DirectoryError(f"{where}: 'aliases' must be a list of names")
    if not isinstance(roles, list):
        raise DirectoryError(f"{where}: 'roles' must be a list")
    return DirectoryPerson(
        name=" ".join(entry["name"].split()),
        wikidata=wikidata_id(entry.get("wikidata"), where),
        kind=str(entry.get("kind") or "person"),
        aliases=tuple(aliases),
        roles=tuple(_role(role, f"{where}, role {i + 1}") for i, role in enumerate(roles)),
    )


def _role(entry: Any, where: str) -> DirectoryRole:
    if not isinstance(entry, dict) or not isinstance(entry.get("title"), str):
        raise DirectoryError(f"{where}: each role needs a 'title'")
    start, end = role_date(entry.get("from"), where), role_date(entry.get("to"), where)
    if start and end and end < start:
        raise DirectoryError(f"{where}: ends ({end}) before it starts ({start})")
    return DirectoryRole(
        entry["title"], entry.get("country") or None, entry.get("organisation") or None, start, end
    )
