"""Who asks: reporters named by a moderator, by the principal calling on them, or by themselves.

Transcripts print 'Q' or 'QUESTION' for every reporter, but the words around name them:
- a moderator: 'Our next question comes from Sam Doe with Example News.', 'We'll go to the
  line of Sam Doe of Example News.';
- the principal calling on them: 'PRESIDENT X: Sam Doe.', 'Go ahead, Sam.', 'Sam, go ahead.';
- the reporter: 'Q Sam Doe from Example Daily, sir.', 'Hi, Sam Doe, Example News.'.
The name is given to the next question only: a follow-up after the answer may be anyone's,
and a wrong name is worse than none. A first name alone ('Go ahead, Sam') names the reporter
only when the same document names exactly one questioner with that first name in full.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from app.nlp.names import TITLE_WORDS, fold
from app.nlp.transcript.places import is_place

_NAME_WORD = r"(?:[A-Z][a-z]+(?:[-'’][A-Z]?[a-z]+)*|[A-Z]\.|(?:Mc|O['’])[A-Z][a-z]+)"
_NAME = rf"(?P<name>{_NAME_WORD}(?:\s+{_NAME_WORD}){{0,2}})"
_FULL_NAME = rf"(?P<name>{_NAME_WORD}(?:\s+{_NAME_WORD}){{1,2}})"
_OUTLET_WORD = r"(?:[A-Z][\w&'’.+-]*|&|of|the|and|de|la|du)"
_OUTLET = rf"(?P<outlet>(?:[Tt]he\s+)?[A-Z0-9][\w&'’.+-]*(?:\s+{_OUTLET_WORD}){{0,6}})"
_FROM = r"(?:,\s*|\s+(?:with|from|of|at|for)\s+(?:the\s+)?)"
_END = r"\s*(?:[.,!;:]|--|—|$)"

# A moderator or principal announcing the next questioner, anywhere in their turn.
_ANNOUNCED = [
    re.compile(
        r"\b(?:next|first|last|final|following|another)\s+(?:question|one)\s+(?:(?:will\s+)?comes?\s+|"
        r"is\s+|goes\s+)?(?:from|to)\s+(?:the\s+line\s+of\s+)?"
        + _NAME
        + rf"(?:{_FROM}{_OUTLET})?{_END}"
    ),
    re.compile(
        r"\b(?:(?:go|going|turn|move|head)\s+(?:over\s+|now\s+)?to|(?:start|begin)\s+with|"
        r"call\s+on|recogni[sz]e)\s+(?:the\s+line\s+of\s+)?"
        + _NAME
        + rf"(?:{_FROM}{_OUTLET})?{_END}"
    ),
    re.compile(
        r"\b(?:[Gg]o ahead|[Yy]ou're up|[Yy]our question)[,.]?\s+"
        + _NAME
        + rf"(?:{_FROM}{_OUTLET})?{_END}"
    ),
    re.compile(r"(?:^|[.!?]\s+)" + _NAME + r",\s+(?:go ahead|please|you're up)\b"),
    re.compile(
        r"\b(?:[Nn]ext up|[Uu]p next|[Nn]ext),?\s+(?:we have|we've got|we'll hear from|it's)\s+"
        + _NAME
        + rf"(?:{_FROM}{_OUTLET})?{_END}"
    ),
]
# A turn that is nothing but a name (and an outlet): 'Sam Doe.', 'Yes, Sam.', 'Sam Doe, ABC.'
_CALLED = re.compile(
    r"(?:(?:Yes|Okay|OK|All right|Alright|Please|Let's see|Let me go to|Let's go to)[,.]?\s+)?"
    + _NAME
    + rf"(?:{_FROM}{_OUTLET})?[.!]?"
)
# Words before a bare name that show the speaker is taking questions: 'We'll take a couple of
# questions. Julie Example.' A speech ending 'Merry Christmas.' or 'Slava Ukraini!' has none.
_CUE = re.compile(r"\b(?:questions?|go ahead|next|call on|take (?:a|one|two|a few|some))\b", re.I)
# A sentence break: a full stop after a lowercase word ('Mr.' and 'U.S.' do not end one).
_SENTENCE = re.compile(r"(?<=[a-z0-9][.!?])\s+(?=[A-Z])")
# A reporter introducing themselves at the start of a question.
_VOCATIVE = (
    r"(?:Mr\.? President|Madam (?:President|Secretary)|Mr\.? Secretary|Prime Minister|"
    r"Chancellor|sir|ma'am|everyone|everybody|all|guys)"
)
_GREETING = (
    r"(?:(?:(?:Hi|Hello|Hey|Yes|Thank you(?: very much| so much)?|Thanks(?: so much)?|"
    rf"Good (?:morning|afternoon|evening))(?:,?\s+(?:{_VOCATIVE}|[A-Z][a-z]+))?|{_VOCATIVE})"
    r"\s*[.,!]\s*)*"
)
_INTRODUCED = re.compile(
    rf"{_GREETING}(?:(?:I'm|I am|[Tt]his is|[Ii]t's|[Mm]y name is)\s+)?{_FULL_NAME}"
    rf"{_FROM}{_OUTLET}(?:\s*[.,!;]|\s+--|\s+—)"
)
# Words that follow "go ahead" or stand alone without being anyone's name.
_NOT_NAMES = TITLE_WORDS | frozenset(
    fold(w)
    for w in """
    Sir Ma'am Madam Mr Mrs Ms Miss Dr President Secretary Minister Prime Chancellor
    Ambassador Please Thank Thanks Yes No Okay Ok Everyone Everybody Guys Folks Next
    Question Questions Operator Moderator Here There Back Sure Right Now Then Again Well
    Great Good Thank-you Go Ahead Let Let's All Right Alright The This That And But So
    We You I It In On At Mic Microphone Line Floor Press Room Gentlemen Ladies Friends
    Please Hello Hi Hey Merry Happy Slava Glory Long God Peace Shalom Salaam Ramadan Eid Shana
    Congratulations Cheers Bravo Amen Welcome
    """.split()  # noqa: SIM905
)


# Words after an outlet that are not part of it: "Example Daily, sir", "ABC, Mr. President".
_NOT_OUTLET = frozenset(
    fold(w) for w in ["Sir", "Ma'am", "Madam", "Mr", "Mr.", "President", "Secretary", "Please"]
)


@dataclass(frozen=True)
class Questioner:
    name: str | None  # "Sam Doe"; "Sam" when only a first name was said
    outlet: str | None  # "Example News"


def announced(text: str, taking_questions: bool = False) -> Questioner | None:
    """The reporter a moderator's or principal's turn calls on last, if it names one; 'Go
    ahead, Sam' after 'Let's go to Sam Doe with Example News' is that Sam Doe. A bare name
    closing a longer turn is a call only once questions are being taken (`taking_questions`:
    a question came earlier) or the turn says so ('We'll take two questions.')."""
    calls = []
    for pattern in _ANNOUNCED:
        for match in pattern.finditer(text):
            if _is_name(match.group("name")):
                outlet = match.group("outlet") if "outlet" in match.groupdict() else None
                calls.append(
                    (match.start(), Questioner(_spaced(match.group("name")), _outlet(outlet)))
                )
    sentences = _SENTENCE.split(text.strip())
    whole = _CALLED.fullmatch(sentences[-1])  # '... We'll take two questions.  Sam Doe.'
    cued = len(sentences) == 1 or taking_questions or _CUE.search(" ".join(sentences[:-1]))
    if whole and cued and _is_name(whole.group("name")):
        calls.append(
            (len(text), Questioner(_spaced(whole.group("name")), _outlet(whole.group("outlet"))))
        )
    if not calls:
        return None
    calls.sort(key=lambda c: c[0])
    called = calls[-1][1]
    return completed(called, [c for _, c in calls]) or called


def introduced(text: str) -> Questioner | None:
    """'Sam Doe from Example Daily, sir. ...': the reporter who names themselves first."""
    match = _INTRODUCED.match(text.strip())
    if match is None or not _is_name(match.group("name")):
        return None
    outlet = _outlet(match.group("outlet"))
    return Questioner(_spaced(match.group("name")), outlet) if outlet else None


def completed(called: Questioner, known: list[Questioner]) -> Questioner | None:
    """'Sam' becomes the one 'Sam Doe' the document names; a lone first name is no one."""
    if called.name is None or len(called.name.split()) > 1:
        return called
    first = fold(called.name)
    fuller = {q.name for q in known if q.name and len(q.name.split()) > 1
              and fold(q.name.split()[0]) == first}  # fmt: skip
    if len(fuller) != 1:
        return None
    name = fuller.pop()
    outlet = called.outlet or next((q.outlet for q in known if q.name == name and q.outlet), None)
    return Questioner(name, outlet)


def _is_name(name: str | None) -> bool:
    """A person's name: no title or courtesy word in it, and not a place ('Iran')."""
    if not name or any(fold(w) in _NOT_NAMES for w in name.split()):
        return False
    return not is_place(" ".join(name.split()))


def _spaced(name: str) -> str:
    """'Jennifer\nExample' (a name across a line break) -> 'Jennifer Example'."""
    return " ".join(name.split())


def _outlet(outlet: str | None) -> str | None:
    """'Example News' as said; a trailing 'sir' or small word is not part of it."""
    if not outlet:
        return None
    words = outlet.split()
    for index, word in enumerate(words):  # the sentence's full stop ends it; 'U.S.' does not
        if word.endswith(".") and word.count(".") == 1 and len(word) > 2:
            words = [*words[:index], word[:-1]]
            break
    while words and (words[-1].islower() or fold(words[-1]) in _NOT_OUTLET):
        words.pop()
    return " ".join(words) or None
