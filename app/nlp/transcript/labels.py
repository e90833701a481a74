"""Speaker labels of transcripts: 'SECRETARY KERRY:', 'MR. KIRBY:', 'QUESTION:', 'Q:'.

A label is an uppercase run at the start of a paragraph followed by a colon, optionally
with a parenthetical note before the colon ('FOREIGN MINISTER LAVROV (via interpreter):').
Labels carry no digits. White House style 'Q  Mr. President, ...' (no colon) is accepted
for the single letter Q only. Words that head non-speech paragraphs ('NOTE:', 'UPDATE:',
'EDITOR'S NOTE:', 'PRN:') are not labels: a note is part of the text around it.

British transcripts write labels in mixed case ('Prime Minister:', 'Question:', 'Theresa
May:'). Mixed case is also how headings and field names look ('Location:', 'Further
information:'), so a mixed-case label must be a question word, start with a known title, be
a role ('Moderator:'), or be a two- or three-word personal name that is not a place; and the
words after its colon must start like speech (a capital, a quote, a bracket or a new line).
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from app.nlp.names import title_case
from app.nlp.roles import country_of
from app.nlp.transcript.places import is_place

# Uppercase words with the punctuation names and honorifics use: "MR.", "O'BRIEN", "AL-JUBEIR";
# lowercase particles inside names: "FOREIGN MINISTER de MISTURA".
# "SENATOR McCAIN" keeps the lowercase c of Mc.
_WORD = r"(?:Mc)?[A-Z][A-Z.'’-]*"
_PARTICLE = r"(?:de|da|del|al|el|van|von|bin|ibn|la|le|du|der)"
# A capitalised word of a mixed-case label: "Prime", "Minister", "O'Brien", "U.K.".
_CAPITALISED = r"[A-Z][\w.'’-]*"
_NOTE = r"(?:[ \t]*\((?P<{}>[^()\n]{{1,40}})\))?[ \t]*:"
_LABEL = re.compile(
    rf"^[ \t]*(?P<label>{_WORD}(?:[ \t]+(?:{_WORD}|{_PARTICLE}))*)"
    + _NOTE.format("note")
    + r"(?=\s|$)"
    + rf"|^[ \t]*(?P<mixed>{_CAPITALISED}(?:[ \t]+(?:{_CAPITALISED}|{_PARTICLE})){{0,5}})"
    + _NOTE.format("mixed_note")
    + r"(?=[ \t]*(?:\n|$)|[ \t]+[A-Z\"“‘'(\[—–-])"
    + r"|^[ \t]*(?P<q>Q)(?:[ \t]*:|[ \t]+(?=[^\sa-z]))",
    re.MULTILINE,
)
_MAX_WORDS = 7
_MAX_MIXED_NAME_WORDS = 3


def _wordset(words: str) -> frozenset[str]:
    return frozenset(words.split())


# Paragraph heads that are not speakers: "NOTE: ...", "EDITOR'S NOTE:", "PRN: 2016/1234".
_NOT_SPEAKERS = _wordset(
    """
    NOTE NOTES UPDATE UPDATED CORRECTION CLARIFICATION EDITOR EDITOR'S EDITORS PRN SOURCE
    SOURCES PHOTO PHOTOS CAPTION CREDIT WATCH READ RELATED BREAKING ADVERTISEMENT SUBSCRIBE
    SEE ALSO TAGS TOPICS WARNING DISCLAIMER EXCERPT EXCERPTS TRANSCRIPT SUMMARY BACKGROUND
    DATE TIME VENUE LOCATION SUBJECT RE FROM TO CC BCC TEL FAX EMAIL WEB URL FILE FILED
    EMBARGOED RELEASE IMMEDIATE CONTACT MEDIA ADDRESS AGENDA TITLE DATELINE
    """
)
# Abbreviations that head a headline-style paragraph ("U.S.: ...") but never label a speaker.
_NOT_ALONE = _wordset("U.S US U.K UK UN U.N EU NATO ISIS ISIL OK")
QUESTION_LABELS = frozenset(
    {"Q", "QUESTION", "QUESTIONER", "REPORTER", "JOURNALIST", "AUDIENCE MEMBER",
     "AUDIENCE QUESTION"}
)  # fmt: skip
# Capitalised words that open a mixed-case heading or salutation, never a name:
# "Dear Colleagues:", "Ladies and Gentlemen:", "Key Points:", "Further Information:".
_NOT_NAME_WORDS = _wordset(
    """
    DEAR LADIES GENTLEMEN FRIENDS COLLEAGUES EXCELLENCIES EXCELLENCY KEY POINTS FURTHER
    INFORMATION NOTES LINKS MORE QUESTIONS ANSWERS ANSWER STATEMENT REMARKS SPEECH PRESS
    RELEASE RELEASES MONDAY TUESDAY WEDNESDAY THURSDAY FRIDAY SATURDAY SUNDAY JANUARY FEBRUARY
    MARCH APRIL JUNE JULY AUGUST SEPTEMBER OCTOBER NOVEMBER DECEMBER THE OUR MY YOUR THIS
    ONE TWO THREE FOUR FIVE FIRST SECOND THIRD FINALLY STEP PART CHAPTER SECTION NUMBER
    GOOD MORNING AFTERNOON EVENING UNITED NATIONS EUROPEAN UNION COUNCIL COMMITTEE MINISTRY
    OFFICE GOVERNMENT HOUSE SENATE CONGRESS PARLIAMENT DEPARTMENT AGENCY
    """
)
# Labels naming a part someone plays, not a person: speaker unknown, role from the label.
_ROLE_ONLY = _wordset(
    """
    MODERATOR OPERATOR PARTICIPANT PARTICIPANTS STAFF AUDIENCE INTERPRETER TRANSLATOR ANNOUNCER
    NARRATOR EMCEE MC HOST ANCHOR INTERVIEWER CORRESPONDENT PANELIST SPEAKER OFFICIAL OFFICIALS
    CHAIR A
    """
)
# Bodies whose officers' labels name them first: "NATO Secretary General Jens Stoltenberg:".
_BODIES = _wordset("NATO UN U.N EU E.U OSCE IAEA WHO IMF")
# Numbering after a role-only label: "SENIOR STATE DEPARTMENT OFFICIAL ONE".
_NUMBERING = _wordset("ONE TWO THREE FOUR FIVE I II III IV")

# Titles a label may start with, longest first, mapped to the role they name.
_TITLES: dict[str, str | None] = {
    "SECRETARY OF STATE": "Secretary of State",
    "SECRETARY OF DEFENSE": "Secretary of Defense",
    "SECRETARY-GENERAL": "Secretary-General",
    "SECRETARY GENERAL": "Secretary-General",
    "DEPUTY SECRETARY": "Deputy Secretary",
    "UNDER SECRETARY": "Under Secretary",
    "ASSISTANT SECRETARY": "Assistant Secretary",
    "FOREIGN SECRETARY": "Foreign Secretary",
    "DEFENSE SECRETARY": "Defense Secretary",
    "DEFENCE SECRETARY": "Defence Secretary",
    "PRESS SECRETARY": "Press Secretary",
    "SECRETARY": "Secretary",
    "FOREIGN MINISTER": "Foreign Minister",
    "DEFENSE MINISTER": "Defense Minister",
    "DEPUTY PRIME MINISTER": "Deputy Prime Minister",
    "PRIME MINISTER": "Prime Minister",
    "MINISTER": "Minister",
    "VICE PRESIDENT": "Vice President",
    "FIRST LADY": "First Lady",
    "SECOND GENTLEMAN": "Second Gentleman",
    "SECOND LADY": "Second Lady",
    "FIRST GENTLEMAN": "First Gentleman",
    "PRESIDENT": "President",
    "CROWN PRINCE": "Crown Prince",
    "KING": "King",
    "QUEEN": "Queen",
    "EMIR": "Emir",
    "CHANCELLOR": "Chancellor",
    "HIGH REPRESENTATIVE": "High Representative",
    "SPECIAL ENVOY": "Special Envoy",
    "ENVOY": "Envoy",
    "AMBASSADOR": "Ambassador",
    "SENATOR": "Senator",
    "CONGRESSMAN": "Congressman",
    "CONGRESSWOMAN": "Congresswoman",
    "REPRESENTATIVE": "Representative",
    "GOVERNOR": "Governor",
    "MAYOR": "Mayor",
    "LIEUTENANT GENERAL": "Lieutenant General",
    "GENERAL": "General",
    "ADMIRAL": "Admiral",
    "COLONEL": "Colonel",
    "CAPTAIN": "Captain",
    "DEPUTY SPOKESPERSON": "Deputy Spokesperson",
    "SPOKESPERSON": "Spokesperson",
    "SPOKESMAN": "Spokesperson",
    "SPOKESWOMAN": "Spokesperson",
    "DIRECTOR": "Director",
    "ADMINISTRATOR": "Administrator",
    "CHAIRMAN": "Chairman",
    "SPEAKER": "Speaker",
    "MR.": None, "MR": None, "MS.": None, "MS": None, "MRS.": None, "MRS": None,
    "MISS": None, "DR.": None, "DR": None, "SIR": None, "DAME": None, "LORD": None,
    "LADY": None, "SHEIKH": None, "PM": "Prime Minister",
    # Abbreviated ranks and offices of Pentagon and Hill transcripts: "SEC. AUSTIN", "GEN. MILLEY".
    "SEC.": "Secretary", "GEN.": "General", "LT. GEN.": "Lieutenant General",
    "MAJ. GEN.": "Major General", "BRIG. GEN.": "Brigadier General", "ADM.": "Admiral",
    "REAR ADM.": "Rear Admiral", "VICE ADM.": "Vice Admiral", "COL.": "Colonel",
    "LT. COL.": "Lieutenant Colonel", "CAPT.": "Captain", "AMB.": "Ambassador",
    "SEN.": "Senator", "REP.": "Representative", "GOV.": "Governor",
}  # fmt: skip
_TITLE_ORDER = sorted(_TITLES, key=lambda t: -len(t.split()))
# The same titles as prose writes them, for title lines: "U.K. Foreign Secretary Boris Johnson".
TITLES = tuple(sorted({r for r in _TITLES.values() if r}, key=len, reverse=True))


@dataclass(frozen=True)
class Label:
    """One speaker label as written, and what its words say about the speaker."""

    label: str  # "FOREIGN SECRETARY JOHNSON"
    start: int  # offset of the label's first letter
    end: int  # offset just past the colon (or past "Q" in 'Q  Mr. President')
    kind: str  # "turn" | "question"
    title: str | None  # "Foreign Secretary"; "Moderator" for role-only labels
    name: str | None  # "Johnson", "John Kerry" (display case); None for QUESTION / MODERATOR
    country: str | None  # "United Kingdom" for "U.K. FOREIGN SECRETARY JOHNSON"
    note: str | None  # "via interpreter"
    role_only: bool = False  # "THE PRESIDENT", "MODERATOR": a part, not a name


def find_labels(text: str) -> list[Label]:
    """Every speaker label at a paragraph start, in order; on a page with (almost) no colon
    labels, also the labels written alone on their line (see `_bare_labels`)."""
    labels = []
    for match in _LABEL.finditer(text):
        label = _read(match)
        if label is not None:
            labels.append(label)
    if len(labels) < _FEW_LABELS:
        bare = _bare_labels(text)
        if bare:
            starts = {label.start for label in labels}
            labels = sorted([*labels, *(b for b in bare if b.start not in starts)],
                            key=lambda label: label.start)  # fmt: skip
    return labels


# Some GOV.UK pages set the label alone on its line with no colon:
#     Prime Minister
#     Thank you, François, for welcoming me to Paris.
# Headings look the same, so such a line counts only when it is a question word or starts
# with a known title, the next line reads as speech, and the page has a question label and
# at least three of them: the shape of a question-and-answer session.
_BARE_LINE = re.compile(
    r"^[ \t]*(?P<bare>[A-Z][\w.'’-]*(?:[ \t]+[A-Za-z][\w.'’-]*){0,4})[ \t]*$", re.M
)
_SPEECH_LINE = re.compile(r"[ \t]*[(\[\"“‘']?[A-Z].*\b[a-z]{2,}\b.*[.?!…\"”’)]\s*$")
_FEW_LABELS = 2  # colon labels below which a page may be using bare ones
_MIN_BARE = 3


def _bare_labels(text: str) -> list[Label]:
    found = []
    for match in _BARE_LINE.finditer(text):
        after = text.find("\n", match.end()) + 1
        following = text[after : text.find("\n", after) if "\n" in text[after:] else len(text)]
        if after == 0 or not _SPEECH_LINE.fullmatch(following):
            continue
        label = _bare_label(match.group("bare"), match.start("bare"), match.end("bare"))
        if label is not None:
            found.append(label)
    questions = sum(label.kind == "question" for label in found)
    return found if questions and len(found) >= _MIN_BARE else []


def _bare_label(written: str, start: int, end: int) -> Label | None:
    words = written.upper().split()
    if " ".join(words) in QUESTION_LABELS:
        return Label(written, start, end, "question", None, None, None, None)
    if _split_title(words)[0] is None or any(w.islower() for w in written.split()):
        return None
    title, name, country, role_only = describe(written)
    return Label(written, start, end, "turn", title, name, country, None, role_only)


def _read(match: re.Match[str]) -> Label | None:
    if match.group("q"):
        return Label("Q", match.start("q"), match.end(), "question", None, None, None, None)
    group = "label" if match.group("label") else "mixed"
    written = " ".join(match.group(group).split())
    words = written.upper().split()
    if len(words) > _MAX_WORDS or any(_bare(w) in _NOT_SPEAKERS for w in words):
        return None
    if len(words) == 1 and _bare(words[0]) in _NOT_ALONE:
        return None
    if group == "mixed" and not _speaker_like(written):
        return None
    raw_note = match.group("note" if group == "label" else "mixed_note")
    note = " ".join(raw_note.split()) if raw_note else None
    start = match.start(group)
    if " ".join(words) in QUESTION_LABELS:
        return Label(written, start, match.end(), "question", None, None, None, note)
    title, name, country, role_only = describe(written)
    return Label(written, start, match.end(), "turn", title, name, country, note, role_only)


def _speaker_like(written: str) -> bool:
    """A mixed-case label names a speaker: 'Question', 'Prime Minister', 'Moderator',
    'Chancellor Merkel' or a personal name ('Theresa May'), not 'Location' or 'New York'."""
    upper = written.upper()
    words = upper.split()
    if upper in QUESTION_LABELS or _split_title(words)[0] is not None:
        return True
    if len(words) > 2 and _bare(words[0]) in _BODIES and _split_title(words[1:])[0]:
        return True  # "NATO Secretary General Jens Stoltenberg"
    if words[-1] in _ROLE_ONLY and words[-1] != "A":
        return True
    if not 2 <= len(words) <= _MAX_MIXED_NAME_WORDS or any(
        _bare(w) in _NOT_NAME_WORDS for w in words
    ):
        return False
    if not all(re.fullmatch(r"[A-Z][a-z][\w'’-]*|[A-Z]['’][A-Z]\w+", w) for w in written.split()):
        return False
    return not is_place(written)


def describe(label: str) -> tuple[str | None, str | None, str | None, bool]:
    """(title, name, country, role_only) of a label: 'U.K. FOREIGN SECRETARY JOHNSON' ->
    ('Foreign Secretary', 'Johnson', 'United Kingdom', False); 'MODERATOR' -> role only."""
    written = label.split()
    country = country_of(written[0]) if len(written) > 1 else None
    if country or (len(written) > 2 and _bare(written[0].upper()) in _BODIES):
        written = written[1:]
    words = [w.upper() for w in written]
    if words[0] == "THE":
        return _role_case(" ".join(words[1:])), None, country, True
    core = words[:-1] if len(words) > 1 and words[-1] in _NUMBERING else words
    if core[-1] in _ROLE_ONLY:
        title = None if core == ["A"] else _role_case(" ".join(core))
        return title, None, country, True
    title, rest = _split_title(words)
    kept = written[len(words) - len(rest) :]
    name = " ".join(display_word(w) if _capitals(w) else w for w in kept) or None
    if name is None:
        return title, None, country, True
    return title, name, country, False


def _split_title(words: list[str]) -> tuple[str | None, list[str]]:
    """The longest known title at the start of the words, and the words after it."""
    for title in _TITLE_ORDER:
        size = len(title.split())
        if " ".join(words[:size]) == title:
            return _TITLES[title], words[size:]
    return None, words


def _role_case(words: str) -> str:
    """'SENIOR STATE DEPARTMENT OFFICIAL' -> 'Senior State Department Official'."""
    known = _TITLES.get(words)
    if known:
        return known
    small = {"OF", "FOR", "THE", "AND"}
    return " ".join(w.lower() if w in small else display_word(w) for w in words.split())


def _capitals(word: str) -> bool:
    """'KERRY' and 'McCAIN' are written in capitals; 'Kerry' and 'McCain' are not."""
    return word.removeprefix("Mc").isupper()


def display_word(word: str) -> str:
    """An all-capitals word in the case prose uses: 'KERRY' -> 'Kerry', "O'BRIEN" ->
    "O'Brien", 'MCCAIN' -> 'McCain' (Mc is always followed by a capital; Mac is not:
    'Mackay', 'Machado', so Mac is left to the document's own spelling)."""
    cased = title_case(word)
    if len(cased) > 3 and cased.startswith("Mc") and cased[2].isalpha():
        return "Mc" + cased[2].upper() + cased[3:]
    return cased


def _bare(word: str) -> str:
    return word.strip(".").replace("’", "'")
