"""A same-length copy of the article that the grammar reads: names without their trimmings.

US copy hangs things on a name that no rule should have to step over: a party tag
('Rep. Dana Whitfield Jr. (R-Ohio) said'), a generational suffix ('Jr.', 'III') and the
period of an abbreviated title ('Sen.', 'Gov.', 'Ms.'). They are replaced by spaces, so
every offset into the copy is an offset into the original, and quotes are still cut from
the original text. Two-letter initials ('U.S.') lose their periods the same way.

Each pattern starts with a literal character ('(', a title, '.') so the regex engine skips
ahead to candidates: masking costs a few milliseconds per megabyte.
"""

from __future__ import annotations

import re

# '(R-Ohio)', '(D-Pa.)', '(I-Vt.)', '(R-N.M.)'; UK '(Lab)', '(Con)' after an MP's name.
_PARTY_TAG = re.compile(
    r"\((?<=[A-Za-z.]\s\()(?:[DRI]|Dem|Rep|Ind)\s?[-–]\s?[A-Z][A-Za-z.]*(?:\s[A-Z][A-Za-z.]*)?\)"
    r"|\((?<=[a-z]\s\()(?:Lab|Con|LD|Lib Dem|SNP|Green|Ind|Reform)\)"
)
# ' Jr.', ', Sr.', ' III' after a capitalised name.
_SUFFIX = re.compile(r"(?<=[a-z])(?:,?\s(?:Jr|Sr)\.?|\s(?:II|III|IV))(?=[\s,;:)]|$)")
_SUFFIX_HINTS = ("Jr", "Sr", " II", " IV")
# The period of an abbreviated title before a capitalised name: 'Sen. Kane', 'Ms. Okafor'.
_TITLE_DOT = re.compile(
    r"(?:Mr|Mrs|Ms|Dr|Prof|Sen|Rep|Gov|Gen|Lt|Col|Capt|Maj|Sgt|Adm|Cmdr|Supt|Insp|Det|Rev|Amb"
    r"|Atty|Cllr)\.(?=\s+[A-Z])"
)
# 'U.S.', 'U.K.': read as 'US', 'UK' (the text already never ends a sentence there); the
# match is the final period.
_INITIALS = re.compile(r"\.(?<=(?<![\w.])[A-Z]\.[A-Z]\.)(?=[\s,’'])")


def mask(text: str) -> str:
    """The text with party tags, name suffixes and title periods turned into spaces."""
    edits: list[tuple[int, int, str]] = []
    for match in _PARTY_TAG.finditer(text):
        edits.append((match.start(), match.end(), " " * len(match.group())))
    if any(hint in text for hint in _SUFFIX_HINTS):
        for match in _SUFFIX.finditer(text):
            edits.append((match.start(), match.end(), " " * len(match.group())))
    for match in _TITLE_DOT.finditer(text):
        before = text[match.start() - 1 : match.start()]
        if not (before.isalnum() or before == "."):  # 'Prep.' is no title
            edits.append((match.end() - 1, match.end(), " "))
    for match in _INITIALS.finditer(text):
        end = match.end()
        edits.append((end - 4, end, text[end - 4] + text[end - 2] + "  "))
    if not edits:
        return text
    chars = list(text)
    for start, end, replacement in edits:
        chars[start:end] = replacement
    return "".join(chars)
