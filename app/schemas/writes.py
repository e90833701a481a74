"""Request and response bodies of the write API: corrections, uploads and the audit log."""

from __future__ import annotations

import datetime as dt
from typing import Annotated, Any

from pydantic import BaseModel, ConfigDict, Field, StringConstraints

from app.schemas.common import Out, example_config

# Names and aliases: what speakers.name and the alias columns hold (300), trimmed, not blank.
NameText = Annotated[str, StringConstraints(strip_whitespace=True, min_length=1, max_length=300)]


def _request(example: dict[str, Any]) -> ConfigDict:
    return ConfigDict(extra="forbid", json_schema_extra={"examples": [example]})


class SpeakerMerge(BaseModel):
    """Fold this speaker into another: its quotes, aliases and roles move there."""

    model_config = _request({"into": "john-kerry"})

    into: NameText = Field(
        description="The speaker that remains: its id, slug or exact name.",
        examples=["john-kerry"],
    )


class SpeakerRename(BaseModel):
    """A new canonical name; the old one stays as an alias, so searches under it still work."""

    model_config = _request({"name": "John Forbes Kerry"})

    name: NameText = Field(description="The new canonical name.", examples=["John Forbes Kerry"])


class AliasIn(BaseModel):
    """Another name for the same person or topic."""

    model_config = _request({"alias": "Secretary Kerry"})

    alias: NameText = Field(description="The name as sources write it.", examples=["Kerry"])


class TopicMerge(BaseModel):
    """Fold this topic into another: its aliases and quote links move there."""

    model_config = _request({"into": "isis"})

    into: NameText = Field(
        description="The topic that remains: its id, slug or a name or alias.", examples=["isis"]
    )


class EventMerge(BaseModel):
    """Two events that are one occasion: documents, quotes and speakers move to `into`."""

    model_config = _request({"into": 1})

    into: int = Field(ge=1, le=2**31 - 1, description="The event that remains.", examples=[1])


_FILE = {
    "path": "kerry-johnson-statement.txt",
    "status": "ingested",
    "document_id": 6,
    "quotes": 42,
    "error": None,
    "notes": [],
    "revision": 1,
}


class FileReportOut(Out):
    """One document's outcome, as `ontherecord ingest --json` reports it."""

    model_config = example_config(_FILE)

    path: str = Field(description="The uploaded file's name.")
    status: str = Field(
        description="`ingested` (a new document), `revised` (new text for a stored URL: its "
        "next revision), `updated` (new metadata only), `unchanged` (already stored), `failed`."
    )
    document_id: int | None = Field(description="The stored document, when there is one.")
    quotes: int = Field(description="Quotes found in it.")
    error: str | None = Field(description="Why it failed.")
    notes: list[str] = Field(
        description="Speakers left unnamed because several people fit; for a revision, what "
        "it changed."
    )
    revision: int | None = Field(default=None, description="The document's current revision.")


class IngestTotals(Out):
    files: int
    ingested: int
    revised: int = 0
    updated: int = 0
    unchanged: int
    failed: int
    skipped: int
    quotes: int


class IngestReport(Out):
    """The same report as `ontherecord ingest --json`, for the one uploaded file."""

    model_config = example_config(
        {
            "files": [_FILE],
            "totals": {
                "files": 1,
                "ingested": 1,
                "revised": 0,
                "updated": 0,
                "unchanged": 0,
                "failed": 0,
                "skipped": 0,
                "quotes": 42,
            },
        }
    )

    files: list[FileReportOut]
    totals: IngestTotals


class AuditEntryOut(Out):
    """One write made through the API: who (the key), what, when, and the target before and
    after (snapshots: names, aliases, links; null where the target did not or no longer exists)."""

    model_config = example_config(
        {
            "id": 3,
            "at": "2026-12-01T14:05:09Z",
            "key_id": 1,
            "key_name": "newsroom-desk",
            "action": "speaker.rename",
            "target_type": "speaker",
            "target_id": 1,
            "before": {"id": 1, "name": "John Kerry", "aliases": ["John Kerry", "Kerry"]},
            "after": {
                "id": 1,
                "name": "John Forbes Kerry",
                "aliases": ["John Kerry", "Kerry", "John Forbes Kerry"],
            },
        }
    )

    id: int
    at: dt.datetime
    key_id: int | None = Field(description="The key's id; null if the key row is gone.")
    key_name: str = Field(description="The key's name when the write was made.")
    action: str = Field(
        description="`speaker.merge`, `speaker.rename`, `speaker.alias.add`, "
        "`speaker.alias.remove`, `topic.merge`, `topic.alias.add`, `event.merge`, "
        "`document.create`, `document.update`, `document.delete`."
    )
    target_type: str = Field(description="`speaker`, `topic`, `event` or `document`.")
    target_id: int | None
    before: dict[str, Any] | None
    after: dict[str, Any] | None


class DocumentDeletion(Out):
    """What deleting a document removed, by id: its quotes, and the events, speakers and topics
    it left with nothing (directory speakers and lexicon topics stay)."""

    model_config = example_config(
        {
            "document_id": 6,
            "title": "Kerry urges Russia to halt Aleppo strikes",
            "quote_ids": [120, 121, 122],
            "event_ids": [5],
            "speaker_ids": [],
            "topic_ids": [71],
            "reverified": 0,
        }
    )

    document_id: int
    title: str | None
    quote_ids: list[int]
    event_ids: list[int] = Field(description="Events left with no document or quote.")
    speaker_ids: list[int] = Field(description="Speakers left with no quote.")
    topic_ids: list[int] = Field(description="Topics left with no quote.")
    reverified: int = Field(description="News quotes verified again, their source gone.")
