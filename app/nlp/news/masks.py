"""A same-length copy of the article that the grammar reads: names without their trimmings.

US copy hangs things on a name that no rule should have to step over: a party tag
('Rep. Dana Whitfield Jr. (R-Ohio) said'), a generational suffix ('Jr.', 'III') and the
period of an abbreviated title ('Sen.', 'Gov.', 'Ms.'). They are replaced by spaces, so
every offset into the copy is an offset into the original, and quotes are still cut from
the original text. Two-letter initials ('U.S.') lose their periods the same way.
"""

from __future__ import annotations

import re

# '(R-Ohio)', '(D-Pa.)', '(I-Vt.)', '(R-N.M.)'; UK '(Lab)', '(Con)' after an MP's name.
_PARTY_TAG = re.compile(
    r"(?<=[A-Za-z.])\s\((?:[DRI]|Dem|Rep|Ind)\s?[-–]\s?[A-Z][A-Za-z.]*(?:\s[A-Z][A-Za-z.]*)?\)"
    r"|(?<=[a-z])\s\((?:Lab|Con|LD|Lib Dem|SNP|Green|Ind|Reform)\)"
)
# ' Jr.', ', Sr.', ' III' after a capitalised name.
_SUFFIX = re.compile(r"(?<=[a-z])(?:,?\s(?:Jr|Sr)\.?|\s(?:II|III|IV))(?=[\s,;:)]|$)")
# The period of an abbreviated title before a capitalised name: 'Sen. Kane', 'Ms. Okafor'.
_TITLE_DOT = re.compile(
    r"(?<![\w.])(?:Mr|Mrs|Ms|Dr|Prof|Sen|Rep|Gov|Gen|Lt|Col|Capt|Maj|Sgt|Adm|Cmdr|Supt|Insp|Det"
    r"|Rev|Amb|Atty|Cllr)(?P<dot>\.)(?=\s+[A-Z])"
)


# 'U.S.', 'U.K.': read as 'US', 'UK' (the text already never ends a sentence there).
_INITIALS = re.compile(r"(?<![\w.])([A-Z])\.([A-Z])\.(?=[\s,’'])")


def _blank(match: re.Match[str]) -> str:
    return " " * len(match.group())


def mask(text: str) -> str:
    """The text with party tags, name suffixes and title periods turned into spaces."""
    if "(" in text:
        text = _PARTY_TAG.sub(_blank, text)
    if "Jr" in text or "Sr" in text or " I" in text:
        text = _SUFFIX.sub(_blank, text)
    text = _INITIALS.sub(r"\1\2  ", text)
    return _TITLE_DOT.sub(lambda m: m.group()[:-1] + " ", text)
