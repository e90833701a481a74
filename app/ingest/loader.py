"""Bytes on disk -> document text, or a clear reason why not."""

from __future__ import annotations

import codecs
import json
import os
import stat
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from app.ingest.errors import IngestError
from app.ingest.formats import FORMATS, Extracted, format_of
from app.ingest.identity import content_sha256
from app.ingest.sidecar import sidecar_problems

DOCUMENT_SUFFIXES = tuple(FORMATS)

# Control characters other than tab/newline/carriage return/form feed: their presence
# (beyond a handful) marks a binary file that merely happens to decode.
_CONTROL = {c for c in range(32) if c not in (9, 10, 12, 13)}


@dataclass(frozen=True)
class LoadedDocument:
    """A document's text as stored (offsets point into it) and the metadata it came with:
    `meta` is the sidecar's, `extracted` what a web page or PDF says of itself; the sidecar
    wins (`metadata.read_meta`)."""

    path: Path
    text: str
    sha256: str  # of the text without trailing whitespace (`identity.content_sha256`)
    encoding: str  # of a text file; "html" or "pdf" for text extracted from one
    meta: dict[str, Any] = field(default_factory=dict)
    extracted: dict[str, str] = field(default_factory=dict)


def read_document(path: Path, max_bytes: int) -> LoadedDocument:
    """Read a file and its optional `NAME.meta.json` sidecar; raise IngestError when unusable."""
    data = read_capped(path, max_bytes)
    return load_bytes(path, data, read_sidecar(path, max_bytes))


def load_bytes(path: Path, data: bytes, sidecar: dict[str, Any] | None = None) -> LoadedDocument:
    """The bytes of a file or an upload -> a document; `path` names the source in reports.

    The one entry for every way a document arrives (folder, command line, API upload), so
    each is decoded, checked and hashed the same way. A web page or PDF (by suffix, or by
    content when the suffix is not one we know) is reduced to its text first: the hash is of
    that text, so the same page saved twice is the same document.
    """
    kind = format_of(path, data)
    if kind == "text":
        text, encoding = decode_bytes(path, data)
        extracted: dict[str, str] = {}
    else:
        if not data.strip():
            raise IngestError(path, "file is empty")
        result = _extract(kind, path, data)
        text, encoding, extracted = result.text, kind, result.meta
    text = normalise_newlines(text)
    if not text.strip():
        raise IngestError(path, "file is empty")
    _refuse_nul(path, text)
    return LoadedDocument(
        path, text, content_sha256(text), encoding, dict(sidecar or {}), extracted
    )


def _extract(kind: str, path: Path, data: bytes) -> Extracted:
    if kind == "pdf":
        from app.ingest.formats.pdf import extract_pdf

        return extract_pdf(path, data)
    from app.ingest.formats.html import extract_html

    return extract_html(path, data)


def read_capped(path: Path, max_bytes: int) -> bytes:
    """The bytes of a regular file of at most `max_bytes`.

    Only regular files: `/dev/zero` never ends and a FIFO blocks until someone writes. The
    read stops one byte past the cap, whatever the size the file claimed when it was checked.
    """
    try:
        info = path.stat()
        if stat.S_ISDIR(info.st_mode):
            os.listdir(path)  # a folder reaches here only when it could not be listed
            raise IngestError(path, "is a folder, not a document")
        if not stat.S_ISREG(info.st_mode):
            raise IngestError(path, f"not a regular file ({_file_kind(info.st_mode)})")
        if info.st_size > max_bytes:
            raise IngestError(
                path, f"file is {info.st_size} bytes, over the limit of {max_bytes} bytes"
            )
        with path.open("rb") as handle:
            data = handle.read(max_bytes + 1)
    except OSError as exc:
        raise IngestError(path, f"cannot read file: {exc.strerror or exc}") from exc
    if len(data) > max_bytes:
        raise IngestError(path, f"file is over the limit of {max_bytes} bytes")
    return data


def _file_kind(mode: int) -> str:
    for test, kind in (
        (stat.S_ISFIFO, "a named pipe"),
        (stat.S_ISCHR, "a character device"),
        (stat.S_ISBLK, "a block device"),
        (stat.S_ISSOCK, "a socket"),
    ):
        if test(mode):
            return kind
    return "a special file"


def _refuse_nul(path: Path, text: str) -> None:
    """NUL anywhere, not only in the first bytes: PostgreSQL cannot store it in text, so both
    databases refuse the document rather than only one of them."""
    offset = text.find("\x00")
    if offset >= 0:
        raise IngestError(path, f"contains a NUL character (at character {offset})")


def decode_bytes(path: Path, data: bytes) -> tuple[str, str]:
    """Decode by BOM, then UTF-8, then Windows-1252; refuse binary data."""
    if not data.strip():
        raise IngestError(path, "file is empty")
    for bom, encoding in (
        (codecs.BOM_UTF8, "utf-8-sig"),
        (codecs.BOM_UTF16_LE, "utf-16"),
        (codecs.BOM_UTF16_BE, "utf-16"),
    ):
        if data.startswith(bom):
            try:
                return _refuse_binary(path, data.decode(encoding)), encoding
            except UnicodeDecodeError as exc:
                raise IngestError(path, f"not valid {encoding}: {exc.reason}") from exc
    if b"\x00" in data:
        raise IngestError(path, "binary file (contains NUL bytes), not a text document")
    try:
        return _refuse_binary(path, data.decode("utf-8")), "utf-8"
    except UnicodeDecodeError:
        pass
    try:
        return _refuse_binary(path, data.decode("cp1252")), "cp1252"
    except UnicodeDecodeError as exc:
        raise IngestError(
            path, "cannot decode text: not UTF-8, UTF-16 with BOM or Windows-1252"
        ) from exc


def _refuse_binary(path: Path, text: str) -> str:
    controls = sum(1 for ch in text[:4096] if ord(ch) in _CONTROL)
    if controls > max(2, len(text[:4096]) // 100):
        raise IngestError(path, "binary file (control characters), not a text document")
    return text


def normalise_newlines(text: str) -> str:
    return text.replace("\r\n", "\n").replace("\r", "\n")


def read_sidecar(path: Path, max_bytes: int) -> dict[str, Any]:
    """Metadata that wins over guesses: `NAME.meta.json` beside `NAME.txt` (or `.pdf`...)."""
    sidecar = path.with_name(path.stem + ".meta.json")
    if not sidecar.exists():
        return {}
    data = read_capped(sidecar, max_bytes)
    try:
        meta = json.loads(data.decode("utf-8"))
    except (UnicodeDecodeError, json.JSONDecodeError, RecursionError) as exc:
        raise IngestError(sidecar, f"unreadable metadata sidecar: {exc}") from exc
    if not isinstance(meta, dict):
        raise IngestError(sidecar, "metadata sidecar must hold a JSON object")
    problems = sidecar_problems(meta)
    if problems:
        raise IngestError(sidecar, "wrong metadata: " + "; ".join(problems))
    return meta


def expand_paths(paths: list[Path]) -> tuple[list[Path], list[Path]]:
    """Files to ingest and files skipped: folders contribute their documents of every
    supported type (`formats.FORMATS`); `formats.skip_reason` says why the rest are skipped.

    A folder that cannot be listed is returned as a document, so that reading it reports why.
    """
    documents: list[Path] = []
    skipped: list[Path] = []
    for path in paths:
        if not _is_dir(path):
            documents.append(path)
            continue
        files, unreadable = _walk(path)
        documents.extend(unreadable)
        for child in files:
            if child.name.endswith(".meta.json"):
                continue
            (documents if child.suffix.lower() in DOCUMENT_SUFFIXES else skipped).append(child)
    return documents, skipped


def _is_dir(path: Path) -> bool:
    try:
        return path.is_dir()
    except OSError:  # its parent cannot be searched: reading it will say so
        return False


def _walk(folder: Path) -> tuple[list[Path], list[Path]]:
    """Files under a folder, in order, and the folders below it that could not be listed."""
    unreadable: list[Path] = []

    def failed(exc: OSError) -> None:
        unreadable.append(Path(exc.filename or folder))

    files = [
        Path(root) / name for root, _, names in os.walk(folder, onerror=failed) for name in names
    ]
    return sorted(p for p in files if p.is_file()), sorted(unreadable)
