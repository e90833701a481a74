"""Time the front door's pages over the seed archive: what a journalist waits for.

Builds a throwaway SQLite database with the real migrations, the shipped directory and the
seeds, then requests each page through the app (no network) and reports p50 and p95.

Run: .venv/bin/python benchmarks/search_page.py [--repeat 30]
"""

from __future__ import annotations

import argparse
import os
import statistics
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

from fastapi.testclient import TestClient  # noqa: E402
from typer.testing import CliRunner  # noqa: E402

from app.cli import app as cli  # noqa: E402
from app.main import create_app  # noqa: E402
from app.settings import Settings, get_settings  # noqa: E402

PAGES = [
    "/?speaker=Kerry&topic=Assad",
    "/?q=sanctions",
    "/",
    "/source/1?quote=9",
    "/speaker/john-kerry",
    "/quotes.atom?topic=Assad",
    "/quotes?speaker=Kerry&topic=Assad",  # the JSON API, for comparison
]


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--repeat", type=int, default=30)
    args = parser.parse_args()
    with tempfile.TemporaryDirectory() as tmp:
        url = f"sqlite:///{tmp}/bench.db"
        os.environ["DATABASE_URL"] = url
        get_settings.cache_clear()
        result = CliRunner().invoke(cli, ["setup", "--seeds", str(ROOT / "seeds")])
        assert result.exit_code == 0, result.output
        client = TestClient(create_app(Settings(database_url=url)))
        print(f"{'page':40} {'p50 ms':>8} {'p95 ms':>8}")
        for page in PAGES:
            assert client.get(page).status_code == 200, page
            times = []
            for _ in range(args.repeat):
                start = time.perf_counter()
                client.get(page)
                times.append((time.perf_counter() - start) * 1000)
            times.sort()
            p95 = times[int(len(times) * 0.95) - 1]
            print(f"{page:40} {statistics.median(times):8.1f} {p95:8.1f}")


if __name__ == "__main__":
    main()
