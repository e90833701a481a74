"""`POST /documents`: a document uploaded by a newsroom's tools, ingested as `ingest` would;
`DELETE /documents/{id}` removes one.

Multipart (a `file` part plus optional metadata fields) or a raw `text/plain`, `text/markdown`,
`text/html` or `application/pdf` body (metadata as query parameters). The body's size is held
to `MAX_DOCUMENT_BYTES` as it arrives (`api.body_limit`); the bytes go to the same loader and
pipeline as a file on disk, so an upload and a CLI ingest of the same bytes agree.
"""

from __future__ import annotations

from pathlib import PurePath
from typing import Annotated, Any, Literal

from fastapi import APIRouter, Query, Request
from fastapi.exceptions import RequestValidationError
from fastapi.responses import JSONResponse
from starlette.datastructures import UploadFile

from app.api.deps import id_path
from app.api.keys import WriteKey, WriteSessionDep
from app.api.problems import PROBLEM_JSON, problem_responses
from app.api.threads import in_upload_thread
from app.commands import deletions
from app.commands.uploads import ingest_upload
from app.errors import DocumentRejected, TooLarge, UnsupportedType
from app.schemas import DocumentDeletion, IngestReport, Problem

router = APIRouter(tags=["documents"])

# A raw body's type -> the suffix the loader reads it by.
RAW_TYPES = {
    "text/plain": ".txt",
    "text/markdown": ".md",
    "text/html": ".html",
    "application/pdf": ".pdf",
}
METADATA = ("title", "published", "publisher", "url", "author", "genre")
_TEXT = {"type": "string"}
_FIELDS: dict[str, Any] = {
    "title": {**_TEXT, "description": "The document's title (else read from the text)."},
    "published": {**_TEXT, "format": "date", "description": "Publication date, YYYY-MM-DD."},
    "publisher": {**_TEXT, "description": "Who published it: `state.gov`, `Reuters`."},
    "url": {**_TEXT, "description": "Where it was published."},
    "author": {**_TEXT, "description": "Who wrote it."},
    "genre": {"type": "string", "enum": ["transcript", "news"], "description": "Else detected."},
}
REQUEST_BODY: dict[str, Any] = {
    "required": True,
    "content": {
        "multipart/form-data": {
            "schema": {
                "type": "object",
                "required": ["file"],
                "properties": {
                    "file": {
                        "type": "string",
                        "format": "binary",
                        "description": "The document: `.txt`, `.md`, `.html` or `.pdf`.",
                    },
                    **_FIELDS,
                },
            }
        },
        **{
            media: {"schema": {"type": "string", "format": "binary"}}
            for media in ("text/plain", "text/markdown", "text/html", "application/pdf")
        },
    },
}
FAILED_EXAMPLE = {
    "type": "/problems/document-rejected",
    "title": "Document not ingested",
    "status": 422,
    "detail": "scan.pdf: binary file (contains NUL bytes), not a text document",
    "report": {
        "files": [
            {
                "path": "scan.pdf",
                "status": "failed",
                "document_id": None,
                "quotes": 0,
                "error": "binary file (contains NUL bytes), not a text document",
                "notes": [],
                "revision": None,
            }
        ],
        "totals": {
            "files": 1,
            "ingested": 0,
            "revised": 0,
            "updated": 0,
            "unchanged": 0,
            "failed": 1,
            "skipped": 0,
            "quotes": 0,
        },
    },
}
RESPONSES: dict[int | str, dict[str, Any]] = {
    200: {
        "model": IngestReport,
        "description": "A document already stored: `unchanged` (the same text), `revised` (new "
        "text for the same URL: its next revision) or `updated` (new metadata only).",
    },
    201: {
        "description": "Ingested; `Location` is the new document.",
        "headers": {"Location": {"description": "`/documents/{id}`", "schema": _TEXT}},
    },
    **problem_responses(400, 401, 403, 413),
    415: {"model": Problem, "description": "Neither multipart nor a supported document type."},
    422: {
        "model": Problem,
        "description": "The document could not be ingested (`detail` names the file and the "
        "reason; `report` is the ingest report), or a metadata field is wrong.",
        "content": {PROBLEM_JSON: {"example": FAILED_EXAMPLE}},
    },
}


def _metadata(description: str, examples: list[str]) -> Any:
    return Query(description=description, examples=examples)


@router.post(
    "/documents",
    status_code=201,
    response_model=IngestReport,
    responses=RESPONSES,
    summary="Upload a document",
    openapi_extra={"requestBody": REQUEST_BODY},
)
async def upload_document(
    request: Request,
    key: WriteKey,
    session: WriteSessionDep,
    filename: Annotated[
        str | None,
        Query(
            max_length=255,
            description="With a raw body: the file's name, kept as the document's source name.",
            examples=["kerry-johnson-statement.txt"],
        ),
    ] = None,
    title: Annotated[str | None, _metadata("The document's title.", ["Joint Statement"])] = None,
    published: Annotated[
        str | None, _metadata("Publication date, YYYY-MM-DD.", ["2016-10-16"])
    ] = None,
    publisher: Annotated[str | None, _metadata("Who published it.", ["state.gov"])] = None,
    url: Annotated[
        str | None, _metadata("Where it was published.", ["https://www.state.gov/..."])
    ] = None,
    author: Annotated[str | None, _metadata("Who wrote it.", ["Lesley Wroughton"])] = None,
    genre: Annotated[
        Literal["transcript", "news"] | None,
        Query(description="`transcript` or `news`; detected when left out.", examples=["news"]),
    ] = None,
) -> JSONResponse:
    """Ingest one document, exactly as `ontherecord ingest --json` would: the answer is its
    report. **201** with `Location` when stored as a new document; **200** when it was
    stored before (`unchanged`), or is a new revision (`revised`) or new metadata
    (`updated`) of a document with the same URL; a **422** problem naming the reason when
    it cannot be ingested; **413** past the size limit.

    Send `multipart/form-data` (a `file` part and optional `title`, `published`,
    `publisher`, `url`, `author`, `genre` fields), or the document itself as a `text/plain`,
    `text/markdown`, `text/html` or `application/pdf` body with the metadata in the query
    string. Needs a write key."""
    query_meta = {
        "title": title,
        "published": published,
        "publisher": publisher,
        "url": url,
        "author": author,
        "genre": genre,
    }
    limit = request.app.state.settings.max_document_bytes
    name, data, form_meta = await _read_upload(request, filename, limit)
    meta = {k: v for k, v in {**query_meta, **form_meta}.items() if v not in (None, "")}
    batch = await in_upload_thread(ingest_upload, session, key, name, data, meta)
    report = batch.files[0]
    body = IngestReport.model_validate(batch.as_json())
    if report.status == "failed":
        error = DocumentRejected(f"{name}: {report.error}")
        error.extra = {"report": body.model_dump(mode="json")}
        raise error
    created = report.status == "ingested" and report.document_id is not None
    headers = {"Location": f"/documents/{report.document_id}"} if created else {}
    return JSONResponse(body.model_dump(mode="json"), 201 if created else 200, headers)


async def _read_upload(
    request: Request, filename: str | None, limit: int
) -> tuple[str, bytes, dict[str, str]]:
    """The file's name, its bytes (at most `limit`, else 413) and any metadata form fields."""
    media = request.headers.get("content-type", "").split(";")[0].strip().lower()
    if media == "multipart/form-data":
        return await _read_form(request, limit)
    if media not in RAW_TYPES:
        raise UnsupportedType(
            f"cannot read a {media or 'body without a Content-Type'}: send multipart/form-data "
            "with a `file` part, or a text/plain, text/markdown, text/html or application/pdf body"
        )
    data = bytearray()
    async for chunk in request.stream():
        data.extend(chunk)
        _check_size(len(data), limit)
    return _file_name(filename, RAW_TYPES[media]), bytes(data), {}


async def _read_form(request: Request, limit: int) -> tuple[str, bytes, dict[str, str]]:
    async with request.form(max_files=1, max_fields=len(METADATA)) as form:
        upload = form.get("file")
        if not isinstance(upload, UploadFile):
            raise RequestValidationError(
                [{"loc": ("body", "file"), "msg": "a `file` part is required", "type": "missing"}]
            )
        data = await upload.read(limit + 1)
        _check_size(len(data), limit)
        part_type = (upload.content_type or "").split(";")[0].strip().lower()
        name = _file_name(upload.filename, RAW_TYPES.get(part_type, ".txt"))
        fields = {k: v for k, v in form.multi_items() if k in METADATA and isinstance(v, str)}
    return name, data, fields


def _check_size(size: int, limit: int) -> None:
    if size > limit:
        raise TooLarge(f"the document is over the limit of {limit} bytes")


def _file_name(given: str | None, default_suffix: str) -> str:
    """Only the name, never a client's directories; a name without a suffix gets the type's."""
    name = PurePath((given or "").replace("\\", "/")).name.strip()
    if not name:
        return f"upload{default_suffix}"
    return name if PurePath(name).suffix else name + default_suffix


@router.delete(
    "/documents/{document_id}",
    response_model=DocumentDeletion,
    responses=problem_responses(400, 401, 403, 404, 413, 422),
    summary="Delete a document",
)
def delete_document(
    document_id: Annotated[int, id_path("document")], key: WriteKey, session: WriteSessionDep
) -> DocumentDeletion:
    """Remove a document, its quotes with their topic links, matches and verdicts, and any
    event, speaker or topic it leaves with nothing, in one transaction; answers what went.
    Directory speakers and lexicon topics stay. Needs a write key."""
    return deletions.delete(session, key, document_id)
