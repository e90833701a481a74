"""The base of every response model, and the error body. No ORM imports in this package."""

from __future__ import annotations

from typing import Any, Literal

from pydantic import BaseModel, ConfigDict, Field


def example_config(example: dict[str, Any]) -> ConfigDict:
    """Model config with one example, shown in /docs and in generated clients."""
    return ConfigDict(from_attributes=True, json_schema_extra={"examples": [example]})


class Out(BaseModel):
    model_config = ConfigDict(from_attributes=True)


class Health(BaseModel):
    """The service and its database answer, and the schema is the one this version needs."""

    model_config = ConfigDict(
        json_schema_extra={
            "examples": [{"status": "ok", "schema_revision": "0003", "latest_revision": "0003"}]
        }
    )

    status: Literal["ok"]
    schema_revision: str = Field(description="The database's Alembic revision.")
    latest_revision: str = Field(description="The newest revision this version ships.")


class ParameterError(BaseModel):
    """One parameter a request got wrong, named as the user typed it."""

    model_config = ConfigDict(
        json_schema_extra={
            "examples": [{"parameter": "speakr", "in": "query", "message": "unknown parameter"}]
        }
    )

    parameter: str = Field(description="The parameter's name: `limit`, `quote_id`.")
    in_: str = Field(alias="in", description="Where it was sent: `query` or `path`.")
    message: str = Field(description="What is wrong with it.")


class Problem(BaseModel):
    """RFC 9457 problem details: the body of every error."""

    model_config = ConfigDict(
        json_schema_extra={
            "examples": [
                {
                    "type": "/problems/not-found",
                    "title": "Not found",
                    "status": 404,
                    "detail": "no quote with id 999",
                }
            ]
        }
    )

    type: str = Field(
        description="A stable code for the kind of error; branch on this, not on `detail`.",
        examples=["/problems/not-found"],
    )
    title: str = Field(examples=["Not found"])
    status: int = Field(description="The HTTP status code, repeated.", examples=[404])
    detail: str = Field(
        description="What went wrong with this request, for people.",
        examples=["no quote with id 999"],
    )
    errors: list[ParameterError] | None = Field(
        default=None, description="With 400 and 422: each parameter that was wrong."
    )
    document: str | None = Field(
        default=None,
        description="With 410: the path of the document the retired quote belonged to, as "
        "it is now.",
        examples=["/documents/7"],
    )
    revision: str | None = Field(
        default=None,
        description="With 410: the path of the revision that retired the quote.",
        examples=["/documents/7/revisions/2"],
    )
    retired_in_revision: int | None = Field(
        default=None, description="With 410: that revision's number.", examples=[2]
    )
