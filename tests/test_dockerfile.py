"""The image as deployed: never root, a regular install, data in a volume, a health check.

No Docker daemon runs where the tests do, so the Dockerfile's instructions are read and held to
these rules; a change that drops one of them fails here.
"""

from __future__ import annotations

import re
from pathlib import Path

DOCKERFILE = Path(__file__).resolve().parents[1] / "Dockerfile"


def _instructions() -> list[tuple[str, str]]:
    text = re.sub(r"\\\n\s*", " ", DOCKERFILE.read_text(encoding="utf-8"))
    lines = [line.strip() for line in text.splitlines()]
    return [
        (line.split(None, 1)[0].upper(), line.split(None, 1)[1] if " " in line else "")
        for line in lines
        if line and not line.startswith("#")
    ]


def test_the_server_runs_as_an_unprivileged_user() -> None:
    instructions = _instructions()
    users = [(i, arg) for i, (op, arg) in enumerate(instructions) if op == "USER"]
    assert users, "no USER: the container would run as root"
    last_user = users[-1][1].split(":")[0]
    assert last_user not in ("root", "0")
    cmd = max(i for i, (op, _) in enumerate(instructions) if op == "CMD")
    assert users[-1][0] < cmd


def test_the_package_is_installed_regularly_not_editable() -> None:
    runs = " ".join(arg for op, arg in _instructions() if op == "RUN")
    assert re.search(r"pip install (--\S+ )*\.(\s|$|&)", runs)
    assert " -e " not in runs and "--editable" not in runs


def test_sqlite_data_lives_in_a_volume_the_user_owns() -> None:
    instructions = _instructions()
    volumes = " ".join(arg for op, arg in instructions if op == "VOLUME")
    env = " ".join(arg for op, arg in instructions if op == "ENV")
    assert "/data" in volumes
    assert "DATABASE_URL=sqlite:////data/" in env
    assert any("chown" in arg and "/data" in arg for op, arg in instructions if op == "RUN")


def test_a_health_check_polls_the_health_endpoint() -> None:
    checks = [arg for op, arg in _instructions() if op == "HEALTHCHECK"]
    assert len(checks) == 1
    assert "/health" in checks[0] and "--timeout" in checks[0]
