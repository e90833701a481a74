"""Directory files in the three formats `speakers load` reads, as the people they describe."""

from __future__ import annotations

import datetime as dt
import json

import pytest

from app.nlp.directory import DirectoryError, DirectoryRole, parse_directory

POPOLO = {
    "persons": [
        {
            "id": "p1",
            "name": "Barack Obama",
            "identifiers": [{"scheme": "wikidata", "identifier": "Q76"}],
            "other_names": [{"name": "Barack Hussein Obama"}],
        },
        {"id": "p2", "name": "Jane Roe", "wikidata": "Q99999999"},
    ],
    "organizations": [
        {"id": "wh", "name": "The White House", "area_id": "us"},
        {"id": "ec", "name": "European Commission"},
    ],
    "areas": [{"id": "us", "name": "United States"}],
    "posts": [{"id": "potus", "label": "President of the United States", "organization_id": "wh"}],
    "memberships": [
        {"person_id": "p1", "post_id": "potus", "start_date": "2009-01-20", "end_date": "2017-01-20"},
        {"person_id": "p2", "organization_id": "ec", "role": "Chief Spokesperson",
         "start_date": "2019-12-01"},
    ],
}  # fmt: skip

WIKIDATA_CSV = """\
person,personLabel,positionLabel,countryLabel,start,end
http://www.wikidata.org/entity/Q76,Barack Obama,President of the United States,United States,2009-01-20T00:00:00Z,2017-01-20T00:00:00Z
http://www.wikidata.org/entity/Q6279,Joe Biden,Vice President of the United States,United States,2009-01-20T00:00:00Z,2017-01-20T00:00:00Z
http://www.wikidata.org/entity/Q6279,Joe Biden,President of the United States,United States,2021-01-20T00:00:00Z,2025-01-20T00:00:00Z
Q7747,Vladimir Putin,President of Russia,Russia,2012-05-07,
Q1253,Ban Ki-moon,Secretary-General of the United Nations,,2007-01-01,2016-12-31
"""


def test_project_json_reads_ids_aliases_and_dated_roles() -> None:
    text = json.dumps(
        {
            "people": [
                {
                    "name": "Barack Obama",
                    "wikidata": "Q76",
                    "aliases": ["President Obama"],
                    "roles": [{"title": "President", "country": "United States",
                               "from": "2009-01-20", "to": "2017-01-20"}],
                }
            ]
        }
    )  # fmt: skip
    (obama,) = parse_directory(text, "people.json")
    assert (obama.name, obama.wikidata, obama.aliases) == (
        "Barack Obama",
        "Q76",
        ("President Obama",),
    )
    assert obama.roles == (
        DirectoryRole(
            "President", "United States", None, dt.date(2009, 1, 20), dt.date(2017, 1, 20)
        ),
    )


def test_popolo_memberships_become_roles_with_office_and_country() -> None:
    obama, roe = parse_directory(json.dumps(POPOLO), "popolo.json")
    assert (obama.wikidata, obama.aliases) == ("Q76", ("Barack Hussein Obama",))
    assert obama.roles == (
        DirectoryRole("President", "United States", "The White House",
                      dt.date(2009, 1, 20), dt.date(2017, 1, 20)),
    )  # fmt: skip
    assert roe.roles == (
        DirectoryRole(
            "Chief Spokesperson", None, "European Commission", dt.date(2019, 12, 1), None
        ),
    )


def test_wikidata_csv_joins_one_person_rows_and_splits_country_from_office() -> None:
    obama, biden, putin, ban = parse_directory(WIKIDATA_CSV, "query.csv")
    assert (obama.wikidata, biden.wikidata, putin.wikidata) == ("Q76", "Q6279", "Q7747")
    assert [(r.title, r.country, r.start, r.end) for r in biden.roles] == [
        ("Vice President", "United States", dt.date(2009, 1, 20), dt.date(2017, 1, 20)),
        ("President", "United States", dt.date(2021, 1, 20), dt.date(2025, 1, 20)),
    ]
    assert putin.roles[0].end is None
    assert (ban.roles[0].title, ban.roles[0].organisation) == (
        "Secretary-General",
        "United Nations",
    )


@pytest.mark.parametrize(
    ("text", "reason"),
    [
        ("", "empty"),
        ("{not json", "not valid JSON"),
        ('{"people": [{"aliases": []}]}', "person 1: each person needs a 'name'"),
        ('[{"name": "A B", "wikidata": "76"}]', "'76' is not a Wikidata id"),
        ('[{"name": "A B", "roles": [{"title": "X", "from": "soon"}]}]', "'soon' is not a date"),
        ('[{"name": "A B", "roles": [{"title": "X", "from": "2010-01-01", "to": "2009-01-01"}]}]',
         "ends (2009-01-01) before it starts"),
        ('{"persons": [], "memberships": [{"post_id": "x"}]}', "membership 1: no person_id"),
        ("name,position\nA B,President\n", "no column for the person's id"),
        ("person,personLabel,positionLabel\n,A B,President\n", "line 2: a row needs the person's Wikidata id"),
    ],
)  # fmt: skip
def test_bad_directories_say_which_file_and_why(text: str, reason: str) -> None:
    with pytest.raises(DirectoryError) as error:
        parse_directory(text, "dir/people.file")
    assert str(error.value).startswith("dir/people.file")
    assert reason in str(error.value)
