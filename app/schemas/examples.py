"""Example data for the OpenAPI document, taken from the seed data so readers recognise them."""

from __future__ import annotations

KERRY = {"id": 1, "name": "John Kerry", "slug": "john-kerry", "wikidata": "Q22316"}
DOCUMENT_REF = {
    "id": 1,
    "title": "Joint Statement From Secretary John Kerry and U.K. Foreign Secretary Boris Johnson",
    "source_name": "000_f2be9307d54a56c7.txt",
}
EVENT_REF = {
    "id": 1,
    "title": "Joint Statement From Secretary John Kerry and U.K. Foreign Secretary Boris Johnson",
    "kind": "joint statement",
    "date": "2016-10-16",
    "city": "London",
}
SANCTIONS = {"id": 49, "name": "sanctions", "kind": "theme", "scope": "quote"}
ATTRIBUTION = {
    "label": "SECRETARY KERRY",
    "start": 11967,
    "end": 11982,
    "method": "label",
    "confidence": 1.0,
}
QUOTE_TEXT = (
    "And let me make it clear: We are considering additional sanctions and we are also – let "
    "me make it clear, President Obama has not taken any options off the table at this point "
    "in time. So we’ll see where we are in the next few days in the context of the discussions "
    "we’re having. Thank you."
)
QUOTE = {
    "id": 9,
    "text": QUOTE_TEXT,
    "kind": "turn",
    "start": 11984,
    "end": 12274,
    "speaker": KERRY,
    "attribution": ATTRIBUTION,
    "document": DOCUMENT_REF,
    "event": EVENT_REF,
    "spoken_on": "2016-10-16",
    "elsewhere": False,
    "topics": [
        {"id": 46, "name": "Barack Obama", "kind": "person", "scope": "quote"},
        SANCTIONS,
        {"id": 1, "name": "Aleppo", "kind": "place", "scope": "context"},
    ],
    "snippet": "…We are considering additional <mark>sanctions</mark> and we are also…",
}
QUESTION = {
    "id": 7,
    "text": "Can anything be achieved before Aleppo falls and before President Obama retires?",
    "kind": "question",
    "start": 9624,
    "end": 9847,
    "speaker": None,
    "attribution": {
        "label": "QUESTION",
        "start": 9614,
        "end": 9622,
        "method": "label",
        "confidence": 1.0,
    },
    "document": DOCUMENT_REF,
    "event": EVENT_REF,
    "spoken_on": "2016-10-16",
    "elsewhere": False,
    "topics": [{"id": 1, "name": "Aleppo", "kind": "place", "scope": "quote"}],
    "snippet": None,
}
CONTEXT = {
    "paragraph": QUOTE_TEXT,
    "paragraph_start": 11984,
    "paragraph_end": 12274,
    "before": "These things will eventually come to bite the perpetrators of these crimes. "
    "SECRETARY KERRY:",
    "after": "",
    "replies_to": QUESTION,
}
DOCUMENT = {
    **DOCUMENT_REF,
    "genre": "transcript",
    "published": "2016-10-16",
    "publisher": None,
    "url": None,
    "author": None,
    "sha256": "18bee818965c2a086f5a2625f7acc0954fd884cd06789e6e33cdb4aab3a31870",
    "event": EVENT_REF,
    "quote_count": 9,
}
SPEAKER = {**KERRY, "kind": "person", "quote_count": 33}
TOPIC = {
    "id": 36,
    "name": "ISIL",
    "slug": "isil",
    "kind": "organisation",
    "aliases": ["Daesh", "IS", "ISIS", "Islamic State"],
    "quote_count": 11,
    "speaker_id": None,
}
EVENT = {
    "id": 1,
    "title": "Joint Statement From Secretary John Kerry and U.K. Foreign Secretary Boris Johnson",
    "kind": "joint statement",
    "date": "2016-10-16",
    "venue": "Lancaster House",
    "city": "London",
    "country": "United Kingdom",
}
ROLE = {
    "title": "Secretary of State",
    "organisation": "U.S. Department of State",
    "country": "United States",
    "start_date": "2013-02-01",
    "end_date": "2017-01-20",
    "source": "directory",
}
