"""Transcript or news: told apart by speaker labels at paragraph starts.

A transcript gives most paragraphs a label ('QUESTION:', 'SECRETARY KERRY:', 'Q:'); a news
article has at most a stray one ('UPDATE:' is not a label at all, see transcript_labels).
Three labelled paragraphs, or two by different labels, make a transcript: a short exchange
('QUESTION: ...' / 'SECRETARY KERRY: ...') is still one, a single 'WASHINGTON: ...' is not.

A speech has no labels, but its page says how the text was delivered, on a line of its own
near the top: 'As Prepared for Delivery', 'As Delivered', or GOV.UK's '(Transcript of the
speech, exactly as it was delivered)'. A news story quoting a speech 'as prepared for
delivery' says so inside a sentence, not on a line alone, so it stays news.
"""

from __future__ import annotations

import re
from collections.abc import Sequence

from app.nlp.transcript.labels import Label, find_labels

_ENOUGH_LABELS = 3
_HEAD_CHARS = 2000  # the delivery marker sits in the header, before the speech itself
_DELIVERY_MARK = re.compile(
    r"^[ \t]*(?:\S.{0,30}?[ \t])?\(?(?:as prepared for delivery|as prepared|as delivered|"
    r"check against delivery|transcript of the speech, exactly as it was delivered)\)?"
    r"[ \t]*\.?[ \t]*$",
    re.IGNORECASE | re.MULTILINE,
)


def detect_genre(text: str, labels: Sequence[Label] | None = None) -> str:
    """'transcript' when several paragraphs open with a speaker label, or when the header
    marks a delivered speech; else 'news'. Pass `labels` when already found (see
    `parse_transcript`) so the text is read for labels once."""
    labels = find_labels(text) if labels is None else labels
    if len(labels) >= _ENOUGH_LABELS:
        return "transcript"
    if len(labels) == 2 and labels[0].label != labels[1].label:
        return "transcript"
    if _DELIVERY_MARK.search(text[:_HEAD_CHARS]):
        return "transcript"
    return "news"
