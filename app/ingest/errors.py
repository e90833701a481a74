"""The one error of the ingest path: a file that cannot become a document, and why."""

from __future__ import annotations

from pathlib import Path


class IngestError(Exception):
    """A file that cannot become a document; the message names the reason."""

    def __init__(self, path: Path, reason: str) -> None:
        super().__init__(f"{path}: {reason}")
        self.path = path
        self.reason = reason
