"""Quotable sentences, timelines and citations: pure functions over passages written here."""

from __future__ import annotations

import datetime as dt

import pytest

from app.schemas import DocumentRef, EventRef, QuoteOut, RoleOut, SpeakerRef
from app.web.citation import citation, long_date
from app.web.pages import segments
from app.web.snippets import SHORT_QUOTE, Term, excerpt, find_hits
from app.web.timeline import buckets, period, timeline_svg

TURN = (
    "Thank you all for coming this morning. We spent four hours on the ceasefire and on "
    "access for aid convoys, and I want to be precise about where we are. The convoys have "
    "not moved. Nobody should pretend otherwise. We discussed the future of Mr. Haddad at "
    "length, and our position has not changed: there is no lasting peace with Haddad in "
    "power. We also discussed the harbour at Port Elin, which has been closed for a month. "
    "Finally, sanctions remain on the table, and the ministers agreed to review them in "
    "March. I will take two questions."
)


def _words(shown: object) -> str:
    return "".join(p.text for s in shown.sentences for p in s.pieces)  # type: ignore[attr-defined]


def test_a_long_turn_shows_only_the_sentences_naming_the_topic() -> None:
    assert len(TURN) > SHORT_QUOTE
    shown = excerpt(TURN, [Term.of_name("Haddad")])
    assert [s.matched for s in shown.sentences] == [True]  # "Mr. Haddad" does not end it
    assert "Thank you all" not in _words(shown)
    assert shown.text.startswith("…") and shown.text.endswith("…")
    hits = [p.text for s in shown.sentences for p in s.pieces if p.hit]
    assert hits == ["Haddad", "Haddad"]


def test_a_sentence_naming_two_searched_things_beats_one_naming_one() -> None:
    shown = excerpt(TURN, [Term.of_query(["convoys"], False), Term.of_query(["ceasefire"], False)])
    assert shown.sentences[0].matched
    assert "ceasefire" in _words(shown) and "convoys" in _words(shown)


def test_words_are_matched_by_stem_prefix_and_phrase() -> None:
    assert find_hits(TURN, [Term.of_query(["sanction"], False)]) == [
        (TURN.index("sanctions"), TURN.index("sanctions") + len("sanctions"))
    ]
    start = TURN.index("questions")
    assert find_hits(TURN, [Term.of_query(["quest"], True)]) == [(start, start + 9)]
    port = TURN.index("Port Elin")
    assert find_hits(TURN, [Term.of_name("Port Elin")]) == [(port, port + 9)]
    assert find_hits(TURN, [Term.of_name("Elin Port")]) == []


def test_an_acronym_alias_does_not_mark_ordinary_words() -> None:
    text = "IS fighters held the town. The town is quiet now."
    assert find_hits(text, [Term.of_name("IS")]) == [(0, 2)]


def test_a_short_quote_is_shown_whole_with_its_matching_sentence_marked() -> None:
    quote = "We will not wait. Sanctions on Haddad start on Monday."
    shown = excerpt(quote, [Term.of_name("Haddad")])
    assert shown.whole and shown.text == quote
    assert [s.matched for s in shown.sentences] == [False, True]


def test_with_nothing_searched_a_long_turn_opens_with_its_first_sentences() -> None:
    shown = excerpt(TURN, [])
    assert _words(shown).startswith("Thank you all for coming")
    assert not shown.sentences[0].gap_before and shown.gap_after
    assert not any(s.matched for s in shown.sentences)


def test_a_huge_sentence_is_cut_around_its_match() -> None:
    sentence = "and " * 200 + "the Haddad question " + "and " * 200 + "done."
    shown = excerpt(sentence, [Term.of_name("Haddad")])
    words = _words(shown)
    assert "Haddad" in words and len(words) < 500
    assert words.startswith("…") and words.endswith("…")


def test_timeline_fills_empty_months_and_links_each_bar() -> None:
    bars = buckets([("2015-11", 2), ("2016-02", 1)])
    assert [(b.key, b.count) for b in bars] == [
        ("2015-11", 2),
        ("2015-12", 0),
        ("2016-01", 0),
        ("2016-02", 1),
    ]
    svg = str(timeline_svg([("2015-11", 2), ("2016-02", 1)], lambda key: f"/?m={key}"))
    assert svg.count("<rect") == 2  # empty months take space but draw nothing
    assert 'href="/?m=2015-11"' in svg and "November 2015: 2 matches" in svg
    assert 'aria-label="3 matches from November 2015 to February 2016"' in svg


def test_a_long_span_is_drawn_by_year() -> None:
    bars = buckets([("1990-03", 1), ("2019-07", 4)])
    assert bars[0].key == "1990" and bars[-1].key == "2019" and len(bars) == 30


@pytest.mark.parametrize(
    ("key", "expected"),
    [("2016-02", ("2016-02-01", "2016-02-29")), ("2015", ("2015-01-01", "2015-12-31"))],
)
def test_a_bar_narrows_to_its_whole_period(key: str, expected: tuple[str, str]) -> None:
    assert period(key) == expected


def test_citation_names_who_role_where_when_document_and_url() -> None:
    quote = QuoteOut.model_validate(
        {
            "id": 3,
            "text": "There is no lasting peace with Haddad in power.",
            "kind": "turn",
            "start": 10,
            "end": 57,
            "speaker": SpeakerRef(id=1, name="Amara Osei", slug="amara-osei"),
            "attribution": {
                "label": "MS OSEI",
                "start": 0,
                "end": 7,
                "method": "label",
                "confidence": 1.0,
            },
            "document": DocumentRef(id=2, title="Press briefing", source_name="b.txt"),
            "event": EventRef(
                id=4, title="Press briefing", kind="press conference", date=None, city="Accra"
            ),
            "spoken_on": dt.date(2021, 3, 4),
            "elsewhere": False,
            "topics": [],
        }
    )
    role = RoleOut(
        title="Foreign Minister",
        organisation=None,
        country="Ghana",
        start_date=None,
        end_date=None,
        source="directory",
    )
    text = citation(quote, role, "https://example.org/briefing", quote.text)
    assert text == (
        "Amara Osei (Foreign Minister, Ghana), Press briefing, Accra, 4 March 2021: "
        "“There is no lasting peace with Haddad in power.”. Source: “Press briefing”, "
        "https://example.org/briefing."
    )
    assert long_date(None) == "undated"


def test_segments_cut_the_text_at_the_quote_and_the_question() -> None:
    text = "Q: Will you stay? A: We will stay."
    parts = segments(text, [(21, 34, "target", "quote-2", ""), (3, 17, "question", "quote-1", "")])
    assert "".join(p.text for p in parts) == text
    assert [(p.text, p.css) for p in parts if p.css] == [
        ("Will you stay?", "question"),
        ("We will stay.", "target"),
    ]
