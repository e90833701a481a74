"""Refuse a PDF whose compressed streams inflate past a bound, before pdfminer inflates them.

pdfminer.six decompresses a Flate stream whole, with no cap: 5 MB of zeros compress to about
5 KB, so a file under MAX_DOCUMENT_BYTES can ask for gigabytes of memory. Each Flate stream
that is not an image (pdfminer never decodes those for text) is inflated here in bounded
steps, and the file is refused once the total passes MAX_INFLATED_BYTES.
"""

from __future__ import annotations

import re
import zlib
from pathlib import Path

from app.ingest.errors import IngestError

# Far above the text of MAX_PAGES dense pages (~5 KB of content stream a page, with fonts).
MAX_INFLATED_BYTES = 200_000_000
_STREAM = re.compile(rb"stream\r?\n")
_OBJECT = re.compile(rb"\d+\s+\d+\s+obj\b")


def refuse_bombs(path: Path, data: bytes) -> None:
    """Raise IngestError when the file's Flate streams inflate past MAX_INFLATED_BYTES."""
    budget = MAX_INFLATED_BYTES
    for match in _STREAM.finditer(data):
        start = match.end()
        dictionary = _dictionary_before(data, match.start())
        if b"/FlateDecode" not in dictionary or b"/Image" in dictionary:
            continue
        end = data.find(b"endstream", start)
        budget -= _inflated_size(data[start : end if end >= 0 else len(data)], budget + 1)
        if budget < 0:
            raise IngestError(
                path,
                f"PDF content inflates to over {MAX_INFLATED_BYTES} bytes "
                "(a decompression bomb?): refused",
            )


def _dictionary_before(data: bytes, stream_at: int) -> bytes:
    """The object header and dictionary in front of a `stream` keyword."""
    window = data[max(0, stream_at - 4096) : stream_at]
    headers = list(_OBJECT.finditer(window))
    return window[headers[-1].start() :] if headers else window


def _inflated_size(compressed: bytes, limit: int) -> int:
    """Bytes the stream inflates to, counting no further than `limit`."""
    inflater = zlib.decompressobj()
    size = 0
    chunk = compressed
    try:
        while chunk and size < limit:
            size += len(inflater.decompress(chunk, 1 << 20))
            chunk = inflater.unconsumed_tail
    except zlib.error:
        return size  # damaged or not Flate after all: pdfminer will report it
    return size
