"""The `NAME.meta.json` sidecar checked field by field: a wrong value is reported, not dropped.

`"published": "yesterday"` used to become no date at all, silently; now the file fails with
the field and the reason, and the user fixes the sidecar. Keys this project does not read are
left alone (a sidecar may carry a newsroom's own fields).
"""

from __future__ import annotations

from typing import Annotated, Any, Literal

from pydantic import AfterValidator, BaseModel, ConfigDict, StringConstraints, ValidationError

from app.nlp.dates import parse_date

# A URL longer than this is not one a browser or a reader can use; Document.url holds 2000.
MAX_URL_CHARS = 2000


def _a_date(value: str) -> str:
    if parse_date(value) is None:
        raise ValueError("not a date (write it as YYYY-MM-DD, e.g. 2016-10-16)")
    return value


def _storable(value: str) -> str:
    """Both databases must store what one stores: PostgreSQL refuses NUL and lone surrogates."""
    if "\x00" in value:
        raise ValueError("contains a NUL character")
    try:
        value.encode("utf-8")
    except UnicodeEncodeError as exc:
        raise ValueError("contains an invalid character (an unpaired surrogate)") from exc
    return value


Text = Annotated[str, AfterValidator(_storable)]
DateText = Annotated[str, AfterValidator(_storable), AfterValidator(_a_date)]
Url = Annotated[str, StringConstraints(max_length=MAX_URL_CHARS), AfterValidator(_storable)]


class Sidecar(BaseModel):
    """The fields `read_meta` uses, with the types they must have. Null means absent."""

    model_config = ConfigDict(extra="allow", strict=True)

    title: Text | None = None
    published: DateText | None = None
    date: DateText | None = None
    publisher: Text | None = None
    url: Url | None = None
    author: Text | None = None
    genre: Literal["transcript", "news"] | None = None


def sidecar_problems(meta: dict[str, Any]) -> list[str]:
    """One sentence per wrong field (`published: not a date ...`); empty when all are right."""
    try:
        Sidecar.model_validate({k: v for k, v in meta.items() if v != ""})
    except ValidationError as exc:
        return [_describe(error) for error in exc.errors()]
    return []


def _describe(error: Any) -> str:
    field = ".".join(str(part) for part in error["loc"][:1]) or "sidecar"
    message = str(error["msg"]).removeprefix("Value error, ")
    if error["type"] == "string_type":
        message = f"must be a string, not {type(error['input']).__name__} {error['input']!r}"
    return f"{field}: {message}"
