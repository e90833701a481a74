"""A saved web page -> its article text and metadata, through trafilatura.

trafilatura drops navigation, cookie banners, related links and footers and reads the
title, author, date, canonical URL and site name from the page's tags. Its own text output
puts one newline between paragraphs; the parsers read paragraphs as blank-line separated
blocks, so the text is rebuilt here from its block elements, one paragraph each.
"""

from __future__ import annotations

import re
from pathlib import Path
from typing import Any

from app.ingest.errors import IngestError
from app.ingest.formats import Extracted, usable_meta

# trafilatura's time grows with the number of tags (~30-80 µs a tag on this machine: 37 s for
# a 5 MB page of 1.2 million table tags). Saved article pages have a few thousand to some tens
# of thousands; this bounds one page to about ten seconds. Nesting needs no bound of ours:
# lxml stops at its depth limit and the page then has no article text.
MAX_TAGS = 150_000
_TAG = re.compile(rb"<[A-Za-z/!]")
# Containers in trafilatura's output whose children are paragraphs of their own.
_CONTAINERS = {"body", "div", "list", "quote", "table", "row"}
# Block elements: each is one paragraph. Inline ones (hi, ref, del) stay inside their block.
_BLOCKS = {"p", "head", "item", "cell", "code", "quote"}


def extract_html(path: Path, data: bytes) -> Extracted:
    """The article of a page; a page with no article text is an error naming the file."""
    import trafilatura  # heavy (lxml, htmldate): loaded only when a page arrives
    from trafilatura.settings import Document

    tags = sum(1 for _ in _TAG.finditer(data))
    if tags > MAX_TAGS:
        raise IngestError(path, f"web page has {tags} tags, over the limit of {MAX_TAGS}")
    try:
        document = trafilatura.bare_extraction(
            data,
            with_metadata=True,
            include_comments=False,  # readers' comments are not the article
            include_tables=False,
            include_images=False,
            deduplicate=False,  # a repeated sentence is still what was said
        )
    except (ValueError, TypeError, RecursionError) as exc:  # lxml on broken bytes
        raise IngestError(path, f"unreadable web page: {exc}") from exc
    paragraphs = _paragraphs(document.body) if isinstance(document, Document) else []
    if not isinstance(document, Document) or not paragraphs:
        raise IngestError(path, "no article text found in the web page")
    title = " ".join((document.title or "").split())
    if title and paragraphs[0] != title:
        paragraphs.insert(0, title)  # a headline first, as a saved `.txt` article has it
    meta = usable_meta(
        {
            "title": title,
            "author": document.author,
            "published": document.date,
            "url": document.url,
            "publisher": document.sitename,
        }
    )
    return Extracted("\n\n".join(paragraphs) + "\n", meta)


def _paragraphs(element: Any) -> list[str]:
    """Each block element's words, whitespace collapsed and `<lb/>` kept as a line break."""
    found: list[str] = []
    for child in element:
        if child.tag in _CONTAINERS and any(c.tag in _BLOCKS | _CONTAINERS for c in child):
            found.extend(_paragraphs(child))
        elif child.tag in _BLOCKS or child.tag in _CONTAINERS:
            text = _block_text(child)
            if text:
                found.append(text)
    return found


def _block_text(element: Any) -> str:
    parts: list[str] = []
    _inline(element, parts)
    lines = "".join(parts).split("\n")
    return "\n".join(" ".join(line.split()) for line in lines if line.strip())


def _inline(node: Any, parts: list[str]) -> None:
    """Text and tails in reading order (lxml limits nesting, so recursion stays shallow)."""
    if node.tag == "lb":
        parts.append("\n")
    else:
        parts.append(node.text or "")
    for child in node:
        _inline(child, parts)
        parts.append(child.tail or "")
