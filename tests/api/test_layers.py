"""The web framework stays in `app/api`, `app/web` and `app/main.py`; response models know no
ORM; the API and the pages reach the database only through services.

Domain errors and services are used by the CLI and scripts too: importing FastAPI there would
tie every caller to the web layer.
"""

from __future__ import annotations

import ast
from pathlib import Path

import pytest

APP = Path(__file__).resolve().parents[2] / "app"
WEB = ("fastapi", "starlette")


def _imports(path: Path) -> set[str]:
    found: set[str] = set()
    for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
        if isinstance(node, ast.Import):
            found |= {alias.name for alias in node.names}
        elif isinstance(node, ast.ImportFrom) and node.module:
            found.add(node.module)
    return found


def _modules(*parts: str) -> list[Path]:
    target = APP.joinpath(*parts)
    return [target] if target.suffix == ".py" else sorted(target.rglob("*.py"))


@pytest.mark.parametrize("path", [*_modules("errors.py"), *_modules("services")], ids=str)
def test_errors_and_services_do_not_import_the_web_framework(path: Path) -> None:
    assert not {m for m in _imports(path) if m.split(".")[0] in WEB}


@pytest.mark.parametrize("path", _modules("schemas"), ids=str)
def test_schemas_import_no_orm(path: Path) -> None:
    assert not {m for m in _imports(path) if m.startswith(("app.db", "sqlalchemy"))}


@pytest.mark.parametrize("path", [*_modules("api"), *_modules("web")], ids=str)
def test_api_reaches_the_database_only_through_services(path: Path) -> None:
    assert not {m for m in _imports(path) if m.startswith(("app.db", "app.ingest"))}
