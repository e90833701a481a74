"""People's names as sources write them: titles, labels, surnames and forgiving comparison."""

from __future__ import annotations

import re
import unicodedata

# Honorifics and office words that precede a name in labels and prose:
# "SECRETARY KERRY", "Mr Kerry", "FOREIGN SECRETARY JOHNSON", "President Bashar al-Assad".
TITLE_WORDS_TEXT = """
mr mr. mrs mrs. ms ms. miss dr dr. sir dame lord lady madam secretary foreign defence
defense home prime deputy assistant under minister president vice chancellor ambassador
senator sen. senator representative rep. congressman congresswoman governor gov. mayor
general gen. admiral adm. colonel col. captain capt. spokesperson spokesman spokeswoman
chairman chairwoman chair king queen prince princess sheikh emir pope rev. reverend
professor prof. special envoy acting state of the u.s. us uk u.k. british american russian
"""
TITLE_WORDS = frozenset(TITLE_WORDS_TEXT.split())

_APOSTROPHES = str.maketrans({"’": "'", "‘": "'", "`": "'", "‐": "-", "‑": "-", "–": "-"})
_NON_WORD = re.compile(r"[^\w\s'-]")
_SPACES = re.compile(r"\s+")
_COMBINING = re.compile(r"[\u0300-\u036f\u1ab0-\u1aff\u1dc0-\u1dff\u20d0-\u20ff\ufe20-\ufe2f]")


def fold(text: str) -> str:
    """Case- and accent-insensitive form: 'François' == 'francois', curly == straight quotes."""
    text = _COMBINING.sub("", unicodedata.normalize("NFKD", text.translate(_APOSTROPHES)))
    text = _NON_WORD.sub(" ", text.casefold())
    return _SPACES.sub(" ", text).strip()


def strip_titles(name: str) -> str:
    """'SECRETARY KERRY' -> 'KERRY', 'Mr. John Kerry' -> 'John Kerry'; keeps at least one word."""
    words = name.split()
    while len(words) > 1 and words[0].casefold() in TITLE_WORDS:
        words = words[1:]
    return " ".join(words)


def title_case(word: str) -> str:
    """'KERRY' -> 'Kerry', "O'BRIEN" -> "O'Brien", 'AL-ASSAD' -> 'al-Assad'."""
    parts = re.split(r"([-'’])", word.lower())
    cased = [p[:1].upper() + p[1:] if p not in "-'’" else p for p in parts]
    result = "".join(cased)
    return "al-" + result[3:] if result.startswith("Al-") else result


def display_name(name: str) -> str:
    """An all-capitals label name in the case prose uses: 'KIRBY' -> 'Kirby'."""
    return " ".join(title_case(w) for w in name.split()) if name.isupper() else name


def surname(name: str) -> str:
    """Last word of a name without titles: 'Secretary John Kerry' -> 'Kerry'."""
    words = strip_titles(name).split()
    return words[-1] if words else name


def name_key(name: str) -> str:
    """The key aliases are matched on: folded, titles stripped ('Mr Kerry' -> 'kerry')."""
    return fold(strip_titles(name))


def is_full_name(name: str) -> bool:
    """Two or more words after titles: 'John Kerry' is, 'Kerry' and 'Mr Kerry' are not."""
    return len(strip_titles(name).split()) >= 2


def slugify(text: str) -> str:
    return re.sub(r"[^a-z0-9]+", "-", fold(text)).strip("-") or "unnamed"
