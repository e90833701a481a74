"""A query string read into one model (`api.query_model`) means what FastAPI's declared
parameters meant: repeated names, the last of a single value, the same 422s and 400s."""

from __future__ import annotations

from typing import Annotated, Literal

import pytest
from fastapi import Depends, FastAPI, Query
from fastapi.testclient import TestClient
from pydantic import BaseModel, Field

from app.api.deps import reject_unknown_parameters
from app.api.problems import install_error_handlers
from app.api.query_model import query_model, query_parameters


class Wanted(BaseModel):
    name: list[str] = Field(default=[], description="Repeat for several.", examples=[["a"]])
    sort: Literal["id", "date"] = Field(default="id", description="Order.")
    limit: int = Field(default=20, ge=1, le=200, description="How many.")


@pytest.fixture
def client() -> TestClient:
    app = FastAPI(dependencies=[Depends(reject_unknown_parameters)])
    install_error_handlers(app)

    @app.get("/things", openapi_extra=query_parameters(Wanted))
    async def things(wanted: Wanted = Depends(query_model(Wanted))) -> dict[str, object]:
        return wanted.model_dump()

    @app.get("/declared")
    async def declared(
        name: Annotated[list[str], Query()] = [],  # noqa: B006 - FastAPI copies defaults
        sort: Literal["id", "date"] = "id",
        limit: Annotated[int, Query(ge=1, le=200)] = 20,
    ) -> dict[str, object]:
        return {"name": name, "sort": sort, "limit": limit}

    return TestClient(app)


def test_repeated_names_are_a_list_and_single_values_the_last(client: TestClient) -> None:
    got = client.get("/things?name=a&name=b&limit=5&limit=7").json()
    assert got == {"name": ["a", "b"], "sort": "id", "limit": 7}


def test_defaults_apply_when_left_out(client: TestClient) -> None:
    assert client.get("/things").json() == {"name": [], "sort": "id", "limit": 20}


@pytest.mark.parametrize(
    "query", ["limit=0&sort=size", "limit=ten", "limit=201&name=a", "sort=&limit=1"]
)
def test_a_bad_value_is_the_422_a_declared_parameter_gives(client: TestClient, query: str) -> None:
    modelled, declared = client.get(f"/things?{query}"), client.get(f"/declared?{query}")
    assert modelled.status_code == declared.status_code == 422
    assert modelled.json()["errors"] == declared.json()["errors"]
    assert modelled.json()["detail"] == declared.json()["detail"]


@pytest.mark.parametrize("query", ["", "name=a&name=b&limit=5&limit=7", "sort=date&name="])
def test_a_good_query_reads_as_declared_parameters_read_it(client: TestClient, query: str) -> None:
    assert client.get(f"/things?{query}").json() == client.get(f"/declared?{query}").json()


def test_an_unknown_name_is_a_400_listing_the_model_s_names(client: TestClient) -> None:
    response = client.get("/things?nmae=a")
    assert response.status_code == 400
    assert "nmae" in response.text
    assert "limit, name, sort" in response.text


def test_the_openapi_document_lists_each_field_as_a_query_parameter(client: TestClient) -> None:
    operation = client.get("/openapi.json").json()["paths"]["/things"]["get"]
    parameters = {p["name"]: p for p in operation["parameters"]}
    assert set(parameters) == {"name", "sort", "limit"}
    assert parameters["name"]["in"] == "query"
    assert parameters["name"]["schema"]["type"] == "array"
    assert parameters["sort"]["schema"]["enum"] == ["id", "date"]
    assert parameters["limit"]["schema"]["maximum"] == 200
    assert parameters["limit"]["description"] == "How many."
