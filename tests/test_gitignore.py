"""`make run` leaves the working tree clean: what SQLite and the tools write is ignored."""

from __future__ import annotations

import shutil
import subprocess

import pytest

from tests.support import ROOT


@pytest.mark.parametrize(
    "path",
    ["ontherecord.db", "ontherecord.db-shm", "ontherecord.db-wal", "ontherecord.db-journal"],
)
def test_sqlite_files_are_ignored(path: str) -> None:
    if shutil.which("git") is None or not (ROOT / ".git").exists():
        pytest.skip("not a git checkout")
    result = subprocess.run(
        ["git", "check-ignore", "--no-index", "-q", path], cwd=ROOT, check=False
    )
    assert result.returncode == 0, f"{path} is not in .gitignore"
