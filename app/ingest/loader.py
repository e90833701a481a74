"""Bytes on disk -> document text, or a clear reason why not."""

from __future__ import annotations

import codecs
import hashlib
import json
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

DOCUMENT_SUFFIXES = (".txt", ".md")

# Control characters other than tab/newline/carriage return/form feed: their presence
# (beyond a handful) marks a binary file that merely happens to decode.
_CONTROL = {c for c in range(32) if c not in (9, 10, 12, 13)}


class IngestError(Exception):
    """A file that cannot become a document; the message names the reason."""

    def __init__(self, path: Path, reason: str) -> None:
        super().__init__(f"{path}: {reason}")
        self.path = path
        self.reason = reason


@dataclass(frozen=True)
class LoadedDocument:
    path: Path
    text: str
    sha256: str
    encoding: str
    meta: dict[str, Any] = field(default_factory=dict)


def read_document(path: Path, max_bytes: int) -> LoadedDocument:
    """Read a file and its optional `NAME.meta.json` sidecar; raise IngestError when unusable."""
    try:
        size = path.stat().st_size
        if size > max_bytes:
            raise IngestError(path, f"file is {size} bytes, over the limit of {max_bytes} bytes")
        data = path.read_bytes()
    except OSError as exc:
        raise IngestError(path, f"cannot read file: {exc.strerror or exc}") from exc
    text, encoding = decode_bytes(path, data)
    text = normalise_newlines(text)
    if not text.strip():
        raise IngestError(path, "file is empty")
    digest = hashlib.sha256(text.encode("utf-8")).hexdigest()
    return LoadedDocument(path, text, digest, encoding, read_sidecar(path))


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


def read_sidecar(path: Path) -> dict[str, Any]:
    """Metadata that wins over guesses: `NAME.meta.json` beside `NAME.txt`."""
    sidecar = path.with_name(path.stem + ".meta.json")
    if not sidecar.is_file():
        return {}
    try:
        meta = json.loads(sidecar.read_text(encoding="utf-8"))
    except (OSError, UnicodeDecodeError, json.JSONDecodeError) as exc:
        raise IngestError(sidecar, f"unreadable metadata sidecar: {exc}") from exc
    if not isinstance(meta, dict):
        raise IngestError(sidecar, "metadata sidecar must hold a JSON object")
    return meta


def expand_paths(paths: list[Path]) -> tuple[list[Path], list[Path]]:
    """Files to ingest and files skipped: folders contribute their `.txt`/`.md` documents."""
    documents: list[Path] = []
    skipped: list[Path] = []
    for path in paths:
        if path.is_dir():
            for child in sorted(p for p in path.rglob("*") if p.is_file()):
                if child.name.endswith(".meta.json"):
                    continue
                (documents if child.suffix.lower() in DOCUMENT_SUFFIXES else skipped).append(child)
        else:
            documents.append(path)
    return documents, skipped
