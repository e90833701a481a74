"""Topics: what quotes are about, under every name."""

from __future__ import annotations

from pydantic import Field

from app.schemas import examples as ex
from app.schemas.common import Out, example_config
from app.schemas.refs import SpeakerCount


class TopicOut(Out):
    model_config = example_config(ex.TOPIC)

    id: int
    name: str
    slug: str
    kind: str
    aliases: list[str]
    quote_count: int
    speaker_id: int | None = Field(description="Set when this topic is also a speaker.")


class TopicDetail(TopicOut):
    model_config = example_config(
        {
            "id": 5,
            "name": "Bashar al-Assad",
            "slug": "bashar-al-assad",
            "kind": "person",
            "aliases": ["Assad", "Assad regime", "President Assad", "Syrian regime"],
            "quote_count": 10,
            "speaker_id": 5,
            "top_speakers": [
                {"id": 1, "name": "John Kerry", "quote_count": 6},
                {"id": 3, "name": "Boris Johnson", "quote_count": 3},
            ],
        }
    )

    top_speakers: list[SpeakerCount]
