"""A frontend gets precise TypeScript types from the OpenAPI document.

The app's document is turned into `clients/typescript/src/schema.d.ts` by openapi-typescript,
and `clients/typescript/src/usage.ts`, a typed client, must pass `tsc --noEmit` under strict
settings. Its `@ts-expect-error` lines fail the compile if the types turn vague (`any`).

Node dependencies are installed here (`npm ci`) when missing. Without node and npm the tests
skip locally, but fail when CI is set: in CI the check must run.
"""

from __future__ import annotations

import json
import os
import shutil
import subprocess
from pathlib import Path

import pytest

from app.main import create_app
from app.settings import Settings

ROOT = Path(__file__).resolve().parents[2]
CLIENT = ROOT / "clients" / "typescript"
BIN = CLIENT / "node_modules" / ".bin"


def _run(command: list[str], cwd: Path, timeout: int = 300) -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        command, cwd=cwd, capture_output=True, text=True, timeout=timeout, check=False
    )


def _require(result: subprocess.CompletedProcess[str], what: str) -> None:
    assert result.returncode == 0, (
        f"{what} failed (exit {result.returncode}):\n{result.stdout}\n{result.stderr}"
    )


@pytest.fixture(scope="module")
def node_tools() -> Path:
    """The client's node_modules/.bin, installed from package-lock.json when missing."""
    if not (shutil.which("node") and shutil.which("npm")):
        message = "node and npm are needed to type-check the TypeScript client"
        if os.environ.get("CI"):
            pytest.fail(f"CI is set but {message}")
        pytest.skip(message)
    lock = CLIENT / "package-lock.json"
    installed = CLIENT / "node_modules" / ".package-lock.json"
    stale = not installed.exists() or installed.stat().st_mtime < lock.stat().st_mtime
    if stale or not (BIN / "tsc").exists() or not (BIN / "openapi-typescript").exists():
        npm = shutil.which("npm") or "npm"
        _require(_run([npm, "ci", "--no-audit", "--no-fund"], CLIENT, timeout=600), "npm ci")
    return BIN


@pytest.fixture(scope="module")
def generated_schema(node_tools: Path, tmp_path_factory: pytest.TempPathFactory) -> Path:
    """The app's OpenAPI document as TypeScript, where usage.ts imports it from."""
    document = tmp_path_factory.mktemp("openapi") / "openapi.json"
    document.write_text(json.dumps(create_app(Settings(database_url="sqlite://")).openapi()))
    target = CLIENT / "src" / "schema.d.ts"
    result = _run([str(node_tools / "openapi-typescript"), str(document), "-o", str(target)], ROOT)
    _require(result, "openapi-typescript")
    return target


def test_typed_client_compiles(node_tools: Path, generated_schema: Path) -> None:
    text = generated_schema.read_text()
    assert "QuotePage" in text and '"application/problem+json"' in text
    result = _run([str(node_tools / "tsc"), "--noEmit", "-p", str(CLIENT)], ROOT)
    _require(result, "tsc --noEmit")


def test_client_would_not_compile_against_vague_types(node_tools: Path, tmp_path: Path) -> None:
    """With every generated type `any`, usage.ts's `@ts-expect-error` lines must fail."""
    (tmp_path / "src").mkdir()
    shutil.copy(CLIENT / "tsconfig.json", tmp_path / "tsconfig.json")
    shutil.copy(CLIENT / "src" / "usage.ts", tmp_path / "src" / "usage.ts")
    (tmp_path / "src" / "schema.d.ts").write_text(
        "export type paths = any;\nexport type components = any;\nexport type operations = any;\n"
    )
    result = _run([str(node_tools / "tsc"), "--noEmit", "-p", str(tmp_path)], tmp_path)
    assert result.returncode != 0, "usage.ts compiles even when the schema types are `any`"
    assert "TS2578" in result.stdout, result.stdout  # Unused '@ts-expect-error' directive
