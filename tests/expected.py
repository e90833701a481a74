"""Reading tests/data/expected.json: what a careful reader finds in the seed documents."""

from __future__ import annotations

import json
import re
from pathlib import Path
from typing import Any

EXPECTED: dict[str, Any] = json.loads(
    (Path(__file__).parent / "data" / "expected.json").read_text(encoding="utf-8")
)


def squash(text: str) -> str:
    """expected.json compares text after joining lines with a single space."""
    return re.sub(r"\s+", " ", text).strip()


def document(file_prefix: str) -> dict[str, Any]:
    return next(d for d in EXPECTED["documents"] if d["file"].startswith(file_prefix))


def matches(text: str, expected_quote: dict[str, Any]) -> bool:
    """Starts as listed and ends as listed, or -- for one 001 entry whose `ends_with` is the end
    of the turn's first paragraph though the turn runs on -- ends a paragraph as listed."""
    flat = squash(text)
    if not flat.startswith(expected_quote["starts_with"]):
        return False
    if flat.endswith(expected_quote["ends_with"]):
        return True
    paragraphs = [squash(p) for p in text.split("\n") if p.strip()]
    return any(p.endswith(expected_quote["ends_with"]) for p in paragraphs)
