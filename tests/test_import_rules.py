"""Imports flow one way: file -> ingest (parse, then write) -> rows; rows -> services -> api.

`nlp` is pure text rules; `services` only read, so they never import the ingest or write side;
`write` is used by ingestion and corrections and knows nothing of either; the parse step
imports no SQL layer, so parsing can never happen inside a write transaction.
"""

from __future__ import annotations

import ast
from pathlib import Path

import pytest

APP = Path(__file__).resolve().parents[1] / "app"


def _imports(path: Path) -> set[str]:
    found: set[str] = set()
    for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
        if isinstance(node, ast.Import):
            found |= {alias.name for alias in node.names}
        elif isinstance(node, ast.ImportFrom) and node.module:
            found.add(node.module)
    return found


def _modules(package: str) -> list[Path]:
    return sorted((APP / package).rglob("*.py"))


def _offending(path: Path, *prefixes: str) -> set[str]:
    return {m for m in _imports(path) if m.startswith(prefixes)}


@pytest.mark.parametrize("path", _modules("nlp"), ids=str)
def test_nlp_imports_nothing_else_from_app(path: Path) -> None:
    assert not {m for m in _imports(path) if m.startswith("app.") and not m.startswith("app.nlp")}


@pytest.mark.parametrize("path", _modules("services"), ids=str)
def test_services_never_import_the_ingest_or_write_side(path: Path) -> None:
    assert not _offending(path, "app.ingest", "app.write", "app.cli")


@pytest.mark.parametrize("path", _modules("write"), ids=str)
def test_write_knows_nothing_of_ingestion_or_the_cli(path: Path) -> None:
    assert not _offending(path, "app.ingest", "app.cli", "app.api")


@pytest.mark.parametrize("module", ["parse.py", "loader.py", "metadata.py"])
def test_the_parse_step_imports_no_sql_layer(module: str) -> None:
    assert not _offending(APP / "ingest" / module, "sqlalchemy", "app.db", "app.write")
