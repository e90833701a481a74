"""Attribution cues: the speaker words and speech verb around a quote or reported clause.

Shapes news uses: '“Q,” X said' / '“Q,” said X' / 'X said: “Q”' / 'X, who ..., said "Q"' /
'according to X' / 'He said it was “highly dubious”' (the nearest verb before a fragment).
A cue only locates the words; deciding who they name is `referents`' job.
"""

from __future__ import annotations

import itertools
import re
from collections.abc import Callable, Iterator
from dataclasses import dataclass, replace

from app.nlp.news.lexicon import (
    ANONYMOUS_RE,
    AUX_WORDS,
    FRAMING_VERBS,
    HONORIFICS,
    OCCUPATIONS,
    ORG_HEADS,
    ROLE_TITLES,
    SPEECH_VERBS,
    words,
)
from app.nlp.roles import country_of


@dataclass(frozen=True)
class Cue:
    """Where the speaker is named (label) and the verb that reports the words."""

    label_start: int
    label_end: int
    verb_start: int
    verb_end: int
    how: str  # "after" | "before" | "according_to" | "headline"


_VERBS = "|".join(sorted(SPEECH_VERBS, key=len, reverse=True))
_AUX = "|".join(sorted(AUX_WORDS, key=len, reverse=True))
_SUBJ = r"[^,.;:!?“”\"«»\n()]{1,60}?"
# '," Johnson told', '” he later added', ', the US’ top diplomat said'
_AFTER_SV = re.compile(
    rf"[\s,]*(?P<subj>{_SUBJ})(?P<app>,\s*(?:\d{{1,3}}|who\b[^,]{{1,120}}|(?:the|a|an)\s[^,]{{1,50}}"
    rf"|[a-z][\w-]*(?:\s+[a-z][\w-]*){{0,3}}\s+[A-Z][^,]{{1,40}}),)?"
    rf"\s+(?:(?:{_AUX})\s+){{0,3}}(?P<verb>{_VERBS})\b"
)
# '," said Johnson, adding', ', says US Secretary of State'
_AFTER_VS = re.compile(
    rf"[\s,]*(?P<verb>{_VERBS})\s+(?P<subj>{_SUBJ})\s*(?=[,.;:!?\n]|$|\s+(?:in|on|at|during|"
    r"after|before|when|while|adding|according|as|referring|who|to|last|this|earlier|told|"
    r"from)\b)"
)
_ACCORDING = re.compile(
    rf"(?i:according\s+to)\s+(?P<subj>{_SUBJ})\s*(?=[,.;:!?\n]|$|\s+(?:in|on|at|who)\b)"
)
# The end of the words before a quote that introduce it whole: 'Kerry said: ', 'he told
# reporters on Sunday, ', 'Johnson said '.
_INTRO_END = re.compile(rf"(?:\b(?:{_VERBS})\b(?:\s+[^\s,:]+){{0,6}}\s*[,:]|\b(?:{_VERBS}))\s*$")
# Participles frame a fragment too: 'Orban saying his country would "never accept" quotas'.
_PARTICIPLES = words("saying telling adding warning insisting arguing describing calling")
_VERB_ANY = re.compile(
    r"\b(?:"
    + "|".join(sorted(SPEECH_VERBS | FRAMING_VERBS | _PARTICIPLES, key=len, reverse=True))
    + r")\b"
)
_TRAILING_AUX = re.compile(rf"(?:\s+(?:{_AUX}))+\s*$")
_TRAILING_TIME = re.compile(
    r"\s+(?:(?:(?:late|early)\s+)?on\s+(?:Monday|Tuesday|Wednesday|Thursday|Friday|Saturday|"
    r"Sunday)|(?:last|this)\s+(?:week|month|year|night|morning|afternoon|evening)|yesterday|"
    r"today|tonight)(?:\s+(?:morning|afternoon|evening|night))?\s*$"
)
# ', who is on his three-day visit to Britain,' between a name and its verb.
_APPOSITIVE_END = re.compile(r",\s*(?:who|whose|which|a|an|the|[0-9]|[a-z])[^,]*,\s*$")
_PRONOUN_END = re.compile(r"\b(?P<np>[Hh]e|[Ss]he|[Ii]t|[Tt]hey)\s*$")
_DET = r"(?:[Tt]he|[Aa]n?|[Hh]is|[Hh]er|[Ii]ts|[Tt]heir)"
_DESCRIPTOR_END = re.compile(
    rf"\b(?P<np>{_DET}\s+(?:(?:of|for|at|in)\s+(?:the\s+)?|(?!(?:the|a|an|and|or|but|that)\b)"
    r"[\w’'.-]+\s+){0,6}(?!(?:the|a|an|and|or|but|that)\b)[a-z][\w-]*)\s*$"
)
_NAMED_END = re.compile(
    r"(?P<np>(?:[Tt]he\s+)?[A-Z][\w’'.-]*(?:\s+(?:(?:of|for|al|bin|de|van|von)\s+)?"
    r"\(?[A-Z][\w’'.-]*\)?)*)\s*$"
)
_SMALL = words("of for the al bin de van von and")
_OWNED_END = re.compile(
    r"(?<![\w’'])(?P<np>(?P<owner>[A-Z][\w.]*(?:\s[A-Z][\w.]*)?)['’]s\s+(?:[a-z-]+\s+){0,2}"
    r"(?P<head>[a-z]+))\s*$"
)
# An apposition that names the speaker the head only describes.
_APPOSED_NAME = re.compile(
    r",\s*(?:[a-z][\w-]*\s+){0,3}(?P<np>[A-Z][\w’'-]+(?:\s+[A-Z][\w’'-]+)+),\s*$"
)
_UNNAMED_HEADS = words("a an one another the his her their its")
# How far from a quote its cue may stand, in characters. A cue is a few words and perhaps
# an apposition ('Paul Reyes, who advised two campaigns in the state, said'); reading
# further back would cost time in proportion to the sentence, per quote, and a sentence
# of 100 KB full of quotes would take minutes.
REACH = 600
# An apposition between a name and its verb is shorter than this many characters.
_SUBJECT_REACH = 320
# A subject noun phrase ('Democratic strategist Paul Reyes') is shorter than this.
_PHRASE_REACH = 120
_HONORIFICS = frozenset(h.rstrip(".") for h in HONORIFICS)
_DETERMINERS = words("the a an his her its their")
_ROLE_WORDS = frozenset(word for title in ROLE_TITLES for word in title.split())


def is_subject(phrase: str) -> bool:
    """A noun phrase that can name a speaker: pronoun, 'the ...' descriptor, a name, or
    someone unnamed ('one', 'another voter')."""
    words = phrase.split()
    if not words or len(words) > 8:
        return False
    if ANONYMOUS_RE.fullmatch(phrase.strip()):
        return True
    if len(words) == 1 and words[0].casefold() in {"he", "she", "it", "they"}:
        return True
    lowered = [w.casefold().strip("’'") for w in words]
    if any(w in SPEECH_VERBS or w in AUX_WORDS for w in lowered):
        return False
    if lowered[0] in _DETERMINERS:
        return len(words) > 1
    capitalised = [w[:1].isupper() or w[:1] == "(" for w in words]
    if not capitalised[0] and lowered[0] not in _ROLE_WORDS:
        # 'farmer Ana Petrovic', 'union leader Sara Holm': lowercase nouns, then a name
        first_name = capitalised.index(True) if True in capitalised else len(words)
        if first_name == len(words) or not all(capitalised[first_name:]):
            return False
        return all(low.isalpha() for low in lowered[:first_name])
    return all(
        cap or low in _SMALL or low in _ROLE_WORDS
        for cap, low in zip(capitalised, lowered, strict=True)
    )


def _cue(match: re.Match[str], how: str) -> Cue | None:
    start, end = match.span("subj")
    if not is_subject(match.group("subj")):
        return None
    verb = match.span("verb") if "verb" in match.groupdict() else match.span("subj")
    return Cue(start, end, verb[0], verb[1], how)


def after(text: str, start: int, end: int) -> Cue | None:
    """A cue right after a closing mark, up to the end of its sentence."""
    for pattern in (_AFTER_SV, _AFTER_VS):
        match = pattern.match(text, start, end)
        if match and (cue := _cue(match, "after")):
            return _apposed(text, match, cue)
    match = _ACCORDING.match(text, _skip(text, start, end), end)
    return _cue(match, "according_to") if match else None


def _apposed(text: str, match: re.Match[str], cue: Cue) -> Cue:
    """'a third, retired teacher Helen Brooks, said': the apposition names the speaker."""
    if "app" not in match.groupdict() or not match.group("app"):
        return cue
    head = match.group("subj").split()
    named = _APPOSED_NAME.search(text, match.start("app"), match.end("app"))
    if named and (head[-1][:1].islower() or head[0].casefold() in _UNNAMED_HEADS):
        return replace(cue, label_start=named.start("np"), label_end=named.end("np"))
    return cue


# '... “the talks failed” on Sunday, Kerry said.' -- an attribution closing the sentence.
_TAIL_SV = re.compile(
    rf",\s+(?P<subj>{_SUBJ})\s+(?:(?:{_AUX})\s+){{0,3}}(?P<verb>{_VERBS})\b[^,.;:!?]{{0,40}}"
    r"[.!?]?\s*$"
)


def tail(text: str, start: int, end: int) -> Cue | None:
    """A ', X said.' that ends the sentence after a quoted fragment."""
    match = _TAIL_SV.search(text, max(start, end - 260), end)
    return _cue(match, "after") if match else None


def according(text: str, start: int, end: int) -> Cue | None:
    """'..., according to X' anywhere in the span (X may be an outlet; `referents` judges)."""
    match = _ACCORDING.search(text, start, min(end, start + REACH))
    return _cue(match, "according_to") if match else None


def _skip(text: str, start: int, end: int) -> int:
    while start < end and (text[start].isspace() or text[start] == ","):
        start += 1
    return start


def is_intro(text: str, start: int, end: int) -> bool:
    """Words before a quote end the way an introduction does: 'X said:', 'he told reporters,'."""
    start = max(start, end - REACH)
    segment = text[start:end].rstrip()
    return segment.endswith(":") or _INTRO_END.search(text, start, end) is not None


def subject_before(text: str, start: int, verb_start: int) -> tuple[int, int] | None:
    """The noun phrase that ends right before a verb: 'Kerry, who ..., said' -> 'Kerry'."""
    if verb_start - _SUBJECT_REACH > start:
        start = _word_start(text, verb_start - _SUBJECT_REACH, verb_start)
    end = verb_start
    while True:  # 'Odhiambo on Monday denied', 'Boris has previously said'
        trailing = _TRAILING_AUX.search(text, max(start, end - _PHRASE_REACH), end)
        trailing = trailing or _TRAILING_TIME.search(text, max(start, end - _PHRASE_REACH), end)
        if not trailing:
            break
        end = trailing.start()
    appositive = _APPOSITIVE_END.search(text, start, end)
    if appositive:
        named = _APPOSED_NAME.search(text, appositive.start(), end)
        before = text[max(start, appositive.start() - 40) : appositive.start()].split()
        if (
            named
            and before
            and (before[-1][:1].islower() or before[0].casefold() in _UNNAMED_HEADS)
        ):
            # 'a third, retired teacher Helen Brooks, said', 'the minister, Anna Novak, said'
            return named.span("np")
        end = appositive.start()
    elif text[start:end].rstrip().endswith(","):
        end = text.rindex(",", start, end)  # "Novak’s deputy, Tom Reed, said"
    # The subject itself is a few words: only its end of the window is searched.
    near = _word_start(text, end - _PHRASE_REACH, end) if end - _PHRASE_REACH > start else start
    owned = _OWNED_END.search(text, near, end)
    if owned and country_of(owned.group("owner")) and owned.group("head") in ORG_HEADS:
        return owned.span("np")  # "Russia's foreign ministry said"
    for pattern in (_PRONOUN_END, _DESCRIPTOR_END, _NAMED_END):
        match = pattern.search(text, near, end)
        if match and is_subject(match.group("np")):
            if _coordinated(text, start, match.start("np")):
                return None
            if pattern is _NAMED_END:
                head = _HEAD_OF.search(text, start, match.start("np"))
                if head:  # 'A spokesman for the Pentagon said': the spokesman speaks
                    return head.start("np"), match.end("np")
                return _extend_left(text, start, match.start("np")), match.end("np")
            return match.span("np")
    return None


# 'A spokesman for the Pentagon', 'the leader of Hezbollah': the name is the complement of
# a title, and the title's holder is the subject.
_HEAD_OF = re.compile(
    r"\b(?P<np>(?:[Aa]n?|[Tt]he)\s+(?:[a-z][\w-]*\s+){1,3}(?:for|of|at|from)\s+)$"
)


def _coordinated(text: str, start: int, np_start: int) -> bool:
    """'Pike and Volkov said': a joint subject names no single speaker."""
    before = text[start:np_start].rstrip()
    return before.endswith((" and", " or", "&")) or before in {"and", "or"}


_LEFT_WORD = re.compile(r"(\S+)\s+$")


def _extend_left(text: str, start: int, np_start: int) -> int:
    """Take in titles before a name: 'EU commissioner Freya Nilsson', 'farmer Ana Petrovic'."""
    while True:
        match = _LEFT_WORD.search(text, start, np_start)
        if not match:
            return np_start
        word = match.group(1)
        low = word.casefold().rstrip(".")
        if not (
            low in _ROLE_WORDS
            or low in OCCUPATIONS
            or low in _HONORIFICS
            or country_of(word)
            or (word.isupper() and len(word) > 1)
        ):
            return np_start
        np_start = match.start(1)


def _word_start(text: str, start: int, end: int) -> int:
    """`start`, or the start of the next word when `start` cuts one."""
    if start == 0 or text[start - 1].isspace():
        return start
    space = text.find(" ", start, end)
    return end if space < 0 else space + 1


def verbs_before(
    text: str, start: int, end: int, quoted: Callable[[int], bool]
) -> list[tuple[int, int]]:
    """Speech and framing verbs in [start, end) outside quotes, nearest first (within
    REACH of `end`)."""
    start = max(start, end - REACH)
    found = [m.span() for m in _VERB_ANY.finditer(text, start, end) if not quoted(m.start())]
    return found[::-1]


_SECOND_VERB = re.compile(r"\b(?:and|but)\s+$")
_AFTER_COMMA = re.compile(r",\s*$")
# The verb of a sentence's main clause, right after its subject: 'Reyes shrugged',
# 'Chancellor Rachel Sutton defended', 'she has'. Only the sentence's first words are read.
_MAIN_VERB = re.compile(
    r"(?:(?<=\s)|^)(?:[A-Z][\w’'.-]*|[Hh]e|[Ss]he|[Tt]hey)\s+"
    r"(?P<verb>has|had|have|was|is|were|will|would|[a-z]{2,}(?:ed|es|s))\b"
)
_LEAD_REACH = 160


def lead(text: str, start: int, end: int) -> Cue | None:
    """The subject of the sentence's main clause, as the cue of a quote that a non-speech
    verb introduces ('Reyes shrugged it off with a joke: “Q”') or a participle frames."""
    verb = _MAIN_VERB.search(text, start, min(end, start + _LEAD_REACH))
    if verb is None:
        return None
    subject = subject_before(text, start, verb.start("verb"))
    if subject is None:
        return None
    return Cue(subject[0], subject[1], verb.start("verb"), verb.end("verb"), "before")


def before(text: str, start: int, end: int, quoted: Callable[[int], bool]) -> list[Cue]:
    """The nearest cue before a quote within its sentence, if any."""
    return list(itertools.islice(iter_before(text, start, end, quoted), 1))


def iter_before(text: str, start: int, end: int, quoted: Callable[[int], bool]) -> Iterator[Cue]:
    """Cues before a quote within its sentence, nearest first ('BBC reported, adding Kerry
    said the "root cause"' gives Kerry first, BBC second). Lazy: the caller usually takes
    the first, and a sentence may hold hundreds of verbs."""
    sentence_start, start = start, max(start, end - REACH)
    for verb_start, verb_end in verbs_before(text, start, end, quoted):
        if text.startswith(" by ", verb_end):
            continue  # passive: 'described by one deputy as a "marathon"'
        if _SECOND_VERB.search(text, max(start, verb_start - 6), verb_start):
            continue  # 'The State Department said ... and warned of “Q”': the earlier verb's
            # subject is the speaker, not the words before 'and'
        if text[verb_start:verb_end] in _PARTICIPLES and _AFTER_COMMA.search(
            text, max(start, verb_start - 4), verb_start
        ):
            # 'Ortiz brushed the idea aside, calling it “unworkable”': the participle's
            # subject is the sentence's
            found = lead(text, sentence_start, verb_start)
            if found:
                yield found
            continue
        subject = subject_before(text, start, verb_start)
        if subject:
            yield Cue(subject[0], subject[1], verb_start, verb_end, "before")
    match = _ACCORDING.search(text, start, end)
    if match and (cue := _cue(match, "according_to")):
        yield cue
