"""Topic records, the shipped lexicon file, and the one normal form every alias is compared in."""

from __future__ import annotations

import json
import re
import unicodedata
from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path

DEFAULT_LEXICON = Path(__file__).parents[1] / "data" / "topics.json"
KINDS = frozenset({"person", "place", "organisation", "theme"})


@dataclass(frozen=True)
class TopicEntry:
    """One topic under all its names: 'ISIL' with ('ISIS', 'Daesh', 'Islamic State', ...)."""

    name: str
    kind: str
    aliases: tuple[str, ...] = ()


@dataclass(frozen=True)
class TopicMention:
    """A topic named in a text: surface is text[start:end], without a trailing possessive."""

    name: str
    kind: str
    surface: str
    start: int
    end: int


# Apostrophe and hyphen variants writers and keyboards produce: "Assad’s", "cease‑fire", "al–Nusra".
_FOLD = str.maketrans(
    {"’": "'", "‘": "'", "`": "'", "ʼ": "'", "´": "'", "-": " ", "‐": " ", "‑": " ", "‒": " "}
    | {"–": " ", "—": " ", "/": " "}
)
# A dot after a lone letter belongs to an acronym: "U.S." -> "us", "U.N." -> "un".
_ACRONYM_DOT = re.compile(r"(?<![^\W\d_])([^\W\d_])\.")


@lru_cache(maxsize=8192)
def normalise_alias(s: str) -> str:
    """The comparison form of a name: 'The Islamic State' == 'islamic state', 'U.S.' == 'us'.

    Casefolds, strips accents, straightens apostrophes, turns hyphens and dashes into spaces
    ('cease-fire' == 'cease fire'), drops acronym dots and a leading 'the', collapses spaces.
    """
    s = s.translate(_FOLD)
    if not s.isascii():
        s = unicodedata.normalize("NFKD", s)
        s = "".join(ch for ch in s if not unicodedata.combining(ch))
    s = s.casefold()
    s = _ACRONYM_DOT.sub(r"\1", s)
    words = s.rstrip(".").split()
    if len(words) > 1 and words[0] == "the":
        words = words[1:]
    return " ".join(words)


def load_lexicon(path: Path | None = None) -> list[TopicEntry]:
    """Read a JSON list of {name, kind, aliases}; users extend the shipped file the same way."""
    raw = json.loads((path or DEFAULT_LEXICON).read_text(encoding="utf-8"))
    entries = []
    for item in raw:
        kind = item.get("kind", "theme")
        if kind not in KINDS:
            raise ValueError(f"topic {item.get('name')!r}: unknown kind {kind!r}")
        entries.append(TopicEntry(item["name"], kind, tuple(item.get("aliases", ()))))
    return entries
