"""Response models: the JSON shapes frontends and scripts rely on, one module per resource.

No ORM imports here: services turn rows into these models.
"""

from __future__ import annotations

from typing import Any

from pydantic import BaseModel
from pydantic_core import to_jsonable_python

from app.schemas.common import Health, Out, ParameterError, Problem
from app.schemas.documents import (
    DocumentDetail,
    DocumentOut,
    DocumentRevisions,
    RevisionDetail,
    RevisionOut,
)
from app.schemas.events import EventDetail, EventOut
from app.schemas.page import Page, item_type, page_example
from app.schemas.quotes import (
    Attribution,
    FacetCount,
    Facets,
    QuoteContext,
    QuoteDetail,
    QuoteKind,
    QuoteOut,
    QuotePage,
    SameWords,
)
from app.schemas.refs import DocumentRef, EventRef, SpeakerCount, SpeakerRef, TopicCount, TopicRef
from app.schemas.speakers import AliasOut, RoleOut, SpeakerDetail, SpeakerOut
from app.schemas.topics import TopicDetail, TopicOut
from app.schemas.verification import (
    DiffRun,
    DocumentVerification,
    StatusCounts,
    Verification,
    VerificationStatus,
    VerificationSummary,
    VerifiedQuote,
)
from app.schemas.writes import (
    AliasIn,
    AuditEntryOut,
    DocumentDeletion,
    EventMerge,
    FileReportOut,
    IngestReport,
    IngestTotals,
    SpeakerMerge,
    SpeakerRename,
    TopicMerge,
)


# Named subclasses so that the OpenAPI document and generated clients say `DocumentPage`.
class DocumentPage(Page[DocumentOut]):
    """A page of documents."""


class SpeakerPage(Page[SpeakerOut]):
    """A page of speakers."""


class TopicPage(Page[TopicOut]):
    """A page of topics."""


class EventPage(Page[EventOut]):
    """A page of events."""


class AuditPage(Page[AuditEntryOut]):
    """A page of the audit log, newest first."""


__all__ = [
    "AliasIn",
    "AliasOut",
    "Attribution",
    "AuditEntryOut",
    "AuditPage",
    "DiffRun",
    "DocumentDeletion",
    "DocumentDetail",
    "DocumentOut",
    "DocumentPage",
    "DocumentRef",
    "DocumentRevisions",
    "DocumentVerification",
    "EventDetail",
    "EventMerge",
    "EventOut",
    "EventPage",
    "EventRef",
    "FacetCount",
    "Facets",
    "FileReportOut",
    "Health",
    "IngestReport",
    "IngestTotals",
    "Out",
    "Page",
    "ParameterError",
    "Problem",
    "QuoteContext",
    "QuoteDetail",
    "QuoteKind",
    "QuoteOut",
    "QuotePage",
    "RevisionDetail",
    "RevisionOut",
    "RoleOut",
    "SameWords",
    "SpeakerCount",
    "SpeakerDetail",
    "SpeakerMerge",
    "SpeakerOut",
    "SpeakerPage",
    "SpeakerRef",
    "SpeakerRename",
    "StatusCounts",
    "TopicCount",
    "TopicDetail",
    "TopicMerge",
    "TopicOut",
    "TopicPage",
    "TopicRef",
    "Verification",
    "VerificationStatus",
    "VerificationSummary",
    "VerifiedQuote",
    "model_examples",
]


def model_examples() -> dict[str, list[Any]]:
    """Each response model's examples by its OpenAPI name, as JSON, nulls included.

    FastAPI drops every null from the OpenAPI document, examples included, which would turn
    `"next_cursor": null` into an example missing a required field; the app puts them back.
    """
    found: dict[str, list[Any]] = {}
    for value in globals().values():
        if not (isinstance(value, type) and issubclass(value, BaseModel)):
            continue
        extra = value.model_config.get("json_schema_extra")
        item = item_type(value)
        if isinstance(extra, dict) and isinstance(extra.get("examples"), list):
            found[value.__name__] = to_jsonable_python(extra["examples"])
        elif item is not None and value is not Page:
            found[value.__name__] = [to_jsonable_python(page_example(item))]
    return found
