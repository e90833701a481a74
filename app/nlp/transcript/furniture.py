"""Lines of a transcript page that nobody speaks: release furniture, trailers and captions.

Government pages wrap the words spoken in lines of another kind: who issued the release
('THE WHITE HOUSE', 'Office of the Press Secretary', 'For Immediate Release'), field labels
('From:', 'Location:'), clock times ('12:47 P.M. EST'), and after the last turn a trailer
('END', '(The briefing was concluded at 2:35 p.m.)', 'DPB # 194', '# # #', 'PRN: 2015/1234',
'Published 17 January 2017'). Photo captions sit between turns ('Secretary Kerry (left) and
...'). Each is recognised by the shape of the whole line, never by its place in one document.
"""

from __future__ import annotations

import re

from app.nlp.dates import find_date

# Photo captions: "Secretary John Kerry (right) and ... (left)", "[Photo] ...", "Photo: FCO".
CAPTION = re.compile(
    r"\((?:(?:far |at |second from )?(?:left|right)|cent(?:er|re)|l|r|c)\)"
    r"|^\s*\[?(?:photo|image|state department photo)\b",
    re.IGNORECASE,
)
# A clock time alone on its line: "12:47 P.M. EST", "1:42 p.m. EST", "10:00am".
TIME_LINE = re.compile(
    r"\(?\d{1,2}[:.]\d{2}\s*(?:[ap]\.?\s?m\.?)?(?:\s+[A-Z]{2,4})?\)?\.?", re.IGNORECASE
)
# Who issued the page, and release notices: never the title, the venue or a speaker.
_ISSUER = re.compile(
    r"(?:the )?white house|office of (?:the )?[\w' ]+|(?:u\.?s\.? )?department of state|"
    r"for immediate release|immediate release|embargoed\b.*|"
    r"as (?:prepared )?(?:for )?deliver(?:y|ed)|"
    r"check against delivery|\(?transcript of the speech[^()]*\)?|"
    r"prime minister's office\b.*|foreign (?:&|and) commonwealth office|gov\.uk|"
    r"index for today's briefing|transcript:?|home(?:\s*[»>/|•].*)?",
    re.IGNORECASE,
)
# A page's kind on a line of its own, above the real title on GOV.UK: "Speech", "Press release".
DOC_KIND = re.compile(
    r"speech|press release|news story|transcript|remarks|interview|press statement|"
    r"statement|media note|readout|press conference|oral statement to parliament",
    re.IGNORECASE,
)
# A field name of a GOV.UK page, its value after it or on the next line: "Location: Brussels".
FIELD = re.compile(
    r"(?P<field>From|Published|Delivered on|Location|First published|Last updated|Date|"
    r"Venue|Place|Time|Organisation|Part of):[ \t]*(?P<value>.*)",
    re.IGNORECASE,
)
# A photo caption closing a turn. Stricter than CAPTION: a spoken line may hold "(c)" or
# open with "Photo opportunities", so only "(left)", "(L)", "Photo:" and "[Photo]" count.
_TRAILING_CAPTION = re.compile(
    r"(?i:\((?:(?:far |at |second from )?(?:left|right)|cent(?:er|re))\))|\([LRC]\)"
    r"|^\[(?i:photo|image)\]|^(?i:photo|image|photo credit)\s*[:—–]"
)
# Lines after which nothing of the turn follows: the release is over.
_HARD_STOP = re.compile(
    r"(?:#[ \t]*){3,}|-30-|END(?:[ \t]+\d{1,2}[:.]\d{2}.*)?|[A-Z]{2,5}[ \t]*#[ \t]*\d+|"
    r"\((?:[^()\n]{0,60}\b)?(?:concluded|ended|adjourned|concludes|ends)\b[^()\n]{0,40}\)\.?|"
    r"(?i:notes? to editors?|further information|media enquiries|related links?):?"
)
# Lines that may close a turn without being speech: a stage note, a release mark or number.
_TRAILER = re.compile(
    r"\([^()\n]{1,60}\)\.?|(?:\*[ \t]*){3,}|(?:[-_=][ \t]*){3,}|"
    r"(?i:(?:prn|source|photo|photos|credit|image|tags|share(?: this page)?|topics?))\s*:.*",
)
_DATED_TRAILER = re.compile(r"(?i:published|first published|last updated|updated)\b:?\s+(.+)")


# Issuers that tell whose government speaks: 'THE PRESIDENT' of a White House release is the
# U.S. President, 'Prime Minister:' of a No. 10 page the British one.
_ISSUER_COUNTRIES = (
    (re.compile(r"the white house|office of the (?:press secretary|vice president|spokesperson)|"
                r"(?:u\.?s\.? )?department of (?:state|defense)|"
                r"u\.?s\.? mission to the united nations", re.I), "United States"),
    (re.compile(r"prime minister's office|10 downing street|gov\.uk|foreign(?:,| (?:&|and)) "
                r"commonwealth|ministry of defence", re.I), "United Kingdom"),
)  # fmt: skip


def issuer_country(line: str) -> str | None:
    """The government a header line names as the page's issuer, if it names one."""
    return next((c for pattern, c in _ISSUER_COUNTRIES if pattern.search(line)), None)


def is_issuer_line(line: str) -> bool:
    """'THE WHITE HOUSE', 'Office of the Press Secretary', 'For Immediate Release'."""
    return _ISSUER.fullmatch(line.strip()) is not None


def is_time_line(line: str) -> bool:
    """'12:47 P.M. EST' alone: when the event began or ended, never a title or a place."""
    return TIME_LINE.fullmatch(line.strip()) is not None


def is_hard_stop(line: str) -> bool:
    """'END', '# # #', 'DPB # 194', '(The briefing was concluded at 2:35 p.m.)', 'Notes to
    editors': the release's spoken part is over, so the turn ends before this line."""
    return _HARD_STOP.fullmatch(line.strip()) is not None


def is_trailer(line: str) -> bool:
    """A line that is not speech when it closes a turn: '(Applause.)', a photo caption,
    'PRN: 2015/1234', 'Source: ...', '* * *', a clock time, 'Published 17 January 2017'."""
    stripped = line.strip()
    if not stripped or is_hard_stop(stripped) or is_time_line(stripped):
        return True
    if _TRAILER.fullmatch(stripped) or _TRAILING_CAPTION.search(stripped):
        return True
    dated = _DATED_TRAILER.fullmatch(stripped)
    return dated is not None and find_date(dated.group(1)) is not None


def spoken_span(text: str, start: int, limit: int) -> tuple[int, int] | None:
    """Offsets of the spoken words in text[start:limit], None when there are none.

    The span ends before the first hard stop ('END') and before the trailer lines that close
    it ('(Applause.)', a caption, '* * *'); the first line with words is always kept, so
    'QUESTION: (Off-mike.)' stays a turn. Stage notes between spoken lines stay in the text.
    """
    lines = _lines(text, start, limit)
    spoken = [(s, e) for s, e in lines if text[s:e].strip()]
    if not spoken:
        return None
    kept = [spoken[0]]
    for line in spoken[1:]:
        if is_hard_stop(text[line[0] : line[1]]):
            break
        kept.append(line)
    while len(kept) > 1 and is_trailer(text[kept[-1][0] : kept[-1][1]]):
        kept.pop()
    first, last = kept[0], kept[-1]
    begin = first[0] + len(text[first[0] : first[1]]) - len(text[first[0] : first[1]].lstrip())
    end = last[0] + len(text[last[0] : last[1]].rstrip())
    return begin, end


def _lines(text: str, start: int, limit: int) -> list[tuple[int, int]]:
    """(start, end) of each line of text[start:limit], newlines excluded."""
    spans = []
    position = start
    while position < limit:
        newline = text.find("\n", position, limit)
        end = limit if newline < 0 else newline
        spans.append((position, end))
        position = end + 1
    return spans
