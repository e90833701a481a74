"""News articles in, quotes with speakers out: the public entry point `parse_news`.

Every quote is found (direct, partial, and indirect where a speech verb and a clear speaker
exist) and attributed to the person or organisation the article introduced. Precision
first: a wrong speaker is worse than none, so an unsupported speaker is None.
"""

from __future__ import annotations

from dataclasses import dataclass

from app.nlp.news.layout import Layout, blank_credits, layout, strip_dateline
from app.nlp.news.masks import mask
from app.nlp.news.people import build_cast
from app.nlp.news.quotemarks import QuoteSpan, find_quotes
from app.nlp.news.text import Block, paragraphs, sentences
from app.nlp.news.walk import Found, Sentence, Walker


@dataclass(frozen=True)
class Attribution:
    """The words that name the speaker ('Johnson', 'he', 'the US’ top diplomat') and how."""

    label: str | None
    start: int | None
    end: int | None
    method: str  # named | pronoun | descriptor | continuation | headline | according_to | none
    confidence: float


@dataclass(frozen=True)
class PersonMention:
    """A person the article introduces, with role/country/organisation when it gives them."""

    name: str
    role: str | None
    country: str | None
    organisation: str | None
    start: int
    end: int


@dataclass(frozen=True)
class NewsQuote:
    """Words someone said, where they are in the text, and who said them."""

    text: str
    start: int
    end: int
    kind: str  # direct | partial | indirect
    speaker: str | None
    speaker_kind: str | None  # person | organisation | None
    role: str | None
    country: str | None
    attribution: Attribution
    elsewhere: bool
    paragraph_start: int
    paragraph_end: int


@dataclass(frozen=True)
class NewsArticle:
    title: str | None
    quotes: tuple[NewsQuote, ...]
    people: tuple[PersonMention, ...]


def _without_repeated_title(
    text: str, blocks: list[Block], spans: list[QuoteSpan]
) -> list[QuoteSpan]:
    """Pages often print the headline twice; quotes in the copy are not found again."""
    if (
        len(blocks) < 2
        or text[blocks[0].start : blocks[0].end] != text[blocks[1].start : blocks[1].end]
    ):
        return spans
    return [span for span in spans if span.first_paragraph != 1]


def _sentences(
    text: str, blocks: list[Block], spans: list[QuoteSpan], skip: frozenset[int]
) -> list[Sentence]:
    """Sentences of the copy; furniture paragraphs (bylines, captions, links) have none."""
    protected: dict[int, list[tuple[int, int]]] = {}
    for span in spans:
        for part_start, part_end in span.parts:
            index = _paragraph_of(blocks, part_start)
            protected.setdefault(index, []).append((part_start - 1, part_end + 1))
    found = []
    for index, block in enumerate(blocks):
        if index in skip:
            continue
        for sentence in sentences(text, block, protected.get(index, [])):
            found.append(Sentence(sentence, index))
    return found


def _paragraph_of(blocks: list[Block], position: int) -> int:
    low, high = 0, len(blocks) - 1
    while low < high:
        middle = (low + high + 1) // 2
        if blocks[middle].start <= position:
            low = middle
        else:
            high = middle - 1
    return low


def _quote(text: str, blocks: list[Block], item: Found) -> NewsQuote:
    start, end = item.parts[0][0], item.parts[-1][1]
    words = "\n\n".join(text[s:e] for s, e in item.parts)
    speaker, cue = item.speaker, item.cue
    if item.method == "continuation" or cue is None:
        attribution = Attribution(None, None, None, item.method, item.confidence)
    else:
        label_start, label_end = (
            (speaker.start, speaker.end) if speaker else (cue.label_start, cue.label_end)
        )
        attribution = Attribution(
            text[label_start:label_end], label_start, label_end, item.method, item.confidence
        )
    person = speaker.person if speaker else None
    role, country = (person.role, person.country) if person else item.office or (None, None)
    return NewsQuote(
        text=words,
        start=start,
        end=end,
        kind=item.kind,
        speaker=speaker.name if speaker else None,
        speaker_kind=speaker.kind if speaker else None,
        role=role,
        country=country,
        attribution=attribution,
        elsewhere=item.elsewhere,
        paragraph_start=blocks[item.first_paragraph].start,
        paragraph_end=blocks[item.last_paragraph].end,
    )


# Datelines open the first paragraphs of the copy, never later ones.
_DATELINE_PARAGRAPHS = 6


def _copy_blocks(text: str) -> tuple[list[Block], Layout]:
    """Paragraphs with their datelines cut off, and which of them are page furniture."""
    blocks = paragraphs(text)
    page = layout(text, blocks)
    blocks[:_DATELINE_PARAGRAPHS] = [
        strip_dateline(text, block) for block in blocks[:_DATELINE_PARAGRAPHS]
    ]
    return blocks, page


def parse_news(text: str) -> NewsArticle:
    """Quotes and people of one news article (text with '\\n' newlines)."""
    original, text = text, mask(text)  # same offsets; the grammar reads the masked copy
    blocks, page = _copy_blocks(text)
    if not blocks:
        return NewsArticle(None, (), ())
    spans = [
        span
        for span in _without_repeated_title(text, blocks, find_quotes(text, blocks))
        if span.first_paragraph not in page.furniture
    ]
    cast = build_cast(blank_credits(text, blocks, page))
    sentences_ = _sentences(text, blocks, spans, page.furniture)
    found = Walker(text, blocks, sentences_, spans, cast, page).run()
    people = tuple(
        PersonMention(p.name, p.role, p.country, p.organisation, p.start, p.end)
        for p in cast.people
    )
    quotes = tuple(_quote(original, blocks, item) for item in found)
    title = blocks[page.headline] if page.headline is not None else blocks[0]
    return NewsArticle(original[title.start : title.end], quotes, people)
