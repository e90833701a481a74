"""pypdf or pdfminer.six for PDF transcripts: which keeps paragraphs and turn labels.

Twice: with a blank line's worth of space between paragraphs, and with none (some offices
set turns line after line).
Each transcript seed is typeset as an official transcript PDF (tests/ingest/pdf_maker.py:
running header, page numbers, wrapped and hyphenated lines, paragraphs across pages), then
read back four ways: pypdf's `extract_text()` (plain and layout mode), pdfminer.six's
`extract_text()`, and this project's reader (pdfminer.six lines + `formats.pdf_layout`).
For each: paragraphs of the text version that begin a blank-line separated block, found
whole (lines re-flowed), turn labels at the start of a line,
transcript turns (speaker and words) identical to the text version's, and seconds a page.

pypdf is not a dependency of the project: `pip install pypdf` to include it.
Run: .venv/bin/python benchmarks/pdf_extractors.py
"""

from __future__ import annotations

import io
import sys
import time
from collections.abc import Callable
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

from app.ingest.formats.pdf import extract_pdf  # noqa: E402
from app.ingest.loader import LoadedDocument  # noqa: E402
from app.ingest.parse import parse_document  # noqa: E402
from app.nlp.transcript import find_labels  # noqa: E402
from tests.ingest.pdf_maker import transcript_pdf  # noqa: E402

SEEDS = [ROOT / "seeds" / "000_f2be9307d54a56c7.txt", ROOT / "seeds" / "001_1b4245d2267ffe21.txt"]


def _pypdf(layout: bool) -> Callable[[bytes], str]:
    def read(data: bytes) -> str:
        import pypdf

        mode = "layout" if layout else "plain"
        pages = pypdf.PdfReader(io.BytesIO(data)).pages
        return "\n\n".join(page.extract_text(extraction_mode=mode) for page in pages)

    return read


def _pdfminer(data: bytes) -> str:
    from pdfminer.high_level import extract_text

    return extract_text(io.BytesIO(data))


def _ours(data: bytes) -> str:
    return extract_pdf(Path("t.pdf"), data).text


def _turns(text: str) -> list[tuple[str | None, str]]:
    loaded = LoadedDocument(Path("t.txt"), text, "0" * 64, "utf-8", {"genre": "transcript"})
    return [
        (q.statement.claim and q.statement.claim.name, q.statement.text)
        for q in parse_document(loaded).quotes
    ]


def measure(name: str, read: Callable[[bytes], str], gap: float) -> dict[str, object]:
    found = starts = paragraphs = labels = labels_expected = same = turns = pages = 0
    seconds = 0.0
    for seed in SEEDS:
        plain = seed.read_text(encoding="utf-8")
        expected = [p.strip("\n") for p in plain.split("\n\n") if p.strip()]
        data = transcript_pdf(expected, gap=gap)
        pages += data.count(b"/Type /Page\n")
        started = time.perf_counter()
        text = read(data)
        seconds += time.perf_counter() - started
        got = {p.strip("\n") for p in text.replace("\x0c", "").split("\n\n")}
        found += sum(p in got for p in expected)
        blocks = [" ".join(p.split()) for p in text.replace("\x0c", "").split("\n\n")]
        starts += sum(any(b.startswith(" ".join(p.split())[:40]) for b in blocks) for p in expected)
        paragraphs += len(expected)
        labels += len(find_labels(text))
        labels_expected += len(find_labels("\n\n".join(expected)))
        want, have = _turns("\n\n".join(expected) + "\n"), _turns(text)
        same += (
            sum(a == b for a, b in zip(want, have, strict=False)) if len(want) == len(have) else 0
        )
        turns += len(want)
    return {
        "reader": name,
        "space between paragraphs (mm)": gap,
        "paragraph breaks kept": f"{starts}/{paragraphs}",
        "paragraphs whole": f"{found}/{paragraphs}",
        "labels at line start": f"{labels}/{labels_expected}",
        "turns identical": f"{same}/{turns}",
        "s/page": round(seconds / max(pages, 1), 4),
    }


def main() -> None:
    readers: list[tuple[str, Callable[[bytes], str]]] = []
    try:
        import pypdf  # noqa: F401

        readers += [("pypdf plain", _pypdf(False)), ("pypdf layout", _pypdf(True))]
    except ImportError:
        print("pypdf not installed: skipped")
    readers += [("pdfminer.six extract_text", _pdfminer), ("this project", _ours)]
    for gap in (5.5, 0.0):  # a blank line's worth of space; none (turns line after line)
        for name, read in readers:
            print(measure(name, read, gap))


if __name__ == "__main__":
    main()
