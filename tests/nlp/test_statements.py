"""Parser output in one shape: claims, occasions and the words around each statement."""

from __future__ import annotations

import datetime as dt

import pytest

from app.nlp.news import parse_news
from app.nlp.occasions import event_kind, find_occasion
from app.nlp.statements import context_text, news_statements, transcript_statements
from app.nlp.topics import TopicMatcher, load_lexicon, quote_topics
from app.nlp.transcript import parse_transcript

BEIRUT = """Ministers meet on Lebanon

BEIRUT, March 4, 2016 - Foreign ministers held talks on Thursday in Beirut.

"We will not abandon Lebanon," French Foreign Minister Jean Dupont told reporters. "The aid \
will come," he added.

The Syrian Observatory for Human Rights said: "Fighting continued overnight."
"""

INTERVIEW = """Interview With Lena Ortiz of Radio Sur

Secretary of State Anna Lindqvist
Madrid, Spain
May 2, 2016

QUESTION: Will sanctions on Iran stay?

SECRETARY LINDQVIST: For now, yes.

QUESTION: Thank you.
"""


@pytest.mark.parametrize(
    ("title", "kind"),
    [
        ("Joint Press Availability With Foreign Minister Dupont", "press availability"),
        ("Press Conference in Vienna", "press conference"),
        ("Remarks at the Opening Session", "remarks"),
        ("Roundtable With Print Journalists", "roundtable"),
        ("Joint Statement on Syria", "joint statement"),
        ("Op-Ed: Why Diplomacy Matters", None),
        (None, None),
    ],
)
def test_event_kind_reads_the_title(title: str | None, kind: str | None) -> None:
    assert event_kind(title) == kind


def test_news_claims_keep_naming_words_and_date_the_occasion() -> None:
    occasion = find_occasion(BEIRUT, None)
    event, statements = news_statements(parse_news(BEIRUT), occasion)
    assert (event.kind, event.city, event.date) == ("talks", "Beirut", dt.date(2016, 3, 3))
    named, pronoun, issued = statements
    assert named.claim is not None and named.claim.alias == "Jean Dupont"
    assert pronoun.claim is not None and pronoun.claim.alias is None  # "he" names nobody
    assert named.claim.on == dt.date(2016, 3, 3)
    # An organisation's statement is issued, not spoken at the talks.
    assert (named.spoken_there, issued.spoken_there) == (True, False)
    assert "French Foreign Minister" in (context_text(BEIRUT, named, statements) or "")


def test_an_answer_replies_to_the_question_before_it_and_reads_it_as_context() -> None:
    event, statements = transcript_statements(parse_transcript(INTERVIEW))
    assert event.kind == "interview"
    question, answer, _ = statements
    assert answer.replies_to == 0
    assert context_text(INTERVIEW, answer, statements) == question.text
    links = quote_topics(answer.text, question.text, TopicMatcher(load_lexicon()))
    assert ("Iran", "context") in {(t.name, t.scope) for t in links}
    assert context_text(INTERVIEW, question, statements) is None
