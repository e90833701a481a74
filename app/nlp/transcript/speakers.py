"""Who a transcript label names, using only the document: header, title line and body.

'SECRETARY KERRY' is the header's John Kerry; 'MR KIRBY' stays 'Kirby' when nothing in the
document gives a first name; 'FOREIGN MINISTER LAVROV' becomes 'Sergey Lavrov' when the body
says 'my friend Sergey Lavrov' and no other first name goes with Lavrov.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import dataclass

from app.nlp.names import TITLE_WORDS, family_name_first, fold, surname
from app.nlp.transcript.header import HeaderPerson, merge_people
from app.nlp.transcript.labels import TITLES, Label
from app.nlp.transcript.titles import STOP_WORDS, TitledName, titled_names

_NAME_WORD = r"(?:[A-Z][a-z][\w'’-]*|[A-Z]\.)"


def _folded(words: str) -> frozenset[str]:
    return frozenset(fold(word) for word in words.split())


# Capitalised words that stand before a surname without being a first name:
# "As John Kerry said", "Thank you, Kerry", "Russian Lavrov", "Today Kerry"; title-line
# words ("Interview With Chuck Todd") are in transcript_titles.STOP_WORDS.
_NOT_FIRST_NAMES = _folded(
    """
    A An The And But So As If When Then Thank Thanks Dear Well Yes No Okay Now Today Tomorrow
    I We My Our Your His Her Their This That Let Let's Mister Madam Sir Both Also Even Only
    Foreign Russian American British French German Iranian Syrian Chinese Saudi Turkish
    Monday Tuesday Wednesday Thursday Friday Saturday Sunday
    """
)


@dataclass(frozen=True)
class Speaker:
    name: str | None  # "John Kerry", "Kirby", or None (QUESTION, MODERATOR)
    role: str | None
    country: str | None
    surname: str | None


class LabelReader:
    """Reads who each label names, within one document; answers are cached per label text.

    The people a label can name are the header's and those a label names in full with a
    title ('Prime Minister Theresa May:'), so that a later 'Prime Minister:' is her too."""

    def __init__(
        self,
        people: tuple[HeaderPerson, ...],
        body: str,
        labels: Sequence[Label] = (),
        principal: HeaderPerson | None = None,
        issuer: str | None = None,
    ) -> None:
        self._principal = principal
        self._issuer = fold(issuer or "")
        self._people = merge_people(list(people), _labelled_people(labels))
        # Surnames that labels of their own name: 'PRESIDENT MOON' is not 'THE PRESIDENT'.
        self._named = {fold(lb.name.split()[-1]) for lb in labels if lb.name and not lb.role_only}
        # Offices that labels name alone: 'DR. BIDEN' beside 'THE PRESIDENT' is not the President.
        self._offices = {lb.title for lb in labels if lb.role_only and lb.title}
        self._body = body
        self._titled: list[TitledName] | None = None  # read from the body when first needed
        self._cache: dict[str, Speaker] = {}

    def read(self, label: Label) -> Speaker:
        key = f"{label.label}|{label.kind}"
        if key not in self._cache:
            self._cache[key] = self._read_label(label)
        return self._cache[key]

    def _read_label(self, label: Label) -> Speaker:
        if label.kind == "question":
            return Speaker(None, None, None, None)
        if label.role_only or not label.name:
            return self._by_role(label)
        surname = label.name.split()[-1]
        person = self._person(surname, label.title)
        if person is not None:
            name = self._fuller(person)
            role = person.role or label.title
            return Speaker(name, role, label.country or person.country, _last(name))
        full = label.name if len(label.name.split()) > 1 else self._body_name(surname)
        titled = self._titled_for(surname)
        role = label.title or (titled.title if titled else None)
        country = label.country or (titled.country if titled else None)
        name = full or self._recased(surname)
        return Speaker(name, role, country, _last(name))

    def _fuller(self, person: HeaderPerson) -> str:
        """A header surname alone ('Cameron' from 'PRIME MINISTER CAMERON' in the title) with
        the first name the body gives it under the same title ('my friend, Prime Minister
        David Cameron'). The title must agree: a body naming 'First Lady Michelle Obama'
        does not rename President Obama."""
        if len(person.name.split()) > 1:
            return person.name
        if self._titled is None:
            self._titled = titled_names(self._body)
        key = fold(person.name)
        names = {
            t.name
            for t in self._titled
            if fold(t.name.split()[-1]) == key
            and len(t.name.split()) > 1
            and (_title_fits(t.title, person.role) or _title_fits(person.role or "", t.title))
        }
        return names.pop() if len(names) == 1 else person.name

    def _recased(self, word: str) -> str:
        """A label word as the body spells it: 'Mccain' -> 'McCain' when the body writes
        'McCain'; unchanged when the body never writes it in mixed case."""
        forms = re.findall(rf"\b(?i:{re.escape(word)})\b", self._body)
        mixed = [f for f in forms if f[:1].isupper() and not f.isupper() and f != word]
        return max(set(mixed), key=mixed.count) if mixed else word

    def _by_role(self, label: Label) -> Speaker:
        """'THE PRESIDENT' is the header's only president; 'A:' is its only person."""
        if label.title is None:
            fits = list(self._people) if label.label == "A" else []
        else:
            fits = [p for p in self._people if _title_fits(label.title, p.role)]
        if len(fits) > 1:  # 'THE PRESIDENT' beside 'PRESIDENT MOON': the host, not Moon
            fits = [p for p in fits if not self._labelled(p)]
        if not fits and self._office_of_principal(label):
            assert self._principal is not None
            fits = [self._principal]
        if len(fits) == 1:
            found = fits[0]
            role = found.role or label.title
            return Speaker(found.name, role, found.country, _last(found.name))
        return Speaker(None, label.title, label.country, None)

    def _office_of_principal(self, label: Label) -> bool:
        """'Prime Minister:' on a GOV.UK page 'From: Prime Minister's Office, ... The Rt Hon
        Theresa May MP': the page's own minister, whose office only the issuer states, when
        no one else holds it and no label names her otherwise. A Foreign Office page's
        'Prime Minister:' is another person; parts such as 'Moderator:' are never hers."""
        principal = self._principal
        if principal is None or principal.role is not None or label.title not in TITLES:
            return False
        # The issuer must name the office: "From: Prime Minister's Office ... Theresa May".
        return fold(label.title) in self._issuer and not self._labelled(principal)

    def _labelled(self, person: HeaderPerson) -> bool:
        return bool({fold(w) for w in person.name.split()} & self._named)

    def _person(self, surname: str, title: str | None = None) -> HeaderPerson | None:
        """The header person a label's surname names: the last word of 'John Kerry', the
        family name of 'Moon Jae-in'; under an office title also the first word of a name
        printed family name first that no list knows ('PRIME MINISTER KISHIDA' for 'Kishida
        Fumio', 'PRIME MINISTER ORBÁN' for 'Orbán Viktor')."""
        key = fold(surname)
        found = [p for p in self._people if key in (fold(p.name.split()[-1]), _family(p.name))]
        if not found and title is not None:
            found = [p for p in self._people if _leads(p.name, key)]
        if len(found) > 1 and title is not None:  # 'FOREIGN MINISTER EXAMPLE' of two Examples
            found = [p for p in found if _title_fits(title, p.role)]
        if len(found) > 1 and title is None:
            found = [p for p in found if not any(_title_fits(t, p.role) for t in self._offices)]
        return found[0] if len(found) == 1 else None

    def _titled_for(self, surname: str) -> TitledName | None:
        """The body's 'Title Name' for this surname, when it names one person one way."""
        if self._titled is None:
            self._titled = titled_names(self._body)
        key = fold(surname)
        found = [t for t in self._titled if fold(t.name.split()[-1]) == key]
        return found[0] if len({(t.name, t.title) for t in found}) == 1 else None

    def _body_name(self, surname: str) -> str | None:
        """The one full name the body writes with this surname, else None."""
        pattern = re.compile(rf"((?:{_NAME_WORD}\s+){{1,2}})((?i:{re.escape(surname)}))\b")
        names = set()
        for match in pattern.finditer(self._body):
            first = _first_names(match.group(1).split())
            if first:
                names.add(" ".join([*first, match.group(2)]))
        by_first = {fold(n.split()[0]) for n in names}
        if len(by_first) != 1:
            return None
        return min(names, key=len)


def _labelled_people(labels: Sequence[Label]) -> list[HeaderPerson]:
    """People a label names with a title and a full name: 'PRIME MINISTER THERESA MAY'."""
    people = []
    for label in labels:
        if label.kind == "turn" and label.title and label.name and len(label.name.split()) > 1:
            people.append(HeaderPerson(label.name, label.title, label.country))
    return people


def _first_names(words: list[str]) -> list[str]:
    """The name words right before a surname: ['As', 'John'] -> ['John']."""
    kept: list[str] = []
    for word in reversed(words):
        key = fold(word)
        if key in _NOT_FIRST_NAMES or key in STOP_WORDS or word.lower() in TITLE_WORDS:
            break
        kept.insert(0, word)
    if kept and len(kept[0].rstrip(".")) == 1:
        return []  # an initial alone is not a first name: "J. Kerry" stays "Kerry"
    return kept


def _title_fits(title: str, role: str | None) -> bool:
    """'President' fits 'President'; 'Secretary' fits 'Secretary of State'."""
    if not role:
        return False
    title_key, role_key = fold(title), fold(role)
    return role_key == title_key or role_key.startswith(title_key + " ")


def _last(name: str) -> str:
    """The family name, whichever end of the name it is written at."""
    return surname(name)


def _family(name: str) -> str:
    return fold(surname(name)) if family_name_first(name) else fold(name.split()[-1])


def _leads(name: str, key: str) -> bool:
    words = name.split()
    return 2 <= len(words) <= 3 and fold(words[0]) == key
