"""Metadata that wins over guesses: a `NAME.meta.json` sidecar, what a web page or PDF says
of itself, or YAML-style front matter, in that order."""

from __future__ import annotations

import datetime as dt
import re
from dataclasses import dataclass
from typing import Any

from app.nlp.dates import parse_date

_FRONT_MATTER = re.compile(r"\A---\n(.*?)\n---\n", re.DOTALL)
_FIELD = re.compile(r"^([A-Za-z_]+):\s*(.*?)\s*$", re.MULTILINE)


@dataclass(frozen=True)
class DocumentMeta:
    title: str | None = None
    published: dt.date | None = None
    publisher: str | None = None
    url: str | None = None
    author: str | None = None
    genre: str | None = None


def read_meta(
    sidecar: dict[str, Any], text: str, extracted: dict[str, str] | None = None
) -> DocumentMeta:
    """Field by field: the sidecar, then the file's own metadata (a page's tags, a PDF's
    info), then `key: value` lines of front matter; unknown keys are ignored."""
    fields: dict[str, Any] = {}
    for layer in (front_matter(text), extracted or {}, sidecar):
        fields.update(_dated({k: v for k, v in layer.items() if v not in (None, "")}))
    published = fields.get("published")
    genre = fields.get("genre")
    return DocumentMeta(
        title=_text(fields.get("title")),
        published=parse_date(str(published)) if published else None,
        publisher=_text(fields.get("publisher")),
        url=_text(fields.get("url")),
        author=_text(fields.get("author")),
        genre=genre if genre in ("transcript", "news") else None,
    )


def _dated(layer: dict[str, Any]) -> dict[str, Any]:
    """`date` is another name for `published`: a sidecar's `date` beats a page's date."""
    if "date" in layer:
        layer.setdefault("published", layer.pop("date"))
    return layer


def front_matter(text: str) -> dict[str, str]:
    match = _FRONT_MATTER.match(text)
    if not match:
        return {}
    return {k.lower(): v.strip("\"'") for k, v in _FIELD.findall(match.group(1))}


def _text(value: Any) -> str | None:
    return str(value).strip() or None if value is not None else None
