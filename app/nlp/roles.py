"""Offices and their synonyms, so 'the US’ top diplomat' finds the Secretary of State."""

from __future__ import annotations

from pathlib import Path

from app.nlp.names import fold

# Role families: every title in a family is the same office, told apart only by country.
# "top diplomat" names the foreign minister of any country; the US calls it Secretary of State.
ROLE_FAMILIES: dict[str, tuple[str, ...]] = {
    "foreign minister": (
        "secretary of state",
        "foreign secretary",
        "foreign minister",
        "minister of foreign affairs",
        "minister for foreign affairs",
        "top diplomat",
        "chief diplomat",
        "foreign affairs minister",
        "secretary of state for foreign and commonwealth affairs",
        "secretary of state for foreign commonwealth and development affairs",
    ),
    "head of state": ("president",),
    "secretary-general": ("secretary-general", "secretary general"),
    "head of government": ("prime minister", "premier", "chancellor"),
    "defence minister": (
        "defence secretary",
        "defense secretary",
        "secretary of defense",
        "defence minister",
        "defense minister",
    ),
    "spokesperson": ("spokesperson", "spokesman", "spokeswoman", "press secretary"),
    "ambassador": ("ambassador",),
    "mayor": ("mayor",),
}

_FAMILY_OF = {fold(title): family for family, titles in ROLE_FAMILIES.items() for title in titles}

# Country words as news writes them: "the US’ top diplomat", "Britain's foreign minister".
COUNTRY_WORDS: dict[str, str] = {
    "us": "United States",
    "u s": "United States",
    "usa": "United States",
    "american": "United States",
    "america": "United States",
    "united states": "United States",
    "washington": "United States",
    "uk": "United Kingdom",
    "u k": "United Kingdom",
    "british": "United Kingdom",
    "britain": "United Kingdom",
    "great britain": "United Kingdom",
    "united kingdom": "United Kingdom",
    "russian": "Russia",
    "russia": "Russia",
    "french": "France",
    "france": "France",
    "german": "Germany",
    "germany": "Germany",
    "iranian": "Iran",
    "iran": "Iran",
    "syrian": "Syria",
    "syria": "Syria",
    "chinese": "China",
    "china": "China",
}


def _more_countries() -> dict[str, str]:
    """The rest of the world from data/countries.txt: 'Ukrainian' -> 'Ukraine'."""
    found: dict[str, str] = {}
    path = Path(__file__).with_name("data") / "countries.txt"
    for line in path.read_text(encoding="utf-8").splitlines():
        if line.strip() and not line.startswith("#"):
            forms = line.split("|")
            found.update({fold(form): forms[0] for form in forms})
    return found


COUNTRY_WORDS.update({k: v for k, v in _more_countries().items() if k not in COUNTRY_WORDS})


def role_family(title: str | None) -> str | None:
    """'Secretary of State' -> 'foreign minister'; an unknown title is its own family."""
    if not title:
        return None
    key = fold(title)
    for prefix in ("the ", "u s ", "us ", "uk ", "u k ", "british ", "american "):
        if key.startswith(prefix) and key[len(prefix) :] in _FAMILY_OF:
            key = key[len(prefix) :]
    return _FAMILY_OF.get(key, key)


def country_of(word: str | None) -> str | None:
    """'U.S.' -> 'United States', 'Britain's' -> 'United Kingdom'; None when not a country word."""
    if not word:
        return None
    key = fold(word)
    if key in COUNTRY_WORDS:
        return COUNTRY_WORDS[key]
    key = key.removesuffix("'s").removesuffix("'").strip()
    return COUNTRY_WORDS.get(key)


def same_office(title_a: str | None, title_b: str | None) -> bool:
    family_a, family_b = role_family(title_a), role_family(title_b)
    return family_a is not None and family_a == family_b
