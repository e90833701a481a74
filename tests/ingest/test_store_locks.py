"""Which stores wait for each other on PostgreSQL: those that could create or resolve the same
speaker, office-holder, topic or document; stores with nothing in common do not."""

from __future__ import annotations

from pathlib import Path

from sqlalchemy.orm import Session

from app.ingest.loader import load_bytes
from app.ingest.parse import parse_document
from app.ingest.store_locks import StoreLocks, add_claim_keys, document_lock_keys, person_keys
from app.nlp.statements import SpeakerClaim


def _locks(session: Session, name: str, text: str) -> StoreLocks:
    return document_lock_keys(session, parse_document(load_bytes(Path(name), text.encode())))


TALKS = ("We will not negotiate under fire", "The talks were useful for everybody")
HARVEST = ("We will keep our promises", "The harvest was good this year")


def _report(first: str, last: str, words: tuple[str, str] = TALKS) -> str:
    return (
        f"{last} speaks in the capital\n\n"
        f"“{words[0]},” Foreign Minister {first} {last} said on Monday.\n\n"
        f"“{words[1]},” {last} added.\n"
    )


def test_reports_naming_the_same_person_wait_for_each_other(session: Session) -> None:
    weber = _locks(session, "a.txt", _report("Karl", "Weber"))
    weber_again = _locks(session, "b.txt", "“Nobody should be surprised,” Weber said.\n")
    assert weber.alone & weber_again.alone >= {"speaker:surname:weber"}


def test_reports_about_different_people_do_not(session: Session) -> None:
    weber = _locks(session, "a.txt", _report("Karl", "Weber"))
    lind = _locks(session, "b.txt", _report("Anna", "Lindqvist", HARVEST))
    assert not (weber.alone & (lind.alone | lind.shared))
    assert not (lind.alone & (weber.alone | weber.shared))
    # both name a foreign minister: that key is held side by side
    assert "speaker:office:foreign minister" in weber.shared & lind.shared


def test_reports_creating_the_same_topic_wait(session: Session) -> None:
    weber = _locks(session, "a.txt", _report("Karl", "Weber"))
    lind = _locks(session, "b.txt", _report("Anna", "Lindqvist"))
    assert "topic:negotiations" in weber.alone & lind.alone  # new here: both would create it


def test_the_same_bytes_wait_whatever_the_file_name(session: Session) -> None:
    text = _report("Karl", "Weber")
    assert _locks(session, "a.txt", text).alone & _locks(session, "b.txt", text).alone


def test_a_name_printed_either_way_round_is_one_key() -> None:
    assert person_keys("Kishida Fumio") & person_keys("Fumio Kishida")
    assert person_keys("Secretary John Kerry") & person_keys("Mr Kerry")


def test_an_office_alone_excludes_every_store_recording_that_office() -> None:
    by_office, by_name = StoreLocks(set(), set()), StoreLocks(set(), set())
    add_claim_keys(SpeakerClaim(None, role="Secretary of State"), by_office)
    add_claim_keys(SpeakerClaim("John Kerry", role="Secretary of State"), by_name)
    office = next(iter(by_office.alone))
    assert office.startswith("speaker:office:") and office in by_name.shared
