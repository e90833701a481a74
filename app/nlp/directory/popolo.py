"""Popolo JSON (EveryPolitician, TheyWorkForYou): persons, organizations, posts, memberships.

A membership ties a person to an organization, often through a post, with start and end dates.
The role's title is the membership's role or label, else the post's label, else the
organization's name; its country is the membership's, post's or organization's area.
A Wikidata id comes from `identifiers` (scheme "wikidata") or a `wikidata` field.
"""

from __future__ import annotations

from typing import Any

from app.nlp.directory.model import (
    DirectoryError,
    DirectoryPerson,
    DirectoryRole,
    merge_people,
    role_date,
    wikidata_id,
)
from app.nlp.directory.offices import split_office

Record = dict[str, Any]


def parse_popolo(data: Record, source: str) -> list[DirectoryPerson]:
    """Each person with the roles their memberships give them."""
    roles: dict[str, list[DirectoryRole]] = {}
    reader = _Popolo(data, source)
    for index, membership in enumerate(_records(data, "memberships", source)):
        where = f"{source}: membership {index + 1}"
        person_id = membership.get("person_id")
        if not person_id:
            raise DirectoryError(f"{where}: no person_id")
        roles.setdefault(str(person_id), []).append(reader.role(membership, where))
    people = []
    for index, person in enumerate(_records(data, "persons", source)):
        where = f"{source}: person {index + 1}"
        name = person.get("name")
        if not isinstance(name, str) or not name.strip():
            raise DirectoryError(f"{where}: each person needs a 'name'")
        others = [o.get("name") for o in person.get("other_names", []) if isinstance(o, dict)]
        people.append(
            DirectoryPerson(
                name=" ".join(name.split()),
                wikidata=wikidata_id(_wikidata(person), f"{where} ({name})"),
                aliases=tuple(o for o in others if isinstance(o, str) and o),
                roles=tuple(roles.get(str(person.get("id")), [])),
            )
        )
    return merge_people(people)


class _Popolo:
    """Organizations, posts and areas by id, to read what a membership points at."""

    def __init__(self, data: Record, source: str) -> None:
        self.organizations = _by_id(_records(data, "organizations", source))
        self.posts = _by_id(_records(data, "posts", source))
        self.areas = {k: a.get("name") for k, a in _by_id(_records(data, "areas", source)).items()}

    def role(self, membership: Record, where: str) -> DirectoryRole:
        post = self.posts.get(str(membership.get("post_id")), {})
        organization_id = membership.get("organization_id") or post.get("organization_id")
        organization = self.organizations.get(str(organization_id), {})
        org_name = organization.get("name")
        title = (
            membership.get("role")
            or membership.get("label")
            or post.get("label")
            or post.get("role")
            or org_name
        )
        if not title:
            raise DirectoryError(f"{where}: no role, label, post or organization names the office")
        area = membership.get("area_id") or post.get("area_id") or organization.get("area_id")
        country = self.areas.get(str(area)) if area else None
        office = split_office(str(title), country, org_name if org_name != title else None)
        start = role_date(membership.get("start_date"), where)
        end = role_date(membership.get("end_date"), where)
        return DirectoryRole(office.title, office.country, office.organisation, start, end)


def _records(data: Record, key: str, source: str) -> list[Record]:
    records = data.get(key, [])
    if not isinstance(records, list) or not all(isinstance(r, dict) for r in records):
        raise DirectoryError(f"{source}: Popolo '{key}' must be a list of objects")
    return records


def _by_id(records: list[Record]) -> dict[str, Record]:
    return {str(r["id"]): r for r in records if "id" in r}


def _wikidata(person: Record) -> object:
    for identifier in person.get("identifiers", []):
        if isinstance(identifier, dict) and str(identifier.get("scheme", "")).lower() == "wikidata":
            return identifier.get("identifier")
    return person.get("wikidata")
