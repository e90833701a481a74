"""`Page[T]`: the one shape every list endpoint answers with."""

from __future__ import annotations

import base64
import json
from typing import Any, Generic, TypeVar, get_args

from pydantic import BaseModel, ConfigDict, Field

ItemT = TypeVar("ItemT", bound=BaseModel)


def page_example(item: type[BaseModel]) -> dict[str, Any]:
    """A one-item page of `item`'s own example, with the cursor and URL of the next page."""
    extra = item.model_config.get("json_schema_extra")
    examples = extra.get("examples") if isinstance(extra, dict) else None
    first = examples[0] if isinstance(examples, list) and examples else {}
    first = first if isinstance(first, dict) else {}
    cursor = base64.urlsafe_b64encode(
        json.dumps({"id": first.get("id", 1)}, separators=(",", ":")).encode()
    )
    cursor_text = cursor.decode().rstrip("=")
    plural = item.__name__.removesuffix("Out").lower() + "s"
    return {
        "items": [first],
        "next_cursor": cursor_text,
        "next_url": f"https://ontherecord.example/{plural}?limit=1&cursor={cursor_text}",
        "total": 12,
        "total_is_estimate": False,
    }


def item_type(page: type[BaseModel]) -> type[BaseModel] | None:
    """The `T` of a `Page[T]` (or of a class derived from one), read from its `items` field."""
    field = page.model_fields.get("items")
    args = get_args(field.annotation) if field else ()
    return args[0] if args and isinstance(args[0], type) else None


def _page_schema_examples(schema: dict[str, Any], cls: type[BaseModel]) -> None:
    item = item_type(cls)
    if item is not None:
        schema["examples"] = [page_example(item)]


class Page(BaseModel, Generic[ItemT]):
    """One page of a keyset-paginated list; follow `next_url` (also a `Link` header)."""

    model_config = ConfigDict(from_attributes=True, json_schema_extra=_page_schema_examples)

    items: list[ItemT]
    next_cursor: str | None = Field(
        description="Pass as `cursor` for the next page; null at the end."
    )
    next_url: str | None = Field(
        default=None, description="The next page's URL, ready to follow; null at the end."
    )
    total: int | None = Field(
        default=None, description="How many items match in all; null when not counted."
    )
    total_is_estimate: bool = Field(
        default=False, description="`total` is a lower bound: counting stopped at a cap."
    )
