"""Amendments to the generated OpenAPI document that FastAPI cannot express itself."""

from __future__ import annotations

from typing import Any

from fastapi import FastAPI

from app.api.problems import PROBLEM_JSON
from app.schemas import model_examples


def _problems_as_problem_json(schema: dict[str, Any]) -> None:
    """Error responses are sent as `application/problem+json`; say so instead of JSON."""
    for path in schema.get("paths", {}).values():
        for operation in path.values():
            for status, response in operation.get("responses", {}).items():
                content = response.get("content", {})
                if status[:1] in ("4", "5") and "application/json" in content:
                    moved = content.pop("application/json")
                    content[PROBLEM_JSON] = {**moved, **content.get(PROBLEM_JSON, {})}


def _restore_example_nulls(schema: dict[str, Any]) -> None:
    """FastAPI strips nulls from the whole document; examples need theirs (`next_cursor`)."""
    components = schema.get("components", {}).get("schemas", {})
    for name, examples in model_examples().items():
        if name in components:
            components[name]["examples"] = examples


def amend_openapi(app: FastAPI) -> None:
    """Wrap `app.openapi` (FastAPI's documented way to amend the document) once per app."""
    generate = app.openapi

    def openapi() -> dict[str, Any]:
        if app.openapi_schema is None:
            schema = generate()
            _problems_as_problem_json(schema)
            _restore_example_nulls(schema)
        return app.openapi_schema or generate()

    app.openapi = openapi  # type: ignore[method-assign]
