"""The shipped directory checked as data: sources, dates and offices that cannot both be held."""

from __future__ import annotations

import itertools
import json
from collections import Counter, defaultdict

import pytest

from app.nlp.directory import DirectoryPerson, DirectoryRole, parse_directory
from app.nlp.directory.model import QID
from app.nlp.names import fold, is_full_name
from app.write.directory import SHIPPED_DIRECTORY

RAW = json.loads(SHIPPED_DIRECTORY.read_text(encoding="utf-8"))
PEOPLE = parse_directory(SHIPPED_DIRECTORY.read_text(encoding="utf-8"), str(SHIPPED_DIRECTORY))
# People kept without a Wikidata id, each with the reason; this list may only shrink.
AWAITING = {"John Kirby"}


def test_every_person_has_a_well_formed_wikidata_id() -> None:
    missing = {p.name for p in PEOPLE if p.wikidata is None}
    assert missing == AWAITING == set(RAW["awaiting_wikidata"])
    for person in PEOPLE:
        assert person.wikidata is None or QID.fullmatch(person.wikidata), person.name


def test_no_two_people_share_a_wikidata_id_or_a_name() -> None:
    qids = Counter(p.wikidata for p in PEOPLE if p.wikidata)
    names = Counter(fold(p.name) for p in PEOPLE)
    assert [q for q, n in qids.items() if n > 1] == []
    assert [q for q, n in names.items() if n > 1] == []


def test_a_full_name_alias_names_one_person() -> None:
    owners: dict[str, set[str]] = defaultdict(set)
    for person in PEOPLE:
        for alias in (person.name, *person.aliases):
            if is_full_name(alias):
                owners[fold(alias)].add(person.name)
    assert {a: o for a, o in owners.items() if len(o) > 1} == {}


def test_every_role_has_a_start_and_ends_after_it() -> None:
    for person in PEOPLE:
        assert person.roles, person.name
        for role in person.roles:
            assert role.start is not None, (person.name, role)
            assert role.end is None or role.end >= role.start, (person.name, role)


def _holdings() -> dict[tuple[str, str], list[tuple[DirectoryPerson, DirectoryRole]]]:
    offices: dict[tuple[str, str], list[tuple[DirectoryPerson, DirectoryRole]]] = defaultdict(list)
    for person in PEOPLE:
        for role in person.roles:
            offices[role.office].append((person, role))
    return offices


@pytest.mark.parametrize("office", sorted(_holdings()))
def test_no_two_holders_of_one_office_overlap(office: tuple[str, str]) -> None:
    """A handover day may be shared (one leaves, the other arrives); nothing more."""
    terms = sorted(_holdings()[office], key=lambda h: h[1].start or h[1].end)
    for (first, a), (second, b) in itertools.pairwise(terms):
        assert a.end is not None, f"{first.name} still holds {office} when {second.name} starts"
        assert a.start and b.start and b.start >= a.end, (first.name, second.name, office)


def test_every_office_has_a_country_or_an_organisation() -> None:
    for person in PEOPLE:
        for role in person.roles:
            assert role.country or role.organisation, (person.name, role.title)


def test_the_directory_covers_the_offices_transcripts_name_most() -> None:
    offices = _holdings()
    for office in [
        ("president", "United States"),
        ("vice president", "United States"),
        ("secretary of state", "United States"),
        ("prime minister", "United Kingdom"),
        ("president", "Russia"),
        ("chancellor", "Germany"),
        ("president", "France"),
        ("secretary-general", "United Nations"),
    ]:
        assert offices[office], office
