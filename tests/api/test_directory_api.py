"""The directory in the API: Wikidata ids shown and searchable, roles that keep their country."""

from __future__ import annotations

import datetime as dt

from fastapi.testclient import TestClient
from sqlalchemy import select
from sqlalchemy.orm import Session

from app.db.models import Document, Quote, Speaker, SpeakerRole


def _quote_by(session: Session, name: str, title: str, country: str | None) -> None:
    """A 2016 quote by a foreign minister whose role says `country` (None: not said)."""
    speaker = Speaker(name=name, slug=name.lower().replace(" ", "-"), kind="person")
    session.add(speaker)
    session.flush()
    on = dt.date(2016, 10, 16)
    session.add(SpeakerRole(speaker_id=speaker.id, title=title, country=country,
                            start_date=on, end_date=on, source="document"))  # fmt: skip
    doc = Document(sha256=name * 4, source_name=name, genre="news", text="x", published=on)
    session.add(doc)
    session.flush()
    session.add(
        Quote(document_id=doc.id, position=0, kind="direct", text="x", start_offset=0,
              end_offset=1, speaker_id=speaker.id, spoken_on=on, attribution_method="named",
              context_start=0, context_end=1)
    )  # fmt: skip
    session.flush()


def test_speakers_show_their_wikidata_id(client: TestClient) -> None:
    quote = client.get("/quotes?speaker=John Kerry&limit=1").json()["items"][0]
    assert quote["speaker"]["wikidata"] == "Q22316"
    detail = client.get(f"/speakers/{quote['speaker']['id']}").json()
    assert detail["wikidata"] == "Q22316"


def test_speaker_accepts_a_wikidata_id(client: TestClient) -> None:
    by_id = client.get("/quotes?speaker=Q22316&limit=200").json()
    by_name = client.get("/quotes?speaker=John Kerry&limit=200").json()
    assert by_id["items"] and by_id["items"] == by_name["items"]
    assert by_id["interpreted"][0] == "speaker 'Q22316' matched John Kerry"
    assert client.get("/quotes?speaker=Q1").json()["items"] == []


def test_a_role_with_a_country_never_matches_another_countrys_office(
    client: TestClient, seeded_session: Session
) -> None:
    _quote_by(seeded_session, "Pavlo Example", "Foreign Minister", None)
    _quote_by(seeded_session, "Dmytro Example", "Foreign Minister", "Ukraine")
    us = client.get("/quotes?role=US Secretary of State&limit=200").json()
    assert {i["speaker"]["name"] for i in us["items"]} == {"John Kerry"}
    assert us["interpreted"] == ["role 'US Secretary of State' read as Secretary of State of "
                                 "United States"]  # fmt: skip
    ukraine = client.get("/quotes?role=Ukrainian Foreign Minister&limit=200").json()
    assert {i["speaker"]["name"] for i in ukraine["items"]} == {"Dmytro Example"}


def test_a_role_without_a_country_is_read_across_countries_and_says_so(
    client: TestClient, seeded_session: Session
) -> None:
    _quote_by(seeded_session, "Dmytro Example", "Foreign Minister", "Ukraine")
    body = client.get("/quotes?role=Secretary of State&limit=200").json()
    names = {i["speaker"]["name"] for i in body["items"]}
    assert {"John Kerry", "Dmytro Example", "Boris Johnson"} <= names
    (said,) = [s for s in body["interpreted"] if s.startswith("role ")]
    assert "of any country" in said and "e.g. 'US Secretary of State'" in said


def test_speaker_names_are_unique_per_wikidata_id(seeded_session: Session) -> None:
    ids = seeded_session.scalars(select(Speaker.wikidata).where(Speaker.wikidata.is_not(None)))
    ids = list(ids)
    assert len(ids) == len(set(ids)) > 40
