"""Office titles as shared data writes them, split into the title transcripts use and a country.

Wikidata and Popolo name an office with its country: 'President of the United States',
'United States Secretary of State', 'Chancellor of Germany'. Transcripts label the holder
'PRESIDENT OBAMA', so the title kept is 'President' and the country goes in its own field.
International offices keep their organisation instead: 'Secretary-General of the United
Nations' -> ('Secretary-General', organisation 'United Nations').
"""

from __future__ import annotations

from dataclasses import dataclass

from app.nlp.names import fold
from app.nlp.transcript.places import country_adjective, country_name

# Bodies whose officers have no country: the tail of 'Secretary General of NATO'.
_ORGANISATIONS = {
    "united nations": "United Nations",
    "nato": "NATO",
    "north atlantic treaty organization": "NATO",
    "european commission": "European Commission",
    "european council": "European Council",
    "european union": "European Union",
}


@dataclass(frozen=True)
class Office:
    title: str
    country: str | None
    organisation: str | None = None


def split_office(title: str, country: str | None, organisation: str | None = None) -> Office:
    """'President of the United States' -> President, United States; 'United States Secretary
    of State' -> Secretary of State, United States; a title naming no country is kept whole
    ('Secretary of State for Foreign and Commonwealth Affairs' with its row's country)."""
    words = title.split()
    given = (country_name(country) or country) if country else None
    for cut in range(len(words) - 1, 0, -1):  # '... of [the] COUNTRY', longest title first
        if fold(words[cut]) != "of":
            continue
        tail = " ".join(words[cut + 1 :])
        head = " ".join(words[:cut])
        named = country_name(tail)
        if named and given in (None, named):
            return Office(head, named, organisation)
        body = _ORGANISATIONS.get(fold(tail).removeprefix("the "))
        if body:
            return Office(head, given, organisation or body)
    for cut in range(1, min(4, len(words))):  # 'COUNTRY Title' / 'DEMONYM Title'
        lead = " ".join(words[:cut])
        named = country_name(lead) or (country_adjective(lead) if cut == 1 else None)
        if named and given in (None, named) and words[cut][:1].isupper():
            return Office(" ".join(words[cut:]), named, organisation)
    return Office(" ".join(words), given, organisation)


def split_country(role: str) -> tuple[str | None, str]:
    """A role as a user types it: 'US Secretary of State' -> ('United States', 'Secretary of
    State'), 'Ukrainian foreign minister' -> ('Ukraine', 'foreign minister'), 'Foreign
    Minister of France' -> ('France', 'Foreign Minister'); no country -> (None, role)."""
    words = role.split()
    for size in (3, 2, 1):
        if len(words) > size:
            lead = " ".join(words[:size])
            country = country_name(lead) or (country_adjective(lead) if size == 1 else None)
            if country:
                return country, " ".join(words[size:])
    head, sep, tail = role.rpartition(" of ")
    if sep and (country := country_name(tail)):
        return country, head
    return None, role
