"""Named things no lexicon lists: capitalised phrases in running prose, found by rule.

A run of capitalised words ("Staffan de Mistura", "CBS News", "President Hollande") is cut at
fillers, at compound adjectives ("Britain-based") and at names the lexicon already found; office
titles are stripped from the front ("Foreign Secretary Philip Hammond" -> "Philip Hammond").
A lone capitalised word opening a sentence counts only if the text also capitalises it
mid-sentence: "Casualties continue" is grammar, "Assad is the magnet" is a name.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import dataclass

from app.nlp.topics.lexicon import TopicMention
from app.nlp.topics.text import Layout, Spans, sentence_initial
from app.nlp.topics.words import (
    COMMON_WORDS,
    COMPOUND_TAILS,
    CONNECTORS,
    EVENT_WORDS,
    GENERIC_WORDS,
    ORGANISATION_WORDS,
    PLACE_PREPOSITIONS,
    PLACE_WORDS,
    STOP_WORDS,
    TITLE_TAILS,
    TITLE_WORDS,
)

_UP = "A-ZÀ-ÖØ-ÞĆČĐŁŃŚŞŠŹŻŽİ"
_ABBR = r"(?:Mr|Mrs|Ms|Dr|St|Gen|Sen|Rep|Gov|Col|Lt|Prof|Sgt|Capt)\."
_PARTICLE = r"(?:al|el|ad|ash|as|an|ar|at|az|ibn|bin|abu)[-‐‑]"  # "al-Assad", "el-Sisi"
_CAP = (
    rf"(?:{_ABBR}|(?:[{_UP}]\.){{2,}}|[{_UP}]\.(?=[ \t]+[{_UP}])"
    rf"|(?:{_PARTICLE})?[{_UP}]\w*(?:[-‐‑'’]\w+)*)"
)
_CONN = "(?:" + "|".join(sorted(CONNECTORS)) + ")"
_RUN = re.compile(rf"(?<![\w.'’\-‐‑]){_CAP}(?:[ \t]+(?:{_CONN}[ \t]+)*{_CAP})*")
_TOKEN = re.compile(rf"{_CAP}|(?<!\w){_CONN}(?!\w)")
_POSSESSIVE = re.compile(r"(?:['’]s|(?<=s)['’])$")


@dataclass(frozen=True)
class _Token:
    start: int
    end: int
    word: str  # casefolded, possessive removed
    role: str  # "name" | "conn" | "title" | "break" | "known"
    shouted: bool = False  # all capitals, two letters or more: "IS", "THIS"


@dataclass(frozen=True)
class _Piece:
    tokens: tuple[_Token, ...]
    at_sentence_start: bool
    after_title: bool
    beside_known: bool


def discover_entities(text: str) -> list[TopicMention]:
    """Capitalised names in prose, with a guessed kind, in text order."""
    return discover(text, ())


def discover(text: str, known: Sequence[tuple[int, int]]) -> list[TopicMention]:
    """As discover_entities, treating the known spans (lexicon hits) as already named."""
    layout = Layout(text)
    spans = Spans(known)
    runs = [m for m in _RUN.finditer(text) if not layout.skipped(m.start())]
    tokenised = [(_tokens(text, m, spans), sentence_initial(text, m.start())) for m in runs]
    seen_mid = {
        t.word
        for tokens, initial in tokenised
        for i, t in enumerate(tokens)
        if t.role == "name" and (i > _lead(tokens) or not initial)
    }
    found: list[TopicMention] = []
    for tokens, initial in tokenised:
        for piece in _pieces(tokens, initial):
            mention = _mention(text, piece, seen_mid)
            if mention is not None:
                found.append(mention)
    return _link_surnames(found)


def _link_surnames(found: list[TopicMention]) -> list[TopicMention]:
    """A lone surname after the full name is that person: "Karim Haddad ... Haddad said"."""
    full: dict[str, set[str]] = {}
    for m in found:
        if m.kind == "person" and " " in m.name:
            full.setdefault(m.name.split()[-1], set()).add(m.name)
    linked = []
    for m in found:
        names = full.get(m.name, set()) if " " not in m.name else set()
        if len(names) == 1:
            m = TopicMention(names.pop(), "person", m.surface, m.start, m.end)
        linked.append(m)
    return linked


def _tokens(text: str, run: re.Match[str], known: Spans) -> list[_Token]:
    tokens = []
    for m in _TOKEN.finditer(text, run.start(), run.end()):
        word = _POSSESSIVE.sub("", m.group()).casefold().replace("’", "'")
        raw = m.group()
        role = _role(raw, word, m.start(), known)
        shouted = raw.isupper() and sum(ch.isalpha() for ch in raw) > 1
        tokens.append(_Token(m.start(), m.end(), word, role, shouted))
    return tokens


def _role(raw: str, word: str, start: int, known: Spans) -> str:
    if known.overlaps(start, start + len(raw)):
        return "known"
    if raw.islower() and word in CONNECTORS:
        return "conn"
    if word in TITLE_WORDS:
        return "title"
    tail = re.split(r"[-‐‑]", word)[-1]
    if word in STOP_WORDS or tail in COMPOUND_TAILS or _shouted_word(raw, word):
        return "break"  # "Well", "Britain-based", "IS" in "it IS true"
    return "name"


def _shouted_word(raw: str, word: str) -> bool:
    return raw.isupper() and word.strip(".") in COMMON_WORDS


def _pieces(tokens: list[_Token], initial: bool) -> list[_Piece]:
    """Cut a run at breaks and at names the lexicon found, then at office titles."""
    if any(t.role == "break" and t.shouted for t in tokens):
        return []  # "THIS IS NOT ACCEPTABLE": capitals for emphasis, not names
    pieces: list[_Piece] = []
    segment: list[int] = []
    for i in [*range(len(tokens)), len(tokens)]:
        if i < len(tokens) and tokens[i].role not in ("break", "known"):
            segment.append(i)
            continue
        if segment:
            before = segment[0] > 0 and tokens[segment[0] - 1].role == "known"
            after = i < len(tokens) and tokens[i].role == "known"
            at_start = initial and segment[0] == _lead(tokens)
            pieces += _split_titles(tokens, segment, at_start, before, after)
        segment = []
    return pieces


def _lead(tokens: list[_Token]) -> int:
    """Index of the first word after opening fillers: "Merry Christmas" opens at "Christmas"."""
    return next((i for i, t in enumerate(tokens) if t.role != "break"), len(tokens))


def _split_titles(
    tokens: list[_Token], segment: list[int], initial: bool, before: bool, after: bool
) -> list[_Piece]:
    """'Foreign Secretary Philip Hammond' -> 'Philip Hammond' (after a title). A phrase ending
    in an office or body keeps its title word: 'General Assembly', 'State Department'."""
    words = [tokens[i] for i in segment]
    names = [t for t in words if t.role == "name"]
    if names and names[-1].word in ORGANISATION_WORDS | PLACE_WORDS | EVENT_WORDS:
        kept = [_Token(t.start, t.end, t.word, "name") if t.role == "title" else t for t in words]
        return [_Piece(tuple(_trim(kept)), initial, False, before or after)]
    groups: list[tuple[list[_Token], bool]] = [([], False)]
    j = 0
    while j < len(words):
        if words[j].role == "title":
            j = _skip_title(words, j)
            groups.append(([], True))
            continue
        groups[-1][0].append(words[j])
        j += 1
    pieces = []
    for n, (group, titled) in enumerate(groups):
        trimmed = _trim(group)
        if trimmed:
            first_word = trimmed[0] is words[0]
            beside = (before and first_word) or (after and trimmed[-1] is words[-1])
            pieces.append(_Piece(tuple(trimmed), initial and n == 0 and first_word, titled, beside))
    return pieces


def _skip_title(words: list[_Token], j: int) -> int:
    """Past a title and its tail: 'Secretary of State', 'Minister for Foreign Affairs'."""
    j += 1
    while j < len(words):
        if _title_part(words[j]):
            j += 1
            continue
        k = j
        while k < len(words) and words[k].role == "conn":
            k += 1
        if k == j or k == len(words) or not _title_part(words[k]):
            return j
        j = k + 1
    return j


def _title_part(token: _Token) -> bool:
    return token.role == "title" or (token.role == "name" and token.word in TITLE_TAILS)


def _trim(tokens: list[_Token]) -> list[_Token]:
    while tokens and tokens[0].role == "conn":
        tokens = tokens[1:]
    while tokens and tokens[-1].role == "conn":
        tokens = tokens[:-1]
    return tokens


def _mention(text: str, piece: _Piece, seen_mid: set[str]) -> TopicMention | None:
    names = [t for t in piece.tokens if t.role == "name"]
    if not names:
        return None
    first, last = piece.tokens[0], piece.tokens[-1]
    surface = text[first.start : last.end]
    surface = _POSSESSIVE.sub("", surface)
    if len(names) == 1 and not _single_word_ok(surface, names[0].word, piece, seen_mid):
        return None
    if len(piece.tokens) == 1 and _vocative(text, first.start, last.end):
        return None
    if all(t.word in GENERIC_WORDS for t in names):
        return None
    name = " ".join(surface.split())
    kind = _kind(text, first.start, surface, names, piece.after_title)
    return TopicMention(name, kind, surface, first.start, first.start + len(surface))


def _vocative(text: str, start: int, end: int) -> bool:
    """A lone name set off by commas is someone addressed, not discussed: "even, Karen, it
    comes back to your question", "Thank you, Margaret."."""
    before = text[max(0, start - 2) : start].rstrip(" ")
    after = text[end : end + 1]
    return before.endswith(",") and after in {",", ".", "?", "!"}


def _single_word_ok(surface: str, word: str, piece: _Piece, seen_mid: set[str]) -> bool:
    """A lone word must be a real name: not generic, not beside a known name ('French
    Government'), and at a sentence start only if also capitalised elsewhere or an acronym."""
    letters = [ch for ch in surface if ch.isalpha()]
    if len(letters) < 2 or word in GENERIC_WORDS or piece.beside_known:
        return False
    if re.fullmatch(r"[IVX]+", surface):
        return False  # a roman numeral: "Geneva I"
    acronym = all(ch.isupper() for ch in letters)
    return not piece.at_sentence_start or acronym or word in seen_mid


def _kind(text: str, start: int, surface: str, names: list[_Token], after_title: bool) -> str:
    """Guess a kind from the phrase's last word, a title before it, or a place preposition."""
    words = [t.word for t in names if not re.fullmatch(r"[ivx]+|\d+", t.word)] or [names[-1].word]
    last = words[-1]  # "World War II" is a war
    if last in ORGANISATION_WORDS:
        return "organisation"
    if last in EVENT_WORDS:
        return "theme"
    if last in PLACE_WORDS:
        return "place"
    if after_title:
        return "person"
    letters = [ch for ch in surface if ch.isalpha()]
    if len(names) == 1 and all(ch.isupper() for ch in letters):
        return "organisation"  # "BBC", "OPEC"
    before = text[max(0, start - 12) : start].split()
    if before and before[-1].casefold() in PLACE_PREPOSITIONS:
        return "place"  # "in Lausanne"
    if len(names) == 1 and last.endswith(("ian", "ish", "ese", "ern")):
        return "place"  # a demonym adjective: "Lebanese", "Kurdish"
    return "person"
