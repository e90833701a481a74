"""Who a label names, through the directory: by office, date and the issuing government.

Decisions recorded here:
- A surname with an office resolves to the directory's holder on the document's date
  ('PRESIDENT OBAMA' on 2014-03-26 -> Barack Obama); an office alone needs a country (the
  claim's, the office's own or the issuing government's) and names no one without it.
- Two people who fit leave the speaker unnamed, and the notes say who fitted.
- The document's full name wins over the directory's holder of the office.
- A name printed family name first is the directory's person written the other way round.
- Loading is by Wikidata id first: a second file with the same id joins, a namesake with
  another id stays another person.
"""

from __future__ import annotations

import datetime as dt
import json
from pathlib import Path

import pytest
from sqlalchemy import func, select
from sqlalchemy.orm import Session

from app.db.models import Speaker, SpeakerAlias, SpeakerRole
from app.nlp.statements import SpeakerClaim
from app.write.directory import SHIPPED_DIRECTORY, DirectoryError, load_directory
from app.write.speaker_matching import match_speaker

US = "United States"


@pytest.fixture
def shipped(session: Session) -> Session:
    load_directory(session, SHIPPED_DIRECTORY)
    return session


def _name(session: Session, claim: SpeakerClaim, notes: list[str] | None = None) -> str | None:
    speaker = match_speaker(session, claim, notes)
    return speaker.name if speaker else None


def test_a_surname_and_office_is_the_holder_on_the_day(shipped: Session) -> None:
    on = dt.date(2014, 3, 26)
    assert _name(shipped, SpeakerClaim("Obama", "President", on=on)) == "Barack Obama"
    assert _name(shipped, SpeakerClaim("Merkel", "Chancellor", on=on)) == "Angela Merkel"
    assert _name(shipped, SpeakerClaim("Kirby", on=dt.date(2016, 3, 2))) == "John Kirby"
    assert _name(shipped, SpeakerClaim("Moon", "President", on=dt.date(2017, 11, 7))) == (
        "Moon Jae-in"
    )


def test_an_office_alone_needs_a_country(shipped: Session) -> None:
    on = dt.date(2014, 3, 26)
    white_house = SpeakerClaim(None, "Vice President", on=on, context_country=US)
    assert _name(shipped, white_house) == "Joe Biden"
    assert _name(shipped, SpeakerClaim(None, "President", on=on, context_country=US)) == (
        "Barack Obama"
    )
    assert _name(shipped, SpeakerClaim(None, "President", on=on)) is None
    assert _name(shipped, SpeakerClaim(None, "Spokesperson", on=dt.date(2016, 3, 2))) is None


def test_the_issuing_government_never_renames_a_foreign_leader(shipped: Session) -> None:
    on = dt.date(2014, 3, 26)
    claim = SpeakerClaim("Merkel", "Chancellor", on=on, context_country=US)
    assert _name(shipped, claim) == "Angela Merkel"


def test_two_who_fit_stay_unnamed_and_the_notes_say_so(session: Session, tmp_path: Path) -> None:
    path = tmp_path / "people.json"
    roles = [{"title": "Minister", "country": "Examplia", "from": "2010-01-01"}]
    path.write_text(
        json.dumps(
            [
                {"name": "Ann Example", "wikidata": "Q900001", "roles": roles},
                {"name": "Bob Example", "wikidata": "Q900002", "roles": roles},
            ]
        )
    )
    load_directory(session, path)
    notes: list[str] = []
    claim = SpeakerClaim("Example", "Minister", on=dt.date(2015, 1, 1), alias="MINISTER EXAMPLE")
    assert _name(session, claim, notes) is None
    assert notes == ["MINISTER EXAMPLE: 2 people fit (Ann Example, Bob Example); unnamed"]
    role_only = SpeakerClaim(None, "Minister", country="Examplia", on=dt.date(2015, 1, 1))
    assert _name(session, role_only, notes) is None
    assert "2 holders on 2015-01-01" in notes[-1]


def test_the_documents_full_name_wins(shipped: Session) -> None:
    claim = SpeakerClaim("Jane Roe", "President", US, on=dt.date(2014, 3, 26))
    assert _name(shipped, claim) == "Jane Roe"


def test_a_name_printed_family_name_first_is_one_person(session: Session, tmp_path: Path) -> None:
    path = tmp_path / "people.json"
    path.write_text(json.dumps([{"name": "Fumio Example", "wikidata": "Q900003"}]))
    load_directory(session, path)
    claim = SpeakerClaim("Example Fumio", "Prime Minister", "Japan", family_name="Example")
    assert _name(session, claim) == "Fumio Example"
    new = SpeakerClaim("Sato Taro", "Foreign Minister", "Japan", family_name="Sato")
    assert _name(session, new) == "Sato Taro"
    assert _name(session, SpeakerClaim("Sato", "Foreign Minister", "Japan")) == "Sato Taro"


def test_loading_joins_by_wikidata_id_and_keeps_namesakes_apart(
    session: Session, tmp_path: Path
) -> None:
    first = tmp_path / "first.json"
    first.write_text(json.dumps([{"name": "Jane Roe", "wikidata": "Q900010"}]))
    csv = tmp_path / "query.csv"
    csv.write_text(
        "person,personLabel,positionLabel,countryLabel,start,end\n"
        "http://www.wikidata.org/entity/Q900010,Jane A. Roe,Mayor of Example,,2001-01-01,\n"
        "Q900011,Jane Roe,Governor of Example,,2005-01-01,\n"
    )
    for _ in range(2):
        load_directory(session, first)
        load_directory(session, csv)
    ids = dict(session.execute(select(Speaker.wikidata, Speaker.id)).all())
    assert set(ids) == {"Q900010", "Q900011"}
    aliases = session.scalars(
        select(SpeakerAlias.alias).where(SpeakerAlias.speaker_id == ids["Q900010"])
    ).all()
    assert "Jane A. Roe" in aliases
    assert session.scalar(select(func.count()).select_from(SpeakerRole)) == 2


def test_a_bad_directory_file_names_itself(session: Session, tmp_path: Path) -> None:
    path = tmp_path / "bad.csv"
    path.write_text("who,what\nA,B\n")
    with pytest.raises(DirectoryError, match=r"bad\.csv: not a directory CSV"):
        load_directory(session, path)


def test_a_holder_of_another_office_that_day_is_not_the_speaker(shipped: Session) -> None:
    on = dt.date(2022, 3, 1)
    first_lady = SpeakerClaim("Biden", "First Lady", US, on=on)
    assert _name(shipped, first_lady) == "Biden"  # not the President: the page must say more
    assert _name(shipped, SpeakerClaim("Biden", "President", US, on=on)) == "Joe Biden"
    assert _name(shipped, SpeakerClaim("Kirby", "Spokesperson", on=dt.date(2016, 3, 2))) == (
        "John Kirby"
    )
