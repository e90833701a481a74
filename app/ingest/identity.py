"""Which stored document a file is a version of, and which bytes count as the same text.

A document is identified by its URL when it has one (a corrected article keeps its address),
else by where it came from (the absolute path of a file; uploads name a path too). The URL is
compared normalised: scheme and host are case-insensitive and a fragment names a place in the
page, not another page. Path and query stay as written: servers may treat their case as
meaningful.

The content hash ignores what an editor or a copy adds without changing a word: trailing
spaces and tabs on lines, blank lines at the end, and the newline style (the loader turns
CRLF and CR into LF before hashing). The stored text stays exactly as given.
"""

from __future__ import annotations

import hashlib
import json
from pathlib import Path
from typing import Any
from urllib.parse import urlsplit, urlunsplit

IDENTITY_CHARS = 1000  # Document.identity; longer keys keep their start and their hash
LEGACY_PREFIX = "name:"  # documents stored before identities: the file name (migration 0007)


def normalise_url(url: str) -> str:
    """'HTTPS://Example.COM/a#top' -> 'https://example.com/a'."""
    parts = urlsplit(url.strip())
    return urlunsplit((parts.scheme.lower(), parts.netloc.lower(), parts.path, parts.query, ""))


def document_identities(url: str | None, path: Path) -> tuple[str, ...]:
    """The identities to look a document up by, the one it is stored under first: its URL,
    then its source path, then the file name a document stored before identities carries."""
    by_path = _bounded(f"path:{_absolute(path)}")
    legacy = _bounded(f"{LEGACY_PREFIX}{path.name}")
    if url and url.strip():
        return (_bounded(f"url:{normalise_url(url)}"), by_path, legacy)
    return (by_path, legacy)


def _absolute(path: Path) -> str:
    try:
        return str(path.resolve())
    except (OSError, RuntimeError):  # a symlink loop: the path as given, made absolute
        return str(path.absolute())


def _bounded(identity: str) -> str:
    if len(identity) <= IDENTITY_CHARS:
        return identity
    digest = hashlib.sha256(identity.encode("utf-8", "surrogatepass")).hexdigest()
    return f"{identity[: IDENTITY_CHARS - 72]}#sha256:{digest}"


def content_sha256(text: str) -> str:
    """sha256 of the text with trailing whitespace on each line and at the end dropped."""
    lines = [line.rstrip() for line in text.split("\n")]
    return hashlib.sha256("\n".join(lines).rstrip().encode("utf-8")).hexdigest()


def sidecar_sha256(meta: dict[str, Any]) -> str:
    """sha256 of the sidecar's fields, in key order, blanks dropped: a changed sidecar is a
    metadata update, an identical one (however formatted) is nothing."""
    fields = {k: v for k, v in meta.items() if v not in (None, "")}
    canonical = json.dumps(fields, sort_keys=True, ensure_ascii=False, default=str)
    return hashlib.sha256(canonical.encode("utf-8")).hexdigest()
