"""Lexicon look-up: every alias of every topic in one compiled regex, then a case check per hit.

The aliases are folded into a character trie and emitted as one regular expression, so a
text is scanned once whatever the size of the lexicon. A hit is then checked against the
case its alias was written in: "US" and "ISIL" must be capitals, "Russia" must start with one,
"sanctions" may be any case.
"""

from __future__ import annotations

import re
import unicodedata
from collections.abc import Callable, Iterable
from dataclasses import dataclass

from app.nlp.topics.lexicon import TopicEntry, TopicMention, normalise_alias
from app.nlp.topics.words import COMMON_WORDS, STOP_WORDS

# Units of an alias pattern: a space or hyphen between words matches either ("cease-fire" and
# "cease fire"); an apostrophe matches straight or curly ("Da’esh"); "*" ends a stem.
_SEP = r"[\s\-‐‑]+"
_APOS = "['’‘ʼ]"
_WILD = r"\w*"
_SEPARATORS = frozenset(" \t\n-‐‑")
_APOSTROPHES = frozenset("'’‘ʼ")

# "IS" names the group only next to a word about the group: "IS militants", "IS-held",
# "the IS group", "fighting IS" -- never the verb in "it IS true".
_IS_AFTER = re.compile(
    r"[\s\-]+(?:militants?|fighters?|group|jihadists?|extremists?|members?|held|controlled|"
    r"linked|claimed|leaders?|commanders?|territory|strongholds?|attacks?|propaganda|"
    r"caliphate|positions?|targets?|forces|supporters?|recruits?)\b",
    re.IGNORECASE,
)
_IS_BEFORE = re.compile(
    r"\b(?:against|defeat|defeating|fight|fighting|combat|combating|destroy|destroying|"
    r"degrade|degrading|versus|vs\.?|joined|join|by|from)\s+$",
    re.IGNORECASE,
)
_SHOUTED = re.compile(r"[A-Z]{2,}")
_EVERYDAY = STOP_WORDS | COMMON_WORDS


@dataclass(frozen=True)
class _Alias:
    """How one written alias accepts a hit: 'exact' capitals, 'initial' capital, or 'any'."""

    case: str
    entry: TopicEntry


def _case_rule(alias: str) -> str:
    letters = [ch for ch in alias if ch.isalpha()]
    if sum(ch.isupper() for ch in letters) >= 2 and not any(ch.islower() for ch in letters):
        return "exact"  # "US", "U.S.", "ISIL", "UAE"
    if letters and alias.lstrip()[:1].isupper():
        return "initial"  # "Russia", "Islamic State"
    return "any"  # "sanctions", "al-Nusrah"


def _case_ok(case: str, surface: str) -> bool:
    if case == "exact":
        return not any(ch.islower() for ch in surface)
    if case == "initial":
        return surface[:1].isupper()
    return True


def _shouted_nearby(text: str, start: int, end: int) -> bool:
    """'TELL US NOW', 'WHAT IS GOING ON': a capital word beside it is an everyday word in capitals.
    Beside another acronym ('US UN envoy') the capitals are still names."""
    before = text[max(0, start - 12) : start].split()
    after = text[end : end + 12].split()
    for word in before[-1:] + after[:1]:
        word = word.strip(".,;:!?\"'“”’()")
        if _SHOUTED.fullmatch(word) and word.casefold() in _EVERYDAY:
            return True
    return False


def _is_group_context(text: str, start: int, end: int) -> bool:
    return bool(_IS_AFTER.match(text, end) or _IS_BEFORE.search(text[max(0, start - 20) : start]))


# Extra context checks by alias key, for aliases that spell an everyday word.
_GUARDS: dict[str, Callable[[str, int, int], bool]] = {"is": _is_group_context}


def _strip_the(alias: str) -> str:
    words = alias.split()
    return " ".join(words[1:]) if len(words) > 1 and words[0].casefold() == "the" else alias


def _plural(alias: str) -> str | None:
    """Themes also match their plural: 'airstrike' -> 'airstrikes', 'truce' -> 'truces'."""
    if alias.endswith("*") or not alias[-1:].isalpha() or alias.endswith("s"):
        return None
    if alias.endswith(("x", "ch", "sh")):
        return alias + "es"
    if alias.endswith("y") and alias[-2:-1] not in "aeiou":
        return alias[:-1] + "ies"
    return alias + "s"


def _variants(entry: TopicEntry) -> set[str]:
    """Every written form to match: the name, the aliases, accent-free spellings, plurals."""
    forms = {_strip_the(a.strip()) for a in (entry.name, *entry.aliases) if a.strip()}
    forms |= {f[:-1] for f in forms if re.search(r"(?:^|\.)[A-Za-z]\.$", f)}  # "U.S." -> "U.S"
    forms |= {_unaccent(f) for f in forms}
    if entry.kind == "theme":
        forms |= {p for f in forms if (p := _plural(f))}
    return {f for f in forms if normalise_alias(f.rstrip("*")) not in STOP_WORDS or f.isupper()}


def _unaccent(form: str) -> str:
    """'François Hollande' is also written 'Francois Hollande'."""
    decomposed = unicodedata.normalize("NFKD", form)
    return "".join(ch for ch in decomposed if not unicodedata.combining(ch))


def _units(form: str) -> list[str]:
    units: list[str] = []
    for i, ch in enumerate(form.casefold()):
        if ch in _SEPARATORS:
            if units and units[-1] != _SEP:
                units.append(_SEP)
        elif ch in _APOSTROPHES:
            units.append(_APOS)
        elif ch == "*" and i == len(form) - 1:
            units.append(_WILD)
        else:
            units.append(re.escape(ch))
    return units


def _emit(node: dict[str, dict]) -> str:
    """Trie to regex; an optional group where an alias ends, so the longest alias wins."""
    keys = sorted((k for k in node if k), key=lambda k: (k == _WILD, k))
    alts = [k + _emit(node[k]) for k in keys]
    if not alts:
        return ""
    body = alts[0] if len(alts) == 1 else "(?:" + "|".join(alts) + ")"
    return f"(?:{body})?" if "" in node else body


class TopicMatcher:
    """Finds lexicon topics in text by any alias, with the case and context each alias needs."""

    def __init__(self, entries: Iterable[TopicEntry]) -> None:
        self._entries: dict[str, TopicEntry] = {}
        for entry in entries:
            self._entries[entry.name] = entry
        self._build()

    def _build(self) -> None:
        self._keys: dict[str, list[_Alias]] = {}
        self._stems: dict[str, list[_Alias]] = {}
        trie: dict[str, dict] = {}
        for entry in self._entries.values():
            for form in _variants(entry):
                self._add_form(trie, form, entry)
        for key, aliases in self._keys.items():  # a topic's own name beats another's alias
            aliases.sort(key=lambda a: normalise_alias(a.entry.name) != key)
        body = _emit(trie) or "(?!)"
        self._pattern = re.compile(rf"(?<!\w)(?:{body})(?!\w)", re.IGNORECASE)
        self._given = self._given_names()

    def _add_form(self, trie: dict[str, dict], form: str, entry: TopicEntry) -> None:
        stem = form.endswith("*")
        key = normalise_alias(form.rstrip("*"))
        if not key:
            return
        table = self._stems if stem else self._keys
        table.setdefault(key, []).append(_Alias(_case_rule(form.rstrip("*")), entry))
        node = trie
        for unit in _units(form):
            node = node.setdefault(unit, {})
        node[""] = {}

    def _given_names(self) -> dict[str, list[TopicEntry]]:
        given: dict[str, list[TopicEntry]] = {}
        for entry in self._entries.values():
            words = entry.name.split()
            if entry.kind == "person" and len(words) > 1:
                given.setdefault(normalise_alias(words[0]), []).append(entry)
        return given

    def add_alias(self, name: str, alias: str, kind: str = "theme") -> None:
        """Teach the matcher another name for a topic (a new topic if the name is unknown)."""
        entry = self._entries.get(name) or TopicEntry(name, kind, ())
        self._entries[name] = TopicEntry(entry.name, entry.kind, (*entry.aliases, alias))
        self._build()

    def find(self, text: str) -> list[TopicMention]:
        """Lexicon hits in text order, longest alias first, none overlapping."""
        found: list[TopicMention] = []
        pos = 0
        while match := self._pattern.search(text, pos):
            entry = self.resolve(text, match.start(), match.end())
            if entry is None:
                pos = match.start() + 1
                continue
            surface = text[match.start() : match.end()]
            found.append(TopicMention(entry.name, entry.kind, surface, match.start(), match.end()))
            pos = match.end()
        return found

    def resolve(self, text: str, start: int, end: int) -> TopicEntry | None:
        """The topic text[start:end] names, if its alias accepts that case and context."""
        surface = text[start:end]
        key = normalise_alias(surface)
        for alias in self._candidates(key):
            if not _case_ok(alias.case, surface):
                continue
            if key in COMMON_WORDS and (alias.case != "exact" or _shouted_nearby(text, start, end)):
                continue
            guard = _GUARDS.get(key)
            if guard is None or guard(text, start, end):
                return alias.entry
        return None

    def _candidates(self, key: str) -> list[_Alias]:
        if key in self._keys:
            return self._keys[key]
        for cut in range(len(key), 0, -1):  # stems: "negotiat*" for "negotiating"
            if " " in key[cut:]:
                break
            if key[:cut] in self._stems:
                return self._stems[key[:cut]]
        return []

    def knows(self, surface: str) -> bool:
        """Whether some alias is written like this, whatever the context."""
        return bool(self._candidates(normalise_alias(surface)))

    def people_named(self, given_name: str) -> list[TopicEntry]:
        """Lexicon people whose first name this is: 'John' -> John Kerry, John Kirby."""
        return list(self._given.get(normalise_alias(given_name), ()))
