"""Official transcripts: labelled turns (`SECRETARY KERRY:`, `QUESTION:`) under a header.

Entry point: `parse_transcript(text)` returns a `Transcript` of turns with character offsets.
"""

from app.nlp.transcript.parser import Transcript, Turn, parse_transcript

__all__ = ["Transcript", "Turn", "parse_transcript"]
