"""Quote verification at scale: long transcripts, many reports of one event, a pathological pair.

Why: every news quote is checked against the transcript of its event at ingest, so the check
must stay cheap however long the press conference and however many outlets report it. Three
measurements of the pure verifier (`app.nlp.verify`), in CPU time of one core:

1. A 30-minute press conference (about 4,500 words) and a 2-hour one (18,000 words), reported
   by many articles of 12 quotes each: per article, the index over the speaker's turns is built
   and every quote verified (what ingesting one article does).
2. The pathological pair: seed transcript 000 and seed article 002 each repeated 300 times, so
   every quote has 300 identical candidate passages.
3. The accuracy of the statuses on the held-out quotes (their edits are known).

And through the real pipeline on a SQLite file: the pathological pair ingested
in both orders, and a 30-minute briefing followed by many wire reports of it, each report's
verification timed inside its ingest (CPU time of the process, SQLite included: it runs
in-process).

    .venv/bin/python benchmarks/verify_scale.py --parts pure,accuracy,ingest-reports \\
        --output benchmarks/results/verify-scale.json
    .venv/bin/python benchmarks/verify_scale.py --parts ingest-pair [--repeat 300] \\
        [--without-matching]

Results: BENCHMARKS.md ("Quote verification").
"""

from __future__ import annotations

import argparse
import json
import platform
import random
import re
import statistics
import sys
import tempfile
import time
from collections import Counter
from collections.abc import Callable
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

from app.nlp.news import parse_news  # noqa: E402
from app.nlp.transcript import parse_transcript  # noqa: E402
from app.nlp.verify import SourceIndex, verify_quote  # noqa: E402

SEED = 16
WORDS_PER_MINUTE = 150  # a briefing pace: 30 minutes is about 4,500 words
QUOTES_PER_REPORT = 12
POOL_FILES = [
    *sorted((ROOT / "tests" / "data" / "verify").glob("*.txt")),
    ROOT / "seeds" / "000_f2be9307d54a56c7.txt",
    ROOT / "seeds" / "001_1b4245d2267ffe21.txt",
]
ELSEWHERE = "Our hospitals will get every penny they were promised last spring"
REPLACEMENTS = ["Syria", "billion", "never", "Paris", "quickly", "forty", "Geneva", "always"]


def sentence_pool() -> tuple[list[str], list[str]]:
    """Spoken sentences from real-looking transcripts, and their words (for variation)."""
    sentences: list[str] = []
    for path in POOL_FILES:
        for turn in parse_transcript(path.read_text(encoding="utf-8")).turns:
            sentences += [s for s in re.split(r"(?<=[.?!])\s+", turn.text) if len(s.split()) >= 5]
    words = sorted({w for s in sentences for w in s.split() if w.isalpha() and len(w) > 3})
    return sentences, words


def press_conference(minutes: int, rng: random.Random) -> list[str]:
    """Turns of one speaker, each sentence varied by two words so no two are identical."""
    sentences, vocabulary = sentence_pool()
    target = minutes * WORDS_PER_MINUTE
    turns: list[str] = []
    total = 0
    while total < target:
        turn = []
        for _ in range(rng.randint(3, 12)):
            words = rng.choice(sentences).split()
            for _ in range(2):
                words[rng.randrange(len(words))] = rng.choice(vocabulary)
            turn.append(" ".join(words))
        text = " ".join(turn)
        total += len(text.split())
        turns.append(text)
    return turns


def report_quotes(turns: list[str], rng: random.Random) -> list[str]:
    """Quotes as an article prints them: verbatim, cut at an ellipsis, one word changed, or
    words said somewhere else."""
    quotes = []
    for _ in range(QUOTES_PER_REPORT):
        sentences = re.split(r"(?<=[.?!])\s+", rng.choice(turns))
        start = rng.randrange(len(sentences))
        words = " ".join(sentences[start : start + rng.randint(1, 2)]).split()
        roll = rng.random()
        if roll < 0.25 and len(words) > 8:
            cut = rng.randrange(2, len(words) - 4)
            words = [*words[:cut], "…", *words[cut + rng.randint(1, 3) :]]
        elif roll < 0.5:
            words[rng.randrange(len(words))] = rng.choice(REPLACEMENTS)
        elif roll < 0.6:
            words = ELSEWHERE.split(" ")
        quotes.append(" ".join(words))
    return quotes


def timed(fn: Callable[[], Any]) -> tuple[float, Any]:
    """CPU milliseconds of one call: the machine is shared, and this work is single-threaded."""
    start = time.process_time()
    result = fn()
    return (time.process_time() - start) * 1000.0, result


def summary(values: list[float]) -> dict[str, float]:
    ordered = sorted(values)
    return {
        "p50": round(statistics.median(ordered), 2),
        "p95": round(ordered[int(0.95 * (len(ordered) - 1))], 2),
        "max": round(ordered[-1], 2),
    }


def many_reports(minutes: int, reports: int, rng: random.Random) -> dict[str, Any]:
    turns = press_conference(minutes, rng)
    per_article, per_quote, builds = [], [], []
    statuses: Counter[str] = Counter()
    for _ in range(reports):
        quotes = report_quotes(turns, rng)
        build_ms, index = timed(lambda: SourceIndex.build(enumerate(turns)))
        builds.append(build_ms)
        total = build_ms
        for quote in quotes:
            ms, result = timed(lambda q=quote, i=index: verify_quote(q, i))
            per_quote.append(ms)
            statuses[result.status] += 1
            total += ms
        per_article.append(total)
    return {
        "minutes": minutes,
        "words": sum(len(t.split()) for t in turns),
        "turns": len(turns),
        "reports": reports,
        "quotes": reports * QUOTES_PER_REPORT,
        "index_build_ms": summary(builds),
        "article_ms": summary(per_article),
        "quote_ms": summary(per_quote),
        "total_s": round(sum(per_article) / 1000.0, 2),
        "statuses": dict(statuses),
    }


def pathological_pair(repeat: int) -> dict[str, Any]:
    transcript = "\n\n".join(
        [(ROOT / "seeds" / "000_f2be9307d54a56c7.txt").read_text(encoding="utf-8")] * repeat
    )
    article = "\n\n".join(
        [(ROOT / "seeds" / "002_5f77900cc0770e53.txt").read_text(encoding="utf-8")] * repeat
    )
    parse_ms, (turns, quotes) = timed(
        lambda: (parse_transcript(transcript).turns, parse_news(article).quotes)
    )
    checked = [q for q in quotes if q.kind in ("direct", "partial") and q.speaker]
    start = time.process_time()
    statuses: Counter[str] = Counter()
    indexes: dict[str, SourceIndex] = {}
    for quote in checked:
        speaker = quote.speaker or ""
        if speaker not in indexes:
            indexes[speaker] = SourceIndex.build(
                (i, t.text) for i, t in enumerate(turns) if t.speaker == speaker
            )
        statuses[verify_quote(quote.text, indexes[speaker]).status] += 1
    verify_ms = (time.process_time() - start) * 1000.0
    return {
        "repeat": repeat,
        "transcript_words": len(transcript.split()),
        "turns": len(turns),
        "quotes_checked": len(checked),
        "parse_ms": round(parse_ms, 1),
        "verify_ms": round(verify_ms, 1),
        "per_quote_ms": round(verify_ms / max(1, len(checked)), 3),
        "statuses": dict(statuses),
    }


def accuracy() -> dict[str, Any]:
    sys.path.insert(0, str(ROOT))
    from tests.nlp.verify_cases import generated_cases, index_for, written_cases

    result = {}
    sets = {
        "written": written_cases(),
        "second": written_cases("second/quotes.json"),
        "third": written_cases("third/quotes.json"),
        "generated": generated_cases(),
    }
    for name, cases in sets.items():
        outcomes: Counter[str] = Counter()
        for case in cases:
            got = verify_quote(list(case.parts), index_for(case.transcript, case.speaker)).status
            outcomes[f"{case.expected}->{got}"] += 1
        correct = sum(n for k, n in outcomes.items() if k.split("->")[0] == k.split("->")[1])
        result[name] = {"quotes": len(cases), "correct": correct, "outcomes": dict(outcomes)}
    return result


BRIEFING_HEADER = (
    "Remarks by Foreign Secretary Alan Pike After the Vienna Talks\n\nForeign Secretary Alan "
    "Pike\nHofburg Palace\nVienna, Austria\n\nMarch 9, 2026\n\n"
)


class VerifyTimer:
    """Wraps the pipeline's verification step to time it inside each document's ingest."""

    def __init__(self) -> None:
        from app.ingest import store

        self.store = store  # the pipeline calls verification through this module
        self.original = store.verify_document
        self.calls: list[float] = []

    def __enter__(self) -> VerifyTimer:
        def timed_verify(session: Any, document: Any) -> int:
            start = time.process_time()
            try:
                return self.original(session, document)
            finally:
                self.calls.append((time.process_time() - start) * 1000.0)

        self.store.verify_document = timed_verify  # type: ignore[assignment]
        return self

    def __exit__(self, *exc: object) -> None:
        self.store.verify_document = self.original  # type: ignore[assignment]


def _fresh_database(path: Path) -> Any:
    from sqlalchemy.orm import sessionmaker

    from app.db.migrate import upgrade
    from app.db.session import make_engine

    path.unlink(missing_ok=True)
    url = f"sqlite:///{path}"
    upgrade(url)
    return sessionmaker(bind=make_engine(url))


def ingest_pathological(folder: Path, repeat: int, matching: bool = True) -> dict[str, Any]:
    from app.ingest import store
    from app.ingest.pipeline import ingest_paths

    original_matching = store.match_document_quotes
    if not matching:
        store.match_document_quotes = lambda *args: 0  # type: ignore[assignment]

    names = {"000": "transcript.txt", "002": "article.txt"}
    for prefix, name in names.items():
        text = next((ROOT / "seeds").glob(f"{prefix}_*.txt")).read_text(encoding="utf-8")
        (folder / name).write_text("\n\n".join([text] * repeat), encoding="utf-8")
    result = {}
    for order in (["transcript.txt", "article.txt"], ["article.txt", "transcript.txt"]):
        factory = _fresh_database(folder / "pair.db")
        with VerifyTimer() as timer:
            start = time.process_time()
            report = ingest_paths(factory, [folder / n for n in order], 50_000_000)
            total = time.process_time() - start
        assert not report.failed, report.as_json()
        result[" then ".join(order)] = {
            "ingest_s": round(total, 2),
            "verification_s": [round(ms / 1000.0, 2) for ms in timer.calls],
            "statuses": _stored_statuses(factory),
        }
    store.match_document_quotes = original_matching  # type: ignore[assignment]
    return {"repeat": repeat, "matching": matching, **result}


def ingest_many_reports(folder: Path, reports: int, rng: random.Random) -> dict[str, Any]:
    from app.ingest.pipeline import ingest_paths

    turns = press_conference(30, rng)
    briefing = BRIEFING_HEADER + "\n\n".join(f"FOREIGN SECRETARY PIKE: {t}" for t in turns)
    (folder / "briefing.txt").write_text(briefing, encoding="utf-8")
    paths = [folder / "briefing.txt"]
    for n in range(reports):
        quotes = [q.replace("“", "").replace("”", "") for q in report_quotes(turns, rng)]
        body = "\n\n".join(f"“{q},” Pike said." for q in quotes)
        path = folder / f"report_{n:04d}.txt"
        path.write_text(
            f"Pike on the Vienna talks\n\nVIENNA (Wire) - British Foreign Secretary Alan Pike "
            f"spoke to reporters on Monday after the talks.\n\n{body}\n",
            encoding="utf-8",
        )
        path.with_suffix(".meta.json").write_text('{"published": "2026-03-10"}', encoding="utf-8")
        paths.append(path)
    factory = _fresh_database(folder / "many.db")
    with VerifyTimer() as timer:
        report = ingest_paths(factory, paths, 50_000_000)
    assert not report.failed, report.as_json()
    per_report = timer.calls[1:]
    return {
        "briefing_words": sum(len(t.split()) for t in turns),
        "reports": reports,
        "quotes_per_report": QUOTES_PER_REPORT,
        "verify_per_report_ms": summary(per_report),
        "statuses": _stored_statuses(factory),
    }


def _stored_statuses(factory: Any) -> dict[str, int]:
    from sqlalchemy import func, select

    from app.db.models import QuoteVerification

    with factory() as session:
        rows = session.execute(
            select(QuoteVerification.status, func.count()).group_by(QuoteVerification.status)
        )
        return dict(rows.all())


PARTS = ("pure", "accuracy", "ingest-reports", "ingest-pair")


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--reports", type=int, default=200, help="articles per press conference")
    parser.add_argument("--repeat", type=int, default=300, help="copies in the pathological pair")
    parser.add_argument("--output", type=Path, help="write the figures as JSON here")
    parser.add_argument(
        "--parts", default="pure,accuracy", help=f"comma-separated, of {', '.join(PARTS)}"
    )
    parser.add_argument(
        "--without-matching",
        action="store_true",
        help="ingest-pair: switch off the older same-words matching, to see the rest alone",
    )
    args = parser.parse_args()
    parts = set(args.parts.split(","))
    rng = random.Random(SEED)
    figures: dict[str, Any] = {"machine": {"python": platform.python_version()}}
    if "pure" in parts:
        figures["press_conference_30min"] = many_reports(30, args.reports, rng)
        figures["press_conference_2h"] = many_reports(120, args.reports // 4, rng)
        figures["pathological_pair"] = pathological_pair(args.repeat)
    if "accuracy" in parts:
        figures["accuracy"] = accuracy()
    with tempfile.TemporaryDirectory() as tmp:
        if "ingest-reports" in parts:
            figures["ingest_many_reports"] = ingest_many_reports(Path(tmp), args.reports, rng)
        if "ingest-pair" in parts:
            figures["ingest_pathological_pair"] = ingest_pathological(
                Path(tmp), args.repeat, matching=not args.without_matching
            )
    text = json.dumps(figures, indent=2)
    print(text)
    if args.output:
        args.output.write_text(text + "\n", encoding="utf-8")


if __name__ == "__main__":
    main()
