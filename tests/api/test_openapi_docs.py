"""The OpenAPI document is good enough to work from without reading the code.

Journalists read /docs; frontends generate clients from /openapi.json. Every operation needs
a written summary and description, a stable operationId, an example for every parameter and
for every JSON answer, and errors documented as `application/problem+json` problems.
"""

from __future__ import annotations

from typing import Any

import jsonschema_rs
import pytest
from fastapi.routing import APIRoute

from app.main import create_app
from app.settings import Settings

APP = create_app(Settings(database_url="sqlite://"))
SPEC: dict[str, Any] = APP.openapi()
OPERATIONS = [
    pytest.param(path, method, operation, id=f"{method.upper()} {path}")
    for path, item in SPEC["paths"].items()
    for method, operation in item.items()
]


def _api_routes(routes: list[Any]) -> list[APIRoute]:
    """The app's routes, looking inside included routers."""
    found = []
    for route in routes:
        if isinstance(route, APIRoute):
            found.append(route)
        elif hasattr(route, "original_router"):
            found.extend(_api_routes(route.original_router.routes))
    return found


ROUTE_NAMES = {
    (route.path, method.lower()): route.name
    for route in _api_routes(APP.routes)
    for method in route.methods
}


def _resolve(schema: dict[str, Any]) -> dict[str, Any]:
    ref = schema.get("$ref")
    if ref is None:
        return schema
    return SPEC["components"]["schemas"][ref.rsplit("/", 1)[-1]]


def _has_example(*places: dict[str, Any]) -> bool:
    return any("example" in place or place.get("examples") for place in places)


def test_operation_ids_are_unique() -> None:
    ids = [operation["operationId"] for _, _, operation in (p.values for p in OPERATIONS)]
    assert len(ids) == len(set(ids))


@pytest.mark.parametrize(("path", "method", "operation"), OPERATIONS)
def test_operation_is_described(path: str, method: str, operation: dict[str, Any]) -> None:
    name = ROUTE_NAMES[(path, method)]
    assert operation["operationId"] == name
    # FastAPI's fallback summary is the function name in title case: a summary must be written.
    assert operation.get("summary"), f"{name} has no summary"
    assert operation["summary"] != name.replace("_", " ").title(), f"{name}: write a summary"
    assert len(operation.get("description", "")) >= 40, f"{name}: describe it for journalists"
    assert operation.get("tags"), f"{name} has no tag"


@pytest.mark.parametrize(("path", "method", "operation"), OPERATIONS)
def test_every_parameter_has_a_description_and_an_example(
    path: str, method: str, operation: dict[str, Any]
) -> None:
    for parameter in operation.get("parameters", []):
        label = f"{parameter['in']} parameter {parameter['name']}"
        assert parameter.get("description"), f"{label} has no description"
        assert _has_example(parameter, parameter.get("schema", {})), f"{label} has no example"


@pytest.mark.parametrize(("path", "method", "operation"), OPERATIONS)
def test_every_json_answer_has_an_example(
    path: str, method: str, operation: dict[str, Any]
) -> None:
    answers = {s: r for s, r in operation["responses"].items() if s.startswith("2")}
    assert answers
    for status, response in answers.items():
        media = response.get("content", {}).get("application/json")
        assert media is not None, f"{status} has no JSON body"
        schema = media.get("schema", {})
        assert _has_example(media, schema, _resolve(schema)), f"{status} has no example"


@pytest.mark.parametrize(("path", "method", "operation"), OPERATIONS)
def test_errors_are_documented_as_problems(
    path: str, method: str, operation: dict[str, Any]
) -> None:
    """Every route refuses unknown parameters (400); routes with parameters validate them
    (422); routes with an id can miss (404), a retired quote is gone (410); any may meet the
    service's limits (414 for an over-long URL, 503 when busy or too slow). Routes that need a
    key answer 401 and 403; writes may have a body over its limit (413), and an upload one of
    the wrong type (415). All are `application/problem+json`."""
    responses = operation["responses"]
    expected = {"400", "414", "503"}
    if operation.get("parameters"):
        expected.add("422")
    if any(parameter["in"] == "path" for parameter in operation.get("parameters", [])):
        expected.add("404")
    if operation["operationId"] == "health":
        expected.add("503")  # the schema is behind: run `ontherecord migrate`
    if operation["operationId"] == "get_quote":
        expected.add("410")  # a quote a later revision of its document retired
    if operation.get("security"):
        expected |= {"401", "403"}
    if method != "get":
        expected.add("413")
    if operation["operationId"] == "upload_document":
        expected.add("415")
    errors = {status for status in responses if status[0] in "45"}
    assert errors == expected
    for status in errors:
        content = responses[status]["content"]
        assert list(content) == ["application/problem+json"], f"{status}: {list(content)}"
        assert content["application/problem+json"]["schema"] == {
            "$ref": "#/components/schemas/Problem"
        }
        assert responses[status]["description"] != "Additional Response"


def _examples() -> list[Any]:
    """Every example in the document, with the schema it has to satisfy."""
    found = []
    for name, schema in SPEC["components"]["schemas"].items():
        for example in schema.get("examples", []):
            found.append(pytest.param({"$ref": f"#/components/schemas/{name}"}, example, id=name))
    for path, method, operation in (p.values for p in OPERATIONS):
        for status, response in operation["responses"].items():
            for media_type, media in response.get("content", {}).items():
                if "example" in media and "schema" in media:
                    label = f"{method.upper()} {path} {status} {media_type}"
                    found.append(pytest.param(media["schema"], media["example"], id=label))
    return found


@pytest.mark.parametrize(("schema", "example"), _examples())
def test_examples_match_their_schema(schema: dict[str, Any], example: Any) -> None:
    """An example that does not match its schema teaches readers the wrong shape."""
    validator = jsonschema_rs.validator_for({**schema, "components": SPEC["components"]})
    errors = [error.message for error in validator.iter_errors(example)]
    assert not errors, errors
