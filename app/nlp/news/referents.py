"""Who a news cue refers to: 'Johnson' -> Boris Johnson, 'he' -> the last subject, 'the US’ top
diplomat' -> the Secretary of State, 'the monitor' -> the Syrian Observatory for Human Rights.

Precision first: an ambiguous label refers to nobody rather than to a guess. This is reference
within one article; matching a name to a stored speaker is `app.write.speaker_matching`.
"""

from __future__ import annotations

import bisect
import re
from collections.abc import Callable, Iterator, Sequence
from dataclasses import dataclass

from app.nlp.news.genders import learn_genders
from app.nlp.news.lexicon import (
    ABBREVIATED_TITLES,
    HONORIFICS,
    KNOWN_ORGS,
    MOUTHPIECES,
    NEWSPAPER_WORDS,
    NOT_NAMES,
    ORG_HEADS,
    ORG_SYNONYMS,
    OUTLET_SUFFIXES,
    OUTLETS,
    PARTY_WORDS,
    PLACES,
    PRONOUNS,
    PUBLICATION_SUFFIXES,
    ROLE_TITLES,
    words,
)
from app.nlp.news.people import Cast, Organisation, Person, country_organisation
from app.nlp.roles import ROLE_FAMILIES, country_of, role_family


@dataclass(frozen=True)
class Speaker:
    """The speaker a label refers to and the exact words (label) that named it."""

    name: str | None
    kind: str | None  # "person" | "organisation" | None
    person: Person | None
    method: str  # "named" | "pronoun" | "descriptor"
    confidence: float
    start: int
    end: int


_DETERMINERS = words("the a an his her its their")
_INDEFINITE = words("a an")
_OBJECT_WORDS = words(
    """
    with by to from alongside against on of for about at in into than between among towards
    toward like as via over under after before behind beside near during including involving
    told asked met urged thanked criticised criticized accused invited joined replaced and or
    """
)
_KNOWN_FAMILIES = frozenset(ROLE_FAMILIES)
# Between two names joined as one subject: ' and ', ' and Taliban negotiator '.
_JOINED = re.compile(r"\s+(?:and|&)\s+(?:[\w’'.-]+\s+){0,4}")
_CAPITALISED = re.compile(r"(?<![\w’'-])[A-Z][\w’'-]*")
_WORD_CHAR = re.compile(r"[\w-]")
_ROLE_KEYS = frozenset(ROLE_TITLES)
_POSSESSIVE_PRONOUNS = {"his": "male", "her": "female"}
# Words that may precede a sentence's subject besides capitalised ones: 'the prime minister'.
_LEAD_WORDS = frozenset(word for title in ROLE_TITLES for word in title.split()) | {"the"}
_LEAD_REACH = 80
# 'Simon Kerr of the Drivers' Alliance', 'Selin Aydemir at Bosphorus Capital': a name, then
# where the person works.
_COMPLEMENT = re.compile(r"\s+(?:of|at|from|with)\s+(?:the\s+)?[A-Z]")
_ROLE_WORDS = frozenset(word for title in ROLE_TITLES for word in title.split())
# How many earlier subjects a pronoun or a descriptor may look back over: far more than any
# article's chain of speakers, few enough that a 5 MB article resolves in linear time.
_LOOKBACK = 400


_HONORIFICS = frozenset(h.rstrip(".") for h in HONORIFICS)


def _is_honorific(word: str) -> bool:
    return word.casefold().rstrip(".") in _HONORIFICS


# A newspaper's name ends with its suffix; only the words before a suffix are read.
_PAPER_SUFFIX = re.compile(r"\b(?:" + "|".join(PUBLICATION_SUFFIXES) + r")\b")
_PAPER_NAME = re.compile(r"(?<![\w’'-])(?:[A-Z][\w.’'-]*\s+){0,3}[A-Z]\w*$")


def _publication_name(label: str) -> str | None:
    """'The Harbor Gazette' -> 'Harbor Gazette'; 'the Times' -> 'Times'."""
    label = label.strip()
    if not label.endswith(PUBLICATION_SUFFIXES):
        return None
    bare = label[4:] if label.startswith(("the ", "The ")) else label
    words = bare.split()
    if not words or len(words) > 4:
        return None
    return bare if all(word[:1].isupper() for word in words) else None


def _office_words(label: str) -> tuple[list[str], str | None]:
    """'the top U.S. diplomat' -> (['top', 'diplomat'], 'United States')."""
    words = [
        word
        for word, raw in zip(_norm_words(label), label.split(), strict=True)
        if word not in _DETERMINERS
        and not word.endswith("-based")
        and not (raw.isupper() and len(raw) > 1 and not country_of(raw))  # 'EU', 'UN'
    ]
    country = None
    for pair in ("united states", "united kingdom"):
        joined = " ".join(words)
        if pair in joined:
            country, words = country_of(pair), joined.replace(pair, "").split()
    for index, word in enumerate(words):
        if country is None and country_of(word):
            country, words = country_of(word), words[:index] + words[index + 1 :]
            break
    return words, country


def _is_title_token(word: str) -> bool:
    """'Mr', 'Sen', 'Councillor', 'pollster': a word that stands before a name."""
    low = word.casefold().rstrip(".")
    return low in _HONORIFICS or low in ABBREVIATED_TITLES or low in _ROLE_WORDS


def _is_name_token(word: str) -> bool:
    """A capitalised word that can be part of a person's name (not a title, not a party)."""
    return (
        word[:1].isupper()
        and not _is_title_token(word)
        and word not in PARTY_WORDS
        and word not in NOT_NAMES
    )


def _norm_words(label: str) -> list[str]:
    """'the US’ top diplomat' -> ['the', 'us', 'top', 'diplomat']."""
    cleaned = re.sub(r"(?<=\b[A-Za-z])\.", "", label.replace("’", "'"))
    return [re.sub(r"'s?$", "", word).casefold() for word in cleaned.split()]


_LEADING_FAMILIES = frozenset({"head of state", "head of government"})


def _leads(role: str, country: str | None, person: Person) -> bool:
    """'the Russian leader' is the president or prime minister of Russia the article named;
    without a country 'the leader' could be anyone's, so it names no one."""
    return (
        role == "leader"
        and country is not None
        and person.country == country
        and role_family(person.role) in _LEADING_FAMILIES
    )


class Referents:
    """The referents of labels in one article's cast, remembering who was last the subject."""

    def __init__(
        self,
        text: str,
        cast: Cast,
        quoted: Callable[[int], bool],
        sentences: Sequence[tuple[int, int]] = (),
    ) -> None:
        self.text, self.cast = text, cast
        self._sentences = sentences
        self._sentence_starts = [start for start, _ in sentences]
        mentions = self._name_mentions(quoted)
        learn_genders(text, sentences, mentions, quoted)
        self._events: list[Speaker] = []
        self._event_pos: list[int] = []
        self._pairs: dict[int, tuple[Person, Person]] = {}
        self._static = sorted(
            self._subject_mentions(mentions) + self._organisation_mentions(quoted),
            key=lambda event: event[0],
        )
        self._static_pos = [pos for pos, _ in self._static]
        self._org_names = {org.name for org in cast.organisations} | KNOWN_ORGS
        papers = []
        suffixes = (
            _PAPER_SUFFIX.finditer(text)
            if any(suffix in text for suffix in PUBLICATION_SUFFIXES)
            else ()
        )
        for suffix in suffixes:
            found = _PAPER_NAME.search(text, max(0, suffix.start() - 60), suffix.end())
            name = _publication_name(found.group()) if found else None
            if found and name and not quoted(found.start()):
                papers.append((found.start(), name))
        self._paper_pos = [position for position, _ in papers]
        self._papers = [name for _, name in papers]

    # --- antecedents -------------------------------------------------------------------
    def _subject_mentions(
        self, mentions: list[tuple[int, int, Person]]
    ) -> list[tuple[int, Speaker]]:
        """Names outside quotes in subject position ('Boris spoke', not 'alongside Kerry').

        Two names joined as one subject ('Karim Sadat and Taliban negotiator Abdul Hakim
        Haqqani met ...') become one 'pair' event: a later 'he' could mean either.
        """
        found: list[tuple[int, Speaker]] = []
        previous: tuple[int, Person, bool] | None = None  # end, person, was a subject
        for start, end, person in mentions:
            subject = not self._is_object(start, end)
            if previous and self._joined(previous, start, person):
                found.pop()
                self._pairs[start] = (previous[1], person)
                found.append((start, Speaker(None, "pair", None, "named", 0.0, start, end)))
                previous = (end, person, False)
                continue
            if subject:
                found.append((start, self._person(person, "named", (start, end))))
            previous = (end, person, subject)
        return found

    def _joined(self, previous: tuple[int, Person, bool], start: int, person: Person) -> bool:
        """'Sadat and Taliban negotiator Haqqani': a subject, 'and', a few words, a name."""
        end, other, was_subject = previous
        return (
            was_subject
            and other is not person
            and _JOINED.fullmatch(self.text, end, start) is not None
        )

    def _name_mentions(self, quoted: Callable[[int], bool]) -> list[tuple[int, int, Person]]:
        """Every cast name outside quotes, longest alias first; 'Sadat' inside 'Karim Sadat'
        is not read again."""
        by_first: dict[str, list[str]] = {}
        for alias in {a for person in self.cast.people for a in person.aliases}:
            by_first.setdefault(alias.split()[0], []).append(alias)
        for aliases in by_first.values():
            aliases.sort(key=len, reverse=True)
        mentions = []
        covered = 0
        for word in _CAPITALISED.finditer(self.text):
            start = word.start()
            if start < covered:
                continue
            key = re.sub(r"['’]s?$", "", word.group()).casefold()
            matched = self._alias_at(start, by_first.get(key, []))
            if matched is None or quoted(start):
                continue
            covered = start + len(matched)
            person = self.cast.find_alias(matched, start)
            if person is not None:
                mentions.append((start, covered, person))
        return mentions

    def _alias_at(self, start: int, aliases: list[str]) -> str | None:
        """The longest alias written at `start` and ending at a word boundary."""
        for alias in aliases:
            end = start + len(alias)
            if self.text[start:end].casefold() == alias and not _WORD_CHAR.match(self.text, end):
                return alias
        return None

    def _is_object(self, start: int, end: int) -> bool:
        """'alongside Kerry', 'told Kerry', 'Kerry’s plan': not the subject of a sentence."""
        before = self.text[max(0, start - 20) : start].split()
        if before and before[-1].casefold() in _OBJECT_WORDS:
            return True
        return self.text[end : end + 2] in {"’s", "'s"}

    def _organisation_mentions(self, quoted: Callable[[int], bool]) -> list[tuple[int, Speaker]]:
        """Organisation names outside quotes: what a later 'it said' can point at."""
        found = []
        for org in self.cast.organisations:
            for position in org.positions:
                if not quoted(position):
                    end = position + len(org.name)
                    found.append(
                        (
                            position,
                            Speaker(org.name, "organisation", None, "named", 0.9, position, end),
                        )
                    )
        return found

    def note(self, position: int, speaker: Speaker) -> None:
        """Record a speaker found for a label as the latest subject at `position`."""
        index = bisect.bisect_right(self._event_pos, position)
        self._event_pos.insert(index, position)
        self._events.insert(index, speaker)

    def _subjects_before(self, position: int) -> Iterator[tuple[Speaker, bool]]:
        """Subjects before `position`, latest first, each with whether it spoke: speakers
        found for quotes and named mentions merged. At most _LOOKBACK of them: a pronoun never
        reaches further back, which keeps each lookup short however long the article is."""
        i = bisect.bisect_left(self._event_pos, position) - 1
        j = bisect.bisect_left(self._static_pos, position) - 1
        for _ in range(_LOOKBACK):
            if i < 0 and j < 0:
                return
            if j < 0 or (i >= 0 and self._event_pos[i] >= self._static_pos[j]):
                yield self._events[i], True
                i -= 1
            else:
                yield self._static[j][1], False
                j -= 1

    def _antecedent(self, position: int, want: str) -> Speaker | None:
        """The latest subject before `position` compatible with the pronoun's gender/kind;
        but when that one is a name inside a sentence whose main subject or speaker also fits
        ('Crossley spoke a day after President Dalton urged ... “Q,” he said', '“Q1,” Crossley
        said after the meeting, which Dalton had called. “Q2,” he added'), that one."""
        chosen: Speaker | None = None
        sentence = 0
        for speaker, spoke in self._subjects_before(position):
            if chosen is not None:
                if speaker.start < sentence:
                    break
                if self._fits(speaker, want) and (spoke or self._leads(speaker.start, sentence)):
                    return speaker
                continue
            if want == "organisation":
                if speaker.kind == "organisation":
                    return speaker
                continue
            if speaker.kind == "pair":
                fits = [p for p in self._pairs[speaker.start] if p.gender in (None, want)]
                if len(fits) == 1:
                    return self._person(fits[0], "named", (speaker.start, speaker.end))
                if fits:
                    return None  # 'Kerry and Lavrov met. “Q,” he said.': either could speak
                continue
            if speaker.kind != "person":
                continue
            if not self._fits(speaker, want):
                continue
            sentence = self.sentence_start(speaker.start)
            if spoke or self._leads(speaker.start, sentence):
                return speaker
            chosen = speaker
        return chosen

    def sentence_start(self, position: int) -> int:
        index = bisect.bisect_right(self._sentence_starts, position) - 1
        return self._sentence_starts[index] if index >= 0 else position

    @staticmethod
    def _fits(speaker: Speaker, want: str) -> bool:
        if speaker.kind != "person":
            return False
        gender = speaker.person.gender if speaker.person else None
        return gender in (None, want)

    def _leads(self, position: int, sentence: int) -> bool:
        """Is the name at `position` its sentence's subject: only an opener ('On Friday,')
        and titles ('British Prime Minister') stand before it?"""
        if position - sentence > _LEAD_REACH:
            return False
        before = self.text[sentence:position]
        before = before.rsplit(",", 1)[-1] if "," in before else before
        return all(
            word[:1].isupper() or word.casefold().rstrip(".") in _LEAD_WORDS
            for word in before.split()
        )

    # --- reference ----------------------------------------------------------------------
    def referent(self, start: int, end: int) -> Speaker | None:
        """The speaker a label names, or None (outlets, places, unknown or ambiguous)."""
        label = self.text[start:end]
        words = label.split()
        lowered = label.casefold()
        if lowered in PRONOUNS:
            return self._pronoun(lowered, start, end)
        if len(words) > 1 and words[0].casefold() in _POSSESSIVE_PRONOUNS:
            return self._mouthpiece(words, start, end)
        if words[0].casefold() in _INDEFINITE:
            return None  # 'a spokesman said', 'a spokesman for the Pentagon': someone unnamed
        org = self._publication(label, start, end) or self._organisation(label, start, end)
        if org or self.is_outlet(label) or lowered in {"they", "we", "i", "you"}:
            return org
        if words[0].casefold() in _DETERMINERS and not words[-1][:1].isupper():
            return self._descriptor(label, start, end)
        return self._named(label, start, end)

    def _mouthpiece(self, words: list[str], start: int, end: int) -> Speaker | None:
        """'His office said in a statement', 'her campaign said': the person they speak for
        (the pronoun's antecedent); 'his lawyer' or 'her brother' is someone else."""
        if words[-1].casefold() not in MOUTHPIECES:
            return None
        found = self._antecedent(start, _POSSESSIVE_PRONOUNS[words[0].casefold()])
        if found is None or found.kind != "person":
            return None
        return Speaker(found.name, found.kind, found.person, "pronoun", 0.7, start, end)

    def _pronoun(self, word: str, start: int, end: int) -> Speaker | None:
        found = self._antecedent(start, PRONOUNS[word])
        if found is None:
            return None
        return Speaker(found.name, found.kind, found.person, "pronoun", 0.75, start, end)

    def is_outlet(self, label: str) -> bool:
        """'BBC', 'local media reports', 'CBS News' relay words; they do not speak them.
        A newspaper does ('the Times reported that', 'the newspaper said')."""
        bare = label.removeprefix("the ").removeprefix("The ")
        if _publication_name(label) or label.casefold() in NEWSPAPER_WORDS:
            return False
        return bare in OUTLETS or label in OUTLETS or bare.endswith(OUTLET_SUFFIXES)

    def _publication(self, label: str, start: int, end: int) -> Speaker | None:
        """A newspaper by name, or 'the newspaper' for the last one the article named."""
        name = _publication_name(label)
        if name is None and label.casefold() in NEWSPAPER_WORDS:
            index = bisect.bisect_left(self._paper_pos, start) - 1
            name = self._papers[index] if index >= 0 else None
        if name is None:
            return None
        return Speaker(name, "organisation", None, "named", 0.8, start, end)

    def _organisation(self, label: str, start: int, end: int) -> Speaker | None:
        owned = country_organisation(label)
        if owned:  # "Russia's foreign ministry"
            return Speaker(owned, "organisation", None, "named", 0.85, start, end)
        bare = re.sub(r"^(?:(?:the|The)\s+|\S+-based\s+|\S+['’]s\s+)+", "", label)
        if bare in self._org_names:
            offset = start + len(label) - len(bare)
            return Speaker(bare, "organisation", None, "named", 0.9, offset, end)
        words = bare.split()
        head = _COMPLEMENT.search(bare)
        if head and self.cast.find_alias(bare[: head.start()].strip(), start):
            return None  # 'Simon Kerr of the Drivers' Alliance' is Simon Kerr
        if len(words) > 1 and words[-1].casefold() in ORG_HEADS and words[0][:1].isupper():
            offset = start + len(label) - len(bare)
            return Speaker(bare, "organisation", None, "named", 0.8, offset, end)
        return None

    def _named(self, label: str, start: int, end: int) -> Speaker | None:
        """The longest tail of the label that is a known name: 'Saturday Kerry' -> Kerry."""
        spans = [m.span() for m in re.finditer(r"\S+", label)]
        for first in range(len(spans)):
            piece = label[spans[first][0] :].strip()
            key = re.sub(r"['’]s$", "", piece)
            person = self.cast.find_alias(key, start)
            if person:
                begin = first
                while begin > 0 and _is_honorific(label[slice(*spans[begin - 1])]):
                    begin -= 1
                return self._person(person, "named", (start + spans[begin][0], end))
        head = _COMPLEMENT.search(label)
        if head and head.start() > 0:  # 'Simon Kerr of the Drivers' Alliance'
            person = self.cast.find_alias(label[: head.start()].split()[-1], start)
            if person is None and " " in label[: head.start()].strip():
                person = self.cast.find_alias(" ".join(label[: head.start()].split()[-2:]), start)
            if person is not None:
                return self._person(person, "named", (start, start + head.start()))
            found = self._unintroduced(label[: head.start()], start, start + head.start())
            if found is not None:
                return found
        if any(title in label.casefold() for title in _ROLE_KEYS):
            return self._descriptor(label, start, end)
        return self._unintroduced(label, start, end)

    def _unintroduced(self, label: str, start: int, end: int) -> Speaker | None:
        """A name the article never introduced: 'Mr Smith', 'Jane Smith' or 'Republican Sen
        Mark Ellison' as written, less its titles; one bare word is no one's name."""
        words = label.split()
        first = len(words)
        while first > 0 and _is_name_token(words[first - 1]):
            first -= 1
        names = words[first:]
        titled = first > 0 and _is_title_token(words[first - 1])
        if not names or any(w in NOT_NAMES or w in PLACES or country_of(w) for w in names):
            return None
        if not (titled or len(names) >= 2):
            return None
        return Speaker(" ".join(names), "person", None, "named", 0.7, start, end)

    def _person(self, person: Person, method: str, span: tuple[int, int]) -> Speaker:
        confidence = 0.95 if method == "named" else 0.8
        return Speaker(person.name, "person", person, method, confidence, span[0], span[1])

    def office(self, start: int, end: int) -> tuple[str, str] | None:
        """(office, country) a descriptor names when the article introduced no holder:
        'the top U.S. diplomat' -> ('Top Diplomat', 'United States'), so the caller can look
        the holder up by date. Only known offices with a country: 'the minister' is no one."""
        words, country = _office_words(self.text[start:end])
        if not words or country is None or role_family(" ".join(words)) not in _KNOWN_FAMILIES:
            return None
        return " ".join(word[:1].upper() + word[1:] for word in words), country

    def _descriptor(self, label: str, start: int, end: int) -> Speaker | None:
        """'the US’ top diplomat' -> the person holding that office (country must agree)."""
        words, country = _office_words(label)
        if not words:
            return None
        org = self._org_descriptor(words[-1], start)
        if org:
            return Speaker(org.name, "organisation", None, "descriptor", 0.75, start, end)
        person = self._office_holder(" ".join(words), country, start)
        return self._person(person, "descriptor", (start, end)) if person else None

    def _org_descriptor(self, head: str, position: int) -> Organisation | None:
        wanted = ORG_SYNONYMS.get(head, frozenset({head}) if head in ORG_HEADS else frozenset())
        matches = [org for org in self.cast.organisations if org.nouns & wanted]
        earlier = [org for org in matches if org.start < position]
        pool = earlier or matches
        return pool[-1] if pool else None

    def _office_holder(self, role: str, country: str | None, position: int) -> Person | None:
        """Exact title beats same office family beats same head noun; ties go to the latest."""
        family = role_family(role)
        scored: list[tuple[int, Person]] = []
        for person in self.cast.people:
            if not person.role or (country and person.country and person.country != country):
                continue
            held = person.role.casefold()
            if held == role:
                scored.append((3, person))
            elif family in _KNOWN_FAMILIES and role_family(held) == family:
                scored.append((2, person))
            elif " " not in role and held.split()[-1] == role:
                scored.append((1, person))  # 'the minister' for the Foreign Minister
            elif _leads(role, country, person):
                scored.append((1, person))  # 'the Russian leader' for Russian President Putin
        if not scored:
            return None
        best = max(score for score, _ in scored)
        pool = [person for score, person in scored if score == best]
        if country:
            exact = [p for p in pool if p.country == country]
            pool = exact or pool
        return pool[0] if len(pool) == 1 else self._latest(pool, position)

    def _latest(self, pool: list[Person], position: int) -> Person | None:
        """Among equally good office holders, the one most recently the subject."""
        for speaker, _ in self._subjects_before(position):
            if speaker.person in pool:
                return speaker.person
        return None
