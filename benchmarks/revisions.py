"""What a revision costs next to a first ingest: the seed transcript 001 (28 quotes) in a
fresh SQLite archive holding the other seeds, then the identical file again, then the file
with one word of one quote changed (a revision: 27 ids kept, 1 retired, 1 added).

Median wall-clock seconds over `--repeat` fresh archives. A revision re-resolves every quote
of the document (speakers, event, topics, matches, verdicts), so it should cost about what
a first ingest does; an identical file is one indexed read.

Run: .venv/bin/python benchmarks/revisions.py [--repeat 5]
"""

from __future__ import annotations

import argparse
import shutil
import statistics
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

from app.db.migrate import upgrade  # noqa: E402
from app.db.session import make_engine, make_session_factory  # noqa: E402
from app.ingest.pipeline import ingest_paths  # noqa: E402

MAX_BYTES = 5_000_000


def _timed(factory: object, path: Path, expected: str, note: str = "") -> float:
    start = time.perf_counter()
    report = ingest_paths(factory, [path], MAX_BYTES)  # type: ignore[arg-type]
    elapsed = time.perf_counter() - start
    assert report.files[0].status == expected, report.as_json()
    assert note in (report.files[0].notes or ("",))[0], report.files[0].notes
    return elapsed


def one_run(folder: Path) -> tuple[float, float, float]:
    url = f"sqlite:///{folder / 'bench.db'}"
    upgrade(url)
    factory = make_session_factory(make_engine(url))
    others = folder / "others"
    others.mkdir()
    for seed in sorted((ROOT / "seeds").glob("*.txt")):
        if not seed.name.startswith("001_"):
            shutil.copy(seed, others)
    ingest_paths(factory, [others], MAX_BYTES)
    target = folder / "001.txt"
    text = next((ROOT / "seeds").glob("001_*")).read_text(encoding="utf-8")
    target.write_text(text, encoding="utf-8")
    first = _timed(factory, target, "ingested")
    same = _timed(factory, target, "unchanged")
    target.write_text(text.replace("Boston Marathon", "Boston marathon race", 1), encoding="utf-8")
    revised = _timed(factory, target, "revised", "27 quotes kept, 1 added, 1 retired")
    return first, same, revised


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--repeat", type=int, default=5)
    args = parser.parse_args()
    runs = []
    for _ in range(args.repeat):
        with tempfile.TemporaryDirectory() as tmp:
            runs.append(one_run(Path(tmp)))
    for label, values in zip(
        ("first ingest", "identical", "revision"), zip(*runs, strict=True), strict=True
    ):
        print(f"{label:13} median {statistics.median(values):.3f} s  (runs: {len(values)})")


if __name__ == "__main__":
    main()
