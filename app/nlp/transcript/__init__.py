"""Official transcripts: labelled turns (`SECRETARY KERRY:`, `QUESTION:`) under a header.

Entry point: `parse_transcript(text, labels)` returns a `Transcript` of turns with character
offsets; `find_labels(text)` gives the labels it reads, which genre detection also needs.
"""

from app.nlp.transcript.labels import Label, find_labels
from app.nlp.transcript.parser import Transcript, TranscriptHeader, Turn, parse_transcript

__all__ = ["Label", "Transcript", "TranscriptHeader", "Turn", "find_labels", "parse_transcript"]
