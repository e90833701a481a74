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


# The order a journalist reads GET /quotes in: who, about what, which words, then the rest;
# paging last. Parameters not named here keep their order, before `limit` and `cursor`.
PARAMETER_ORDER = [
    "speaker",
    "topic",
    "q",
    "role",
    "kind",
    "date_from",
    "date_to",
    "event",
    "document",
    "topic_mode",
    "scope",
    "sort",
    "count",
    "format",
]
LAST = ["limit", "cursor"]
NULL = {"type": "null"}


def _operations(schema: dict[str, Any]) -> list[dict[str, Any]]:
    return [op for path in schema.get("paths", {}).values() for op in path.values()]


def _journalists_first(schema: dict[str, Any]) -> None:
    """Swagger lists parameters in document order; FastAPI's is the route's own parameters
    before its dependencies', which put `sort` and `format` above `speaker`."""

    def rank(parameter: dict[str, Any]) -> int:
        name = parameter["name"]
        if parameter["in"] == "path":
            return -1
        if name in LAST:
            return 100 + LAST.index(name)
        return PARAMETER_ORDER.index(name) if name in PARAMETER_ORDER else len(PARAMETER_ORDER)

    for operation in _operations(schema):
        if "parameters" in operation:
            operation["parameters"].sort(key=rank)


def _without_null(schema: dict[str, Any]) -> None:
    """`str | None = None` is an optional parameter, not one whose value may be null: Swagger
    showed `string | (string | null)`. The null branch goes; the type reads `string`."""
    options = schema.get("anyOf")
    if options and NULL in options:
        rest = [option for option in options if option != NULL]
        if len(rest) == 1:
            del schema["anyOf"]
            schema.update({**rest[0], **schema})


def _nullable_types(node: Any) -> None:
    """In models, `anyOf: [{type: string}, {type: null}]` becomes `type: [string, null]`:
    the same JSON Schema, read by Swagger as `string | null` rather than nested unions."""
    if isinstance(node, dict):
        options = node.get("anyOf")
        if isinstance(options, list) and len(options) == 2 and NULL in options:
            (other,) = [option for option in options if option != NULL]
            if isinstance(other.get("type"), str) and "$ref" not in other:
                del node["anyOf"]
                node.update({**other, "type": [other["type"], "null"], **node})
        for value in node.values():
            _nullable_types(value)
    elif isinstance(node, list):
        for value in node:
            _nullable_types(value)


def _examples_to_try(schema: dict[str, Any]) -> None:
    """Every parameter offers its real example in Swagger's "Examples" menu, but starts
    empty: a pre-filled example would be sent with the others and over-narrow the search.
    A list's new item starts empty too, not as the word `string` (typing Kerry after it
    searched for `stringKerry`)."""
    for operation in _operations(schema):
        for parameter in operation.get("parameters", []):
            if parameter["in"] == "path":
                continue
            param_schema = parameter["schema"]
            _without_null(param_schema)
            examples = param_schema.get("examples") or []
            is_list = param_schema.get("type") == "array"
            if is_list:
                param_schema["items"] = {**param_schema["items"], "default": ""}
            if not examples:
                continue
            default = param_schema.get("default")
            if default in (None, []):  # optional: start empty
                first = {"summary": "(leave empty)", "value": [] if is_list else ""}
            else:  # a default applies anyway: start from it
                first = {"summary": f"{_shown(default)} (default)", "value": default}
            parameter["examples"] = {
                "start": first,
                **{
                    f"example{i + 1}": {"summary": f"e.g. {_shown(value)}", "value": value}
                    for i, value in enumerate(examples)
                    if value != default
                },
            }


def _shown(value: Any) -> str:
    return ", ".join(map(str, value)) if isinstance(value, list) else str(value)


def amend_openapi(app: FastAPI) -> None:
    """Wrap `app.openapi` (FastAPI's documented way to amend the document) once per app."""
    generate = app.openapi

    def openapi() -> dict[str, Any]:
        if app.openapi_schema is None:
            schema = generate()
            _problems_as_problem_json(schema)
            _journalists_first(schema)
            _examples_to_try(schema)
            _nullable_types(schema.get("components", {}))
            _restore_example_nulls(schema)
        return app.openapi_schema or generate()

    app.openapi = openapi  # type: ignore[method-assign]
