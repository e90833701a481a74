"""Transcript or news: told apart by speaker labels at paragraph starts.

A transcript gives most paragraphs a label ('QUESTION:', 'SECRETARY KERRY:', 'Q:'); a news
article has at most a stray one ('UPDATE:' is not a label at all, see transcript_labels).
Three labelled paragraphs, or two by different labels, make a transcript: a short exchange
('QUESTION: ...' / 'SECRETARY KERRY: ...') is still one, a single 'WASHINGTON: ...' is not.
"""

from __future__ import annotations

from app.nlp.transcript_labels import find_labels

_ENOUGH_LABELS = 3


def detect_genre(text: str) -> str:
    """'transcript' when several paragraphs open with a speaker label, else 'news'."""
    labels = find_labels(text)
    if len(labels) >= _ENOUGH_LABELS:
        return "transcript"
    if len(labels) == 2 and labels[0].label != labels[1].label:
        return "transcript"
    return "news"
