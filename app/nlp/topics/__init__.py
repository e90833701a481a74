"""Topics: what a text is about, under every name -- lexicon aliases plus rule-found names.

The lexicon (data/topics.json, extensible by users) gives each topic its names: "ISIL" is also
"ISIS", "Isil", "Daesh", "Islamic State" and, beside words like "militants", "IS". Names the
lexicon lacks are found by rule as capitalised phrases in prose (topics_entities).

Decisions, so queries behave predictably:
- "Assad regime", "Syrian regime", "the regime in Damascus" name Bashar al-Assad: the sources
  use them interchangeably for his government, and "quotes about Assad" must find them.
- Capitals are places, not metonyms: "Washington insisted" names Washington, not the United
  States; likewise Moscow and Damascus. Demonyms name countries: "the Russians" -> Russia.
- A surface never includes a possessive: "Assad’s regime" gives surface "Assad".
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass

from app.nlp.roles import country_of
from app.nlp.topics.entities import discover, discover_entities
from app.nlp.topics.lexicon import (
    TopicEntry,
    TopicMention,
    load_lexicon,
    normalise_alias,
)
from app.nlp.topics.matcher import TopicMatcher
from app.nlp.topics.text import label_spans

__all__ = [
    "TopicEntry",
    "TopicLink",
    "TopicMatcher",
    "TopicMention",
    "discover_entities",
    "document_people",
    "find_topics",
    "load_lexicon",
    "normalise_alias",
    "quote_topics",
]


@dataclass(frozen=True)
class TopicLink:
    """A topic one quote is about: named by the quote's own words (scope 'quote') or only by
    the words around it (scope 'context'); `surface` is how the text wrote it."""

    name: str
    kind: str
    surface: str
    scope: str  # "quote" | "context"


def quote_topics(
    text: str,
    context: str | None,
    matcher: TopicMatcher,
    people: Mapping[str, str] | None = None,
) -> tuple[TopicLink, ...]:
    """One link per topic name: 'quote' when the quote names it, else 'context' when the
    question it answers or its paragraph does. Quote mentions first, each in text order.
    `people` (from `document_people`) names the person a lone surname means in this document."""
    scopes: dict[str, TopicLink] = {}
    for mention in find_topics(text, matcher, people):
        scopes.setdefault(mention.name, _link(mention, "quote"))
    for mention in find_topics(context, matcher, people) if context else []:
        scopes.setdefault(mention.name, _link(mention, "context"))
    return tuple(scopes.values())


def document_people(text: str, matcher: TopicMatcher) -> dict[str, str]:
    """Surname -> full name for every person the whole document names in full, when only one
    person has that surname: a quote saying "Kuleba" in an article that introduced "Dmytro
    Kuleba" is about him, not about a second topic "Kuleba"."""
    full: dict[str, set[str]] = {}
    for mention in find_topics(text, matcher):
        if mention.kind == "person" and " " in mention.name:
            full.setdefault(mention.name.split()[-1], set()).add(mention.name)
    return {surname: names.pop() for surname, names in full.items() if len(names) == 1}


def _link(mention: TopicMention, scope: str) -> TopicLink:
    return TopicLink(mention.name, mention.kind, mention.surface, scope)


def find_topics(
    text: str, matcher: TopicMatcher, people: Mapping[str, str] | None = None
) -> list[TopicMention]:
    """Lexicon hits plus discovered names, in text order, none overlapping.

    Lexicon hits come first (the longest alias wins among them); discovery then only sees the
    capitalised words they leave, so "Britain-based Syrian Observatory for Human Rights" gives
    United Kingdom and the Observatory, not one long name.
    """
    labels = label_spans(text)  # "SECRETARY KERRY:" introduces a turn, it is not a mention
    hits = [h for h in matcher.find(text) if not labels.overlaps(h.start, h.end)]
    found = list(hits)
    for mention in discover(text, [(h.start, h.end) for h in hits]):
        canonical = _canonical(text, mention, matcher, people or {})
        if canonical is not None:
            found.append(canonical)
    return sorted(found, key=lambda m: (m.start, -m.end))


def _canonical(
    text: str, mention: TopicMention, matcher: TopicMatcher, people: Mapping[str, str]
) -> TopicMention | None:
    """A discovered name under its lexicon name, or dropped when the lexicon knows the word but
    refused it here ("IS" in "it IS true"), or when it is a first name several people share.
    A lone country adjective names the country ("Romanian officials" -> Romania), and a lone
    surname the person the document named in full (`people`)."""
    entry = matcher.resolve(text, mention.start, mention.end)
    if entry is None and matcher.knows(mention.surface):
        return None
    if entry is None and " " not in mention.surface:
        country = country_of(mention.surface)
        if country is not None:
            return TopicMention(country, "place", mention.surface, mention.start, mention.end)
        if mention.surface in people:
            name = people[mention.surface]
            return TopicMention(name, "person", mention.surface, mention.start, mention.end)
    if entry is None and " " not in mention.surface:
        given = matcher.people_named(mention.surface)
        if len(given) > 1:
            return None  # "John": Kerry or Kirby?
        entry = given[0] if given else None
    if entry is None:
        return mention
    return TopicMention(entry.name, entry.kind, mention.surface, mention.start, mention.end)
