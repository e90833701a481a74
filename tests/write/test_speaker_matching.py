"""Matching a document's claims to stored speakers, across documents and against the directory."""

from __future__ import annotations

import datetime as dt
import json
from pathlib import Path

import pytest
from sqlalchemy import select
from sqlalchemy.orm import Session

from app.db.models import Speaker, SpeakerAlias
from app.nlp.statements import SpeakerClaim
from app.write.directory import load_directory
from app.write.speaker_matching import match_speaker

DIRECTORY = {
    "people": [
        {
            "name": "Boris Johnson",
            "aliases": ["Mr Johnson"],
            "roles": [
                {
                    "title": "Foreign Secretary",
                    "country": "United Kingdom",
                    "from": "2016-07-13",
                    "to": "2018-07-09",
                },
            ],
        },
        {
            "name": "Jeh Johnson",
            "roles": [
                {
                    "title": "Secretary of Homeland Security",
                    "country": "United States",
                    "from": "2013-12-23",
                    "to": "2017-01-20",
                },
            ],
        },
        {
            "name": "Philip Hammond",
            "roles": [
                {
                    "title": "Foreign Secretary",
                    "country": "United Kingdom",
                    "from": "2014-07-15",
                    "to": "2016-07-12",
                },
            ],
        },
        {
            "name": "John Kerry",
            "roles": [
                {
                    "title": "Secretary of State",
                    "country": "United States",
                    "from": "2013-02-01",
                    "to": "2017-01-20",
                },
            ],
        },
        {
            "name": "Hillary Clinton",
            "roles": [
                {
                    "title": "Secretary of State",
                    "country": "United States",
                    "from": "2009-01-21",
                    "to": "2013-02-01",
                },
            ],
        },
    ]
}


@pytest.fixture
def directory(session: Session, tmp_path: Path) -> Session:
    path = tmp_path / "people.json"
    path.write_text(json.dumps(DIRECTORY))
    load_directory(session, path)
    return session


def _name(session: Session, claim: SpeakerClaim) -> str | None:
    speaker = match_speaker(session, claim)
    return speaker.name if speaker else None


def test_two_people_with_one_surname_stay_two(directory: Session) -> None:
    on = dt.date(2016, 10, 16)
    assert _name(directory, SpeakerClaim("Boris Johnson", on=on)) == "Boris Johnson"
    assert _name(directory, SpeakerClaim("Jeh Johnson", on=on)) == "Jeh Johnson"
    assert (
        _name(directory, SpeakerClaim("Johnson", role="Foreign Secretary", on=on))
        == "Boris Johnson"
    )
    assert (
        _name(directory, SpeakerClaim("Johnson", role="Secretary of Homeland Security", on=on))
        == "Jeh Johnson"
    )
    # Nothing tells them apart: no speaker rather than a guess.
    assert _name(directory, SpeakerClaim("Johnson", on=on)) is None
    johnsons = directory.scalars(select(Speaker.name).where(Speaker.name.like("%Johnson"))).all()
    assert sorted(johnsons) == ["Boris Johnson", "Jeh Johnson"]


def test_a_first_name_alone_does_not_find_the_full_name(directory: Session) -> None:
    assert _name(directory, SpeakerClaim("Boris", on=dt.date(2016, 10, 16))) != "Boris Johnson"


@pytest.mark.parametrize(
    ("on", "holder"),
    [
        (dt.date(2015, 9, 20), "Philip Hammond"),
        (dt.date(2016, 10, 16), "Boris Johnson"),
        (dt.date(2012, 5, 1), None),
    ],
)
def test_a_descriptor_finds_whoever_held_the_role_that_day(
    directory: Session, on: dt.date, holder: str | None
) -> None:
    claim = SpeakerClaim(None, role="top diplomat", country="United Kingdom", on=on)
    assert _name(directory, claim) == holder


@pytest.mark.parametrize(
    ("on", "holder"),
    [(dt.date(2012, 5, 1), "Hillary Clinton"), (dt.date(2015, 9, 20), "John Kerry")],
)
def test_secretary_of_state_by_date(directory: Session, on: dt.date, holder: str) -> None:
    claim = SpeakerClaim(None, role="the secretary of state", country="United States", on=on)
    assert _name(directory, claim) == holder


def test_descriptor_is_remembered_as_an_alias(directory: Session) -> None:
    claim = SpeakerClaim(
        None,
        role="top diplomat",
        country="United States",
        alias="the US’ top diplomat",
        alias_source="descriptor",
        on=dt.date(2015, 3, 15),
    )
    speaker = match_speaker(directory, claim)
    assert speaker is not None
    aliases = directory.scalars(
        select(SpeakerAlias.alias).where(SpeakerAlias.speaker_id == speaker.id)
    ).all()
    assert "the US’ top diplomat" in aliases


@pytest.mark.parametrize("order", ["surname-first", "full-name-first"])
def test_result_does_not_depend_on_document_order(session: Session, order: str) -> None:
    surname_only = SpeakerClaim(
        "Kirby", alias="MR KIRBY", alias_source="label", on=dt.date(2015, 11, 17)
    )
    full = SpeakerClaim("John Kirby", role="Spokesperson", on=dt.date(2015, 12, 1))
    claims = [surname_only, full] if order == "surname-first" else [full, surname_only]
    resolved = [match_speaker(session, c) for c in claims]
    session.flush()
    people = session.scalars(select(Speaker)).all()
    assert [p.name for p in people] == ["John Kirby"]
    assert all(r is not None and r.name in ("John Kirby", "Kirby") for r in resolved)
    aliases = set(session.scalars(select(SpeakerAlias.alias)).all())
    assert {"MR KIRBY", "John Kirby"} <= aliases


def test_directory_load_is_idempotent(directory: Session, tmp_path: Path) -> None:
    path = tmp_path / "again.json"
    path.write_text(json.dumps(DIRECTORY))
    before = directory.scalars(select(SpeakerAlias.id)).all()
    load_directory(directory, path)
    assert directory.scalars(select(SpeakerAlias.id)).all() == before
