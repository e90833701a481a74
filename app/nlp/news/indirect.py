"""Reported speech without quotation marks, where a speech verb and a clear speaker exist.

'Kerry confirmed the U.S. was considering additional sanctions ...' (speaker first: the
sentence is the statement) and 'The British government had been clear that ..., Hammond
said.' (speaker last: the clause before the attribution is the statement).
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from app.nlp.news.cues import Cue, is_subject, subject_before
from app.nlp.news.lexicon import (
    AUX_WORDS,
    CLAUSE_VERBS,
    ELSEWHERE_RE,
    OCCUPATIONS,
    PHRASE_VERBS,
    ROLE_TITLES,
)
from app.nlp.news.text import Block

_VERBS = "|".join(sorted(CLAUSE_VERBS, key=len, reverse=True))
_AUX = "|".join(sorted(AUX_WORDS, key=len, reverse=True))
_SUBJ = r"[^,.;:!?\n]{1,60}?"
# '..., Hammond said.' / '..., he told reporters on Sunday.'
_TAIL = (
    r"(?:\s+(?:reporters|journalists|(?:the\s+)?[A-Z][\w.]*(?:\s+[A-Z][\w.]*)*|(?:on|in|at|during|"
    r"after|before|last|this|earlier|later|to|from|via|late|yesterday|today|when|while)\b"
    r"[^,.;:!?]{0,40}))?"
)
_TRAILING_SV = re.compile(
    rf"(?P<clause>[^\n]+?),\s+(?P<subj>{_SUBJ})\s+(?:(?:{_AUX})\s+){{0,3}}(?P<verb>{_VERBS})"
    rf"\b{_TAIL}[.!?]?$"
)
# '..., said Hammond.'
_TRAILING_VS = re.compile(rf"(?P<clause>[^\n]+?),\s+(?P<verb>{_VERBS})\s+(?P<subj>{_SUBJ})[.!?]?$")
# '..., according to the Britain-based Syrian Observatory for Human Rights.'
_TRAILING_ACCORDING = re.compile(
    rf"(?P<clause>[^\n]+?),\s+(?P<verb>(?i:according\s+to))\s+(?P<subj>{_SUBJ})"
    r"(?:,\s+(?:a|an|the)\s[^,.;:!?]{1,60})?[.!?]?$"
)
_PHRASES = "|".join(
    re.escape(p).replace(r"\ ", r"\s+") for p in sorted(PHRASE_VERBS, key=len)[::-1]
)
_OF = re.compile(r"\bof\b")
_CLAUSE_VERB = re.compile(rf"\b(?:{_PHRASES}|{_VERBS})\b")
# 'The First Minister, Morag Lindsay, has called for': the office before the name is part
# of the statement's subject.
_OFFICE_FIRST = re.compile(r"(?:The|[A-Z][\w.]*['’]s)\s+(?:[\w-]+\s+){0,3}(?P<last>[\w-]+),")
_ROLE_WORDS = frozenset(word for title in ROLE_TITLES for word in title.split())
_OPENERS = re.compile(
    r"(?:(?:But|And|However|Meanwhile|Yet|So|Still|Also|Separately|Earlier|Later|Now)\b,?\s*)?"
    r"(?:(?:[Oo]n|[Ii]n|[Aa]t|[Ll]ast|[Ee]arlier|[Ll]ater|[Tt]his)\s+[\w-]+(?:\s+[\w-]+)?)?"
)
# 'State Department spokesman John Kirby said': capitalised words naming the speaker's
# organisation stand before the title.
_ORG_MODIFIER = re.compile(r"(?:The\s+)?[A-Z][\w.’'-]*(?:\s+[A-Z][\w.’'-]*){0,3}")
# 'told reporters that', 'told the BBC' before the reported clause.
_TOLD_OBJECT = re.compile(r"\s+(?:(?:the\s+)?[\w’'-]+\s+){1,3}?(?:that\s+)?")


@dataclass(frozen=True)
class Reported:
    """A reported statement: the words' span, the cue that attributes it, elsewhere-ness."""

    start: int
    end: int
    cue: Cue
    elsewhere: bool


def _occupied(prefix: str) -> bool:
    """A few words ending in an occupation or title: 'Mountain rescue volunteer'."""
    words = prefix.split()
    return 0 < len(words) <= 4 and (
        words[-1].casefold() in OCCUPATIONS or words[-1].casefold() in _ROLE_WORDS
    )


def _words(text: str) -> int:
    return len(text.split())


def elsewhere_near(text: str, cue: Cue) -> bool:
    """'Boris has previously said', 'said last year', 'told the BBC in 2014': markers between
    the speaker and the verb or in the few words after the verb."""
    tail_end = min(len(text), cue.verb_end + 45)
    tail = text[cue.verb_end : tail_end].split(",")[0].split(".")[0]
    if cue.label_end <= cue.verb_start:
        middle = text[cue.label_end : cue.verb_end]
    else:
        middle = text[cue.verb_start : cue.verb_end]
    return bool(ELSEWHERE_RE.search(middle) or ELSEWHERE_RE.search(tail))


def _trailing(text: str, sentence: Block) -> Reported | None:
    for pattern, how in (
        (_TRAILING_SV, "before"),
        (_TRAILING_VS, "after"),
        (_TRAILING_ACCORDING, "according_to"),
    ):
        match = pattern.match(text, sentence.start, sentence.end)
        if not match or not is_subject(match.group("subj")) or _words(match["clause"]) < 4:
            continue
        cue = Cue(*match.span("subj"), *match.span("verb"), how)
        start, end = match.span("clause")
        return Reported(start, end, cue, elsewhere_near(text, cue))
    return None


def _leading(text: str, sentence: Block) -> Reported | None:
    verb = _CLAUSE_VERB.search(text, sentence.start, sentence.end)
    if verb is None:
        return None
    subject = subject_before(text, sentence.start, verb.start())
    if subject is None:
        return None
    prefix = text[sentence.start : subject[0]].strip()
    modifier = bool(prefix) and _ORG_MODIFIER.fullmatch(prefix) is not None
    opener = _OPENERS.fullmatch(prefix)
    if not (prefix == "" or prefix.endswith(",") or opener or modifier):
        return None
    office = _OFFICE_FIRST.fullmatch(prefix)
    if office and office.group("last").casefold() in _ROLE_WORDS:
        modifier = True
    if _occupied(prefix):  # 'Backbench lawmaker Olek Brandvold accused ...'
        modifier = True
    begin = sentence.start if modifier else subject[0]
    rest_start = verb.end()
    if verb.group() == "told":
        told = _TOLD_OBJECT.match(text, rest_start, sentence.end)
        rest_start = told.end() if told else rest_start
    rest = text[rest_start : sentence.end]
    if _words(rest) < 3 or rest.lstrip().startswith(("to ", "for ", "by ", "of ")):
        return None
    if verb.group().startswith("accuse") and not _OF.search(rest):
        return None  # 'accused the opposition of spreading lies' needs its 'of'

    cue = Cue(subject[0], subject[1], verb.start(), verb.end(), "before")
    return Reported(begin, sentence.end, cue, elsewhere_near(text, cue))


def find_reported(text: str, sentence: Block) -> Reported | None:
    """The reported statement in a sentence without quotation marks, if it has that shape."""
    return _trailing(text, sentence) or _leading(text, sentence)
