"""The seed news articles: every quote a careful reader lists is found, kind and speaker right.

tests/data/expected.json lists, for 002/003/004, what a reader finds; nothing else may be
produced as a direct or partial quote (indirect statements may be extra, the list is not
exhaustive for them).
"""

from __future__ import annotations

import json
import re
from pathlib import Path

import pytest

from app.nlp.news import NewsArticle, NewsQuote, parse_news

ROOT = Path(__file__).resolve().parents[2]
EXPECTED = json.loads((ROOT / "tests" / "data" / "expected.json").read_text(encoding="utf-8"))
NEWS = {doc["file"]: doc for doc in EXPECTED["documents"] if doc["genre"] == "news"}
SEEDS = ("002", "003", "004")


def _squash(text: str) -> str:
    return re.sub(r"\s+", " ", text).strip()


def _article(prefix: str) -> tuple[str, NewsArticle, dict]:
    file = next(name for name in NEWS if name.startswith(prefix))
    text = (ROOT / "seeds" / file).read_text(encoding="utf-8")
    return text, parse_news(text), NEWS[file]


def _matches(quote: NewsQuote, wanted: dict) -> bool:
    text = _squash(quote.text)
    return text.startswith(_squash(wanted["starts_with"])) and text.endswith(
        _squash(wanted["ends_with"])
    )


def _cases() -> list:
    cases = []
    for prefix in SEEDS:
        file = next(name for name in NEWS if name.startswith(prefix))
        for index, wanted in enumerate(NEWS[file]["quotes"]):
            cases.append(pytest.param(prefix, wanted, id=f"{prefix}-{index}-{wanted['kind']}"))
    return cases


@pytest.mark.parametrize(("prefix", "wanted"), _cases())
def test_listed_quote_is_found_with_kind_and_speaker(prefix: str, wanted: dict) -> None:
    _, article, _ = _article(prefix)
    hits = [q for q in article.quotes if _matches(q, wanted)]
    assert hits, f"not found: {wanted['starts_with']!r}"
    assert any(q.kind == wanted["kind"] and q.speaker == wanted["speaker"] for q in hits), [
        (q.kind, q.speaker) for q in hits
    ]


@pytest.mark.parametrize("prefix", SEEDS)
def test_no_other_direct_or_partial_quotes(prefix: str) -> None:
    _, article, expected = _article(prefix)
    listed = [w for w in expected["quotes"] if w["kind"] in {"direct", "partial"}]
    extra = [
        q.text
        for q in article.quotes
        if q.kind in {"direct", "partial"} and not any(_matches(q, w) for w in listed)
    ]
    assert extra == []


@pytest.mark.parametrize("prefix", SEEDS)
def test_offsets_point_at_the_words(prefix: str) -> None:
    text, article, _ = _article(prefix)
    for quote in article.quotes:
        assert text[quote.start : quote.end] == quote.text
        assert quote.paragraph_start <= quote.start < quote.end <= quote.paragraph_end
        label = quote.attribution
        if label.label is not None:
            assert text[label.start : label.end] == label.label


def test_elsewhere_and_continuation_in_002() -> None:
    _, article, _ = _article("002")
    earlier = next(q for q in article.quotes if q.text.startswith("It is right now"))
    assert earlier.elsewhere is True
    following = next(q for q in article.quotes if q.text.startswith("We can’t do anything"))
    assert following.attribution.method == "continuation"
    assert following.speaker == "Boris Johnson"
    london = next(q for q in article.quotes if q.text.startswith("There’s a lot of measures"))
    assert london.elsewhere is False
    assert london.attribution.label == "Johnson"


def test_descriptor_in_004() -> None:
    _, article, _ = _article("004")
    quote = next(q for q in article.quotes if q.text.startswith("We have to negotiate"))
    assert quote.attribution.method == "descriptor"
    assert quote.attribution.label == "the US’ top diplomat"
    assert quote.speaker == "John Kerry"
    assert quote.role == "Secretary of State"


def test_people_with_roles_and_countries() -> None:
    _, article, _ = _article("002")
    people = {p.name: p for p in article.people}
    assert people["Boris Johnson"].role == "Foreign Secretary"
    assert people["Boris Johnson"].country == "United Kingdom"
    assert people["John Kerry"].role == "Secretary of State"
    assert people["John Kerry"].country == "United States"
    _, article, _ = _article("003")
    assert {p.name for p in article.people} >= {"Philip Hammond", "John Kerry"}


def test_outlet_is_not_the_speaker_in_003() -> None:
    _, article, _ = _article("003")
    quote = next(q for q in article.quotes if q.text.startswith("doesn't have to be"))
    assert quote.speaker == "John Kerry"
    assert quote.kind == "partial"
