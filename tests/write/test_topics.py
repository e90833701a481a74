"""Topic links written in one batch per document: the rows a quote-by-quote pass would make."""

from __future__ import annotations

from collections.abc import Iterator
from contextlib import contextmanager

from sqlalchemy import event, select
from sqlalchemy.orm import Session

from app.db.models import Document, Quote, QuoteTopic, Topic, TopicAlias
from app.nlp.statements import SpeakerClaim
from app.nlp.topics import TopicLink
from app.write.speaker_matching import match_speaker
from app.write.topics import get_or_create_topic, link_topics


def _quotes(session: Session, count: int) -> list[int]:
    document = Document(sha256=f"{count:064d}", source_name="t.txt", genre="news", text="x")
    session.add(document)
    session.flush()
    quotes = [
        Quote(document_id=document.id, position=i, kind="direct", text=f"q{i}", start_offset=0,
              end_offset=1, elsewhere=False, attribution_method="named", confidence=1.0,
              context_start=0, context_end=1)
        for i in range(count)
    ]  # fmt: skip
    session.add_all(quotes)
    session.flush()
    return [q.id for q in quotes]


def _link(name: str, surface: str, scope: str = "quote", kind: str = "place") -> TopicLink:
    return TopicLink(name, kind, surface, scope)


@contextmanager
def _counting(session: Session) -> Iterator[list[str]]:
    statements: list[str] = []
    connection = session.connection()

    def count(*args: object) -> None:
        statements.append(str(args[2]))

    event.listen(connection, "before_cursor_execute", count)
    try:
        yield statements
    finally:
        event.remove(connection, "before_cursor_execute", count)


def test_each_topic_is_created_once_with_its_name_and_every_surface(session: Session) -> None:
    existing = get_or_create_topic(session, "Iran", "place")
    first, second, third = _quotes(session, 3)
    link_topics(
        session,
        [
            (first, (_link("Qatar", "Doha's rulers"), _link("Iran", "Tehran", "context"))),
            (second, (_link("Oman", "Muscat"), _link("Qatar", "Qatar"))),
            (third, (_link("Qatar", "qatar"),)),
        ],
    )
    topics = session.scalars(select(Topic).order_by(Topic.id)).all()
    assert [t.name for t in topics] == ["Iran", "Qatar", "Oman"]  # ids in first-mention order
    assert topics[0].id == existing.id
    aliases = session.execute(
        select(Topic.name, TopicAlias.alias).join(TopicAlias).order_by(TopicAlias.id)
    ).all()
    assert [tuple(a) for a in aliases] == [
        ("Iran", "Iran"),
        ("Qatar", "Qatar"),  # a new topic's name first, then how the text wrote it
        ("Qatar", "Doha's rulers"),
        ("Iran", "Tehran"),
        ("Oman", "Oman"),
        ("Oman", "Muscat"),
    ]  # "qatar" is the same alias as "Qatar"; an existing topic gets no second name alias
    links = session.execute(select(QuoteTopic.quote_id, Topic.name, QuoteTopic.scope).join(Topic))
    assert {tuple(row) for row in links} == {
        (first, "Qatar", "quote"),
        (first, "Iran", "context"),
        (second, "Oman", "quote"),
        (second, "Qatar", "quote"),
        (third, "Qatar", "quote"),
    }


def test_a_person_topic_is_the_speaker_of_that_name(session: Session) -> None:
    speaker = match_speaker(session, SpeakerClaim(name="Anna Lindqvist"))
    assert speaker is not None
    (quote,) = _quotes(session, 1)
    link_topics(session, [(quote, (_link("Anna Lindqvist", "Lindqvist", kind="person"),))])
    topic = session.scalars(select(Topic).where(Topic.name == "Anna Lindqvist")).one()
    assert topic.speaker_id == speaker.id


def test_the_number_of_statements_does_not_grow_with_the_quotes(session: Session) -> None:
    """One batch per document, not a flush per quote."""

    def run(count: int) -> int:
        quotes = _quotes(session, count)
        session.execute(select(Topic.id))  # begin before counting
        links = [
            (q, (_link(f"Place {count}", f"P{i}"), _link(f"Theme {count}", "t", kind="theme")))
            for i, q in enumerate(quotes)
        ]
        with _counting(session) as statements:
            link_topics(session, links)
        return len(statements)

    assert run(40) == run(2)
