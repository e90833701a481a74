"""The people and organisations an article introduces, with role, country and organisation.

News introduces a person once, fully ("British Foreign Secretary Boris Johnson",
"Philip Hammond, Britain's foreign secretary,") and afterwards uses a surname, a first name
or a title. Organisations are introduced by name ("the Britain-based Syrian Observatory for
Human Rights") and later called by what they are ("the monitor").
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field, replace
from functools import lru_cache

from app.nlp.news.lexicon import (
    ABBREVIATED_TITLES,
    AUX_WORDS,
    FEMALE_FIRST,
    FEMALE_HONORIFICS,
    FIRST_NAMES,
    HONORIFICS,
    KNOWN_ORGS,
    MALE_FIRST,
    MALE_HONORIFICS,
    NOT_NAMES,
    OCCUPATIONS,
    ORG_HEADS,
    OUTLETS,
    PLACES,
    ROLE_TITLES,
    SPEECH_VERBS,
    words,
)
from app.nlp.roles import country_of

# One word of a name: "Boris", "al-Assad", "Ki-moon", "O’Brien", "(Barack)".
_TOKEN = (
    r"\(?(?:(?:al|el|ad|as|bin|ibn|abu|de|da|di|du|del|der|van|von|le|la|dos|ben)[- ])?"
    r"[A-Z][a-zà-ÿ]+(?:[’'-][A-Za-zà-ÿ]+)*\)?"
)
_ROLE = "|".join(re.escape(title).replace(r"\ ", r"\s+") for title in ROLE_TITLES)
# A country word before a title: "U.S.", "British", "Britain's", "the US’".
_COUNTRY = r"(?:U\.S\.|U\.K\.|[A-Z][A-Za-z]+(?:['’]s?)?)"

# After a name, its office: "Philip Hammond, Britain's foreign secretary," / "John Kirby, a
# spokesman for the State Department,".
_APPOSED_TAIL = re.compile(
    rf",\s+(?:(?:the|a|an)\s+)?(?:(?P<country>{_COUNTRY})\s+)?"
    rf"(?P<role>(?i:{_ROLE}))(?:\s+(?:of|for|at)\s+(?:the\s+)?(?P<org>[A-Z][\w.’'-]*"
    rf"(?:\s+(?:of|for|and|on)?\s*[A-Z][\w.’'-]*)*))?\s*[,.;]"
)
_LEFT_WORD = re.compile(r"(\S+)\s+$")
# A bare full name: "John Kerry: US will ...", "Jane Smith said".
_BARE = re.compile(rf"(?<![\w.’'-])(?P<name>{_TOKEN}(?:\s+{_TOKEN}){{0,5}})")
_VERB_AFTER = re.compile(r"\s*(?:,\s*who\b|,?\s+(?:\w+\s+){0,2}?(?P<verb>[a-z]+)\b)")
# Organisation names: capitalised words with connectors, "Syrian Observatory for Human Rights".
_ORG = re.compile(
    r"(?<![\w.’'-])(?P<org>[A-Z][\w’'.-]*(?:\s+(?:(?:for|of|on|and)\s+(?:the\s+)?)?"
    r"[A-Z][\w’'-]*)*)"
)
_APPOSITIVE = re.compile(r",\s+(?:a|an|the)\s+([^,.;]{1,60})[,.;]")
_POSSESSIVE = re.compile(r"['’]s?$")


@dataclass
class Person:
    """A person the article introduces; `aliases` are the folded ways it refers back."""

    name: str
    role: str | None
    country: str | None
    organisation: str | None
    start: int
    end: int
    gender: str | None = None
    aliases: set[str] = field(default_factory=set)


@dataclass
class Organisation:
    """An organisation named in the article and the nouns that can describe it."""

    name: str
    start: int
    nouns: set[str] = field(default_factory=set)
    positions: list[int] = field(default_factory=list)


_WORD = re.compile(r"\S+")


_ROLE_SET = frozenset(ROLE_TITLES)
_HONORIFICS = frozenset(h.rstrip(".") for h in HONORIFICS)
_TITLE_WORDS = frozenset(
    {word for title in ROLE_TITLES for word in title.split()}
    | {h.rstrip(".") for h in HONORIFICS}
    | set(ABBREVIATED_TITLES)
)


def _is_name_word(word: str) -> bool:
    bare = _POSSESSIVE.sub("", word.strip("()"))
    return not (
        bare in NOT_NAMES
        or bare.casefold().rstrip(".") in _TITLE_WORDS
        or bare in PLACES
        or bare.casefold() in ORG_HEADS
        or _country_of(bare) is not None
        or bare.isupper()
    )


def name_chunks(raw: str, offset: int) -> list[tuple[str, int, int]]:
    """The names inside a capitalised run, as (name, start, end).

    'Trade Minister Sofia Lind' -> [('Trade', ...), ('Sofia Lind', ...)]: title and other
    non-name words split the run; a possessive ends a name ('Bashar al-Assad’s'); brackets
    go ('(Barack) Obama' -> 'Barack Obama').
    """
    chunks: list[tuple[str, int, int]] = []
    kept: list[str] = []
    start = end = offset
    for match in _WORD.finditer(raw):
        word = match.group()
        if not _is_name_word(word) or (word[:1].islower() and not kept):
            if kept:
                chunks.append((" ".join(kept), start, end))
                kept = []
            continue
        if not kept:
            start = offset + match.start()
        bare = _POSSESSIVE.sub("", word)
        kept.append(bare.strip("()"))
        end = offset + match.start() + len(bare)
        if bare != word:  # "Kerry’s" ends the name
            chunks.append((" ".join(kept), start, end))
            kept = []
    if kept:
        chunks.append((" ".join(kept), start, end))
    return chunks


def _title_case(role: str) -> str:
    """'secretary of state' -> 'Secretary of State' (small words stay lower)."""
    small = {"of", "for", "the", "and"}
    return " ".join(w if w in small else w[:1].upper() + w[1:] for w in role.split())


def _gender(name: str, honorific: str | None = None) -> str | None:
    """From an honorific or a common first name; None when the text gives no cheap clue."""
    first, key = name.split()[0], (honorific or "").casefold()
    if key in MALE_HONORIFICS or first in MALE_FIRST:
        return "male"
    if key in FEMALE_HONORIFICS or first in FEMALE_FIRST:
        return "female"
    return None


@dataclass(frozen=True)
class _Intro:
    name: str
    start: int
    end: int
    role: str | None = None
    country: str | None = None
    organisation: str | None = None
    gender: str | None = None


class Cast:
    """Everyone who may speak in one article, and the names that point at them.

    Aliases are indexed as people are added, so looking a name up costs the same in a
    5 MB article with thousands of people as in a short one.
    """

    def __init__(self) -> None:
        self.people: list[Person] = []
        self.organisations: list[Organisation] = []
        self._by_alias: dict[str, list[Person]] = {}
        self._firsts: dict[str, list[Person]] = {}

    def add(self, intro: _Intro) -> None:
        """Add or enrich a person; a lone surname joins the full name it abbreviates, and a
        surname two people share never becomes a third person ('Ms Novak')."""
        person = self.find_alias(intro.name, intro.start)
        if person is None and " " not in intro.name and self._shared(intro.name):
            return
        if person is None:
            person = Person(intro.name, None, None, None, intro.start, intro.end)
            person.gender = intro.gender or _gender(intro.name)
            self.people.append(person)
            self._index(person)
        person.role = person.role or (_title_case(intro.role) if intro.role else None)
        person.country = person.country or intro.country
        person.organisation = person.organisation or intro.organisation

    def find_alias(self, word: str, position: int | None = None) -> Person | None:
        """The one person a surname, first name or full name points at; None if ambiguous.

        Two people may share a surname (the minister Anna Novak, the journalist Piotr
        Novak): at `position`, 'Novak' means the one of them introduced before it if only
        one was; once both were, it is ambiguous and names no one.
        """
        found = self._by_alias.get(word.casefold(), [])
        if len(found) > 1 and position is not None:
            found = [p for p in found if p.start <= position]
        return found[0] if len(found) == 1 else None

    def _shared(self, word: str) -> bool:
        return len(self._by_alias.get(word.casefold(), [])) > 1

    def _alias(self, person: Person, alias: str) -> None:
        person.aliases.add(alias)
        holders = self._by_alias.setdefault(alias, [])
        if person not in holders:
            holders.append(person)

    def _index(self, person: Person) -> None:
        """Full name, surname, surname without 'al-', and a first name no one else shares
        (a second 'Anna' takes the first name away from the first one)."""
        words = person.name.casefold().split()
        person.aliases = set()
        self._alias(person, person.name.casefold())
        self._alias(person, words[-1])
        if words[-1][:3] in {"al-", "el-"}:
            self._alias(person, words[-1][3:])
        if len(words) < 2:
            return
        sharing = self._firsts.setdefault(words[0], [])
        sharing.append(person)
        if len(sharing) == 1:
            self._alias(person, words[0])
            return
        for other in sharing[:-1]:
            if words[0] in other.aliases and words[0] not in {
                other.name.casefold(),
                other.name.casefold().split()[-1],
            }:
                other.aliases.discard(words[0])
                self._by_alias[words[0]].remove(other)


_ABBREVIATED_FORMS = frozenset(
    form for key in ABBREVIATED_TITLES for form in (key, key.capitalize(), key.upper())
)


def _title_before(text: str, start: int) -> tuple[str | None, str | None, str | None]:
    """(role, country, honorific) written right before a name.

    'British Foreign Secretary Boris Johnson' -> ('foreign secretary', 'United Kingdom', None);
    'secretary of state John Kerry' -> ('secretary of state', None, None); 'Dr Amira Haddad'
    -> (None, None, 'Dr').
    """
    window = text[max(0, start - 80) : start].split()[-6:]
    if window and window[-1] in _ABBREVIATED_FORMS:  # 'Sen Robert Kane', 'Det Insp Walsh'
        window = [ABBREVIATED_TITLES.get(word.casefold(), word) for word in window]
    if not window or window[-1].endswith((",", ";", ":")):
        return None, None, None
    if window[-1].casefold().rstrip(".") in _HONORIFICS:
        return None, None, window[-1].rstrip(".")
    for size in range(min(4, len(window)), 0, -1):
        phrase = " ".join(window[-size:]).casefold()
        if phrase in _ROLE_SET:
            before = window[-size - 1] if len(window) > size else ""
            if _is_office_modifier(before, phrase):
                return (
                    f"{before} {phrase}",
                    _country(window[-size - 2]) if len(window) > size + 1 else None,
                    None,
                )
            return phrase, _country(before) if before else None, None
    return None, None, None


# 'The energy minister, Anna Novak, has ...', 'Russia’s foreign minister, Sergei Lavrov,':
# the office, then the name set off by commas (Guardian and BBC style).
_APPOSED_BEFORE = re.compile(
    r"(?:\b(?:[Tt]he)|(?P<country>[A-Z][\w.]*)['’]s?)\s+(?P<role>(?:[A-Za-z-]+\s+){0,2}?"
    rf"(?i:{_ROLE}))\s*,\s*$"
)


def _role_apposed_before(text: str, start: int, end: int) -> tuple[str | None, str | None]:
    """(role, country) of 'the energy minister, Anna Novak,': the name must close the
    apposition with a comma, or it is a list ('the minister, Novak and Reed')."""
    if text[end : end + 1] != ",":
        return None, None
    match = _APPOSED_BEFORE.search(text, max(0, start - 60), start)
    if match is None:
        return None, None
    return " ".join(match.group("role").casefold().split()), _country(match.group("country"))


_MODIFIED_OFFICES = words("minister secretary commissioner leader spokesman spokeswoman")


def _is_office_modifier(word: str, role: str) -> bool:
    """'Labour Minister', 'Health Secretary', 'union leader': the word names the office."""
    if role not in _MODIFIED_OFFICES or not word.isalpha() or _country(word):
        return False
    return (word[:1].isupper() and word not in NOT_NAMES) or word.casefold() in ORG_HEADS


def _introductions(text: str) -> list[_Intro]:
    """Names with a title, an honorific or an apposed role carry their facts; a bare full
    name needs other support (a known first name, a speech verb, an occupation before it)."""
    intros = []
    unsupported = []
    for match in _BARE.finditer(text):
        for chunk in name_chunks(match.group("name"), match.start("name")):
            bare = _Intro(*_without_occupation(*chunk))
            intro = _introduction(text, bare)
            if intro is not None:
                intros.append(intro)
            elif len(bare.name.split()) > 1 and not _looks_like_org(bare.name):
                unsupported.append(bare)
    if unsupported:
        # 'Sasha Adair met Jules Hartley. ... Hartley said': a surname that speaks later
        speaking = {m.group(1) for m in _SURNAME_SPEAKS.finditer(text)}
        intros += [intro for intro in unsupported if intro.name.split()[-1] in speaking]
    return intros


_SURNAME_SPEAKS = re.compile(
    r"(?<![\w’'-])([A-Z][\w’'-]+)\s+(?:(?:"
    + "|".join(sorted(AUX_WORDS))
    + r")\s+){0,2}(?:"
    + "|".join(sorted(SPEECH_VERBS, key=len, reverse=True))
    + r")\b"
)


def _without_occupation(name: str, start: int, end: int) -> tuple[str, int, int]:
    """'Firefighter Kasia Nowak' -> 'Kasia Nowak': a capitalised occupation opening a
    sentence is not a first name (two name words must remain: 'Anna Singer' stays)."""
    words = name.split()
    if len(words) > 2 and words[0].casefold() in OCCUPATIONS:
        return " ".join(words[1:]), start + len(words[0]) + 1, end
    return name, start, end


def _introduction(text: str, intro: _Intro) -> _Intro | None:
    """The facts around one name, or None when nothing marks it as a person's name."""
    if _looks_like_org(intro.name):
        return None
    role, country, honorific = _title_before(text, intro.start)
    if role is None and honorific is None:
        role, country = _role_apposed_before(text, intro.start, intro.end)
    apposed = _APPOSED_TAIL.match(text, intro.end)
    if role or honorific:
        gender = _gender(intro.name, honorific)
        return replace(intro, role=role, country=country, gender=gender)
    if apposed:
        return replace(
            intro,
            role=apposed.group("role"),
            country=_country(apposed.group("country")),
            organisation=apposed.group("org"),
        )
    if len(intro.name.split()) > 1 and (
        intro.name.split()[0] in FIRST_NAMES
        or _spoke(text, intro.end)
        or _after_noun(text, intro.start)
    ):
        return intro
    return None


def _spoke(text: str, end: int) -> bool:
    """'Jane Smith said', 'Jane Smith, who ...': the name is followed by speech or a clause."""
    follow = _VERB_AFTER.match(text, end)
    return follow is not None and (follow.group("verb") in SPEECH_VERBS or "who" in follow.group())


def _after_noun(text: str, start: int) -> bool:
    """'farmer Ana Petrovic', 'chief engineer Samuel Brandt': an occupation precedes."""
    match = _LEFT_WORD.search(text, max(0, start - 30), start)
    return bool(
        match
        and match.group(1).casefold() in OCCUPATIONS | _TITLE_WORDS
        and match.group(1).islower()
    )


def _country(word: str | None) -> str | None:
    return _country_of(word) if word else None


@lru_cache(maxsize=4096)
def _country_of(word: str) -> str | None:
    return country_of(word)


def _looks_like_org(name: str) -> bool:
    words = name.split()
    return any(w.casefold() in ORG_HEADS for w in words) or name in KNOWN_ORGS


def _org_name(run: str) -> str:
    """'the Britain-based Syrian Observatory ...' -> 'Syrian Observatory ...'; a title ends
    the name: 'European Council President Donald Tusk' -> 'European Council'."""
    name = re.sub(r"^(?:The\s+|\S+-based\s+|\S+['’]s\s+)+", "", run.rstrip("."))
    kept: list[str] = []
    for word in name.split():
        if word.casefold().rstrip(".") in _TITLE_WORDS and kept:
            break
        kept.append(word)
    return " ".join(kept)


def _organisations(text: str, cast: Cast) -> None:
    """Capitalised names with an organisation head word, plus well-known institutions."""
    seen: dict[str, Organisation] = {}
    for match in _ORG.finditer(text):
        name = _org_name(match.group("org"))
        if not name or not _looks_like_org(name) or name in OUTLETS:
            continue
        org = seen.get(name)
        if org is None:
            org = seen[name] = Organisation(name, match.start())
            cast.organisations.append(org)
        org.positions.append(match.start() + match.group("org").find(name))
        org.nouns.update(w.casefold() for w in name.split() if w.casefold() in ORG_HEADS)
        appositive = _APPOSITIVE.match(text, match.end())
        if appositive:
            org.nouns.update(appositive.group(1).casefold().split())


# "Russia's foreign ministry", "Turkey's central bank": a country's institution, lowercase.
_COUNTRY_ORG = re.compile(
    r"(?:[Tt]he\s+)?(?P<owner>[A-Z][\w.]*(?:\s[A-Z][\w.]*)?)['’]s\s+"
    r"(?P<org>(?:[a-z-]+\s+){0,2}(?P<head>[a-z]+))\b"
)


def country_organisation(label: str) -> str | None:
    """ "Russia's foreign ministry" -> "Russia's Foreign Ministry"; None for anything else."""
    match = _COUNTRY_ORG.fullmatch(label.strip())
    return _owned_name(match) if match else None


def _owned_name(match: re.Match[str]) -> str | None:
    if match.group("head") not in ORG_HEADS or not _country(match.group("owner")):
        return None
    org = " ".join(word[:1].upper() + word[1:] for word in match.group("org").split())
    return f"{match.group('owner')}'s {org}"


# Where a country's institution may be named: a possessive, a few words, an organisation
# head ('’s foreign ministry'). Searched first, so the owner is only read at these places.
_OWNED_TAIL = re.compile(
    r"['’]s\s+(?:[a-z-]+\s+){0,2}(?:" + "|".join(sorted(ORG_HEADS, key=len, reverse=True)) + r")\b"
)
_OWNER_END = re.compile(r"(?:[A-Z][\w.]*\s)?[A-Z][\w.]*$")


def _country_organisations(text: str, cast: Cast) -> None:
    """Institutions introduced by their country: later 'the bank said' can point at them."""
    known = {org.name: org for org in cast.organisations}
    for tail in _OWNED_TAIL.finditer(text):
        owner = _OWNER_END.search(text, max(0, tail.start() - 40), tail.start())
        match = _COUNTRY_ORG.match(text, owner.start(), tail.end()) if owner else None
        if match is None:
            continue
        name = _owned_name(match)
        if name is None:
            continue
        org = known.get(name)
        if org is None:
            org = known[name] = Organisation(name, match.start("owner"))
            org.nouns.add(match.group("head"))
            cast.organisations.append(org)
        org.positions.append(match.start("owner"))


def build_cast(text: str) -> Cast:
    """Everyone the article introduces: full names first, so lone surnames can join them."""
    cast = Cast()
    intros = sorted(
        _introductions(text), key=lambda intro: (len(intro.name.split()) < 2, intro.start)
    )
    for intro in intros:
        cast.add(intro)
    cast.people.sort(key=lambda person: person.start)
    _organisations(text, cast)
    _country_organisations(text, cast)
    return cast
