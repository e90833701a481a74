"""The TypeScript client in clients/typescript/ is a package a frontend can use as shipped.

- `src/schema.d.ts` is committed, and must be what openapi-typescript makes of the app's
  OpenAPI document today (a changed API without regenerated types fails here);
- `src/usage.ts` and the client type-check under strict settings, and `usage.ts`'s
  `@ts-expect-error` lines fail the compile if the types turn vague (`any`);
- the built client calls every endpoint of a live server mounted under a path prefix, and
  every request stays under that prefix.

Node dependencies are installed here (`npm ci`) when missing. Without node and npm the tests
skip locally, but fail when CI is set: in CI the check must run.
"""

from __future__ import annotations

import json
import os
import re
import shutil
import subprocess
from collections.abc import Iterator
from pathlib import Path
from typing import Any
from urllib.parse import urlsplit

import pytest
from sqlalchemy import Engine
from starlette.applications import Starlette
from starlette.routing import Mount

from app.main import create_app
from app.settings import Settings
from tests.live import serving

ROOT = Path(__file__).resolve().parents[2]
CLIENT = ROOT / "clients" / "typescript"
BIN = CLIENT / "node_modules" / ".bin"
PREFIX = "/newsroom/ontherecord"
SPEC: dict[str, Any] = create_app(Settings(database_url="sqlite://")).openapi()


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
        message = "node and npm are needed to check the TypeScript client"
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


def test_committed_types_match_the_api(node_tools: Path, tmp_path: Path) -> None:
    document = tmp_path / "openapi.json"
    document.write_text(json.dumps(SPEC))
    fresh = tmp_path / "schema.d.ts"
    result = _run([str(node_tools / "openapi-typescript"), str(document), "-o", str(fresh)], ROOT)
    _require(result, "openapi-typescript")
    committed = CLIENT / "src" / "schema.d.ts"
    assert committed.read_text() == fresh.read_text(), (
        "clients/typescript/src/schema.d.ts is out of date: run `make client-types`"
    )


def test_typed_client_compiles(node_tools: Path) -> None:
    text = (CLIENT / "src" / "schema.d.ts").read_text()
    assert "QuotePage" in text and '"application/problem+json"' in text
    result = _run([str(node_tools / "tsc"), "--noEmit", "-p", str(CLIENT)], ROOT)
    _require(result, "tsc --noEmit")


def test_client_would_not_compile_against_vague_types(node_tools: Path, tmp_path: Path) -> None:
    """With every generated type `any`, usage.ts's `@ts-expect-error` lines must fail."""
    (tmp_path / "src").mkdir()
    shutil.copy(CLIENT / "tsconfig.json", tmp_path / "tsconfig.json")
    for name in ("usage.ts", "client.ts"):
        shutil.copy(CLIENT / "src" / name, tmp_path / "src" / name)
    (tmp_path / "src" / "schema.d.ts").write_text(
        "export type paths = any;\nexport type components = any;\nexport type operations = any;\n"
    )
    result = _run([str(node_tools / "tsc"), "--noEmit", "-p", str(tmp_path)], tmp_path)
    assert result.returncode != 0, "usage.ts compiles even when the schema types are `any`"
    assert "TS2578" in result.stdout, result.stdout  # Unused '@ts-expect-error' directive


def test_client_has_a_method_for_every_endpoint() -> None:
    source = (CLIENT / "src" / "client.ts").read_text()
    called = set(re.findall(r'get<\w+>\(\s*[`"]([^`"?]+)', source))
    called |= set(re.findall(r'write<\w+>\(\s*"\w+",\s*[`"]([^`"?]+)', source))
    called |= set(re.findall(r'request\("([^"]+)"', source))
    templated = {re.sub(r"\$\{segment\(\w+\)\}", "{}", path) for path in called}
    expected = {re.sub(r"\{[^}]+\}", "{}", path) for path in SPEC["paths"]}
    assert expected <= templated, f"no client method for {sorted(expected - templated)}"


@pytest.fixture(scope="module")
def prefixed_server(seeded_engine: Engine) -> Iterator[str]:
    """The API mounted under a path prefix, as behind a newsroom's reverse proxy."""
    api = create_app(Settings(database_url=seeded_engine.url.render_as_string(False)))
    with serving(Starlette(routes=[Mount(PREFIX, app=api)])) as base:
        yield base + PREFIX


@pytest.mark.parametrize("seeded_engine", ["sqlite"], indirect=True)
def test_built_client_calls_every_endpoint_under_a_path_prefix(
    node_tools: Path, prefixed_server: str, tmp_path: Path
) -> None:
    dist = tmp_path / "dist"
    build = [str(node_tools / "tsc"), "-p", "tsconfig.build.json", "--outDir", str(dist)]
    _require(_run(build, CLIENT), "tsc build")
    script = CLIENT / "test" / "every-endpoint.mjs"
    result = _run(["node", str(script), prefixed_server, str(dist)], CLIENT, timeout=120)
    _require(result, "node every-endpoint.mjs")
    out = json.loads(result.stdout)
    assert out["firstQuote"]["speaker"] == "John Kerry"
    assert "speaker 'Kerry' matched John Kerry" in out["interpreted"]
    assert out["allKerry"] == sorted(out["allKerry"]) and len(out["allKerry"]) > 5  # paged
    assert out["csvHeader"].lstrip("\ufeff").startswith("id,")
    assert out["ndjsonLines"] == len(out["allKerry"])
    assert out["speaker"] == "John Kerry" and out["speakerBySlug"] and out["health"] == "ok"
    assert out["problem"] == {"status": 404, "type": "/problems/not-found"}
    # Without a key every write reaches its endpoint and is refused with a 401 problem.
    assert set(out["writes"].values()) == {"401 /problems/unauthorized"}, out["writes"]
    paths = {urlsplit(url).path for url in out["fetched"]}
    assert all(path.startswith(PREFIX + "/") for path in paths), paths
    templates = {
        re.sub(r"/(\d+|john-kerry|Kerry)(?=/|$)", "/{}", p.removeprefix(PREFIX)) for p in paths
    }
    expected = {re.sub(r"\{[^}]+\}", "{}", path) for path in SPEC["paths"]}
    assert templates == expected
